"""dragoman's own formats: flat event rows as CSV and Parquet, article JSON as JSON Lines.

CSV and Parquet carry every column of ``EVENT_ROW_COLUMNS``; JSON Lines carries one article
JSON per line (DESIGN.md), with its text, so a load gives back articles, events, quotes and
places. All three round-trip exactly.
"""

from __future__ import annotations

import csv
import json
import operator
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..errors import MissingExtra
from ..models import EVENT_ROW_COLUMNS, Event, Record
from ..store import schema
from ..store.rows import column_types
from ..store.store import Store

_BATCH = 50_000


def write_csv(rows: Iterable[dict[str, Any]], out: Path) -> int:
    """Flat rows as CSV with a header line; returns the rows written."""
    n = 0
    values = operator.itemgetter(*EVENT_ROW_COLUMNS)
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(EVENT_ROW_COLUMNS)
        for row in rows:
            w.writerow(values(row))
            n += 1
    return n


def read_csv(path: Path) -> Iterator[dict[str, Any]]:
    """Flat rows from a CSV file with a header line (values as strings)."""
    with path.open(newline="", encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


def _arrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtra("pyarrow", "parquet") from exc
    return pa, pq


def arrow_schema() -> Any:
    """The Parquet schema of flat rows: int64, float64 and string columns."""
    pa, _ = _arrow()
    kinds = {int: pa.int64(), float: pa.float64(), str: pa.string()}
    return pa.schema([(c, kinds[column_types()[c]]) for c in EVENT_ROW_COLUMNS])


def write_parquet(rows: Iterable[dict[str, Any]], out: Path) -> int:
    """Flat rows as one Parquet file, written in batches; returns the rows written."""
    pa, pq = _arrow()
    sch = arrow_schema()
    n = 0
    with pq.ParquetWriter(str(out), sch) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=sch))
                n, batch = n + len(batch), []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=sch))
            n += len(batch)
    return n


def read_parquet(path: Path, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Rows of a Parquet file (or of every ``*.parquet`` in a folder), batch by batch."""
    _, pq = _arrow()
    files = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
    for f in files:
        pf = pq.ParquetFile(str(f))
        cols = [c for c in columns if c in pf.schema_arrow.names] if columns else None
        for batch in pf.iter_batches(batch_size=10_000, columns=cols):
            yield from batch.to_pylist()


def write_jsonl(store: Store, out: Path, **filters: Any) -> tuple[int, int]:
    """Article JSON (with text) per line; with filters, the articles with matching events,
    each with only those events. Returns (articles, events) written."""
    records = _filtered_records(store, filters) if any(v not in (None, "") for v in filters.values()) else None
    articles = events = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc in records if records is not None else _all_records(store):
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
            articles += 1
            events += len(doc.get("events") or [])
    return articles, events


def _article_json(store: Store, row: Any, events: list[Event] | None = None) -> dict[str, Any]:
    rec = (
        store.record(row["id"]) if not row["record"] else Record.from_json(json.loads(row["record"]), text=row["text"])
    )
    assert rec is not None
    if events is not None:
        rec.events = events
    doc = rec.to_json(include_text=True)
    doc.update(origin=row["origin"], duplicate_of=row["duplicate_of"])
    if row["duplicate_of"]:  # how it duplicates its canonical article: exact, or near with a similarity
        reports = store.mentions(article_id=row["id"])
        doc.update(
            duplicate_kind=reports[0]["kind"] if reports else "exact",
            similarity=reports[0]["similarity"] if reports else None,
        )
    return doc


def _all_records(store: Store) -> Iterator[dict[str, Any]]:
    a = schema.articles
    q = select(a.c.id, a.c.record, a.c.text, a.c.origin, a.c.duplicate_of).order_by(a.c.id)
    with store.engine.connect() as conn:
        for row in conn.execution_options(stream_results=True, yield_per=500).execute(q).mappings():
            yield _article_json(store, row)


def _filtered_records(store: Store, filters: dict[str, Any]) -> Iterator[dict[str, Any]]:
    a = schema.articles
    rows = store.iter_events(order="article", **filters)
    for article_id, group in groupby(rows, key=lambda r: r["article_id"]):
        events = [Event.from_row(r) for r in group]
        q = select(a.c.id, a.c.record, a.c.text, a.c.origin, a.c.duplicate_of).where(a.c.id == article_id)
        with store.engine.connect() as conn:
            row = conn.execute(q).mappings().one()
        yield _article_json(store, row, events)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (blank lines skipped)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
