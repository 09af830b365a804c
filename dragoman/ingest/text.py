"""Plain-text articles: the first non-empty line is the title, a date line gives the date."""

from __future__ import annotations

import codecs

from ..config import Settings
from ..models import Article, Reject
from .dates import dateline

#: byte-order marks of the UTF-16 encodings (whose text is full of NUL bytes)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def title_of(text: str) -> str | None:
    """The first non-empty line, stripped."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def article_from_text(text: str, origin: str | None = None, date: str | None = None) -> Article:
    """An Article from plain text; ``date`` (e.g. from --date) wins over a date line."""
    return Article(text=text, title=title_of(text), date=date or dateline(text), origin=origin)


def decode_text(data: bytes, origin: str, settings: Settings) -> str | Reject:
    """UTF-8 (or BOM-marked UTF-16) text from bytes, or the reason it is refused."""
    if len(data) > settings.max_text_bytes:
        return Reject(origin, "too large", f"over {settings.max_text_bytes} bytes (max_text_bytes)")
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return Reject(origin, "undecodable", f"not UTF-16 at byte {exc.start}")
        return text if text.strip() else Reject(origin, "empty", "no text")
    if b"\x00" in data[:8192]:
        return Reject(origin, "binary", "NUL bytes in the first 8 KB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Reject(origin, "undecodable", f"not UTF-8 at byte {exc.start}")
    if not text.strip():
        return Reject(origin, "empty", "no text")
    return text


def too_large(text: str, origin: str, settings: Settings) -> Reject | None:
    """A reject when a decoded text is over the size limit, else None."""
    size = len(text.encode("utf-8"))
    if size > settings.max_text_bytes:
        return Reject(origin, "too large", f"{size} bytes of text, over {settings.max_text_bytes} (max_text_bytes)")
    return None
