"""JSON Lines articles: ``{"id", "title", "text", "date", "url", "source"}`` per line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Protocol

from ..config import Settings
from ..models import Article, Reject
from .dates import parse_date
from .text import too_large

#: a JSON line may hold escapes: it is read up to this many times the text limit
LINE_FACTOR = 4


class LineReader(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def read_jsonl(fh: LineReader, origin: str, settings: Settings) -> Iterator[Article | Reject]:
    """Every line of a JSON Lines stream as an Article, or a Reject naming ``origin:line``."""
    limit = settings.max_text_bytes * LINE_FACTOR
    n = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        n += 1
        where = f"{origin}:{n}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            _skip_line(fh, limit)
            yield Reject(where, "too large", f"line over {limit} bytes")
            continue
        if raw.strip():
            yield article_from_json(raw, where, settings)


def _skip_line(fh: LineReader, limit: int) -> None:
    while True:
        rest = fh.readline(limit)
        if not rest or rest.endswith(b"\n"):
            return


def article_from_json(raw: bytes | str, where: str, settings: Settings) -> Article | Reject:
    """One JSON object as an Article; the input's ``id`` is kept."""
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Reject(where, "malformed line", str(exc).split(":")[0])
    if not isinstance(obj, dict):
        return Reject(where, "malformed line", "not a JSON object")
    text = obj.get("text")
    if text is not None and not isinstance(text, str):
        return Reject(where, "malformed line", "'text' is not a string")
    if not text or not text.strip():
        return Reject(where, "empty", "no text")
    big = too_large(text, where, settings)
    if big:
        return big
    return Article(
        text=text,
        id=str(obj["id"]) if obj.get("id") not in (None, "") else None,
        title=_str(obj.get("title")),
        date=_date(obj.get("date")),
        url=_str(obj.get("url")),
        source=_str(obj.get("source")),
        origin=where,
    )


def _str(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return parse_date(str(value)) or str(value)[:10]
