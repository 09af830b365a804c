"""Exports: dragoman's flat rows (CSV, Parquet), article JSON (JSON Lines) and the field's formats.

| format    | file                                  | carries                                  |
|-----------|---------------------------------------|------------------------------------------|
| `jsonl`   | article JSON per line, with its text  | everything (articles, events, quotes, places) |
| `csv`     | flat event rows with a header         | every flat-row column                    |
| `parquet` | flat event rows, typed                | every flat-row column                    |
| `gdelt`   | GDELT 2.0 events (61 columns) + mentions | see ``gdelt.py``                      |
| `phoenix` | Phoenix (26 columns), merged per day  | see ``phoenix.py``                       |
| `icews`   | ICEWS (20 columns, header)            | see ``icews.py``                         |
| `plover`  | PLOVER JSON records per line          | see ``plover.py``                        |

``dragoman load`` reads each of them back (``dragoman.store.load``).

Example:
    >>> from dragoman.export import export
    >>> export(store, "gdelt", "usa-rus.export.CSV", country="RUS", since="2008-01-01")
    ExportResult(format='gdelt', path=..., events=..., ...)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UnknownFormat
from ..store.store import Store
from . import flat, gdelt, icews, phoenix, plover

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "phoenix", "icews", "plover")


@dataclass
class ExportResult:
    """What an export wrote."""

    format: str
    path: Path
    events: int
    articles: int = 0
    #: lines written when they differ from events (Phoenix merges events per day)
    lines: int = 0
    #: events a format cannot hold (PLOVER has no statements or appeals)
    skipped: int = 0
    extra: list[Path] = field(default_factory=list)

    def describe(self) -> str:
        """One line for people: what went where."""
        parts = [f"{self.events} events"]
        if self.articles:
            parts.append(f"{self.articles} articles")
        if self.lines:
            parts.append(f"{self.lines} {self.format} rows")
        if self.skipped:
            parts.append(f"{self.skipped} skipped (no {self.format} equivalent)")
        also = "".join(f" and {p}" for p in self.extra)
        return f"wrote {', '.join(parts)} to {self.path}{also}"


def export(store: Store, fmt: str, out: str | Path, **filters: Any) -> ExportResult:
    """Write the events matching the filters (as ``Store.events``) to ``out`` in a format of ``FORMATS``."""
    if fmt not in FORMATS:
        raise UnknownFormat(fmt, FORMATS)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        articles, events = flat.write_jsonl(store, path, **filters)
        return ExportResult(fmt, path, events, articles=articles)
    rows = store.iter_events(with_article=fmt in ("gdelt", "phoenix", "icews", "plover"), **filters)
    if fmt == "csv":
        return ExportResult(fmt, path, flat.write_csv(rows, path))
    if fmt == "parquet":
        return ExportResult(fmt, path, flat.write_parquet(rows, path))
    if fmt == "gdelt":
        n, mentions = gdelt.write(rows, path, store.mentions_of)
        return ExportResult(fmt, path, n, extra=[mentions])
    if fmt == "phoenix":
        n, lines = phoenix.write(rows, path)
        return ExportResult(fmt, path, n, lines=lines)
    if fmt == "icews":
        return ExportResult(fmt, path, icews.write(rows, path))
    written, skipped = plover.write(rows, path)
    return ExportResult(fmt, path, written, skipped=skipped)


__all__ = ["FORMATS", "ExportResult", "export"]
