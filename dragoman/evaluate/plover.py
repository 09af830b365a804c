"""The PLOVER gold-standard records (dev half): is each record's event found with its actors?

A record counts when an event with one of its actor pairings and its event type is emitted
(``ROOT_TO_GSR`` maps CAMEO roots to the PLOVER 0.5 names of the records: DEMAND, DISAPPROVE,
INVESTIGATE and FIGHT are the older names of roots 10, 11, 09 and 19/20). Every other event
emitted for a record's sentence counts against precision, so precision is a lower bound.
This is the scoring of ``checks/plover-dev``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config import Settings
from ..models import Article
from ..pipeline import Pipeline
from .report import Report, category_table
from .scoring import Score, distinct_events, matches

GSR = "data/plover/PLOVER_GSR_dev.json"


def _codes(actors: Any) -> list[str]:
    """Actor keys of a record side: ISO3 codes; '*' for IGO/NGO or a missing side."""
    if not isinstance(actors, list) or not actors:
        return ["*"]
    out = []
    for a in actors:
        code = str(a.get("code") or "").upper()
        out.append("*" if code in ("IGO", "NGO", "") else code)
    return out


def plover_cases(path: Path) -> list[dict[str, Any]]:
    """The records as cases: text, date, and the actor pairings that would recall each."""
    cases = []
    for r in json.loads(path.read_text(encoding="utf-8")):
        if r.get("event") == "DOCUMENT":
            continue
        srcs, tgts = _codes(r.get("source")), _codes(r.get("target"))
        info = r.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        sym = "SRC/TAR" in markup
        ev = r["event"]
        if tgts == ["*"] and sym and len(srcs) > 1:
            alts = [dict(src=a, tgt=b, roots=[ev], sym=True) for a in srcs for b in srcs if a < b]
            alts = alts or [dict(src=a, tgt="*", roots=[ev]) for a in srcs]
        else:
            alts = [dict(src=a, tgt=b, roots=[ev], sym=sym) for a in srcs for b in tgts]
        cases.append(dict(id=r["id"], date=r.get("date") or "2000-01-01", text=r["text"], event=ev, alts=alts))
    return cases


def score_plover(cases: list[dict[str, Any]], out: dict[str, dict[str, Any]]) -> Score:
    """Recall over records; every other emitted event of a record's sentence is a false positive."""
    sc = Score()
    for c in cases:
        evs = distinct_events(out[c["id"]])
        hit = [i for i, (s, t, r, _) in enumerate(evs) if any(matches(g, s, t, r, True) for g in c["alts"])]
        if hit:
            sc.tp += 1
            sc.count(c["event"], "tp")
        else:
            sc.fn += 1
            sc.count(c["event"], "fn")
            got = [(s, t, r) for s, t, r, _ in evs][:4]
            sc.misses.append(f"{c['id']}: {c['alts'][0]['src']}->{c['alts'][0]['tgt']} {c['event']} | got {got}")
        for i, (s, t, r, _) in enumerate(evs):
            if hit and i == hit[0]:
                continue
            sc.fp += 1
            sc.count(c["event"], "fp")
            sc.extras.append(f"{c['id']}: {s}->{t} {r}")
    return sc


def run_cases(cases: list[dict[str, Any]], settings: Settings | None = None) -> dict[str, dict[str, Any]]:
    """Read each case's text as an article (title 'News report') and return the JSON by id."""
    pipe = Pipeline(settings)
    arts = [Article(text=c["text"], id=c["id"], title="News report", date=c.get("date")) for c in cases]
    return {str(rec.article.id): rec.to_json() for rec in pipe.process(arts, workers=1)}


def evaluate_plover(shared: Path, settings: Settings | None = None) -> Report:
    """Score the coder on the PLOVER gold-standard dev half."""
    cases = plover_cases(shared / GSR)
    sc = score_plover(cases, run_cases(cases, settings))
    report = Report("plover-gsr")
    report.figures = {"precision": sc.precision, "recall": sc.recall, "f1": sc.f1,
                      "tp": sc.tp, "fp": sc.fp, "fn": sc.fn, "records": len(cases)}  # fmt: skip
    report.table = category_table(sc)
    report.misses, report.extras = sc.misses, sc.extras
    return report
