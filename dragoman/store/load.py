"""Read the Parquet output of the Spark job (``dragoman/distributed/output.py``) for loading.

``read_output(DIR)`` yields the job's items in input order (the ordinal the job gave them):
a ``Record`` for each coded article, an ``Article`` for an exact copy the job did not code,
a ``Reject`` for each refused input. ``dragoman load DIR`` stores them with the same rules
as ``dragoman ingest`` (``dragoman.batch.store_records``).
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, MissingExtra
from ..models import Article, Record, Reject


def read_output(directory: str | Path) -> Iterator[Record | Article | Reject]:
    """The items of a Spark job's output folder, in input order."""
    root = Path(directory)
    if not (root / "articles").is_dir():
        raise InputError(f"[D403] {root} is not a Spark job's output: it has no articles/ folder.")
    rejects = ((r["ordinal"], 0, r) for r in _rows(root / "rejects"))
    articles = ((r["ordinal"], 1, r) for r in _rows(root / "articles"))
    for _, kind, row in heapq.merge(rejects, articles, key=lambda x: (x[0], x[1])):
        yield Reject(row["origin"], row["reason"], row["detail"] or "") if kind == 0 else _item(row)


def _item(row: dict[str, Any]) -> Record | Article:
    if row.get("record"):
        rec = Record.from_json(json.loads(row["record"]), text=row["text"])
        rec.article.origin = row["origin"]
        return rec
    keys = ("id", "title", "date", "url", "source", "origin")
    return Article(text=row["text"], **{k: row[k] for k in keys})


def _rows(folder: Path) -> Iterator[dict[str, Any]]:
    """The rows of a folder of Parquet files, in ordinal order (the job writes them sorted)."""
    try:
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtra("pyarrow", "parquet") from exc
    if not folder.is_dir():
        return
    files = sorted(p for p in folder.glob("*.parquet") if not p.name.startswith((".", "_")))
    ordinals = [o for f in files for o in pq.read_table(f, columns=["ordinal"]).column(0).to_pylist()]
    if any(a > b for a, b in zip(ordinals, ordinals[1:], strict=False)):
        raise InputError(f"[D404] {folder} is not sorted by ordinal: write it with orderBy('ordinal').")
    for path in files:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            yield from batch.to_pylist()
