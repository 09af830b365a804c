"""GDELT 2.0: the 61-column event table and its mentions table (tab-separated, no header).

Writing: one GDELT event per dragoman event; ``GlobalEventID`` is a 60-bit number taken from
the event id; country codes in the actor fields are ISO3 (as CAMEO's), in the geography fields
FIPS 10-4 (as GDELT's). Actor geography, tone, ethnicity and religion are left empty: dragoman
does not code them. The mentions file (``X.mentions.CSV`` beside ``X.export.CSV``) has one row
per event with the character offsets of the actors and the trigger, and, in ``Extras``, the
dragoman article id and the event date at its own precision.

Reading (``dragoman load``) gives back, from both files: article, code, root, quad class,
Goldstein score, actor codes, names, countries, IGOs and up to three sectors, the date, the
place, sentence number, character offsets and confidence (to 1%); hence the same event ids.
Not carried: the CAMEO event name, PLOVER type, mention texts, the sentence text, the trigger
words, contexts and issues, the coder version. Real GDELT files load too (without mentions,
event ids are ``gdelt-<GlobalEventID>``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .codes import compact_date, from_fips, iso_date, num, numeric_id, sectors, to_fips

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    + tuple(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
)
MENTION_COLUMNS = (
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
)
assert len(COLUMNS) == 61 and len(MENTION_COLUMNS) == 16


def mentions_path(events_path: Path) -> Path:
    """Where the mentions file of an events file lives: ``X.export.CSV`` -> ``X.mentions.CSV``."""
    name = events_path.name
    if ".export." in name:
        return events_path.with_name(name.replace(".export.", ".mentions.", 1))
    return events_path.with_name(f"{events_path.stem}.mentions{events_path.suffix or '.csv'}")


def _clean(value: Any) -> str:
    return re.sub(r"[\t\r\n]+", " ", num(value))


def _actor(row: dict[str, Any], side: str) -> list[str]:
    sec = sectors(row.get(f"{side}_sectors")) + ["", "", ""]
    return [
        row.get(f"{side}_code") or "",
        row.get(f"{side}_name") or "",
        row.get(f"{side}_country") or "",
        row.get(f"{side}_igo") or "",
        "",
        "",
        "",
        *sec[:3],
    ]


def _action_geo(row: dict[str, Any]) -> list[str]:
    if not row.get("place_name") and row.get("lat") is None:
        return ["0", "", "", "", "", "", "", ""]
    fips = to_fips(row.get("place_country"))
    kind = "4" if row.get("place_geonameid") else "1"  # 4 = world city, 1 = country
    return [
        kind,
        row.get("place_name") or "",
        fips,
        fips,
        "",
        num(row.get("lat")),
        num(row.get("lon")),
        num(row.get("place_geonameid")),
    ]


def event_line(row: dict[str, Any], added: str) -> list[str]:
    """The 61 GDELT fields of a flat row (with ``article_url``)."""
    day = compact_date(row.get("date"))
    fraction = f"{int(day[:4]) + (int(day[4:6]) * 30 + int(day[6:8])) / 365:.4f}" if day else ""
    code = row.get("code") or ""
    counts = [num(row.get(k) or 1) for k in ("num_mentions", "num_sources", "num_articles")]
    return [
        str(numeric_id(row["event_id"])),
        day,
        day[:6],
        day[:4],
        fraction,
        *_actor(row, "source"),
        *_actor(row, "target"),
        "1" if row.get("sentence") == 0 else "0",
        code,
        code[:3],
        row.get("root") or code[:2],
        num(row.get("quad_class")),
        num(row.get("goldstein")),
        *counts,
        "",
        "0",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "0",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        *_action_geo(row),
        added,
        row.get("article_url") or "",
    ]


def _stamp(date: str | None) -> str:
    return compact_date(date) + "000000" if date else ""


def mention_line(row: dict[str, Any], other: dict[str, Any] | None = None) -> list[str]:
    """The 16 GDELT mention fields of a flat row: its own report, or ``other`` (a row of the
    store's mentions table: a duplicate article). ``Extras`` keeps the dragoman article id,
    the event date at its precision, and for another report its kind and similarity."""
    article = other["article_id"] if other else row["article_id"]
    extras = f"<ARTICLE_ID>{html.escape(article)}</ARTICLE_ID><DATE>{row.get('date') or ''}</DATE>"
    if other:
        extras += f"<KIND>{other.get('kind') or ''}</KIND><SIMILARITY>{num(other.get('similarity'))}</SIMILARITY>"
        seen, source, ident = other.get("date"), other.get("source"), other.get("url") or article
    else:
        seen, source = row.get("article_date") or row.get("date"), row.get("article_source")
        ident = row.get("article_url") or article
    conf = row.get("confidence")
    return [
        str(numeric_id(row["event_id"])),
        _stamp(row.get("date")),
        _stamp(seen),
        "1",
        source or "",
        ident,
        num(row.get("sentence")),
        num(row.get("source_start")) or "-1",
        num(row.get("target_start")) or "-1",
        num(row.get("trigger_start")),
        "1",
        str(round(conf * 100)) if conf is not None else "",
        "",
        "",
        "",
        extras,
    ]


#: the mentions of some events, by event id (the store's ``mentions_of``)
MentionsOf = Callable[[list[str]], dict[str, list[dict[str, Any]]]]


def write(rows: Iterable[dict[str, Any]], out: Path, mentions_of: MentionsOf | None = None) -> tuple[int, Path]:
    """Write the events file and its mentions file; returns (events, mentions path).

    Each event's own report comes first in the mentions file, then (with ``mentions_of``)
    the other articles that reported it.
    """
    added = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    mpath = mentions_path(out)
    n = 0
    with out.open("w", encoding="utf-8", newline="") as ev, mpath.open("w", encoding="utf-8", newline="") as me:
        for chunk in _chunks(rows, 1000):
            others = mentions_of([r["event_id"] for r in chunk]) if mentions_of else {}
            for row in chunk:
                ev.write("\t".join(_clean(v) for v in event_line(row, added)) + "\n")
                me.write("\t".join(_clean(v) for v in mention_line(row)) + "\n")
                for m in others.get(row["event_id"], []):
                    if m["article_id"] != row["article_id"]:
                        me.write("\t".join(_clean(v) for v in mention_line(row, m)) + "\n")
                n += 1
    return n, mpath


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fields(path: Path, width: int) -> Iterator[dict[str, str]]:
    cols = COLUMNS if width == 61 else MENTION_COLUMNS
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for line in fh:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) == width:
                yield dict(zip(cols, parts, strict=True))


def _mentions(path: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    if path.exists():
        for m in _fields(path, 16):
            out.setdefault(m["GLOBALEVENTID"], m)
    return out


def _side(f: dict[str, str], n: int, side: str) -> dict[str, Any]:
    p = f"Actor{n}"
    code, name, country, igo = f[f"{p}Code"], f[f"{p}Name"], f[f"{p}CountryCode"], f[f"{p}KnownGroupCode"]
    known = any((code, name, country, igo))
    return {
        f"{side}_code": code or None,
        f"{side}_name": name or None,
        f"{side}_country": country or None,
        f"{side}_igo": igo or None,
        f"{side}_text": "" if known else None,
        f"{side}_sectors": ";".join(x for x in (f[f"{p}Type{i}Code"] for i in (1, 2, 3)) if x),
    }


def _extra(extras: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", extras or "")
    return html.unescape(m.group(1)) if m and m.group(1) else None


def read(path: Path) -> Iterator[dict[str, Any]]:
    """Raw flat rows from a GDELT 2.0 events file and, when present, its mentions file."""
    mentions = _mentions(mentions_path(path))
    for f in _fields(path, 61):
        m = mentions.get(f["GlobalEventID"])
        extras = m["Extras"] if m else ""
        article = _extra(extras, "ARTICLE_ID") or f["SOURCEURL"] or f"gdelt-{f['GlobalEventID']}"
        row: dict[str, Any] = {
            "article_id": article,
            "code": f["EventCode"],
            "root": f["EventRootCode"],
            "quad_class": f["QuadClass"],
            "goldstein": f["GoldsteinScale"],
            "date": _extra(extras, "DATE") or iso_date(f["Day"]),
            "place_name": f["ActionGeo_FullName"] or None,
            "place_country": from_fips(f["ActionGeo_CountryCode"]),
            "lat": f["ActionGeo_Lat"],
            "lon": f["ActionGeo_Long"],
            "place_geonameid": f["ActionGeo_FeatureID"] if f["ActionGeo_FeatureID"].lstrip("-").isdigit() else None,
            "article_url": f["SOURCEURL"] or None,
            **_side(f, 1, "source"),
            **_side(f, 2, "target"),
        }
        if m:
            row.update(_mention_fields(m))
        else:
            row["event_id"] = f"gdelt-{f['GlobalEventID']}"
        yield row


def _mention_fields(m: dict[str, str]) -> dict[str, Any]:
    def offset(v: str) -> str | None:
        return None if v in ("", "-1") else v

    conf = m["Confidence"]
    return {
        "sentence": m["SentenceID"],
        "trigger_start": m["ActionCharOffset"],
        "source_start": offset(m["Actor1CharOffset"]),
        "target_start": offset(m["Actor2CharOffset"]),
        "confidence": float(conf) / 100 if conf else None,
        "article_source": m["MentionSourceName"] or None,
        "article_date": iso_date(m["MentionTimeDate"]),
    }
