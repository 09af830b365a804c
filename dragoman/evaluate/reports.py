"""Short reports with a reference reading in the example's gold format: events, quotes, places, dates.

A report folder holds ``NN-slug.txt`` (title line, blank line, date line, blank line, paragraphs)
and ``NN-slug.gold.json`` beside it (``document``, ``events``, and optionally ``quotes`` and
``places``, as in ``examples/*.gold.json``). Events are scored as DESIGN.md says (source, target
and CAMEO root; ``*`` matches any key; ``sym`` events either way; ``optional`` ones neither
required nor penalised). Where the gold has them, quotes count when an emitted quote holds the
fragment and names the speaker, places when one has the name, the country and coordinates within
0.5 degrees, and dates when a matched event's date starts with the gold event's date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvaluationError
from ..models import Article
from ..pipeline import Pipeline
from .report import Report, category_table
from .scoring import Score, score_events

#: the report folders of a source checkout, scored when no folder is given
REPO_REPORTS = ("tests/coding/reports", "tests/coding/heldout_dev")
#: how far a place may lie from the gold coordinates, in degrees
PLACE_TOLERANCE = 0.5


@dataclass
class Tally:
    """Found / total counts of one kind of reading (quotes, places, dates)."""

    found: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        """Count one gold item; remember it when missed."""
        self.total += 1
        self.found += ok
        if not ok:
            self.misses.append(what)

    def text(self) -> str:
        """ "found/total"."""
        return f"{self.found}/{self.total}"


def norm(x: Any) -> str:
    """Text compared case- and quote-style-insensitively, with spaces collapsed."""
    s = str(x or "").replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(s.split()).lower()


def quote_found(g: dict[str, Any], doc: dict[str, Any]) -> bool:
    """Whether an emitted quote holds the gold fragment and names the gold speaker."""
    for q in doc.get("quotes") or []:
        sp = q.get("speaker") or {}
        who = norm(sp.get("text")) + " " + norm(sp.get("name"))
        if norm(g["fragment"]) in norm(q.get("text")) and norm(g["speaker"]) in who:
            return True
    return False


def place_found(g: dict[str, Any], doc: dict[str, Any]) -> bool:
    """Whether an emitted place has the gold name, country, and coordinates within 0.5 degrees."""
    for p in doc.get("places") or []:
        if (
            norm(p.get("name")) == norm(g["name"])
            and (p.get("country") or "").upper() == g["country"].upper()
            and p.get("lat") is not None
            and p.get("lon") is not None
            and abs(p["lat"] - g["lat"]) < PLACE_TOLERANCE
            and abs(p["lon"] - g["lon"]) < PLACE_TOLERANCE
        ):
            return True
    return False


def load_folder(folder: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, text, gold) of each report of a folder, in name order."""
    out = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        txt = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        if not txt.exists():
            raise EvaluationError(f"[D602] {gold_path} has no report text beside it: add {txt.name}.")
        rid = f"{folder.name}/{gold_path.name[: -len('.gold.json')]}"
        out.append((rid, txt.read_text(encoding="utf-8"), json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def default_folders() -> list[Path]:
    """The report folders of this source checkout that exist."""
    root = Path(__file__).resolve().parents[2]
    found = [root / f for f in REPO_REPORTS if (root / f).is_dir()]
    if not found:
        raise EvaluationError("[D603] No report folders in this installation: pass --reports DIR.")
    return found


@dataclass
class ReportsScore:
    """Everything the reports suite measures."""

    events: Score
    quotes: Tally
    places: Tally
    dates: Tally
    event_places: Tally
    reports: int


def score_reports(reports: list[tuple[str, str, dict[str, Any]]], pipeline: Pipeline) -> ReportsScore:
    """Read each report with the pipeline and score its events, quotes, places and dates."""
    cases, out = [], {}
    quotes, places = Tally(), Tally()
    for rid, text, gold in reports:
        doc = pipeline.read(Article(text=text, id=rid, date=gold["document"].get("date"))).to_json()
        out[rid] = doc
        cases.append({"id": rid, "events": gold.get("events") or []})
        for q in gold.get("quotes") or []:
            quotes.add(quote_found(q, doc), f"{rid}: quote {q['speaker']}: {q['fragment'][:50]}")
        for pl in gold.get("places") or []:
            places.add(place_found(pl, doc), f"{rid}: place {pl['name']} {pl['country']}")
    sc = score_events(cases, out)
    dates, event_places = Tally(), Tally()
    for rid, g, e in sc.matched:
        what = f"{rid}: {g['src']}->{g['tgt']} {'/'.join(g['roots'])}"
        if g.get("date"):
            dates.add(
                str(e.get("date") or "").startswith(str(g["date"])), f"{what} dated {e.get('date')}, not {g['date']}"
            )
        if g.get("place"):
            got = (e.get("place") or {}).get("name")
            event_places.add(norm(got) == norm(g["place"]), f"{what} placed {got}, not {g['place']}")
    return ReportsScore(sc, quotes, places, dates, event_places, len(reports))


def evaluate_reports(shared: Path, settings: Settings | None = None, folders: list[Path] | None = None) -> Report:
    """Score the report folders given (default: the checkout's development reports)."""
    folders = folders or default_folders()
    reports = []
    for f in folders:
        if not f.is_dir():
            raise EvaluationError(f"[D604] {f} is not a folder of reports: pass --reports DIR with NN-*.txt files.")
        reports.extend(load_folder(f))
    if not reports:
        raise EvaluationError(f"[D605] No *.gold.json reports in {', '.join(map(str, folders))}.")
    r = score_reports(reports, Pipeline(settings))
    sc = r.events
    report = Report("reports")
    report.figures = {
        "reports": r.reports,
        "precision": sc.precision,
        "recall": sc.recall,
        "f1": sc.f1,
        "tp": sc.tp,
        "fp": sc.fp,
        "fn": sc.fn,
        "quotes": r.quotes.text(),
        "places": r.places.text(),
        "dates": r.dates.text(),
        "event_places": r.event_places.text(),
    }
    report.table = category_table(sc)
    report.misses = sc.misses + r.quotes.misses + r.places.misses + r.dates.misses + r.event_places.misses
    report.extras = sc.extras
    return report
