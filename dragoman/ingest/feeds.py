"""RSS and Atom feeds (files or URLs): each entry is an article, its linked page fetched.

An entry that carries its full text (``content:encoded``, Atom ``content``) is read as it is;
otherwise its link is fetched with the polite ``Fetcher`` and the page read like any HTML.
When the page cannot be had, the entry's summary stands in; with no summary either, the
entry is rejected (``fetch failed``). Without a fetcher (``--no-fetch``, Spark) entries are
read from the feed alone.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from ..config import Settings
from ..models import Article, Reject, text_id
from .fetch import Fetcher, FetchError
from .html import article_from_html
from .text import too_large

log = logging.getLogger(__name__)

#: an entry's own content counts as the full article from this many words
FULL_TEXT_WORDS = 150

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")
_BLANKS = re.compile(r"\n\s*\n\s*")


def is_feed(head: bytes) -> bool:
    """Whether the first bytes of a document look like RSS, RDF or Atom."""
    low = head[:4096].lower()
    return b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low


def read_feed(
    data: bytes, origin: str, settings: Settings, fetcher: Fetcher | None = None
) -> Iterator[Article | Reject]:
    """Every entry of a feed document as an Article or a Reject (``origin#n``)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            yield Reject(origin, "malformed feed", str(parsed.get("bozo_exception", ""))[:200])
        else:
            yield Reject(origin, "empty", "a feed with no entries")
        return
    source = parsed.feed.get("title") or _host(parsed.feed.get("link"))
    for n, entry in enumerate(parsed.entries, start=1):
        yield entry_article(entry, f"{origin}#{n}", source, settings, fetcher)


def entry_article(
    entry: Any, where: str, source: str | None, settings: Settings, fetcher: Fetcher | None
) -> Article | Reject:
    """The article of one feed entry: its full content, its fetched page, or its summary."""
    link = entry.get("link") or None
    title = _plain(entry.get("title")) or None
    when = _entry_date(entry)
    content = "\n\n".join(_plain(c.get("value")) for c in entry.get("content") or [] if c.get("value")).strip()
    if len(content.split()) >= FULL_TEXT_WORDS or not link or fetcher is None:
        return _from_entry(content or _plain(entry.get("summary")), where, settings, link, title, when, source)
    try:
        page = fetcher.get(link)
    except FetchError as exc:
        reason = str(exc)
    else:
        art = article_from_html(page.body, where, settings, url=page.url, title=title, date=when, source=source)
        if isinstance(art, Article):
            return art
        reason = f"linked page: {art.reason} ({art.detail})"
    fallback = content or _plain(entry.get("summary"))
    if fallback:
        log.info("%s: %s; using the entry's own text", where, reason)
        return _from_entry(fallback, where, settings, link, title, when, source)
    return Reject(where, "fetch failed", f"{link}: {reason}"[:300])


def _from_entry(
    text: str, where: str, settings: Settings, url: str | None, title: str | None, when: str | None, src: str | None
) -> Article | Reject:
    if not text.strip():
        return Reject(where, "empty", "an entry with no text and no link to fetch")
    aid = text_id(f"{url}\n{text}") if url else None
    return too_large(text, where, settings) or Article(
        text=text, id=aid, title=title, date=when, url=url, source=src, origin=where
    )


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def _plain(value: str | None) -> str:
    """Text from an HTML fragment (feeds carry HTML in titles, summaries and content)."""
    if not value:
        return ""
    if "<" not in value:
        return value.strip()
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    try:
        root = lxml_html.fragment_fromstring(value, create_parent="div")
    except (ParserError, ValueError):
        return value.strip()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    return _BLANKS.sub("\n\n", root.text_content()).strip()


def _host(url: str | None) -> str | None:
    return (urlsplit(url).hostname or None) if url else None
