"""Attributions from the dependency parse: a cue verb, its speaker and what was said.

One pass over the tokens finds the cues (reporting verbs, "according to"). For each cue:

- the speaker is the cue's subject, found by climbing from participles and conjoined or
  open-clause verbs to the verb that has one ("..., saying", "paused and said"), from a
  relative pronoun to the noun it stands for ("Lavrov, who said"), and to the agent of a
  passive ("it was announced by the ministry");
- the content is the clausal complement ("said [that the talks failed]"), or, when the cue
  hangs off the reported clause ("The talks failed, a spokesman said"; "according to X, ..."),
  that clause without the cue's own phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from .cues import CueLexicon

_SUBJECTS = frozenset({"nsubj", "csubj"})
_CLIMB = frozenset({"conj", "xcomp", "advcl", "pcomp"})
_PARTICIPLE_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM"})
#: right-hand dependents kept in a speaker's words ("a spokesman for the ministry")
_SPEAKER_RIGHT = frozenset({"compound", "flat", "nummod", "appos"})
_SPEAKER_PREPS = frozenset({"of", "for", "at", "from", "in"})
_MAX_SPEAKER_PREP = 8
#: a cue's complements that may carry quoted words ('called it "a land grab"', 'described as "..."')
_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "acomp", "prep", "dative", "npadvmod"})
#: words between a cue and its object ('called on Tuesday', 'has also called')
_BEFORE_OBJECT = frozenset({"advmod", "prt", "npadvmod", "punct"})


@dataclass
class Attribution:
    """A cue with its speaker and content (token spans, end exclusive)."""

    cue: int
    cue_text: str
    kind: str  # speech, cognition, according
    speaker: tuple[int, int] | None
    speaker_head: int | None
    content: tuple[int, int] | None


def find_attributions(doc: Doc, in_quote: list[int], lexicon: CueLexicon) -> list[Attribution]:
    """Every cue outside quotation marks, with its speaker and content where the parse has them."""
    found: list[Attribution] = []
    if not len(doc):
        return found
    cue_ids = lexicon.hashes()
    rows = doc.to_array([LEMMA, LOWER]).tolist()  # plain ints: no Token objects for ordinary words
    for i, (lemma, lower) in enumerate(rows):
        if in_quote[i] >= 0 or (lemma not in cue_ids and lower not in cue_ids):
            continue
        kind = _cue_kind(doc[i], lexicon)
        if kind is None:
            continue
        attr = attribution_at(doc[i], kind, in_quote, lexicon.directive)
        if attr is not None:
            found.append(attr)
    _cut_nested(doc, found)
    return found


def _cut_nested(doc: Doc, attrs: list[Attribution]) -> None:
    """End a content before a participle cue inside it ('said X, adding that Y': X only)."""
    participles = [a.cue for a in attrs if doc[a.cue].tag_ == "VBG" and doc[a.cue].dep_ in _PARTICIPLE_DEPS]
    if not participles:
        return
    for a in attrs:
        if a.content is None:
            continue
        start, end = a.content
        for p in participles:
            left = doc[p].left_edge.i
            if start < left and p < end:
                a.content = trim(doc, start, left) or a.content
                break


def _cue_kind(tok: Token, lexicon: CueLexicon) -> str | None:
    if tok.lower_ in lexicon.according and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
        return "according"
    if tok.pos_ == "VERB":
        return lexicon.verb_kind(tok.lemma_)
    return None


def attribution_at(
    cue: Token, kind: str, in_quote: list[int], directive: frozenset[str] = frozenset()
) -> Attribution | None:
    """The attribution of one cue token (None when it has neither speaker nor content)."""
    if kind == "according":
        head = _according_source(cue)
        text = cue.text + " to"
        content = _clause_without(cue.head, cue, middle=True) if cue.head.i != cue.i else None
    else:
        head = subject_of(cue)
        if head is not None and in_quote[head.i] >= 0:
            head = None  # the parse took a word of the quotation for the subject
        if head is None:
            head = inverted_subject(cue, in_quote)
        text = cue.text
        content = _complement(cue) if kind != "evaluation" else None
        if content is None and cue.lemma_ in directive:
            content = _directive(cue)
        if content is None:
            content = quoted_object(cue, in_quote)
            if head is not None and content is not None and content[0] <= head.i < content[1]:
                head = None  # 'calling the test "a clear violation"': the object is no speaker
        if kind == "evaluation" and content is None:
            return None  # 'welcomed the decision': no words attributed
        kind = "speech" if kind == "evaluation" else kind
    if head is None and content is None:
        return None
    span = speaker_span(head) if head is not None else None
    return Attribution(cue.i, text, kind, span, head.i if head is not None else None, content)


def subject_of(verb: Token) -> Token | None:
    """The one who speaks: the verb's subject, climbing to the verb that has one."""
    v = _reporting_clause(verb) or verb
    for _ in range(4):
        for child in v.children:
            if child.dep_ in _SUBJECTS:
                if child.lower_ in _RELATIVE and v.dep_ == "relcl":
                    return v.head
                return child
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head
        if v.dep_ not in _CLIMB or v.head.i == v.i:
            return None
        v = v.head
    return None


def _reporting_clause(verb: Token) -> Token | None:
    """'X said [it would withhold aid], citing ...': a participle after a comma at the end of a
    reported clause goes with the reporting verb, whatever the parse attached it to."""
    clause = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < clause.i or verb.i == 0:
        return None
    if verb.nbor(-1).text != "," or clause.dep_ != "ccomp" or clause.head.pos_ != "VERB":
        return None
    return clause.head if clause.head.i < clause.i else None


def inverted_subject(cue: Token, in_quote: list[int]) -> Token | None:
    """The noun right after a cue ('"...," said Lavrov'; '"...," added the minister')."""
    doc = cue.doc
    i = cue.i + 1
    if i >= len(doc) or in_quote[i] >= 0 or doc[i].pos_ not in _NOMINAL or doc[i].ent_type_ in ("DATE", "TIME"):
        return None
    head = doc[i]
    while head.head.i > cue.i and head.head.i != head.i and head.head.pos_ in _NOMINAL and in_quote[head.head.i] < 0:
        head = head.head
    return head


def _according_source(cue: Token) -> Token | None:
    for prep in cue.children:
        if prep.lower_ == "to":
            return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def _complement(cue: Token) -> tuple[int, int] | None:
    best, gap = None, len(cue.doc)
    for child in cue.children:
        if child.dep_ == "ccomp":
            d = child.left_edge.i - cue.i if child.i > cue.i else cue.i - child.right_edge.i
            if d < gap:
                best, gap = child, d
    if best is not None:
        return trim(cue.doc, best.left_edge.i, best.right_edge.i + 1)
    if cue.dep_ == "parataxis" or (cue.dep_ == "advcl" and cue.i > cue.head.i and cue.tag_ != "VBG"):
        return _clause_without(cue.head, cue)
    return None


def quoted_object(cue: Token, in_quote: list[int]) -> tuple[int, int] | None:
    """'called the downing "a stab in the back"', 'expressed "deep concern" about': the cue's
    complements after it, when they hold quoted words (unquoted, they are no report)."""
    first = last = None
    for child in cue.rights:
        if child.dep_ in _OBJECT_DEPS and (first is not None or not _is_action(child)):
            first = first if first is not None else child
            last = child
        elif child.dep_ == "punct" and (child.is_quote or in_quote[child.i] >= 0):
            continue
        elif first is not None or child.dep_ not in _BEFORE_OBJECT:
            break
    if first is None or last is None:
        return None
    span = trim(cue.doc, first.left_edge.i, last.right_edge.i + 1)
    if span is None or not any(in_quote[k] >= 0 for k in range(*span)):
        return None
    return span


def _is_action(prep: Token) -> bool:
    """'began by saying', 'began taking calls': what follows is a deed, not words."""
    return any(g.dep_ == "pcomp" for g in prep.children)


def _directive(cue: Token) -> tuple[int, int] | None:
    """'urged [Russia to withdraw]': the object and the infinitive clause after the cue."""
    xcomp = next((c for c in cue.rights if c.dep_ == "xcomp"), None)
    if xcomp is None:
        return None
    obj = next((c for c in cue.rights if c.dep_ in ("dobj", "dative") and c.i < xcomp.i), None)
    start = obj.left_edge.i if obj is not None else xcomp.left_edge.i
    return trim(cue.doc, start, xcomp.right_edge.i + 1)


def _clause_without(head: Token, part: Token, middle: bool = False) -> tuple[int, int] | None:
    """The clause of ``head`` without ``part``'s phrase at its edge (or all of it: ``middle``)."""
    left, right = part.left_edge.i, part.right_edge.i + 1
    start, end = head.left_edge.i, head.right_edge.i + 1
    if middle and left > start and right < end and end - right > 1:
        return trim(head.doc, start, end)  # 'The war, according to officials, began in August'
    if left > start:
        return trim(head.doc, start, left)
    if right < end:
        return trim(head.doc, right, end)
    return None


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The span without punctuation, spaces and conjunctions at its edges (None if empty)."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def speaker_span(head: Token) -> tuple[int, int]:
    """The speaker's words around its head noun: modifiers, names, a short "of"/"for" phrase."""
    start = head.left_edge.i
    for t in head.doc[start : head.i]:
        if t.is_punct and t.text not in (".", "-", "'s"):
            start = t.i + 1
    end = head.i + 1
    rights = list(head.rights)
    for k, child in enumerate(rights):
        if child.left_edge.i != end:
            break
        if child.dep_ in _SPEAKER_RIGHT:
            end = child.right_edge.i + 1
        elif child.dep_ == "cc" and k + 1 < len(rights) and rights[k + 1].dep_ == "conj":
            end = speaker_span(rights[k + 1])[1]  # 'Johnson and Irish Prime Minister Leo Varadkar'
            break
        elif child.dep_ == "prep" and child.lower_ in _SPEAKER_PREPS:
            if child.right_edge.i + 1 - child.i <= _MAX_SPEAKER_PREP:
                end = child.right_edge.i + 1
            break
        else:
            break
    return start, end
