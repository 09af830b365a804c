"""The CAMEO codebook's example sentences: does the coder find each example's event type?

``data/cameo/cameo-codes.csv`` (the CAMEO manual's table) gives most of its 312 codes an
example sentence. Each example is read as a one-sentence report; it counts for its root when
an emitted event has the example's root (actors are not checked: the table names none), and
for its code when an event has the full code. The per-root table shows where the lexicon is
thin. The file was saved twice with the wrong encoding (UTF-8 read as Mac Roman, then written
as Windows-1252), so non-ASCII runs are repaired on reading.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from ..coding.codebook import load_codebook
from ..config import Settings
from .plover import run_cases
from .report import Report

CODES = "data/cameo/cameo-codes.csv"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _repair(run: re.Match[str]) -> str:
    """A mojibake run ("‚Äô") back to its character ("’"), or the run as it is."""
    try:
        return run.group(0).encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run.group(0)


def read_examples(path: Path) -> list[dict[str, Any]]:
    """The table's codes that have an example: {id, code, root, name, text}."""
    text = _NON_ASCII.sub(_repair, path.read_bytes().decode("cp1252", errors="replace"))
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        ex = " ".join((row.get("example") or "").split())
        code = (row.get("code") or "").strip()
        if not ex or ex == "NA" or not code:
            continue
        out.append(dict(id=f"cameo-{code}", code=code, root=code[:2], name=row["name"].strip(), text=ex,
                        date="2000-01-01"))  # fmt: skip
    return out


def _codes(doc: dict[str, Any]) -> list[str]:
    """The CAMEO codes of a document's events."""
    return [str(e.get("code") or "") for e in doc.get("events") or []]


def _rows(cases: list[dict[str, Any]], hits: dict[str, tuple[bool, bool]]) -> list[dict[str, Any]]:
    """Per-root counts and shares."""
    book = load_codebook()
    rows = []
    for root in sorted({c["root"] for c in cases}):
        mine = [c for c in cases if c["root"] == root]
        r = sum(hits[c["id"]][0] for c in mine)
        f = sum(hits[c["id"]][1] for c in mine)
        rows.append(dict(category=root, name=book.info(root).name, examples=len(mine), root_hits=r, code_hits=f,
                         root_share=round(r / len(mine), 3), code_share=round(f / len(mine), 3)))  # fmt: skip
    return rows


def evaluate_cameo_examples(shared: Path, settings: Settings | None = None) -> Report:
    """Share of the codebook's example sentences whose root (and full code) the coder emits."""
    cases = read_examples(shared / CODES)
    out = run_cases(cases, settings)
    hits: dict[str, tuple[bool, bool]] = {}
    report = Report("cameo-examples")
    for c in cases:
        got = _codes(out[c["id"]])
        hits[c["id"]] = (any(g[:2] == c["root"] for g in got), c["code"] in got)
        if not hits[c["id"]][0]:
            report.misses.append(f"{c['code']}: {c['text'][:160]} | got {got[:4]}")
        elif not hits[c["id"]][1]:
            report.extras.append(f"{c['code']} (root ok): {c['text'][:160]} | got {got[:4]}")
    n = len(cases)
    root_hits = sum(h[0] for h in hits.values())
    code_hits = sum(h[1] for h in hits.values())
    report.figures = {"root_share": root_hits / n if n else 0.0, "code_share": code_hits / n if n else 0.0,
                      "root_hits": root_hits, "code_hits": code_hits, "examples": n}  # fmt: skip
    report.table = _rows(cases, hits)
    return report
