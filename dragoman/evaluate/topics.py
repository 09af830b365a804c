"""PLOVER contexts against the PLOVER gold-standard records (``plover-context``).

Each record of ``data/plover/PLOVER_GSR_dev.json`` is one sentence with its gold event type
and ``context`` (PLOVER 0.5 names, sometimes two: "diplomatic, military"). Two readings:

- per record: the record's sentence through the whole pipeline, and an event on it with the
  gold type's CAMEO root (the prior), its trigger the sentence's gold event word;
- per event: the events the coder emits, matched to the gold record by actor pair (either
  direction) and type, as in ``scoring``; the first matching event counts.

A record scores when one of its gold contexts is among the contexts given. PLOVER 0.5's
contexts were broader than the 2021 manual's, which dragoman uses; ``GOLD_TO_2021`` says
which 2021 contexts each old name covers (e.g. 0.5 ``legal`` took in human rights and civil
liberties, which the 2021 manual split off as ``human_rights`` and ``rights_freedoms``).
``historical`` is a PLOVER special context that dragoman does not give; records with no
usable gold context are left out.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..config import Settings
from ..models import Article
from ..pipeline import Pipeline
from ..topics import event_topics
from .report import Report
from .scoring import ROOT_TO_GSR, norm_key

GSR = "data/plover/PLOVER_GSR_dev.json"

GOLD_TO_2021: dict[str, set[str]] = {
    "military": {"military", "peacekeeping"},
    "diplomatic": {"diplomatic"},
    "legal": {"legal", "human_rights", "rights_freedoms"},
    "economic": {"economic", "labor", "energy"},
    "political": {"political_institutions", "executive", "election", "legislative", "democracy", "pro_autocracy"},
    "government": {"executive", "political_institutions"},
    "election": {"election"},
    "terrorism": {"terrorism"},
    "refugee": {"migration", "asylum"},
    "refugees": {"migration", "asylum"},
    "resource": {"resource", "territory", "energy"},
    "cbrn": {"cbrn"},
    "cyber": {"cyber"},
    "discrimination": {"religion_ethnicity", "rights_freedoms", "human_rights"},
    "rights": {"rights_freedoms", "human_rights"},
    "assets": {"economic", "resource"},
}

#: the CAMEO root of each PLOVER 0.5 gold type (the inverse of ROOT_TO_GSR, one root each)
GSR_ROOT = {"CONCEDE": "08", "RETREAT": "08", "FIGHT": "19", "ASSAULT": "18"}
for _root, _types in ROOT_TO_GSR.items():
    for _t in _types:
        GSR_ROOT.setdefault(_t, _root)


def gold_contexts(record: dict[str, Any]) -> list[str]:
    """The record's gold context names that dragoman can give (empty: leave the record out)."""
    raw = [c.strip().lower() for c in str(record.get("context") or "").split(",")]
    return [c for c in raw if c in GOLD_TO_2021]


def load_records(shared: Path) -> list[dict[str, Any]]:
    """The gold records that have a sentence, a known type and a usable context."""
    data = json.loads((shared / GSR).read_text(encoding="utf-8"))
    return [r for r in data if r.get("text") and r.get("event") in GSR_ROOT and gold_contexts(r)]


def _trigger_offset(record: dict[str, Any]) -> int:
    """Where the gold event word is in the sentence (0 when the markup does not say)."""
    info = record.get("textInfo") or ""
    markup = info.get("markup") or "" if isinstance(info, dict) else str(info)
    m = re.search(r"\(EVT:\s*([^)}]+)[)}]", markup)
    if not m:
        return 0
    word = m.group(1).split()[0]
    hit = re.search(r"\b" + re.escape(word) + r"\b", record["text"])
    return hit.start() if hit else 0


def hit(record: dict[str, Any], contexts: list[str]) -> bool:
    """Whether a gold context of the record is among the contexts given."""
    return any(GOLD_TO_2021[g] & set(contexts) for g in gold_contexts(record))


def record_event(doc: Any, record: dict[str, Any]) -> dict[str, Any]:
    """The per-record event: gold root as its code, on the sentence of the gold event word."""
    offset = _trigger_offset(record)
    sents = list(doc.sents)
    index = next((i for i, s in enumerate(sents) if s.start_char <= offset < s.end_char), 0)
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    root = GSR_ROOT[record["event"]]
    return {"code": root, "root": root, "sentence": index, "trigger_text": token.text if token else ""}


def matched_event(record: dict[str, Any], events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The first emitted event with the record's actor pair (either way) and type."""
    src = {norm_key(a.get("code")) for a in record.get("source") or []}
    tgt = {norm_key(a.get("code")) for a in record.get("target") or []}
    for e in events:
        root = str(e.get("root") or "")
        if record["event"] not in ROOT_TO_GSR.get(root, set()):
            continue
        s = norm_key((e.get("source") or {}).get("country") or (e.get("source") or {}).get("igo"))
        t = norm_key((e.get("target") or {}).get("country") or (e.get("target") or {}).get("igo"))
        if (s in src and (not tgt or t in tgt)) or (t in src and s in tgt):
            return e
    return None


def evaluate_topics(shared: Path, settings: Settings | None = None) -> Report:
    """Score the contexts given per gold record and per matched emitted event."""
    records = load_records(shared)
    pipe = Pipeline(settings)
    arts = [Article(text=r["text"], id=r["id"], date=r.get("date")) for r in records]
    per_record: list[Any] = []
    per_event: list[Any] = []
    table: Counter[tuple[str, str]] = Counter()
    for record, (_, doc) in zip(records, pipe.docs(arts, workers=1), strict=True):
        contexts, _ = event_topics(doc, record_event(doc, record))
        ok = hit(record, contexts)
        per_record.append((ok, len(contexts), _precise(record, contexts)))
        for g in gold_contexts(record):
            table[(g, "n")] += 1
            table[(g, "hit")] += ok
        ev = matched_event(record, (doc._.dragoman_record or {}).get("events") or [])
        if ev is not None:
            given = list(ev.get("contexts") or [])
            per_event.append((hit(record, given), len(given), _precise(record, given)))
    report = Report("plover-context")
    report.figures = _figures(per_record, per_event)
    report.table = [
        {
            "gold_context": g,
            "records": table[(g, "n")],
            "hits": table[(g, "hit")],
            "share": round(table[(g, "hit")] / table[(g, "n")], 3),
        }
        for g in sorted({g for g, _ in table})
    ]
    return report


def _precise(record: dict[str, Any], contexts: list[str]) -> tuple[int, int]:
    """(contexts given that a gold context covers, contexts given)."""
    covered = set().union(*(GOLD_TO_2021[g] for g in gold_contexts(record)))
    return sum(1 for c in contexts if c in covered), len(contexts)


def _figures(per_record: list[tuple], per_event: list[tuple]) -> dict[str, Any]:
    n = len(per_record)
    good = sum(p[0] for p in per_record)
    given = sum(p[2][1] for p in per_record)
    figures: dict[str, Any] = {
        "records": n,
        "record_share": good / n if n else 0.0,
        "contexts_per_record": given / n if n else 0.0,
        "context_precision": sum(p[2][0] for p in per_record) / given if given else 0.0,
        "events_matched": len(per_event),
    }
    if per_event:
        figures["event_share"] = sum(e[0] for e in per_event) / len(per_event)
        figures["contexts_per_event"] = sum(e[1] for e in per_event) / len(per_event)
        given_ev = sum(e[2][1] for e in per_event)
        figures["event_context_precision"] = sum(e[2][0] for e in per_event) / given_ev if given_ev else 0.0
    return figures
