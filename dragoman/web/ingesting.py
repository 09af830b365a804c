"""Ingest from the web: pasted text, uploaded files or posted JSON, through ``batch.ingest``.

The inputs are written to a private temporary folder under generated names (the uploader's
file name is never used as a path), read by the same readers as ``dragoman ingest``, coded and
stored; one ingest runs at a time.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..batch import ingest
from ..config import Settings
from ..store import Store, schema

#: file kinds the readers know, by suffix; anything else is read as plain text
SUFFIXES = {
    ".txt",
    ".text",
    ".md",
    ".jsonl",
    ".ndjson",
    ".json",
    ".html",
    ".htm",
    ".xml",
    ".rss",
    ".atom",
    ".warc",
    ".gz",
}
_LOCK = threading.Lock()


@dataclass
class Upload:
    """One input: its (display) name and its bytes."""

    name: str
    data: bytes


@dataclass
class IngestResult:
    """What an ingest from the web did: the batch summary and the articles it stored."""

    counts: dict[str, int]
    rejects: list[str] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"ok": True, **self.counts, "rejects": self.rejects, "articles": self.articles}


def safe_suffix(name: str) -> str:
    """The suffix to keep for an uploaded file: a known kind (``.warc.gz`` too), else ``.txt``."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return ".warc.gz"
    suffix = Path(lower).suffix
    return suffix if suffix in SUFFIXES and re.fullmatch(r"\.[a-z0-9]+", suffix) else ".txt"


def pasted(text: str, title: str | None = None) -> Upload:
    """Pasted text as an input (a given title becomes its first line)."""
    body = f"{title.strip()}\n\n{text}" if title and title.strip() else text
    return Upload("pasted.txt", body.encode("utf-8"))


def posted_json(items: list[dict[str, Any]]) -> Upload:
    """Posted article objects as one JSON Lines input (ids are kept)."""
    lines = [json.dumps(x, ensure_ascii=False) for x in items]
    return Upload("posted.jsonl", ("\n".join(lines) + "\n").encode("utf-8"))


def ingest_uploads(uploads: list[Upload], store: Store, settings: Settings, date: str | None = None) -> IngestResult:
    """Write the inputs to a private folder, ingest it, and report what was stored."""
    with tempfile.TemporaryDirectory(prefix="dragoman-web-") as tmp:
        for n, up in enumerate(uploads):
            (Path(tmp) / f"{n:04d}{safe_suffix(up.name)}").write_bytes(up.data)
        with _LOCK:
            summary = ingest([tmp], store, settings.with_(workers=1), date=date)
        stored = run_articles(store, [tmp])
    rejects = [
        f"{_display(r.origin, tmp, uploads)}: {r.reason}" + (f" ({r.detail})" if r.detail else "")
        for r in summary.rejects
    ]
    return IngestResult(counts=summary.as_dict(), rejects=rejects, articles=stored)


def _display(origin: str, tmp: str, uploads: list[Upload]) -> str:
    """The uploader's name for a temporary path (shown, never used as a path)."""
    m = re.match(re.escape(tmp) + r"/(\d{4})", origin)
    return uploads[int(m.group(1))].name if m and int(m.group(1)) < len(uploads) else "input"


def run_articles(store: Store, inputs: list[str]) -> list[dict[str, Any]]:
    """The articles stored by the latest run over exactly these inputs."""
    runs, arts = schema.runs, schema.articles
    with store.engine.connect() as conn:
        run_id = conn.execute(
            select(runs.c.id).where(runs.c.inputs == json.dumps(inputs)).order_by(runs.c.id.desc()).limit(1)
        ).scalar()
        if run_id is None:
            return []
        rows = conn.execute(
            select(arts.c.id, arts.c.title, arts.c.date, arts.c.duplicate_of).where(arts.c.run_id == run_id)
        ).mappings()
        return [dict(r) for r in rows]
