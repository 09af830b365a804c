"""Token data read once per Doc and shared by dragoman's components.

``doc.text`` joins every token, and iterating a Doc creates one Token object per token:
both are slow in Python and several components need the same facts. They ask here instead:
each value is computed on first use from ``Doc.to_array`` and kept in ``doc.user_data``
(plain strings and lists, so Docs still cross process boundaries). The record component
drops the cache when the Doc is done; a Doc of another length (retokenised) is read afresh.
"""

from __future__ import annotations

from typing import Any

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


def remember_text(doc: Doc, text: str) -> None:
    """Keep the text a Doc was made from: it is ``doc.text`` (spaCy's tokenizer loses nothing)."""
    _cache(doc)["text"] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    cache = _cache(doc)
    if "text" not in cache:
        cache["text"] = doc.text
    return cache["text"]


def token_strings(doc: Doc, attr: str) -> list[str]:
    """A string attribute of every token: "ORTH" (``token.text``), "LOWER", "POS", "TAG", "DEP"."""
    cache = _cache(doc)
    if attr not in cache:
        strings = doc.vocab.strings
        hashes = doc.to_array(attr).tolist() if len(doc) else []
        words = {h: strings[h] for h in set(hashes)}  # each string looked up once
        cache[attr] = [words[h] for h in hashes]
    return cache[attr]


def token_flags(doc: Doc, attr: str) -> list[bool]:
    """A boolean attribute of every token: "IS_SPACE", "IS_TITLE", "IS_UPPER", "IS_ALPHA", ..."""
    cache = _cache(doc)
    if attr not in cache:
        cache[attr] = doc.to_array(attr).astype(bool).tolist() if len(doc) else []
    return cache[attr]


def token_ints(doc: Doc, attr: str) -> list[int]:
    """A numeric attribute of every token: "IDX" (``token.idx``), "LENGTH" (``len(token)``)."""
    cache = _cache(doc)
    if attr not in cache:
        cache[attr] = doc.to_array(attr).tolist() if len(doc) else []
    return cache[attr]


def lower_words(doc: Doc) -> list[str]:
    """``token.lower_`` of every token."""
    return token_strings(doc, "LOWER")


def token_texts(doc: Doc) -> list[str]:
    """``token.text`` of every token (slices of the text: quicker than the string store)."""
    cache = _cache(doc)
    if "texts" not in cache:
        text, lengths = doc_text(doc), token_ints(doc, "LENGTH")
        cache["texts"] = [text[i : i + n] for i, n in zip(token_ints(doc, "IDX"), lengths, strict=True)]
    return cache["texts"]


def space_flags(doc: Doc) -> list[bool]:
    """``token.is_space`` of every token."""
    return token_flags(doc, "IS_SPACE")
