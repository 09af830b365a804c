"""The PETRARCH-2 validation sentences: 78 newswire sentences with hand-checked CAMEO codings.

The file (``PETR2_GSR_validation.xml``) is silver, not gold: PETRARCH-2's output, checked by
hand. Its actor codes are Phoenix codes (``USAGOV``, ``IGOUNO``, ``---LEG``); they are scored
by their country (the first three letters) or IGO, ``*`` where neither is given. Events match
on the CAMEO root, with the scoring of DESIGN.md; as that scoring matches meetings and
agreements in either direction, the file's mirrored pairs (A-B and B-A) count as one event.
The file is not well-formed XML (self-closed ``<Sentence/>`` tags with closing tags), so it is
read with patterns.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..coding.codebook import load_codebook
from ..config import Settings
from .plover import run_cases
from .report import Report, category_table
from .scoring import score_events

GSR = "data/petrarch2/text/PETR2_GSR_validation.xml"

#: Phoenix IGO codes -> the IGO keys dragoman emits
IGO_KEYS = {"IGOUNO": "UN", "IGOEUREEC": "EU", "IGOEUR": "EU", "IGOWSTNAT": "NATO", "IGONAT": "NATO",
            "IGOAFRAFU": "AU", "IGOARBARL": "ARAB LEAGUE", "IGOMEAARL": "ARAB LEAGUE",
            "IGOUNOIAE": "IAEA", "IGOOPC": "OPEC", "IGOUNOICC": "ICC"}  # fmt: skip
_SENT = re.compile(r"<Sentence\s([^>]*?)/?>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_CODING = re.compile(r"<EventCoding\s([^>]*?)/?>")


def gold_key(code: str) -> str:
    """A Phoenix actor code as a scoring key: its country, its IGO, or '*'."""
    code = code.strip().upper()
    for prefix, key in sorted(IGO_KEYS.items(), key=lambda kv: -len(kv[0])):
        if code.startswith(prefix):
            return key
    if code.startswith(("IGO", "NGO", "IMG", "MNC", "---")) or len(code) < 3:
        return "*"
    return code[:3]


def petrarch_cases(path: Path) -> list[dict[str, Any]]:
    """The validation sentences as cases with their gold events."""
    cases: list[dict[str, Any]] = []
    for m in _SENT.finditer(path.read_text(encoding="utf-8")):
        attrs = dict(_ATTR.findall(m.group(1)))
        body = m.group(2)
        text = _TEXT.search(body)
        if not text or attrs.get("evaluate", "true") != "true":
            continue
        events = []
        for cm in _CODING.finditer(body):
            c = dict(_ATTR.findall(cm.group(1)))
            if "eventcode" not in c:
                continue
            root = c["eventcode"][:2]
            events.append(dict(src=gold_key(c.get("sourcecode", "")), tgt=gold_key(c.get("targetcode", "")),
                               roots=[root], sym=root in ("03", "04"), code=c["eventcode"]))  # fmt: skip
        events = _merge_mirrors(events)
        d = attrs.get("date", "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else None
        cases.append(dict(id=attrs.get("id", f"s{len(cases)}"), date=date, text=" ".join(text.group(1).split()),
                          events=events))  # fmt: skip
    return cases


def _merge_mirrors(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A-B and B-A codings of one meeting or agreement are one symmetric event."""
    out: list[dict[str, Any]] = []
    for e in events:
        if e["sym"] and any(o["sym"] and o["roots"] == e["roots"] and (o["src"], o["tgt"]) == (e["tgt"], e["src"])
                            for o in out):  # fmt: skip
            continue
        out.append(e)
    return out


def evaluate_petrarch(shared: Path, settings: Settings | None = None) -> Report:
    """Score the coder on the PETRARCH-2 validation sentences."""
    cases = petrarch_cases(shared / GSR)
    sc = score_events(cases, run_cases(cases, settings))
    report = Report("petrarch-gsr")
    report.figures = {"precision": sc.precision, "recall": sc.recall, "f1": sc.f1,
                      "tp": sc.tp, "fp": sc.fp, "fn": sc.fn, "sentences": len(cases)}  # fmt: skip
    book = load_codebook()
    report.table = category_table(sc, {c: book.info(c).name for c in book.codes() if len(c) == 2})
    report.misses, report.extras = sc.misses, sc.extras
    return report
