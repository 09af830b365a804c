"""The Spark job: the same reading and coding as ``dragoman ingest``, over a cluster, to Parquet.

1. The driver lists the input files in ingest's order (``inputs.py``).
2. Executors read each file with dragoman's own readers (``binaryFiles``, so HDFS and S3 work)
   and give every item an ordinal: (file index << 32) + its place in the file.
3. Repeated ids keep their first item; exact copies (same normalised text) are marked
   ``duplicate_of`` their first occurrence and not coded.
4. ``mapPartitions`` codes the rest: one ``Pipeline`` per Python worker, so the model and
   dictionaries load once per executor process (``spark.python.worker.reuse``).
5. Parquet out: ``DIR/articles`` (sorted by ordinal), ``DIR/events`` (flat event rows),
   ``DIR/rejects``, and ``DIR/job`` (one row: inputs, counts, coder version, times).

``dragoman load DIR`` then stores the output in input order with ingest's rules, near
duplicates included, so the store ends as ``dragoman ingest`` would leave it.

Run it with ``dragoman spark SOURCE... --output DIR [--master URL]`` or, on a cluster::

    spark-submit --master yarn "$(python -m dragoman.distributed --path)" s3a://bucket/warc/ --output s3a://bucket/out
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any

from ..config import Settings, load_settings
from ..errors import DragomanError
from ..ingest.duplicates import text_hash
from ..models import Article, Reject
from . import output
from .inputs import InputFile, list_inputs, uri_key
from .session import spark_session

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import DataFrame, SparkSession

log = logging.getLogger(__name__)


def run(
    sources: list[str],
    out: str,
    settings: Settings | None = None,
    master: str | None = None,
    date: str | None = None,
    partitions: int | None = None,
) -> dict[str, Any]:
    """Run the job in the active Spark session, else in a new one (stopped at the end); returns its counts."""
    from pyspark.sql import SparkSession

    settings = settings or Settings()
    running = SparkSession.getActiveSession()
    spark = running or spark_session(master)
    try:
        return run_job(spark, sources, out, settings, date, partitions)
    finally:
        if running is None:  # stop only the session started here
            spark.stop()


def run_job(
    spark: SparkSession,
    sources: list[str],
    out: str,
    settings: Settings,
    date: str | None = None,
    partitions: int | None = None,
) -> dict[str, Any]:
    """Read and code the sources on ``spark`` and write Parquet under ``out``."""
    from pyspark import StorageLevel

    started = datetime.now(UTC).replace(microsecond=0).isoformat()
    clock = time.monotonic()
    files, listing_rejects = list_inputs(spark, sources)
    sc = spark.sparkContext
    items = _read(spark, files, settings, date).persist(StorageLevel.MEMORY_AND_DISK)
    rejects = items.filter(lambda x: x[0] == "R").map(lambda x: x[1:])
    rejects = rejects.union(sc.parallelize([output.reject_row(n << 32, r) for n, r in listing_rejects], 1))
    articles = _first_of_each(
        spark.createDataFrame(items.filter(lambda x: x[0] == "A").map(lambda x: x[1:]), output.ARTICLE_IN)
    )
    to_code = articles.where("duplicate_of IS NULL")
    copies = articles.where("duplicate_of IS NOT NULL").rdd.map(lambda r: output.copy_row(r.asDict(), _version()))
    n = partitions or max(2, sc.defaultParallelism * 2)
    coded = to_code.repartition(n).rdd.mapPartitions(lambda rows: _code_partition(rows, settings))
    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)
    art_df = spark.createDataFrame(coded.map(lambda x: x[0]).union(copies), output.ARTICLE_OUT)
    art_df.orderBy("ordinal").write.mode("overwrite").parquet(f"{out}/articles")
    spark.createDataFrame(coded.flatMap(lambda x: x[1]), output.event_schema()).write.mode("overwrite").parquet(
        f"{out}/events"
    )
    spark.createDataFrame(rejects, output.REJECT).orderBy("ordinal").write.mode("overwrite").parquet(f"{out}/rejects")
    counts = _counts(spark, out, len(files))
    counts["coding_processes"] = coded.map(lambda x: x[2]).distinct().count()
    job = {"inputs": sources, "started": started, "seconds": round(time.monotonic() - clock, 1), **counts}
    job.update(coder_version=_version(), master=sc.master, partitions=n)
    spark.createDataFrame([json.dumps(job)], "string").coalesce(1).write.mode("overwrite").text(f"{out}/job")
    items.unpersist()
    coded.unpersist()
    return job


def _version() -> str:
    from ..pipeline import coder_version

    return coder_version()


def _read(spark: SparkSession, files: list[InputFile], settings: Settings, date: str | None) -> RDD[tuple[Any, ...]]:
    """Every item of every file, tagged "A" (article) or "R" (reject), with its ordinal."""
    sc = spark.sparkContext
    if not files:
        return sc.emptyRDD()
    index = sc.broadcast({uri_key(f.uri): f for f in files})
    paths = ",".join(f.uri for f in files)
    raw = sc.binaryFiles(paths, minPartitions=min(len(files), sc.defaultParallelism * 4))
    return raw.flatMap(lambda kv: _read_file(index.value[uri_key(kv[0])], kv[1], settings, date))


def _read_file(f: InputFile, data: bytes, settings: Settings, date: str | None) -> Iterator[tuple[Any, ...]]:
    """The items of one file's bytes, read exactly as ``dragoman ingest`` reads the file."""
    from ..ingest import read_stream

    for j, item in enumerate(read_stream(BytesIO(data), f.origin, settings, date, f.name, None)):
        ordinal = (f.index << 32) + j
        if isinstance(item, Reject):
            yield ("R", *output.reject_row(ordinal, item))
        else:
            yield ("A", ordinal, item.id, item.title, item.date, item.url, item.source, item.origin, item.text,
                   text_hash(item.text))  # fmt: skip


def _first_of_each(df: DataFrame) -> DataFrame:
    """The first item of each id; and for each later exact copy, the id of its first occurrence."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    by_id = Window.partitionBy("id").orderBy("ordinal")
    df = df.withColumn("_n", F.row_number().over(by_id)).where("_n = 1").drop("_n")
    by_hash = Window.partitionBy("text_hash").orderBy("ordinal")
    first = F.first("id").over(by_hash)
    return df.withColumn("duplicate_of", F.when(first != F.col("id"), first))


def _code_partition(rows: Iterable[Any], settings: Settings) -> Iterator[tuple[Any, ...]]:
    """Code one partition: (article row, event rows, process id) per article."""
    from ..pipeline import Pipeline

    pending: deque[int] = deque()

    def articles() -> Iterator[Article]:
        for r in rows:
            pending.append(r.ordinal)
            yield Article(text=r.text, id=r.id, title=r.title, date=r.date, url=r.url, source=r.source, origin=r.origin)

    pid = os.getpid()  # the pipeline is loaded once per Python worker process, which Spark reuses
    for record in Pipeline(settings).process(articles(), workers=1):
        yield output.article_row(pending.popleft(), record), [output.event_row(e) for e in record.event_rows()], pid


def _counts(spark: SparkSession, out: str, files: int) -> dict[str, int]:
    arts = spark.read.parquet(f"{out}/articles")
    return {
        "files": files,
        "articles": arts.count(),
        "coded": arts.where("duplicate_of IS NULL").count(),
        "exact_copies": arts.where("duplicate_of IS NOT NULL").count(),
        "events": spark.read.parquet(f"{out}/events").count(),
        "rejects": spark.read.parquet(f"{out}/rejects").count(),
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m dragoman.distributed.job SOURCE... --output DIR`` (what spark-submit runs)."""
    p = argparse.ArgumentParser(prog="dragoman.distributed.job", description=__doc__.split("\n")[0])
    p.add_argument("sources", nargs="+", help="files, folders, globs, hdfs:// or s3a:// paths")
    p.add_argument("--output", "-o", required=True, help="output folder (local, hdfs:// or s3a://)")
    p.add_argument("--master", default=None, help="Spark master URL (spark-submit gives it)")
    p.add_argument("--date", default=None, help="article date (YYYY-MM-DD) for plain text")
    p.add_argument("--partitions", type=int, default=None, help="coding partitions")
    p.add_argument("--max-text-bytes", type=int, default=None)
    p.add_argument("--config", default=None, help="a dragoman.toml settings file")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        settings = load_settings(args.config, max_text_bytes=args.max_text_bytes)
        job = run(args.sources, args.output, settings, args.master, args.date, args.partitions)
    except DragomanError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(job))
    return 0


if __name__ == "__main__":
    sys.exit(main())
