"""Which clause a word belongs to, and whether a time or place phrase governs an event's trigger.

Shared by the place and the date of an event: "talks in Brussels on Tuesday" puts both on
"talks"; "said on Tuesday that Russia attacked Georgia in August" gives "said" Tuesday and
"attacked" August, because each phrase governs only its own clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

#: dependency labels that start a clause of their own
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "csubj", "csubjpass", "parataxis", "pcomp"}
)
#: clauses that share the time and place of the clause they hang on when they have none
INHERITING_DEPS = frozenset({"xcomp", "conj"})
#: links a phrase climbs through to its attachment point ("in Geneva" -> the word "in" hangs on)
_LINKS = frozenset({"pobj", "prep", "npadvmod", "tmod", "nummod", "compound", "appos", "amod", "advmod", "pcomp"})


def clause_head(tok: Token) -> Token:
    """The verb (or the root) that heads the clause ``tok`` is in."""
    t = tok
    for _ in range(64):  # parses are trees, but never loop forever on a bad one
        if t.head.i == t.i:
            return t
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS:
            return t
        t = t.head
    return t


def span_root(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside it."""
    span: Span = doc[start:end]
    return span.root if len(span) else doc[start]


def attachment(tok: Token) -> tuple[Token, list[Token]]:
    """Where a phrase hangs on, climbing prepositions: (attachment token, tokens climbed through)."""
    path = []
    t = tok
    while t.dep_ in _LINKS and t.head.i != t.i and t.head.pos_ in ("ADP", "NUM", "PROPN", "ADV", "SCONJ"):
        path.append(t)
        t = t.head
    path.append(t)
    return t.head, path


def governs(phrase_root: Token, trigger: Token) -> int | None:
    """How closely a time or place phrase governs a trigger: 0 inside its phrase, 1 in its clause, else None.

    The phrase governs the trigger when it hangs on the trigger's clause or on a phrase that
    holds the trigger ("the use of force ... last August": on "use", which holds "force"), but
    not when it sits inside another argument or in a clause below the trigger's.
    """
    head = clause_head(trigger)
    t = phrase_root
    for _ in range(64):
        if t.i == trigger.i:
            return 0
        if t.i == head.i or t.head.i == t.i:
            break
        if t.i != phrase_root.i and t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS:
            return None  # the phrase belongs to a clause below the trigger's
        t = t.head
    if t.i != head.i:
        return None
    att, _ = attachment(phrase_root)
    return 1 if att.i in _holders(trigger, head) else None


def _holders(trigger: Token, head: Token) -> set[int]:
    """The trigger and the words above it up to its clause's head."""
    out = {trigger.i}
    t = trigger
    for _ in range(64):
        if t.i == head.i or t.head.i == t.i:
            break
        t = t.head
        out.add(t.i)
    out.add(head.i)
    return out


def parent_clause(tok: Token) -> Token | None:
    """The clause a clause of ``INHERITING_DEPS`` hangs on, else None."""
    head = clause_head(tok)
    if head.dep_ in INHERITING_DEPS and head.head.i != head.i:
        return clause_head(head.head)
    return None


def relative_antecedent(tok: Token, words: frozenset[str]) -> Token | None:
    """For "in Brussels, where she attended a meeting": the antecedent (Brussels) of ``where``/``when``."""
    head = clause_head(tok)
    if head.dep_ != "relcl":
        return None
    if any(c.lower_ in words for c in head.children if c.dep_ in ("advmod", "mark", "npadvmod")):
        return head.head
    return None
