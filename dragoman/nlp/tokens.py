"""Token data read once per Doc and shared by dragoman's components.

``doc.text`` joins every token, and iterating a Doc creates one Token object per token:
both are slow in Python and several components need the same facts. They ask here instead:
each value is computed on first use from ``Doc.to_array`` and kept in ``doc.user_data``
(plain strings and lists, so Docs still cross process boundaries). The record component
drops the cache when the Doc is done; a Doc of another length (retokenised) is read afresh.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, ORTH
from spacy.tokens import Doc

_KEY = "dragoman_tokens"


def _cache(doc: Doc) -> dict[str, Any]:
    """The Doc's cache of token data (made empty on first use, or when the Doc changed length)."""
    cache = doc.user_data.get(_KEY)
    if cache is None or cache["n"] != len(doc):
        cache = doc.user_data[_KEY] = {"n": len(doc)}
    return cache


def drop_token_data(doc: Doc) -> None:
    """Forget the cached token data (the Doc is done: it need not carry it further)."""
    doc.user_data.pop(_KEY, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    cache = _cache(doc)
    if "text" not in cache:
        cache["text"] = doc.text
    return cache["text"]


def lower_words(doc: Doc) -> list[str]:
    """``token.lower_`` of every token."""
    cache = _cache(doc)
    if "lower" not in cache:
        strings = doc.vocab.strings
        cache["lower"] = [strings[h] for h in doc.to_array(LOWER).tolist()]
    return cache["lower"]


def token_texts(doc: Doc) -> list[str]:
    """``token.text`` of every token."""
    cache = _cache(doc)
    if "texts" not in cache:
        strings = doc.vocab.strings
        cache["texts"] = [strings[h] for h in doc.to_array(ORTH).tolist()]
    return cache["texts"]


def space_flags(doc: Doc) -> list[bool]:
    """``token.is_space`` of every token."""
    cache = _cache(doc)
    if "space" not in cache:
        cache["space"] = [bool(f) for f in doc.to_array(IS_SPACE).tolist()]
    return cache["space"]


def char_offsets(doc: Doc) -> list[tuple[int, int]]:
    """``(token.idx, token.idx + len(token))`` of every token."""
    cache = _cache(doc)
    if "chars" not in cache:
        cache["chars"] = [(i, i + n) for i, n in doc.to_array([IDX, LENGTH]).tolist()]
    return cache["chars"]
