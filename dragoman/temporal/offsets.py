"""Dates told as an offset from another event: "a day after Belarus forced a jet down", "two days after a vote".

The main clause has a date (its own, or the article's); the clause or noun introduced by
"N days after" (or "before") took place N days earlier (or later). Only counted offsets
("10 days", "a week") give a date: "days later" does not.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Token

from ..geo.clauses import INHERITING_DEPS, clause_head
from .expressions import NUMBERS
from .resolve import add_months, ym, ymd

#: units of an offset, in days (months and years move the calendar instead)
UNITS = {"day": 1, "week": 7, "month": 0, "year": 0}
_SIGN = {"after": -1, "before": 1}
DateOf = Callable[[Token], str | None]


def _count(unit: Token) -> int | None:
    """How many units: "10 days", "two weeks", "a day"; None without a count."""
    for c in unit.children:
        if c.dep_ == "nummod":
            low = c.lower_
            return NUMBERS.get(low) or (int(low) if low.isdigit() else None)
        if c.dep_ == "det" and c.lower_ in ("a", "an"):
            return 1
    return None


def _unit_near(*toks: Token) -> Token | None:
    """The unit noun of an offset among the words around "after" ("10 days", "a day")."""
    for tok in toks:
        if tok.lemma_.lower() in UNITS and tok.pos_ == "NOUN":
            return tok
        for c in tok.children:
            if c.dep_ == "npadvmod" and c.lemma_.lower() in UNITS:
                return c
    return None


def _base(trigger: Token) -> Token:
    """The trigger's clause, climbing conjuncts ("forced ... and arrested")."""
    head = clause_head(trigger)
    for _ in range(8):
        if head.dep_ not in INHERITING_DEPS or head.head.i == head.i:
            break
        head = clause_head(head.head)
    return head


def _offset(trigger: Token) -> tuple[Token, int, str, Token, Token] | None:
    """For an event in an "N units after/before" phrase: (main word, signed count, unit, unit noun, phrase top)."""
    head = _base(trigger)
    if trigger.dep_ == "pobj" and trigger.head.lower_ in _SIGN:
        word, below = trigger.head, trigger.head  # "two days after a referendum"
    elif head.dep_ == "pcomp" and head.head.lower_ in _SIGN:
        word, below = head.head, head.head  # "10 days after seizing Goma"
    else:
        marks = [c for c in head.children if c.dep_ in ("mark", "prep") and c.lower_ in _SIGN]
        if not marks or head.dep_ not in ("advcl", "relcl", "acl", "pcomp", "pobj"):
            return None
        word, below = marks[0], head
    unit = _unit_near(below, word, below.head)
    n = _count(unit) if unit is not None else None
    if unit is None or n is None:
        return None
    main = unit.head if unit.dep_ == "npadvmod" and unit.head.i not in (below.i, word.i) else below.head
    return clause_head(main), _SIGN[word.lower_] * n, unit.lemma_.lower(), unit, below


def offset_date(trigger: Token, date_of: DateOf, own: Token | None = None) -> tuple[str, str] | None:
    """The date of an event "N days after/before" another, from the main clause's date; None otherwise.

    ``own``: the root of a time the trigger already has; inside the offset's phrase it wins
    ("a day after rebels attacked on Sunday"), outside it is the main clause's ("signed on
    Tuesday, two days after a referendum").
    """
    found = _offset(trigger)
    if found is None:
        return None
    main, n, unit, unit_tok, top = found
    if own is not None and (own.i == top.i or any(a.i == top.i for a in own.ancestors)):
        return None
    base = date_of(main)
    if base is None or main.i == trigger.i:
        return None
    moved = _move(base, n, unit)
    return (moved, _words(unit_tok)) if moved is not None else None


def _words(unit: Token) -> str:
    """The words of an offset: "10 days after"."""
    return unit.doc[unit.left_edge.i : unit.i + 2].text


def _move(base: str, n: int, unit: str) -> str | None:
    """A date moved by ``n`` units, at the precision the unit allows."""
    if UNITS[unit] and len(base) == 10:
        return ymd(date.fromisoformat(base) + timedelta(days=n * UNITS[unit]))
    if unit == "month" and len(base) >= 7:
        return ym(*add_months(int(base[:4]), int(base[5:7]), n))
    if unit == "year":
        return f"{int(base[:4]) + n:04d}"
    return None


def _later_parts(head: Token) -> list[Token]:
    """The events a clause is told to follow or precede: "two days after rebels attacked", "after a vote"."""
    out = []
    for c in head.children:
        if c.dep_ == "advcl":
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in _SIGN:
            out.extend(x for x in c.children if x.dep_ in ("pobj", "pcomp"))
    return out


def dated_from_earlier(trigger: Token, own_time: DateOf) -> tuple[str, str] | None:
    """The date of an event told "N days after" another that has a time of its own ("... on March 3")."""
    head = _base(trigger)
    for part in _later_parts(head):
        found = _offset(part)
        if found is None or clause_head(found[0]).i != head.i:
            continue
        _main, n, unit, unit_tok, _top = found
        base = own_time(part)
        if base is None:
            continue
        moved = _move(base, -n, unit)
        if moved is not None:
            return moved, _words(unit_tok)
    return None


#: prepositions that date an event by one told before it ("After the attack, India suspended ...")
_AFTER = frozenset({"after", "following"})


def _anchor_noun(trigger: Token) -> Token | None:
    """The event noun of an "after the attack" phrase on the trigger's clause, else None."""
    head = _base(trigger)
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in _AFTER:
            nouns = [x for x in c.children if x.dep_ == "pobj" and x.pos_ == "NOUN"]
            if nouns:
                return nouns[0]
    return None


def dated_after_event(trigger: Token, time_in: DateOf) -> tuple[str, str] | None:
    """For "After the attack, India suspended ...": the date the story gives that attack ("the April 22 attack").

    ``time_in(noun)`` is the date of a time inside a noun's own phrase. The phrase's noun, or
    an earlier mention of the same act, must carry one: a clause's time is not the act's.
    """
    noun = _anchor_noun(trigger)
    if noun is None:
        return None
    words = noun.doc[noun.head.i : noun.i + 1].text
    own = time_in(noun)
    if own is not None:
        return own, words
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    for tok in reversed(noun.doc[: noun.i]):
        if tok.pos_ == "NOUN" and tok.lemma_.lower() == lemma:
            found = time_in(tok)
            if found is not None:
                return found, words
    return None
