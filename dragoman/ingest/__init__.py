"""Sources to Articles: one reader per format, and duplicate keys."""

from __future__ import annotations

from ..models import Reject
from .dates import dateline, parse_date
from .fetch import Fetcher, FetchError
from .sources import expand, read_file, read_sources, read_stream
from .text import article_from_text

__all__ = [
    "FetchError",
    "Fetcher",
    "Reject",
    "article_from_text",
    "dateline",
    "expand",
    "parse_date",
    "read_file",
    "read_sources",
    "read_stream",
]
