"""HTML pages: title, date and the article body without boilerplate, by trafilatura."""

from __future__ import annotations

import logging

from ..config import Settings
from ..models import Article, Reject, text_id
from .dates import parse_date
from .text import too_large

log = logging.getLogger(__name__)

#: markup is read up to this many times the text limit (the limit applies to the extracted text)
MARKUP_FACTOR = 4


def article_from_html(
    data: bytes,
    origin: str,
    settings: Settings,
    url: str | None = None,
    title: str | None = None,
    date: str | None = None,
    source: str | None = None,
) -> Article | Reject:
    """The article of an HTML page; the given title, date and source win over the page's own."""
    limit = settings.max_text_bytes * MARKUP_FACTOR
    if len(data) > limit:
        return Reject(origin, "too large", f"page over {limit} bytes")
    if b"\x00" in data[:8192]:
        return Reject(origin, "binary", "NUL bytes in the first 8 KB")
    if not data.strip():
        return Reject(origin, "empty", "no text")
    import trafilatura  # 0.3 s to import: only when there is HTML to read

    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # a page that breaks the extractor is a bad item, not a failed batch
        log.debug("trafilatura failed on %s", origin, exc_info=True)
        return Reject(origin, "malformed record", f"HTML extraction failed: {type(exc).__name__}")
    text = getattr(doc, "text", None) or ""
    if not text.strip():
        return Reject(origin, "empty", "no article text in the page")
    big = too_large(text, origin, settings)
    if big:
        return big
    page_url = url or getattr(doc, "url", None) or None
    return Article(
        text=text,
        # one text at two addresses is two reports of it (an exact duplicate, two mentions)
        id=text_id(f"{page_url}\n{text}") if page_url else None,
        title=title or getattr(doc, "title", None) or None,
        date=date or parse_date(getattr(doc, "date", None)),
        url=page_url,
        source=source or getattr(doc, "sitename", None) or None,
        origin=origin,
    )
