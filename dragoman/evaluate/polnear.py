"""PolNeAR: quotations and their speakers against the PolNeAR attribution gold standard.

PolNeAR (networkdynamics/PolNeAR) annotates news articles in BRAT standoff: each attribution
relation links a Source (who), a Cue (said, according to, ...) and a Content (what) span;
spans may have several fragments (a split quotation). Files: ``data/quotes/polnear/<split>/
attributions/<article>_<annotator>.ann`` next to ``<split>/text/<article>.txt``. An article
read by several annotators is scored once, with its first annotation (sorted by name).

Gold kinds: an attribution is *direct* when every Content fragment is a quotation (it starts
and ends with a quotation mark, an introducing "that" aside), *mixed* when its Content holds a
quotation mark otherwise, else *indirect*. dragoman's quotations are grouped by their
``group`` (the stretches of one split or multi-paragraph quotation are one).

Metrics (words are ``\\w+`` runs; a span's words are those that start inside it):

- matching: system quotations and gold attributions are paired one to one, largest word
  overlap first (pairs need at least one shared word);
- ``speaker_acc_direct``: the share of gold direct quotations with a Source whose matched
  system quotation has a speaker span that overlaps the gold Source span (a missed quotation
  counts as wrong);
- ``content_f1_direct``: word-overlap F1 between gold direct Contents and system direct
  quotations: recall = shared words of matched pairs / gold words, precision = shared words
  / system words (system direct quotations matched to a gold mixed or indirect attribution
  are left out: that is a disagreement of kind, scored under ``all``);
- the same per kind and for ``all`` attributions (every gold Content, every system quotation).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvaluationError
from ..models import Article
from ..pipeline import Pipeline
from .report import Report

POLNEAR = "data/quotes/polnear"
_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
_WORD = re.compile(r"\w+")
_ANNOTATOR = re.compile(r"_[0-9a-f]{4}\.ann$")
KINDS = ("direct", "mixed", "indirect")

Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    """One PolNeAR attribution: Source, Cue and Content spans (character offsets)."""

    source: Spans
    cue: Spans
    content: Spans
    kind: str = ""


@dataclass
class GoldDoc:
    """An article with its attributions."""

    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def load_split(folder: Path) -> list[GoldDoc]:
    """The articles of one PolNeAR split (``.../polnear/dev``), one annotation each."""
    anns = sorted((folder / "attributions").glob("*.ann"))
    if not anns:
        raise EvaluationError(f"[D602] No PolNeAR annotations under {folder}/attributions. Check --data.")
    docs: dict[str, GoldDoc] = {}
    for ann in anns:
        name = _ANNOTATOR.sub("", ann.name)
        if name in docs:
            continue
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        docs[name] = GoldDoc(name, text, _read_ann(ann, text))
    return list(docs.values())


def _read_ann(path: Path, text: str) -> list[GoldAttribution]:
    spans: dict[str, Spans] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label_spans = parts[1].split(" ", 1)
            if len(label_spans) == 2:
                spans[parts[0]] = [_pair(s) for s in label_spans[1].split(";")]
        elif parts[0].startswith("E"):
            relations.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
    out = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if not content:
            continue
        att = GoldAttribution(spans.get(rel.get("Source", ""), []), spans.get(rel.get("Cue", ""), []), content)
        att.kind = gold_kind(text, content)
        out.append(att)
    return out


def _pair(s: str) -> tuple[int, int]:
    a, b = s.split()
    return int(a), int(b)


def gold_kind(text: str, content: Spans) -> str:
    """direct, mixed or indirect, from the quotation marks of the Content fragments."""
    parts = [text[a:b].strip(" \t\n,.;:") for a, b in content]
    if not any(ch in p for p in parts for ch in _QUOTES):
        return "indirect"
    parts = [p[5:] if p.lower().startswith("that ") else p for p in parts]
    if all(p and p[0] in _QUOTES and p.rstrip(",.;:?!")[-1:] in _QUOTES for p in parts):
        return "direct"
    return "mixed"


class _Words:
    """The word offsets of one text, to turn character spans into word sets."""

    def __init__(self, text: str):
        self.starts = [m.start() for m in _WORD.finditer(text)]

    def of(self, spans: Spans) -> set[int]:
        out: set[int] = set()
        for a, b in spans:
            out.update(range(bisect_left(self.starts, a), bisect_left(self.starts, b)))
        return out


@dataclass
class _Item:
    """A quotation on either side, reduced to what the metrics need."""

    kind: str
    words: set[int]
    speaker: Spans
    label: str = ""
    match: int = -1


def system_items(quotes: list[dict[str, Any]], words: _Words) -> list[_Item]:
    """dragoman's quotations of one article, one item per group."""
    groups: dict[Any, _Item] = {}
    for q in quotes:
        key = q.get("group", id(q))
        item = groups.get(key)
        if item is None:
            sp = q.get("speaker") or {}
            spk = [(sp["start"], sp["end"])] if sp.get("start") is not None else []
            item = groups[key] = _Item(q["kind"], set(), spk, (sp.get("text") or "-"))
        item.words |= words.of([(q["start"], q["end"])])
    return list(groups.values())


def match(gold: list[_Item], system: list[_Item]) -> None:
    """Pair gold and system items one to one, largest word overlap first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            n = len(g.words & s.words)
            if n:
                pairs.append((n, i, j))
    for _n, i, j in sorted(pairs, reverse=True):
        if gold[i].match < 0 and system[j].match < 0:
            gold[i].match, system[j].match = j, i


def _overlaps(a: Spans, b: Spans) -> bool:
    return any(x < d and c < y for x, y in a for c, d in b)


@dataclass
class _Tally:
    """Counts for one kind (or all): items, shared and total words, speakers right."""

    gold: int = 0
    system: int = 0
    matched: int = 0
    shared_r: int = 0
    gold_words: int = 0
    shared_p: int = 0
    system_words: int = 0
    with_source: int = 0
    speaker_ok: int = 0

    def scores(self) -> dict[str, float]:
        """Precision, recall, F1 of content words, and speaker accuracy."""
        p = self.shared_p / self.system_words if self.system_words else 0.0
        r = self.shared_r / self.gold_words if self.gold_words else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_ok / self.with_source if self.with_source else 0.0
        return {"precision": p, "recall": r, "f1": f, "speaker_acc": acc}


def score_doc(doc: GoldDoc, quotes: list[dict[str, Any]], tallies: dict[str, _Tally], misses: list[str]) -> None:
    """Add one article's gold and system quotations to the tallies."""
    words = _Words(doc.text)
    gold = [_Item(a.kind, words.of(a.content), a.source, _label(doc.text, a)) for a in doc.attributions]
    system = system_items(quotes, words)
    match(gold, system)
    for g in gold:
        s = system[g.match] if g.match >= 0 else None
        right = s is not None and _overlaps(s.speaker, g.speaker)
        for key in (g.kind, "all"):
            t = tallies[key]
            t.gold += 1
            t.matched += s is not None
            t.gold_words += len(g.words)
            t.shared_r += len(g.words & s.words) if s else 0
            t.with_source += bool(g.speaker)
            t.speaker_ok += bool(g.speaker) and right
        if g.kind == "direct" and g.speaker and not right:
            got = f"{s.label}" if s else "(not found)"
            misses.append(f"{doc.name}: {g.label} -> {got}")
    for item in system:
        paired = gold[item.match] if item.match >= 0 else None
        for key in (item.kind, "all"):
            t = tallies[key]
            t.system += 1
            t.system_words += len(item.words)
            t.shared_p += len(item.words & paired.words) if paired else 0


def _label(text: str, a: GoldAttribution) -> str:
    content = " ".join(text[x:y] for x, y in a.content)
    source = " ".join(text[x:y] for x, y in a.source) or "-"
    return f"{source!r}: {content[:70]!r}"


def evaluate_polnear(shared: Path, settings: Settings | None = None, split: str = "dev") -> Report:
    """Score dragoman's quotations on a PolNeAR split (``dev`` by default)."""
    docs = load_split(shared / POLNEAR / split)
    pipe = Pipeline(settings)
    articles = (Article(text=d.text, id=d.name) for d in docs)
    tallies = {k: _Tally() for k in (*KINDS, "all")}
    misses: list[str] = []
    for doc, (_article, sdoc) in zip(docs, pipe.docs(articles), strict=True):
        score_doc(doc, list(sdoc._.dragoman_quotes or []), tallies, misses)
    return _report(split, len(docs), tallies, misses)


def _report(split: str, n_docs: int, tallies: dict[str, _Tally], misses: list[str]) -> Report:
    direct, every = tallies["direct"].scores(), tallies["all"].scores()
    report = Report(f"polnear-{split}")
    report.figures = {
        "articles": n_docs,
        "gold_direct": tallies["direct"].gold,
        "speaker_acc_direct": direct["speaker_acc"],
        "content_p_direct": direct["precision"],
        "content_r_direct": direct["recall"],
        "content_f1_direct": direct["f1"],
        "speaker_acc_all": every["speaker_acc"],
        "content_f1_all": every["f1"],
    }
    for kind, t in tallies.items():
        sc = t.scores()
        report.table.append(
            {
                "category": kind,
                "gold": t.gold,
                "system": t.system,
                "matched": t.matched,
                "precision": round(sc["precision"], 3),
                "recall": round(sc["recall"], 3),
                "f1": round(sc["f1"], 3),
                "speaker_acc": round(sc["speaker_acc"], 3),
            }
        )
    report.misses = misses
    return report
