"""WARC and WARC.gz archives (Common Crawl): the HTML of each response record is an article.

Request, metadata and non-HTML records are skipped. A record that cannot be parsed is
rejected as ``malformed record`` and the rest of the file is given up (its boundaries are
lost); an archive cut short is rejected as ``truncated archive`` after every complete
record before the cut has been read.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from typing import Any

from ..config import Settings
from ..models import Article, Reject
from .gunzip import GZIP_MAGIC, Gunzip, Prefixed, Readable
from .html import MARKUP_FACTOR, article_from_html

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(fh: Readable, origin: str, settings: Settings) -> Iterator[Article | Reject]:
    """Every HTML response of a WARC stream (gzip or not) as an Article or a Reject."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    head = fh.read(2)
    unzipped = Gunzip(Prefixed(head, fh)) if head == GZIP_MAGIC else None
    stream: Any = unzipped or Prefixed(head, fh)
    n = 0
    try:
        first = stream.read(5)
        if not first.startswith(b"WARC/"):
            yield Reject(origin, "malformed record", f"not a WARC file: it starts with {first!r}")
            return
        for n, record in enumerate(ArchiveIterator(Prefixed(first, stream)), start=1):
            item = _record(record, f"{origin}#{n}", settings)
            if item == TRUNCATED:
                yield Reject(f"{origin}#{n}", "truncated archive", "the file ends inside this record")
                return
            if isinstance(item, Article | Reject):
                yield item
    except ArchiveLoadFailed as exc:
        yield Reject(f"{origin}#{n + 1}", "malformed record", str(exc).splitlines()[0][:200])
        return
    except (zlib.error, ValueError, AttributeError, IndexError) as exc:  # corrupt bytes inside warcio
        yield Reject(f"{origin}#{n + 1}", "malformed record", f"{type(exc).__name__}: {exc}"[:200])
        return
    if unzipped is not None and unzipped.truncated:
        yield Reject(f"{origin}#{n + 1}", "truncated archive", "the gzip stream ends before its end marker")


#: what ``_record`` returns for a record cut short by the end of the file
TRUNCATED = "truncated"


def _record(record: Any, where: str, settings: Settings) -> Article | Reject | str | None:
    """The article of one record, a reject, ``TRUNCATED``, or None for a record to skip."""
    if record.rec_type is None:
        return Reject(where, "malformed record", "a record without a WARC-Type")
    if record.rec_type != "response" or record.http_headers is None:
        record.content_stream().read()
        return TRUNCATED if record.raw_stream.limit > 0 else None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    limit = settings.max_text_bytes * MARKUP_FACTOR
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        record.content_stream().read()
        return Reject(where, "too large", f"payload over {limit} bytes")
    if record.raw_stream.limit > 0:
        return TRUNCATED
    if not any(t in ctype for t in HTML_TYPES) and not (not ctype and b"<html" in body[:2048].lower()):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    return article_from_html(body, where, settings, url=url)
