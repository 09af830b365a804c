"""Phoenix: 26 tab-separated columns, one row per (day, source, target, event code).

As Phoenix does, events with the same date, source, target and CAMEO code are one row whose
columns 24-26 join the sentence ids (``<article id>_<sentence>``), URLs and news sources of
all of them. Month and Day stay empty when the event date is known only to the month or year
(column 2 then pads with 01).

Reading (``dragoman load``) gives back one event per sentence id, with: article, sentence,
date (at its precision), code, root, quad class (from the root), Goldstein score, actor codes,
countries or IGOs and sectors, issues, and the place (the first merged event's). Not carried:
actor names and texts, offsets, the CAMEO name, PLOVER type, confidence, rule, sentence text.
Event ids are ``phoenix-<EventID>-<n>``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .codes import compact_date, iso_date, num, penta_from_root, quad_from_root, sectors, split_key

COLUMNS = (
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "PentaClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
)
assert len(COLUMNS) == 26


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row.get(k) for k in ("date", "source_code", "source_key", "target_code", "target_key", "code"))


def _actor(row: dict[str, Any], side: str) -> list[str]:
    sec = sectors(row.get(f"{side}_sectors"))
    entity = row.get(f"{side}_country") or row.get(f"{side}_igo") or ""
    return [row.get(f"{side}_code") or "", entity, sec[0] if sec else "", ";".join(sec[1:])]


def _line(group: list[dict[str, Any]]) -> list[str]:
    first = group[0]
    date = first.get("date") or ""
    parts = date.split("-")
    issues = Counter(i for r in group for i in sectors(r.get("issues")))
    urls = dict.fromkeys(r["article_url"] for r in group if r.get("article_url"))
    sources = dict.fromkeys(r["article_source"] for r in group if r.get("article_source"))
    return [
        first["event_id"],
        compact_date(date),
        parts[0] if date else "",
        parts[1] if len(parts) > 1 else "",
        parts[2] if len(parts) > 2 else "",
        *_actor(first, "source"),
        *_actor(first, "target"),
        first.get("code") or "",
        first.get("root") or "",
        str(penta_from_root(first.get("root"))),
        num(first.get("goldstein")),
        ";".join(f"{k},{v}" for k, v in issues.items()),
        num(first.get("lat")),
        num(first.get("lon")),
        first.get("place_name") or "",
        "",
        first.get("place_country") or "",
        ";".join(f"{r['article_id']}_{r.get('sentence') or 0}" for r in group),
        ";".join(urls),
        ";".join(sources),
    ]


def _groups(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Rows merged per (date, source, target, code); rows must come ordered by date."""
    day: str | None = None
    pending: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for row in rows:
        row = dict(
            row,
            source_key=row.get("source_country") or row.get("source_igo"),
            target_key=row.get("target_country") or row.get("target_igo"),
        )
        if row.get("date") != day:
            yield from pending.values()
            pending, day = {}, row.get("date")
        pending.setdefault(_key(row), []).append(row)
    yield from pending.values()


def write(rows: Iterable[dict[str, Any]], out: Path) -> tuple[int, int]:
    """Write Phoenix rows from flat rows ordered by date; returns (events, Phoenix rows)."""
    events = lines = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        for group in _groups(rows):
            fh.write("\t".join(re.sub(r"[\t\r\n]+", " ", v) for v in _line(group)) + "\n")
            events, lines = events + len(group), lines + 1
    return events, lines


def _side(f: dict[str, str], prefix: str, side: str) -> dict[str, Any]:
    country, igo = split_key(f[f"{prefix}ActorEntity"])
    code = f[f"{prefix}ActorFull"]
    sec = [s for s in [f[f"{prefix}ActorRole"], *f[f"{prefix}ActorAttribute"].split(";")] if s]
    known = bool(code or country or igo)
    return {
        f"{side}_code": code or None,
        f"{side}_country": country,
        f"{side}_igo": igo,
        f"{side}_text": "" if known else None,
        f"{side}_sectors": ";".join(sec),
    }


def _date(f: dict[str, str]) -> str | None:
    y, m, d = f["Year"], f["Month"], f["Day"]
    if not y:
        return iso_date(f["Date"])
    if not m:
        return y
    return f"{y}-{m.zfill(2)}" if not d else f"{y}-{m.zfill(2)}-{d.zfill(2)}"


def read(path: Path) -> Iterator[dict[str, Any]]:
    """Raw flat rows from a Phoenix file: one per sentence id of each row."""
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for line in fh:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) != 26 or parts[0] == "EventID":
                continue
            f = dict(zip(COLUMNS, parts, strict=True))
            base: dict[str, Any] = {
                "code": f["EventCode"],
                "root": f["EventRootCode"] or f["EventCode"][:2],
                "quad_class": quad_from_root(f["EventRootCode"] or f["EventCode"][:2]),
                "goldstein": f["GoldsteinScore"],
                "date": _date(f),
                "lat": f["Lat"],
                "lon": f["Lon"],
                "place_name": f["LocationName"] or None,
                "place_country": f["CountryCode"] or None,
                "issues": ";".join(i.split(",")[0] for i in f["Issues"].split(";") if i),
                **_side(f, "Source", "source"),
                **_side(f, "Target", "target"),
            }
            for n, sid in enumerate([s for s in f["SentenceID"].split(";") if s] or [f"phoenix-{f['EventID']}_0"]):
                article, _, sentence = sid.rpartition("_")
                yield dict(
                    base,
                    article_id=article or sid,
                    sentence=sentence if article else "0",
                    event_id=f"phoenix-{f['EventID']}-{n}",
                )
