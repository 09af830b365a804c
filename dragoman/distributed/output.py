"""The Parquet layout of a Spark job's output, shared by the job and ``dragoman load``.

``DIR/articles``: ordinal, id, title, date, url, source, origin, text, text_hash, duplicate_of,
record (the article JSON; null for an exact copy, which is not coded), coder_version.
``DIR/events``: the flat event rows (``dragoman.models.EVENT_ROW_COLUMNS``).
``DIR/rejects``: ordinal, origin, reason, detail. ``DIR/job``: one JSON line about the run.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..models import EVENT_ROW_COLUMNS, Record, Reject

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
