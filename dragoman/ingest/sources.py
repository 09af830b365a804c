"""Sources to Articles: files, folders, globs and stdin, each item an Article or a Reject.

Readers never raise on a bad item: they yield a ``Reject`` with a one-line reason and go
on. Only a source that does not exist at all raises ``InputError``.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from ..config import Settings
from ..errors import InputError
from ..models import Article, Reject
from .dates import parse_date
from .text import article_from_text

log = logging.getLogger(__name__)

Item = Article | Reject

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def read_sources(sources: Iterable[str], settings: Settings | None = None, date: str | None = None) -> Iterator[Item]:
    """Every article (or reject) in the sources, in order: paths, folders, globs or ``-``."""
    settings = settings or Settings()
    for src in sources:
        if src == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", settings, date)
        elif os.path.isdir(src):
            for path in walk(Path(src)):
                yield from read_file(path, settings, date)
        elif os.path.exists(src):
            yield from read_file(Path(src), settings, date)
        elif glob.has_magic(src):
            paths = sorted(glob.glob(src, recursive=True))
            if not paths:
                raise InputError(f"[D402] No file matches {src!r}.")
            for p in paths:
                if os.path.isdir(p):
                    yield from (x for q in walk(Path(p)) for x in read_file(q, settings, date))
                else:
                    yield from read_file(Path(p), settings, date)
        else:
            raise InputError(f"[D401] No such file, folder or glob: {src!r}.")


def walk(root: Path) -> Iterator[Path]:
    """Files under a folder, recursively, in sorted order, hidden files left out."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def read_file(path: Path, settings: Settings, date: str | None = None) -> Iterator[Item]:
    """The articles of one file, by its kind."""
    origin = str(path)
    try:
        with path.open("rb") as fh:
            if path.suffix.lower() in JSONL_SUFFIXES:
                yield from read_jsonl(fh, origin, settings)
            else:
                yield from read_stream(fh, origin, settings, date)
    except OSError as exc:
        yield Reject(origin, "unreadable", str(exc))


def read_stream(fh: BinaryIO, origin: str, settings: Settings, date: str | None = None) -> Iterator[Item]:
    """A plain-text stream, or JSON Lines when it starts with '{'."""
    head = fh.read(1)
    if head == b"{":
        yield from read_jsonl(chain([head + fh.readline()], fh), origin, settings)
        return
    data = head + fh.read(settings.max_text_bytes)
    item = decode_text(data, origin, settings)
    if isinstance(item, Reject):
        yield item
    else:
        yield article_from_text(item, origin=origin, date=date)


def decode_text(data: bytes, origin: str, settings: Settings) -> str | Reject:
    """UTF-8 text from bytes, or the reason it is refused."""
    if len(data) > settings.max_text_bytes:
        return Reject(origin, "too large", f"over {settings.max_text_bytes} bytes")
    if b"\x00" in data[:8192]:
        return Reject(origin, "binary", "NUL bytes in the first 8 KB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Reject(origin, "undecodable", f"not UTF-8 at byte {exc.start}")
    if not text.strip():
        return Reject(origin, "empty", "no text")
    return text


def read_jsonl(fh: Iterable[bytes], origin: str, settings: Settings) -> Iterator[Item]:
    """JSON Lines: ``{"id", "title", "text", "date", "url", "source"}`` per line; ids kept."""
    for n, raw in enumerate(fh, start=1):
        where = f"{origin}:{n}"
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Reject(where, "malformed line", str(exc).split(":")[0])
            continue
        if not isinstance(obj, dict):
            yield Reject(where, "malformed line", "not a JSON object")
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Reject(where, "empty", "no text")
            continue
        if len(text.encode("utf-8")) > settings.max_text_bytes:
            yield Reject(where, "too large", f"over {settings.max_text_bytes} bytes")
            continue
        raw_date = obj.get("date")
        iso = parse_date(str(raw_date)) if raw_date else None
        yield Article(
            text=text,
            id=str(obj["id"]) if obj.get("id") not in (None, "") else None,
            title=obj.get("title") or None,
            date=iso or (str(raw_date) if raw_date else None),
            url=obj.get("url") or None,
            source=obj.get("source") or None,
            origin=where,
        )
