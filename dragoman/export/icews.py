"""ICEWS: 20 tab-separated columns with a header line, as in the ICEWS coded event files.

Countries are written by name (ISO 3166 short names, as ICEWS does), sectors as a
comma-separated list of dragoman's sector codes, the date at its own precision.

Reading (``dragoman load``) gives back: article (Story ID), sentence, date, CAMEO code and
name, root and quad class (from the code), Goldstein score (Intensity), actor names, countries
and sectors, the publisher, the place name, country and coordinates. Not carried: actor codes
and IGOs (ICEWS has no column for them), offsets, PLOVER type, confidence, rule, sentence text.
Event ids are ``icews-<Event ID>``. Real ICEWS files load too.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .codes import country_code, country_name, num, numeric_id, quad_from_root, sectors

COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
assert len(COLUMNS) == 20


def _line(row: dict[str, Any]) -> list[str]:
    def actor(side: str) -> list[str]:
        name = row.get(f"{side}_name") or row.get(f"{side}_text") or ""
        return [name, ",".join(sectors(row.get(f"{side}_sectors"))), country_name(row.get(f"{side}_country"))]

    return [
        str(numeric_id(row["event_id"])),
        row.get("date") or "",
        *actor("source"),
        row.get("name") or "",
        row.get("code") or "",
        num(row.get("goldstein")),
        *actor("target"),
        row["article_id"],
        num(row.get("sentence")),
        row.get("article_source") or "",
        row.get("place_name") or "",
        "",
        "",
        country_name(row.get("place_country")),
        num(row.get("lat")),
        num(row.get("lon")),
    ]


def write(rows: Iterable[dict[str, Any]], out: Path) -> int:
    """Write an ICEWS file (header line, then one line per event); returns the events written."""
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(re.sub(r"[\t\r\n]+", " ", v) for v in _line(row)) + "\n")
            n += 1
    return n


def _side(f: dict[str, str], who: str, side: str) -> dict[str, Any]:
    name = f[f"{who} Name"]
    secs = ";".join(s.strip() for s in f[f"{who} Sectors"].split(",") if s.strip())
    country = country_code(f[f"{who} Country"])
    known = bool(name or country)
    return {
        f"{side}_name": name or None,
        f"{side}_text": name if known else None,
        f"{side}_sectors": secs,
        f"{side}_country": country,
    }


def read(path: Path) -> Iterator[dict[str, Any]]:
    """Raw flat rows from an ICEWS file (tab-separated, header line)."""
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for f in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            code = (f.get("CAMEO Code") or "").strip()
            if not code:
                continue
            code = code.zfill(3) if code.isdigit() and len(code) < 3 else code
            place = f.get("City") or f.get("District") or f.get("Province") or None
            yield {
                "event_id": f"icews-{f['Event ID']}",
                "article_id": f.get("Story ID") or f"icews-{f['Event ID']}",
                "sentence": f.get("Sentence Number"),
                "date": f.get("Event Date") or None,
                "code": code,
                "root": code[:2],
                "quad_class": quad_from_root(code[:2]),
                "name": f.get("Event Text"),
                "goldstein": f.get("Intensity"),
                "article_source": f.get("Publisher") or None,
                "place_name": place,
                "place_country": country_code(f.get("Country")),
                "lat": f.get("Latitude"),
                "lon": f.get("Longitude"),
                **_side(f, "Source", "source"),
                **_side(f, "Target", "target"),
            }
