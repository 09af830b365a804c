"""Plain-text articles: the first non-empty line is the title, a date line gives the date."""

from __future__ import annotations

from ..models import Article
from .dates import dateline


def title_of(text: str) -> str | None:
    """The first non-empty line, stripped."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def article_from_text(text: str, origin: str | None = None, date: str | None = None) -> Article:
    """An Article from plain text; ``date`` (e.g. from --date) wins over a date line."""
    return Article(text=text, title=title_of(text), date=date or dateline(text), origin=origin)
