"""The example article against its reference reading: events, quotes, places, the war's date."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config import Settings
from ..models import Article
from ..pipeline import Pipeline
from .report import Report, category_table
from .scoring import distinct_events, score_events

EXAMPLE = "examples/voa-2009-03-06-clinton-lavrov"


def _norm(x: Any) -> str:
    s = str(x or "").replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")
    return " ".join(s.split()).lower()


def evaluate_example(shared: Path, settings: Settings | None = None) -> Report:
    """Score ``extract`` on the example article with the scoring of DESIGN.md."""
    text = (shared / f"{EXAMPLE}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / f"{EXAMPLE}.gold.json").read_text(encoding="utf-8"))
    rec = Pipeline(settings).read(Article(text=text, id="voa", date=gold["document"]["date"]))
    doc = rec.to_json()
    cases = [{"id": "voa", "events": [dict(g, optional=False) for g in gold["events"]]}]
    sc = score_events(cases, {"voa": doc})
    quotes_ok = sum(1 for g in gold["quotes"] if _quote_found(g, doc))
    places_ok = sum(1 for g in gold["places"] if _place_found(g, doc))
    war = [e for s, t, r, e in distinct_events(doc) if s == "RUS" and t == "GEO" and r in ("18", "19")]
    war_dated = any(str(e.get("date") or "").startswith("2008-08") for e in war)
    report = Report("example")
    report.figures = {
        "events_found": f"{sc.tp}/{len(gold['events'])}",
        "precision": sc.precision,
        "recall": sc.recall,
        "f1": sc.f1,
        "quotes": f"{quotes_ok}/{len(gold['quotes'])}",
        "places": f"{places_ok}/{len(gold['places'])}",
        "war_dated_2008_08": "yes" if war_dated else "no",
        "emitted": len(doc["events"]),
    }
    report.table = category_table(sc)
    report.misses, report.extras = sc.misses, sc.extras
    return report


def _quote_found(g: dict[str, Any], doc: dict[str, Any]) -> bool:
    for q in doc.get("quotes") or []:
        sp = q.get("speaker") or {}
        who = _norm(sp.get("text")) + " " + _norm(sp.get("name"))
        if _norm(g["fragment"]) in _norm(q.get("text")) and g["speaker"].lower() in who:
            return True
    return False


def _place_found(g: dict[str, Any], doc: dict[str, Any]) -> bool:
    for p in doc.get("places") or []:
        if (
            _norm(p.get("name")) == g["name"].lower()
            and (p.get("country") or "").upper() == g["country"]
            and p.get("lat") is not None
            and abs(p["lat"] - g["lat"]) < 0.5
            and abs(p["lon"] - g["lon"]) < 0.5
        ):
            return True
    return False
