"""The Parquet layout of a Spark job's output, shared by the job and ``dragoman load``.

``DIR/articles``: ordinal, id, title, date, url, source, origin, text, text_hash, duplicate_of,
record (the article JSON; null for an exact copy, which is not coded), coder_version.
``DIR/events``: the flat event rows (``dragoman.models.EVENT_ROW_COLUMNS``).
``DIR/rejects``: ordinal, origin, reason, detail. ``DIR/job``: one JSON line about the run.

``read_output(DIR)`` gives the items back in input order (no Spark needed, only pyarrow) for
``dragoman load``, which stores them with ``dragoman ingest``'s rules.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, MissingExtra
from ..models import EVENT_ROW_COLUMNS, Article, Record, Reject

if TYPE_CHECKING:
    from pyspark.sql.types import StructType

_ARTICLE_META = "ordinal long, id string, title string, date string, url string, source string, origin string"
#: what the readers give (before duplicates are marked)
ARTICLE_IN = f"{_ARTICLE_META}, text string, text_hash string"
#: an output article row
ARTICLE_OUT = f"{ARTICLE_IN}, duplicate_of string, record string, coder_version string"
REJECT = "ordinal long, origin string, reason string, detail string"

#: event columns that are numbers (the rest are strings)
EVENT_FLOATS = {"goldstein", "lat", "lon", "confidence"}
EVENT_INTS = {"quad_class", "sentence", "trigger_start", "trigger_end", "source_start", "source_end"}
EVENT_INTS |= {"target_start", "target_end", "place_geonameid"}


@lru_cache(maxsize=1)
def event_schema() -> StructType:
    """The Spark schema of a flat event row."""
    from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

    def kind(c: str) -> Any:
        return DoubleType() if c in EVENT_FLOATS else LongType() if c in EVENT_INTS else StringType()

    return StructType([StructField(c, kind(c), True) for c in EVENT_ROW_COLUMNS])


def event_row(row: dict[str, Any]) -> tuple[Any, ...]:
    """A flat event row as a tuple in schema order, each value of its column's type."""
    out: list[Any] = []
    for c in EVENT_ROW_COLUMNS:
        v = row.get(c)
        if v is None:
            out.append(None)
        elif c in EVENT_FLOATS:
            out.append(float(v))
        elif c in EVENT_INTS:
            out.append(int(v))
        else:
            out.append(str(v))
    return tuple(out)


def article_row(ordinal: int, record: Record) -> tuple[Any, ...]:
    """The output row of a coded article."""
    from ..ingest.duplicates import text_hash

    a = record.article
    return (
        ordinal, a.id, a.title, a.date, a.url, a.source, a.origin, a.text, text_hash(a.text),
        None, json.dumps(record.to_json()), record.coder_version,
    )  # fmt: skip


def copy_row(r: dict[str, Any], coder_version: str) -> tuple[Any, ...]:
    """The output row of an exact copy (not coded): its own metadata, its first occurrence's id."""
    meta = ("ordinal", "id", "title", "date", "url", "source", "origin", "text", "text_hash", "duplicate_of")
    return (*[r[k] for k in meta], None, coder_version)


def reject_row(ordinal: int, reject: Reject) -> tuple[Any, ...]:
    """The output row of a reject."""
    return (ordinal, reject.origin, reject.reason, reject.detail)


def is_job_output(path: str | Path) -> bool:
    """Whether a folder is this job's output (articles with their ordinals)."""
    folder = Path(path) / "articles"
    if not folder.is_dir():
        return False
    files = sorted(folder.glob("*.parquet"))
    if not files:
        return False
    import pyarrow.parquet as pq

    return "ordinal" in pq.read_schema(files[0]).names


def read_output(directory: str | Path) -> Iterator[Record | Article | Reject]:
    """The items of a Spark job's output folder in input order: Records, uncoded copies, Rejects."""
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
