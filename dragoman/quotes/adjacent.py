"""Attributions right beside a quotation: '"...," X said', '"...," said X', 'X said: "..."'.

News prose attributes a quotation in a few fixed places, so the words beside the marks are
read first and the parse is only asked about those words:

- after: the closing mark, then a subject and a verb ('"...," the minister riffed') or a verb
  and a subject ('"...," said Lavrov'); a verb of the cue lexicon always counts, any other verb
  only after a quotation that ends in a comma, question or exclamation mark or a dash;
- a byline: a dash and a name after the closing mark ('"..." - Jacklyn Ashley');
- before: a cue and a comma ('She added, "..."'), or any clause that ends in a colon ('Reid
  gave the Texan a back-handed compliment: "..."'), whose verb's subject is the speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .attribution import Attribution, attribution_at, inverted_subject, speaker_span, trim
from .cues import CueLexicon
from .marks import Segment

#: how many words a speaker between the quotation and its verb may have
MAX_GAP = 12
#: how far back a colon-introduced quotation looks for its verb
MAX_COLON_REACH = 25
_OPEN_ENDS = frozenset({",", "?", "!", "\u2014", "-", "--"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
#: punctuation inside a speaker's words ('Donald Trump, the nominee,'; 'Paul Ryan (R-Wis.)')
_IN_NAME = frozenset({",", "(", ")", "-", "."})
_WHEN = frozenset({"DATE", "TIME"})
#: clauses inside a speaker's words, skipped whole
_CLAUSE = frozenset({"relcl", "acl"})
#: verbs that head the clause before a colon
_CLAUSE_HEADS = frozenset({"ROOT", "ccomp", "conj", "parataxis"})
_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})


class AdjacentCues:
    """Finds the attribution beside each quoted segment of one Doc."""

    def __init__(
        self,
        doc: Doc,
        segments: list[Segment],
        tok_seg: list[int],
        seg_tokens: list[tuple[int, int]],
        attrs: list[Attribution],
        lexicon: CueLexicon,
    ):
        self.doc = doc
        self.segments = segments
        self.tok_seg = tok_seg
        self.seg_tokens = seg_tokens
        self.by_cue = {a.cue: a for a in attrs}
        self.lexicon = lexicon

    def find(self, i: int) -> Attribution | None:
        """The attribution beside segment ``i`` (after it, else before it), or None."""
        ts, te = self.seg_tokens[i]
        if te <= ts:
            return None
        return self._after(ts, te) or self._before(ts)

    def _after(self, ts: int, te: int) -> Attribution | None:
        doc = self.doc
        j = self._skip(te, +1)
        if j is None:
            return None
        if doc[j].text.strip(_MARKS) in _DASHES:
            return self._byline(j)
        loose = doc[te - 1].text in _OPEN_ENDS or doc[j - 1].text in _OPEN_ENDS
        v, stop = j, min(j + MAX_GAP + 1, len(doc))
        while v < stop:
            tok = doc[v]
            if self.tok_seg[v] >= 0 or tok.is_punct and tok.text not in _IN_NAME:
                return None
            if tok.dep_ in _CLAUSE or tok.head.dep_ in _CLAUSE and tok.head.i > v:
                clause = tok if tok.dep_ in _CLAUSE else tok.head
                v = clause.right_edge.i + 1  # 'a source, who was not authorized to speak, told'
                continue
            if tok.pos_ == "VERB":
                if tok.tag_ == "VBG" or not (loose or self.lexicon.verb_kind(tok.lemma_)):
                    return None
                if v == j and not loose:
                    return None  # '"Islamic State" claimed the attack': the quotation is the subject
                return self._attribution(tok, j)
            if tok.pos_ not in _NOMINAL and tok.dep_ not in ("compound", "punct", "poss", "case"):
                return None
            v += 1
        return None

    def _byline(self, dash: int) -> Attribution | None:
        """'"..." - Jacklyn Ashley': a name after a dash signs the quotation."""
        doc = self.doc
        start = dash + 1
        while start < len(doc) and doc[start].is_space and "\n" not in doc[start].text:
            start += 1
        end = start
        while end < len(doc) and self.tok_seg[end] < 0 and _name_word(doc[end]):
            end += 1
        if end == start or doc[start].pos_ != "PROPN" and not doc[start].is_title:
            return None
        return Attribution(dash, doc[dash].text.strip(_MARKS), "speech", (start, end), end - 1, None)

    def _attribution(self, verb: Token, j: int) -> Attribution | None:
        """The verb's attribution; its speaker must be the words between the quotation and it."""
        a = self.by_cue.get(verb.i) or attribution_at(verb, "speech", self.tok_seg)
        if a is None:
            a = Attribution(verb.i, verb.text, "speech", None, None, None)
        if verb.i == j:  # '"...," said Lavrov'
            if a.speaker is not None and a.speaker[0] == verb.i + 1:
                return a
            head = inverted_subject(verb, self.tok_seg)
            if head is None:
                return None
            return Attribution(a.cue, a.cue_text, a.kind, speaker_span(head), head.i, a.content)
        if a.speaker is not None and j <= a.speaker[0] < verb.i:
            return a
        span = trim(self.doc, j, verb.i)
        if span is None:
            return None
        noun = max(range(*span), key=lambda k: self.doc[k].pos_ in ("PROPN", "NOUN", "PRON"))
        return Attribution(a.cue, a.cue_text, a.kind, span, noun, a.content)

    def _before(self, ts: int) -> Attribution | None:
        doc = self.doc
        j = self._skip(ts - 1, -1)
        if j is None or doc[j].text not in (":", ","):
            return None
        if doc[j].text == ",":
            return self._comma(j)
        return self._colon(j)

    def _comma(self, comma: int) -> Attribution | None:
        """'She said, "..."'; 'Hillary shot back, "..."'; 'said Wednesday, "..."'."""
        doc = self.doc
        k = comma - 1
        while k >= 0 and (doc[k].pos_ in ("ADV", "ADP", "PART") or doc[k].ent_type_ in _WHEN):
            k -= 1
        if k < 0 or self.tok_seg[k] >= 0 or doc[k].pos_ != "VERB":
            return None
        a = self.by_cue.get(k) or attribution_at(doc[k], "speech", self.tok_seg)
        return a if a is not None and a.speaker is not None and a.speaker[1] <= k else None

    def _colon(self, colon: int) -> Attribution | None:
        """'Kasich resisted: "..."'; 'WRONG - Mark Blumenthal: "..."'; 'He told Reuters: "..."'."""
        doc = self.doc
        for k in range(colon - 1, max(-1, colon - MAX_COLON_REACH - 1), -1):
            if self.tok_seg[k] >= 0:
                break
            a = self.by_cue.get(k)
            if a is not None and a.speaker is not None:
                return a
            if doc[k].is_sent_start:
                break
        name = self._name_before(colon)
        if name is not None:
            return Attribution(colon, ":", "speech", name, name[1] - 1, None)
        for k in range(colon - 1, max(-1, colon - MAX_COLON_REACH - 1), -1):
            tok = doc[k]
            if self.tok_seg[k] >= 0:
                break
            if tok.pos_ in ("VERB", "AUX") and tok.dep_ in _CLAUSE_HEADS:
                a = attribution_at(tok, "speech", self.tok_seg)
                if a is not None and a.speaker is not None:
                    return a
            if tok.is_sent_start:
                break
        return None

    def _name_before(self, i: int) -> tuple[int, int] | None:
        """The names just before token ``i`` ('Mark Blumenthal and Jon Cohen')."""
        doc = self.doc
        start = i
        while start > 0 and self.tok_seg[start - 1] < 0:
            prev = doc[start - 1]
            if prev.pos_ == "PROPN" and not prev.is_upper or prev.text in (".", "and") and start < i:
                start -= 1
            else:
                break
        span = trim(doc, start, i)
        if span is None or doc[span[0]].pos_ != "PROPN":
            return None
        return span

    def _skip(self, i: int, step: int) -> int | None:
        """The first token from ``i`` in direction ``step`` that is not a mark or a space."""
        doc = self.doc
        for _ in range(4):
            if not 0 <= i < len(doc):
                return None
            tok = doc[i]
            if "\n\n" in tok.text or "\n" in tok.text and step < 0:
                return None
            if tok.is_space or tok.is_quote or (tok.text == "," and step > 0):
                i += step
                continue
            return i
        return None


def _name_word(tok: Token) -> bool:
    """A word of a person's name in a byline: a proper noun, a capitalised word, an initial."""
    return tok.pos_ == "PROPN" or tok.is_title and tok.is_alpha or len(tok.text) == 2 and tok.text[1] == "."
