"""Sources to Articles: one reader per format, and duplicate detection."""

from __future__ import annotations

from .dates import dateline, parse_date
from .sources import read_sources
from .text import article_from_text

__all__ = ["article_from_text", "dateline", "parse_date", "read_sources"]
