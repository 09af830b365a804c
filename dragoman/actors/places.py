"""Where a country or city name is not an actor: datelines, longer place names, headlines.

- A wire dateline ("MOSCOW, March 6 (Reuters) -", "THE HAGUE --") is where the story was
  filed: a place, never the actor of the sentences that follow.
- A country inside a longer geographic name ("South China Sea", "Gulf of Mexico", "Korean
  Peninsula") is part of a place name, not the state.
- In a title-case headline ("U.S. Pledges Military Aid to Ukraine") capitalised verbs and nouns
  are not parts of names, so entity boundaries there say nothing about longer names.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..nlp.tokens import doc_text, space_flags, token_ints

#: marks that follow a dateline's place name
DATELINE_AFTER = frozenset({"--", "-", "\u2014", "\u2013", ",", "(", ":"})
#: capitalised nouns that make a country or demonym before them part of a geographic name
FEATURES = frozenset(
    """sea seas ocean gulf strait straits peninsula bay river mountains mountain desert island islands canal
    lake basin highlands plateau channel archipelago delta valley plain plains shelf trench reef""".split()
)
#: features that take "of": "Sea of Japan", "Gulf of Mexico", "Strait of Hormuz"
FEATURES_OF = FEATURES - {"mountains", "mountain", "desert", "highlands", "plains"}


def line_starts(doc: Doc) -> bytearray:
    """1 for each token that opens a line (the first token, or one after a newline)."""
    out = bytearray(len(doc))
    if not len(doc):
        return out
    text, spaces, lengths = doc_text(doc), space_flags(doc), token_ints(doc, "LENGTH")
    last_end = 0
    for i, idx in enumerate(token_ints(doc, "IDX")):
        if spaces[i]:
            continue
        if last_end == 0 or text.find("\n", last_end, idx) >= 0:
            out[i] = 1
        last_end = idx + lengths[i]
    return out


def is_dateline(doc: Doc, start: int, end: int, opens: bytearray) -> bool:
    """True for a place in capitals opening a line before a dash, comma or bracket ("ABUJA --")."""
    first = start
    while first > 0 and not opens[first] and doc[first - 1].is_upper and doc[first - 1].is_alpha:
        first -= 1  # "THE HAGUE", "SAN SALVADOR"
    if not opens[first] or end >= len(doc):
        return False
    letters = "".join(ch for ch in doc[first:end].text if ch.isalpha())
    if len(letters) < 4 or not letters.isupper():
        return False
    nxt = doc[end].text
    if nxt not in DATELINE_AFTER:
        return False
    # "US, EU agree ...": a dateline is followed by ordinary (not all-capital) words
    rest = [t for t in doc[end + 1 : end + 6] if t.is_alpha]
    return nxt != "," or any(not t.is_upper for t in rest)


def in_place_name(doc: Doc, start: int, end: int) -> bool:
    """True when the name is part of a geographic name ("South China Sea", "Sea of Japan")."""
    if end < len(doc):
        nxt = doc[end]
        if nxt.lower_ in FEATURES and nxt.is_title:
            return True
    if start >= 2 and doc[start - 1].lower_ == "of":
        feat = doc[start - 2]
        return feat.lower_ in FEATURES_OF and feat.is_title
    return False


def titlecase_tokens(doc: Doc, opens: bytearray | None = None) -> bytearray:
    """1 for each token of a title-case line (a short headline: every content word capitalised)."""
    out = bytearray(len(doc))
    opens = opens if opens is not None else line_starts(doc)
    starts = [i for i in range(len(doc)) if opens[i]] + [len(doc)]
    for a, b in zip(starts, starts[1:], strict=False):
        if b - a > 30:
            continue  # a line of body text
        words = [t for t in doc[a:b] if t.is_alpha and not t.is_stop and len(t) > 1]
        if len(words) >= 3 and all(t.is_title or t.is_upper for t in words):
            out[a:b] = b"\x01" * (b - a)
    return out
