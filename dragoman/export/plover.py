"""PLOVER/POLECAT JSON records, one event per line (JSON Lines).

Only events with a PLOVER type are written (PLOVER drops CAMEO 01 statements and 02 appeals).
Entities carry ``code`` (the country, else the IGO acronym), ``sector`` (``;``-joined),
``entity_text``, ``identifier_id`` (the dragoman actor code) and ``identifier_text`` (its
name). ``text_info`` holds the article and character offsets, ``cite_info`` the CAMEO coding
and the rule that produced the event, so reading a file back gives the same events exactly,
except IGO members' countries (an entity has one code).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .codes import sectors, split_key

_CAMEO = (
    "code",
    "root",
    "name",
    "goldstein",
    "quad_class",
    "confidence",
    "rule",
    "trigger_text",
    "issues",
    "coder_version",
    "date_text",
)
_TEXT = (
    "article_id",
    "article_date",
    "sentence",
    "trigger_start",
    "trigger_end",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "article_url",
    "article_source",
    "article_title",
)


def _entity(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    if row.get(f"{side}_text") is None and row.get(f"{side}_code") is None:
        return []
    return [
        {
            "code": row.get(f"{side}_country") or row.get(f"{side}_igo"),
            "sector": row.get(f"{side}_sectors") or None,
            "entity_text": row.get(f"{side}_text"),
            "identifier_id": row.get(f"{side}_code"),
            "identifier_text": row.get(f"{side}_name"),
            "religion": None,
            "ethnicity": None,
            "office": None,
            "gender": None,
            "age": None,
        }
    ]


def record(row: dict[str, Any], coded: datetime) -> dict[str, Any]:
    """The PLOVER JSON record of a flat row (which must have a PLOVER type)."""
    place = None
    if row.get("place_name"):
        place = {
            "name": row["place_name"],
            "country": row.get("place_country"),
            "lat": row.get("lat"),
            "lon": row.get("lon"),
            "geonameid": row.get("place_geonameid"),
        }
    return {
        "id": row["event_id"],
        "has_event": True,
        "date": row.get("date"),
        "time": None,
        "enddate": None,
        "endtime": None,
        "actor": _entity(row, "source"),
        "recipient": _entity(row, "target"),
        "event": [row["plover_type"]],
        "event_loc": place,
        "event_text": row.get("trigger_text"),
        "quad_code": row.get("quad_class"),
        "event_scale": None,
        "mode": [row["plover_mode"]] if row.get("plover_mode") else [],
        "context": sectors(row.get("contexts")),
        "link": None,
        "text": row.get("sentence_text"),
        "text_info": {k: row.get(k) for k in _TEXT},
        "cite_info": {k: row.get(k) for k in _CAMEO},
        "coder": "dragoman",
        "coded_date": coded.strftime("%Y-%m-%d"),
        "coded_time": coded.strftime("%H:%M:%S"),
        "comment": row.get("rule"),
    }


def write(rows: Iterable[dict[str, Any]], out: Path) -> tuple[int, int]:
    """Write PLOVER records; returns (events written, events without a PLOVER type skipped)."""
    coded = datetime.now(UTC)
    written = skipped = 0
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            if not row.get("plover_type"):
                skipped += 1
                continue
            fh.write(json.dumps(record(row, coded), ensure_ascii=False) + "\n")
            written += 1
    return written, skipped


def _side(entities: list[dict[str, Any]] | None, side: str) -> dict[str, Any]:
    if not entities:
        return {}
    e = entities[0]
    country, igo = split_key(e.get("code"))
    return {
        f"{side}_text": e.get("entity_text") or "",
        f"{side}_code": e.get("identifier_id"),
        f"{side}_name": e.get("identifier_text"),
        f"{side}_country": country,
        f"{side}_igo": igo,
        f"{side}_sectors": e.get("sector"),
    }


def row_from(rec: dict[str, Any]) -> dict[str, Any]:
    """A raw flat row from a PLOVER record (dragoman's or another coder's)."""
    cite, info = rec.get("cite_info") or {}, rec.get("text_info") or {}
    if not isinstance(cite, dict):
        cite = {}
    if not isinstance(info, dict):
        info = {}
    loc = rec.get("event_loc")
    place: dict[str, Any] = loc if isinstance(loc, dict) else {}
    row: dict[str, Any] = {k: cite.get(k) for k in _CAMEO}
    row.update({k: info.get(k) for k in _TEXT})
    events, modes = rec.get("event") or [None], rec.get("mode") or [None]
    row.update(
        event_id=rec.get("id"),
        date=rec.get("date"),
        plover_type=events[0],
        plover_mode=modes[0],
        quad_class=row.get("quad_class") or rec.get("quad_code"),
        sentence_text=rec.get("text"),
        trigger_text=row.get("trigger_text") or rec.get("event_text"),
        contexts=";".join(rec.get("context") or []),
        place_name=place.get("name"),
        place_country=place.get("country"),
        lat=place.get("lat"),
        lon=place.get("lon"),
        place_geonameid=place.get("geonameid"),
        **_side(rec.get("actor"), "source"),
        **_side(rec.get("recipient"), "target"),
    )
    row["article_id"] = row.get("article_id") or f"plover-{rec.get('id')}"
    row["code"] = row.get("code") or f"PLOVER:{events[0]}"
    return row


def read(path: Path) -> Iterator[dict[str, Any]]:
    """Raw flat rows from a PLOVER JSON Lines file."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield row_from(json.loads(line))
