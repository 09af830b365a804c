"""Sources to Articles: files, folders, globs, URLs and stdin, each item an Article or a Reject.

A file's kind comes from its name (``.txt``, ``.html``, ``.jsonl``, ``.rss``/``.atom``,
``.warc``; any of them may be gzipped, ``.gz``), else from its first bytes. Readers never
raise on a bad item: they yield a ``Reject`` with a one-line reason and go on. Only a
source that does not exist at all raises ``InputError``.

Reject reasons: ``empty``, ``binary``, ``undecodable``, ``too large``, ``malformed line``
(JSONL), ``malformed record`` (WARC, HTML), ``malformed feed``, ``truncated archive``,
``symlink loop``, ``unreadable``, ``unsupported``, ``fetch failed``.
"""

from __future__ import annotations

import errno
import glob
import logging
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from ..config import Settings
from ..errors import InputError
from ..models import Article, Reject
from .feeds import is_feed, read_feed
from .fetch import Fetcher, FetchError
from .gunzip import GZIP_MAGIC, Gunzip, Prefixed, Readable
from .html import MARKUP_FACTOR, article_from_html
from .jsonl import read_jsonl
from .text import article_from_text, decode_text
from .warc import read_warc

log = logging.getLogger(__name__)

Item = Article | Reject

#: kinds by file suffix; "sniff" means: look at the first bytes
SUFFIX_KINDS = {
    **dict.fromkeys((".txt", ".text", ".md"), "text"),
    **dict.fromkeys((".jsonl", ".ndjson"), "jsonl"),
    **dict.fromkeys((".html", ".htm", ".xhtml", ".shtml"), "html"),
    **dict.fromkeys((".rss", ".atom"), "feed"),
    ".xml": "sniff",
    ".warc": "warc",
}
_SNIFF = 1 << 16


def read_sources(
    sources: Iterable[str],
    settings: Settings | None = None,
    date: str | None = None,
    fetcher: Fetcher | None = None,
    fetch: bool = True,
) -> Iterator[Item]:
    """Every article (or reject) in the sources, in order: paths, folders, globs, URLs or ``-``.

    Feed URLs and the pages that feed entries link to are fetched with ``fetcher`` (a polite
    ``Fetcher`` is made when needed); ``fetch=False`` reads feeds from their own text only.
    """
    settings = settings or Settings()
    own = Fetcher(settings) if fetcher is None and fetch else None
    fetcher = fetcher or own
    try:
        for src in sources:
            if src == "-":
                yield from read_stream(sys.stdin.buffer, "<stdin>", settings, date, "", fetcher)
            elif is_url(src):
                yield from read_url(src, settings, date, fetcher)
            else:
                for path in expand(src):
                    if isinstance(path, Reject):
                        yield path
                    else:
                        yield from read_file(path, settings, date, fetcher)
    finally:
        if own is not None:
            own.close()


def is_url(src: str) -> bool:
    """Whether a source is an http(s) URL."""
    return src.startswith(("http://", "https://"))


def expand(src: str) -> Iterator[Path | Reject]:
    """The files of a source (a file, a folder walked recursively, or a glob), in order."""
    if os.path.isdir(src):
        yield from walk(Path(src))
    elif os.path.lexists(src):
        yield Path(src)  # a file, or a broken or looping link that read_file rejects
    elif glob.has_magic(src):
        paths = sorted(glob.glob(src, recursive=True))
        if not paths:
            raise InputError(f"[D402] No file matches {src!r}. Check the pattern (quote it so the shell leaves it).")
        for p in paths:
            yield from walk(Path(p)) if os.path.isdir(p) else iter([Path(p)])
    else:
        raise InputError(f"[D401] No such file, folder or glob: {src!r}.")


def walk(root: Path) -> Iterator[Path | Reject]:
    """Files under a folder, recursively and sorted (files first), hidden ones left out.

    Linked folders are followed; a link back to a folder being walked is a ``symlink loop``.
    """
    yield from _walk(root, (os.path.realpath(root),))


def _walk(folder: Path, ancestors: tuple[str, ...]) -> Iterator[Path | Reject]:
    try:
        entries = sorted((e for e in os.scandir(folder) if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield Reject(str(folder), _os_reason(exc), exc.strerror or str(exc))
        return
    folders = []
    for entry in entries:
        if _is_dir(entry):
            folders.append(entry)
        else:
            yield Path(entry.path)
    for entry in folders:
        real = os.path.realpath(entry.path)
        if real in ancestors:
            yield Reject(entry.path, "symlink loop", f"links back to {real}")
        else:
            yield from _walk(Path(entry.path), (*ancestors, real))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _os_reason(exc: OSError) -> str:
    return "symlink loop" if exc.errno == errno.ELOOP else "unreadable"


def read_file(
    path: Path, settings: Settings, date: str | None = None, fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """The articles of one file, by its kind."""
    origin = str(path)
    try:
        with path.open("rb") as fh:
            yield from read_stream(fh, origin, settings, date, path.name, fetcher)
    except OSError as exc:
        yield Reject(origin, _os_reason(exc), exc.strerror or str(exc))


def read_stream(
    fh: BinaryIO,
    origin: str,
    settings: Settings,
    date: str | None = None,
    name: str = "",
    fetcher: Fetcher | None = None,
) -> Iterator[Item]:
    """The articles of a byte stream named ``name`` (gzip or not), by its kind."""
    raw = fh.read(_SNIFF)
    stream: Readable = Prefixed(raw, fh)
    if not raw.startswith(GZIP_MAGIC):
        yield from _read_kind(kind_of(name, raw), stream, origin, settings, date, fetcher)
        return
    base = name[:-3] if name.lower().endswith(".gz") else name
    kind = kind_of(base, _peek_gzip(raw))
    if kind == "warc":
        yield from read_warc(stream, origin, settings)
        return
    unzipped = Gunzip(stream)
    last: Item | None = None  # held back: a line cut short by truncation is not "malformed"
    try:
        for item in _read_kind(kind, unzipped, origin, settings, date, fetcher):
            if last is not None:
                yield last
            last = item
    except zlib.error as exc:
        last = Reject(origin, "malformed record", f"corrupt gzip data: {exc}")
    if unzipped.truncated:
        if last is not None and not (isinstance(last, Reject) and last.reason == "malformed line"):
            yield last
        yield Reject(origin, "truncated archive", "the gzip stream ends before its end marker")
    elif last is not None:
        yield last


def kind_of(name: str, head: bytes) -> str:
    """The kind of a document (text, jsonl, html, feed, warc) from its name, else its first bytes."""
    kind = SUFFIX_KINDS.get(Path(name.lower()).suffix, "sniff")
    if kind != "sniff":
        return kind
    start = head.lstrip()[:4096]
    low = start.lower()
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if is_feed(start):
        return "feed"
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:1024]:
        return "html"
    if name.lower().endswith(".xml"):
        return "xml"
    return "text"


def _peek_gzip(raw: bytes) -> bytes:
    try:
        return zlib.decompressobj(31).decompress(raw, 4096)
    except zlib.error:
        return b""


def _read_kind(
    kind: str, stream: Any, origin: str, settings: Settings, date: str | None, fetcher: Fetcher | None
) -> Iterator[Item]:
    markup = settings.max_text_bytes * MARKUP_FACTOR
    if kind == "warc":
        yield from read_warc(stream, origin, settings)
    elif kind == "jsonl":
        yield from read_jsonl(stream, origin, settings)
    elif kind == "html":
        data = read_upto(stream, markup + 1)
        yield article_from_html(data, origin, settings, date=date)
    elif kind == "feed":
        data = read_upto(stream, markup + 1)
        if len(data) > markup:
            yield Reject(origin, "too large", f"feed over {markup} bytes")
        else:
            yield from read_feed(data, origin, settings, fetcher)
    elif kind == "xml":
        yield Reject(origin, "unsupported", "XML that is neither RSS nor Atom")
    else:
        item = decode_text(read_upto(stream, settings.max_text_bytes + 1), origin, settings)
        yield item if isinstance(item, Reject) else article_from_text(item, origin=origin, date=date)


def read_upto(stream: Any, size: int) -> bytes:
    """Up to ``size`` bytes of a stream whose reads may come back short."""
    parts: list[bytes] = []
    got = 0
    while got < size:
        chunk = stream.read(size - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def read_url(url: str, settings: Settings, date: str | None = None, fetcher: Fetcher | None = None) -> Iterator[Item]:
    """The articles at a URL: a feed's entries, or one page."""
    fetcher = fetcher or Fetcher(settings)
    try:
        page = fetcher.get(url)
    except FetchError as exc:
        yield Reject(url, "fetch failed", str(exc))
        return
    ctype = page.content_type.lower()
    if any(t in ctype for t in ("rss", "atom")) or is_feed(page.body[:4096]):
        yield from read_feed(page.body, url, settings, fetcher)
    elif "html" in ctype:
        yield article_from_html(page.body, url, settings, url=page.url, date=date)
    else:
        yield from read_stream(BytesIO(page.body), url, settings, date, urlsplit(page.url).path, fetcher)
