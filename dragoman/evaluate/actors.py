"""Actor resolution against the PLOVER gold-standard records (``plover/PLOVER_GSR_dev.json``).

Two measures, both over the dev records' gold actors (ISO3 codes; ``IGO``/``NGO`` for
organisations; ``JAP`` there means JPN):

- ``source_actor_acc`` / ``target_actor_acc``: the share of gold source (target) actors whose
  ``actorText``, found in the sentence, is covered by an actor mention of the same country
  (or, for ``IGO``, by a mention with an ``igo``). An actor left unresolved counts as wrong.
- ``source_country_acc`` / ``target_country_acc``: among the coded events whose trigger is one
  of the words of the record's ``eventText`` (the event the gold describes), the share whose
  source (target) country or organisation is one of the gold sources (targets). Reported
  when the coder produces events. ``*_when_chosen``: the same among the events where the coder
  chose an actor for that role (an event with no target counts as wrong in the first figure).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config import Settings
from ..models import Article
from ..pipeline import Pipeline
from .report import Report

GOLD = "data/plover/PLOVER_GSR_dev.json"
ALIASES = {"JAP": "JPN", "ITL": "ITA", "UK": "GBR"}
ORGS = {"IGO", "NGO"}


def gold_records(shared: Path) -> list[dict[str, Any]]:
    """The dev records that have text (the DOCUMENT record left out)."""
    recs = json.loads((shared / GOLD).read_text(encoding="utf-8"))
    return [r for r in recs if r.get("event") != "DOCUMENT" and r.get("text")]


def gold_actors(rec: dict[str, Any], role: str) -> list[dict[str, Any]]:
    """The gold actors of one side of a record ('source' or 'target'), codes normalised."""
    side = rec.get(role)
    if not isinstance(side, list):
        return []
    out = []
    for a in side:
        code = (a.get("code") or "").upper()
        if code and a.get("actorText"):
            out.append({"text": a["actorText"], "code": ALIASES.get(code, code)})
    return out


def mention_key(m: dict[str, Any]) -> str | None:
    """What a mention resolves to, in the gold's terms: ISO3, or IGO/NGO."""
    if m.get("igo"):
        return "IGO"
    code = m.get("code") or ""
    if code.startswith("NGO"):
        return "NGO"
    return m.get("country") or (code[:3] if code[:3] in ("IMG", "NGO") else None)


def actor_found(text: str, gold: dict[str, Any], mentions: list[dict[str, Any]]) -> bool:
    """True when the gold actor text is covered by a mention resolving to the gold code."""
    span = _locate(text, gold["text"])
    if span is None:
        return False
    start, end = span
    keys = {mention_key(m) for m in mentions if m["start_char"] < end and m["end_char"] > start}
    want = gold["code"]
    return want in keys or (want in ORGS and bool(keys & ORGS))


def _locate(text: str, actor: str) -> tuple[int, int] | None:
    """Where the gold actor text is: as written, else its first part ('U.S. ... negotiators')."""
    for probe in (actor, actor.split("...")[0].strip(), actor.split()[0] if actor.split() else ""):
        if not probe:
            continue
        start = text.find(probe)
        if start < 0:
            start = text.lower().find(probe.lower())
        if start >= 0:
            return start, start + len(probe)
    return None


def event_key(actor: dict[str, Any] | None) -> str | None:
    """An event actor in the gold's terms (as for mentions)."""
    return mention_key(actor) if actor else None


def evaluate_actors(shared: Path, settings: Settings | None = None) -> Report:
    """Actor and event-actor accuracy on the PLOVER dev records."""
    recs = gold_records(shared)
    pipe = Pipeline(settings)
    arts = [Article(text=r["text"], id=r["id"], date=r.get("date") or "2000-01-01") for r in recs]
    tally = {k: [0, 0] for k in ("source_actor", "target_actor", "source_country", "target_country",
                                 "source_country_when_chosen", "target_country_when_chosen")}
    misses: list[str] = []
    for rec, (_, doc) in zip(recs, pipe.docs(arts, workers=1), strict=True):
        mentions = doc._.dragoman_actors or []
        for role in ("source", "target"):
            for g in gold_actors(rec, role):
                found = actor_found(rec["text"], g, mentions)
                tally[f"{role}_actor"][0] += int(found)
                tally[f"{role}_actor"][1] += 1
                if not found:
                    misses.append(f"{rec['id']} {role}: {g['text']!r} want {g['code']}")
        _score_events(rec, doc, tally)
    report = Report("actors")
    for k, (ok, n) in tally.items():
        if n:
            report.figures[f"{k}_acc"] = ok / n
            report.figures[f"{k}_n"] = n
    report.misses = misses
    return report


def _score_events(rec: dict[str, Any], doc: Any, tally: dict[str, list[int]]) -> None:
    words = {w.strip(".,'\"").lower() for w in str(rec.get("eventText") or "").split()}
    for ev in doc._.dragoman_events or []:
        trigger = doc[ev["trigger_start"] : ev["trigger_end"]].text.lower()
        if not words & set(trigger.split()):
            continue
        for role in ("source", "target"):
            gold = {g["code"] for g in gold_actors(rec, role)}
            if not gold:
                continue
            key = event_key(ev.get(role))
            ok = key in gold or (key in ORGS and bool(gold & ORGS))
            tally[f"{role}_country"][0] += ok
            tally[f"{role}_country"][1] += 1
            if ev.get(role):  # the coder chose an actor: was it resolved to the gold country?
                tally[f"{role}_country_when_chosen"][0] += ok
                tally[f"{role}_country_when_chosen"][1] += 1
