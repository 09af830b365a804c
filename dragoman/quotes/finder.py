"""Quotations of one Doc: quoted segments and parsed attributions joined up.

1. The quotation marks give the quoted segments (``marks``); the parse gives attributions
   (``attribution``): cue, speaker, content.
2. An attribution whose content is all quoted words is a direct quotation of those segments;
   partly quoted, a mixed one; unquoted, an indirect one.
3. A quoted segment no content covers, long enough to be speech (not a scare quote or a
   title), takes the nearest cue in its sentences (or in the sentence before an introducing
   colon), else the speaker of the quotation before it in the paragraph (the second half of a
   split quote joins that quotation's group), else, opening a paragraph, the speaker of the
   last attribution in the paragraph before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ..nlp.tokens import doc_text, token_flags
from .adjacent import AdjacentCues
from .attribution import Attribution, find_attributions
from .cues import CueLexicon
from .marks import Segment, find_segments
from .speakers import SpeakerLinker

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_INTRO = frozenset({":", ","})
_MARK_CHARS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
#: an unattributed quoted segment is speech if it has this many words and a verb (or ends a sentence)
MIN_SPEECH_WORDS = 4
#: an attribution whose content is shorter is a parse accident
MIN_CONTENT_WORDS = 2


@dataclass
class _Quote:
    """A quotation being assembled: its segments (direct) or content span (mixed/indirect)."""

    kind: str
    attr: Attribution | None
    segments: list[int] = field(default_factory=list)
    span: tuple[int, int] | None = None  # token span of mixed/indirect content


class QuoteReader:
    """Finds the quotations of one Doc (construct per Doc, call ``quotes()``)."""

    def __init__(self, doc: Doc, lexicon: CueLexicon, cognition: bool = True):
        self.doc = doc
        self.text = doc_text(doc)
        self.segments = find_segments(self.text)
        self.tok_seg, self.seg_tokens = _token_segments(doc, self.segments)
        attrs = find_attributions(doc, self.tok_seg, lexicon)
        self.attrs = [a for a in attrs if cognition or a.kind != "cognition"]
        self.adjacent = AdjacentCues(doc, self.segments, self.tok_seg, self.seg_tokens, self.attrs, lexicon)
        self.sent_starts = [s.start for s in doc.sents]
        self.paragraphs = [0] + [m.end() for m in _PARAGRAPH.finditer(self.text)]
        self.group_quote: dict[int, _Quote] = {}
        self.found: list[_Quote] = []

    def quotes(self) -> list[dict[str, Any]]:
        """The quotations, in the output shape of DESIGN.md, in text order."""
        self._from_attributions()
        self._unattributed_segments()
        linker = SpeakerLinker(self.doc)
        out = []
        for gid, q in enumerate(self.found):
            out.extend(self._output(q, gid, linker))
        out.sort(key=lambda d: d["start"])
        return out

    def _from_attributions(self) -> None:
        for a in self.attrs:
            if a.content is None or a.speaker is None:
                continue
            words, quoted, segs = self._coverage(*a.content)
            if words < MIN_CONTENT_WORDS:
                continue
            groups = sorted({self.segments[s].group for s in segs})
            if quoted and all(g in self.group_quote for g in groups):
                continue  # those segments already have their quotation
            if quoted == words:
                self._claim_direct(a, groups)
            else:
                q = _Quote("mixed" if quoted else "indirect", a, span=a.content)
                if segs:
                    q.span = self._extend(a.content, segs)
                    for g in groups:
                        self.group_quote[g] = q
                self.found.append(q)

    def _claim_direct(self, a: Attribution, groups: list[int]) -> None:
        q = _Quote("direct", a)
        for g in groups:
            if g in self.group_quote:
                continue
            q.segments.extend(i for i, s in enumerate(self.segments) if s.group == g)
            self.group_quote[g] = q
        self.found.append(q)

    def _coverage(self, start: int, end: int) -> tuple[int, int, set[int]]:
        words = quoted = 0
        segs: set[int] = set()
        punct, space = token_flags(self.doc, "IS_PUNCT"), token_flags(self.doc, "IS_SPACE")
        for i in range(start, end):
            if punct[i] or space[i]:
                continue
            words += 1
            s = self.tok_seg[i]
            if s >= 0:
                quoted += 1
                segs.add(s)
        if words and tok_is_that(self.doc[start]) and quoted == words - 1:
            quoted += 1  # 'warned that "the world is watching"' is a direct quotation
        return words, quoted, segs

    def _extend(self, span: tuple[int, int], segs: set[int]) -> tuple[int, int]:
        start, end = span
        for s in segs:
            ts, te = self.seg_tokens[s]
            start, end = min(start, ts), max(end, te)
        return start, end

    def _unattributed_segments(self) -> None:
        prev: _Quote | None = None
        prev_para = -1
        for i, seg in enumerate(self.segments):
            para = bisect_right(self.paragraphs, seg.start) - 1
            if para != prev_para and seg.group not in self.group_quote:
                prev = None
            prev_para = para
            known = self.group_quote.get(seg.group)
            if known is not None:
                prev = known
                continue
            attr = self.adjacent.find(i)
            if attr is None and not self._is_speech(i):
                continue
            prev = self._attribute(i, seg, para, prev, attr)

    def _attribute(
        self, i: int, seg: Segment, para: int, prev: _Quote | None, attr: Attribution | None
    ) -> _Quote | None:
        if attr is None or attr.speaker is None:
            attr = self._frame_cue(i)
        if attr is not None:
            q = _Quote("direct", attr)
        elif prev is not None and prev.kind == "direct" and prev.attr is not None:
            q = prev  # the second half of a split quotation
        else:
            source = self._last_in_paragraph(para - 1) if self._opens_paragraph(seg, para) else None
            if source is None:
                return prev
            q = _Quote("direct", source)
        if q is not prev:
            self.found.append(q)
        q.segments.extend(j for j, s in enumerate(self.segments) if s.group == seg.group)
        self.group_quote[seg.group] = q
        return q

    def _is_speech(self, i: int) -> bool:
        ts, te = self.seg_tokens[i]
        toks = [t for t in self.doc[ts:te] if not (t.is_punct or t.is_space)]
        if len(toks) < MIN_SPEECH_WORDS:
            return False
        last = self.doc[te - 1] if te > ts else None
        ends = last is not None and last.text in (".", ",", "?", "!", ":", ";")
        return ends or not self.segments[i].closed or any(t.pos_ in ("VERB", "AUX") for t in toks)

    def _frame_cue(self, i: int) -> Attribution | None:
        """The nearest attribution with a speaker in the sentences of segment ``i``."""
        ts, te = self.seg_tokens[i]
        lo = self.sent_starts[bisect_right(self.sent_starts, ts) - 1]
        hi_i = bisect_right(self.sent_starts, max(te - 1, ts))
        hi = self.sent_starts[hi_i] if hi_i < len(self.sent_starts) else len(self.doc)
        before = ts - 1
        while before >= 0 and (self.doc[before].is_space or self.tok_seg[before] == i):
            before -= 1
        if before >= 0 and self.doc[before].text in _INTRO and before < lo:
            lo = self.sent_starts[max(0, bisect_right(self.sent_starts, before) - 1)]
        best, dist = None, len(self.doc)
        for a in self.attrs:
            if a.speaker is None or not lo <= a.cue < hi:
                continue
            d = ts - a.cue if a.cue < ts else a.cue - te
            if d < dist:
                best, dist = a, d
        return best

    def _opens_paragraph(self, seg: Segment, para: int) -> bool:
        return not self.text[self.paragraphs[para] : seg.start].strip(' \t\n"\u201c\u201e\u00ab')

    def _last_in_paragraph(self, para: int) -> Attribution | None:
        if para < 0:
            return None
        lo = self.paragraphs[para]
        hi = self.paragraphs[para + 1] if para + 1 < len(self.paragraphs) else len(self.text)
        last = None
        for a in self.attrs:
            if a.speaker is not None and lo <= self.doc[a.cue].idx < hi:
                last = a
        return last

    def _output(self, q: _Quote, group: int, linker: SpeakerLinker) -> list[dict[str, Any]]:
        a = q.attr
        speaker = linker.speaker(*a.speaker, a.speaker_head) if a and a.speaker else None
        if q.kind == "direct":
            spans = [(self.segments[s].start, self.segments[s].end) for s in sorted(set(q.segments))]
        elif q.span is not None:
            span = self.doc[q.span[0] : q.span[1]]
            spans = [self._with_marks(span.start_char, span.end_char)]
        else:
            spans = []
        return [
            {
                "text": self.text[start:end],
                "kind": q.kind,
                "speaker": speaker,
                "start": start,
                "end": end,
                "cue": a.cue_text if a else None,
                "group": group,
            }
            for start, end in spans
        ]

    def _with_marks(self, start: int, end: int) -> tuple[int, int]:
        """A mixed or indirect span widened to the marks of the quoted segments at its edges."""
        for seg in self.segments:
            if seg.start <= start <= seg.end and self.text[seg.start - 1 : seg.start] in _MARK_CHARS:
                start = min(start, seg.start - 1)
            if seg.start <= end <= seg.end and self.text[seg.end : seg.end + 1] in _MARK_CHARS:
                end = max(end, seg.end + 1)
        return start, end


def tok_is_that(tok: Any) -> bool:
    """The complementizer "that" (or "whether", "if") before reported words."""
    return tok.dep_ == "mark" or tok.lower_ == "that"


def _token_segments(doc: Doc, segments: list[Segment]) -> tuple[list[int], list[tuple[int, int]]]:
    """Token -> segment index (-1 outside quotation marks), and each segment's token span."""
    tok_seg = [-1] * len(doc)
    spans = []
    for i, seg in enumerate(segments):
        span = doc.char_span(seg.start, seg.end, alignment_mode="expand")
        if span is None:
            spans.append((0, 0))
            continue
        spans.append((span.start, span.end))
        for j in range(span.start, span.end):
            tok_seg[j] = i
    return tok_seg, spans
