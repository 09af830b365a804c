"""``dragoman load``: bring files back into the store.

Reads every format ``dragoman export`` writes (article JSON Lines, flat rows as CSV, Parquet or
JSON Lines, GDELT 2.0 with its mentions file, Phoenix, ICEWS, PLOVER) and the Spark job's
output folder (``DIR/articles/*.parquet`` with the article JSON, ``DIR/events/*.parquet``
with flat rows). The format is told from the path and the first line; ``fmt`` forces one.

Loading is idempotent: stored articles and events (same id) are skipped, so loading a file
twice, or a file exported from the same store, adds nothing. A row that cannot be read is
counted and logged, and the load goes on. The field formats' readers live with their writers
in ``dragoman.export``; this module is the store's door for them.

Example:
    >>> from dragoman.store.load import load
    >>> load(store, ["out/"]).describe()
    'loaded 1 path: 120 new articles (3 stubs from event rows), 1480 new events, 0 unreadable rows'
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, UnknownFormat
from ..models import Record
from .mentions import Write
from .rows import canonical
from .store import Store

log = logging.getLogger(__name__)

LOAD_FORMATS = ("auto", "spark", "jsonl", "rows", "csv", "parquet", "gdelt", "phoenix", "icews", "plover")
#: new events after which a load refreshes the planner's statistics
OPTIMIZE_AFTER = 50_000
_ARTICLE_COLUMNS = ["id", "title", "date", "url", "source", "origin", "text", "record", "coder_version"]


@dataclass
class LoadSummary:
    """What a load did."""

    paths: int = 0
    articles: int = 0
    stubs: int = 0
    events: int = 0
    bad_rows: int = 0
    formats: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """One line for people."""
        return (
            f"loaded {self.paths} path{'s' if self.paths != 1 else ''} ({', '.join(self.formats)}): "
            f"{self.articles + self.stubs} new articles ({self.stubs} stubs from event rows), "
            f"{self.events} new events, {self.bad_rows} unreadable rows"
        )


#: called after each batch with the running summary
Progress = Callable[[LoadSummary], None]


def detect(path: Path) -> str:
    """The format of a file or folder, from its name and first line."""
    if path.is_dir():
        if (path / "articles").is_dir() or (path / "events").is_dir():
            return "spark"
        if any(path.glob("*.parquet")):
            return "parquet"
        raise InputError(f"[D402] {path} is a folder without articles/ or events/ Parquet files (the Spark layout).")
    if path.suffix.lower() == ".parquet":
        return "parquet"
    first = _first_line(path)
    if first.startswith("{"):
        obj = json.loads(first)
        if "event" in obj and "actor" in obj:
            return "plover"
        return "rows" if "code" in obj and "article_id" in obj else "jsonl"
    width = len(first.split("\t"))
    if width == 16:
        raise InputError(f"[D403] {path} is a GDELT mentions file: load the events file beside it.")
    by_width = {61: "gdelt", 26: "phoenix", 20: "icews"}
    if width in by_width:
        return by_width[width]
    if "article_id" in first.split(","):
        return "csv"
    raise InputError(f"[D404] Cannot tell the format of {path}: give --format ({', '.join(LOAD_FORMATS[1:])}).")


def _first_line(path: Path) -> str:
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                return line.rstrip("\r\n")
    return ""


def load(store: Store, paths: Iterable[str | Path], fmt: str = "auto", progress: Progress | None = None) -> LoadSummary:
    """Load files and folders into the store; returns what was new."""
    if fmt not in LOAD_FORMATS:
        raise UnknownFormat(fmt, LOAD_FORMATS)
    summary = LoadSummary()
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise InputError(f"[D401] No such file or folder: {path}")
        kind = detect(path) if fmt == "auto" else fmt
        log.info("loading %s as %s", path, kind)
        _load_one(store, path, kind, summary)
        summary.paths += 1
        summary.formats.append(kind)
        if progress:
            progress(summary)
    if summary.events >= OPTIMIZE_AFTER:
        store.optimize()
    return summary


def _load_one(store: Store, path: Path, kind: str, summary: LoadSummary) -> None:
    from ..export import flat

    if kind == "jsonl":
        _add_records(store, flat.read_jsonl(path), summary)
    elif kind == "spark":
        if (path / "articles").is_dir():
            _add_records(store, _spark_articles(path / "articles"), summary)
        if (path / "events").is_dir():
            _add_rows(store, flat.read_parquet(path / "events"), summary)
    else:
        _add_rows(store, _reader(kind)(path), summary)


def _reader(kind: str) -> Callable[[Path], Iterator[dict[str, Any]]]:
    from ..export import flat, gdelt, icews, phoenix, plover

    readers: dict[str, Callable[[Path], Iterator[dict[str, Any]]]] = {
        "rows": flat.read_jsonl,
        "csv": flat.read_csv,
        "parquet": flat.read_parquet,
        "gdelt": gdelt.read,
        "phoenix": phoenix.read,
        "icews": icews.read,
        "plover": plover.read,
    }
    return readers[kind]


def _spark_articles(folder: Path) -> Iterator[dict[str, Any]]:
    from ..export import flat

    for row in flat.read_parquet(folder, columns=_ARTICLE_COLUMNS):
        doc = json.loads(row["record"]) if row.get("record") else {"id": row["id"]}
        for key in ("title", "date", "url", "source", "coder_version"):
            doc.setdefault(key, row.get(key))
        doc.update(text=row.get("text") or "", origin=row.get("origin"))
        yield doc


def _add_records(store: Store, docs: Iterable[dict[str, Any]], summary: LoadSummary) -> None:
    """Canonical articles as they come, then the duplicates (whose canonical may come later)."""
    duplicates: list[Write] = []

    def records() -> Iterator[Record]:
        for doc in docs:
            try:
                rec = Record.from_json(doc)
            except (KeyError, TypeError, ValueError) as exc:
                summary.bad_rows += 1
                log.warning("unreadable article JSON (%s): %s", exc, str(doc)[:80])
                continue
            rec.article.origin = doc.get("origin")
            if doc.get("duplicate_of"):
                kind, sim = doc.get("duplicate_kind") or "exact", doc.get("similarity")
                duplicates.append(Write(rec, duplicate_of=doc["duplicate_of"], kind=kind, similarity=sim))
            else:
                yield rec

    articles, events = store.add_records(records())
    for i in range(0, len(duplicates), 200):
        articles += sum(store.write(duplicates[i : i + 200]))
    summary.articles += articles
    summary.events += events


def _add_rows(store: Store, raw: Iterable[dict[str, Any]], summary: LoadSummary) -> None:
    def rows() -> Iterator[dict[str, Any]]:
        for r in raw:
            try:
                yield canonical(r)
            except (KeyError, TypeError, ValueError) as exc:
                summary.bad_rows += 1
                log.warning("unreadable event row (%s): %s", exc, str(r)[:80])

    stubs, events = store.add_event_rows(rows())
    summary.stubs += stubs
    summary.events += events
