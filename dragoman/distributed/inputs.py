"""The input files of a Spark job, listed on the driver in the order ``dragoman ingest`` reads them.

Local paths, folders and globs are expanded exactly as ``ingest`` expands them (same order,
same rejects for symlink loops); ``hdfs://``, ``s3a://`` and other Hadoop URLs are listed
with the Hadoop file system of the session, sorted, folders recursively.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ..errors import ConfigError, InputError
from ..ingest import expand
from ..ingest.sources import is_url
from ..models import Reject

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


@dataclass(frozen=True)
class InputFile:
    """One file to read: its place in the input order, its URI, and its origin as ingest names it."""

    index: int
    uri: str
    origin: str
    name: str


def list_inputs(spark: SparkSession, sources: list[str]) -> tuple[list[InputFile], list[tuple[int, Reject]]]:
    """The files of the sources in input order, and the rejects met while listing them."""
    files: list[InputFile] = []
    rejects: list[tuple[int, Reject]] = []
    for src in sources:
        if src == "-" or is_url(src):
            raise ConfigError(
                f"[D210] The Spark job reads files, folders, globs and Hadoop URLs, not {src!r}: "
                "use `dragoman ingest` for stdin and feed URLs."
            )
        found = _hadoop_files(spark, src) if _is_hadoop(src) else _local_files(src)
        for item in found:
            n = len(files) + len(rejects)
            if isinstance(item, Reject):
                rejects.append((n, item))
            else:
                files.append(InputFile(n, item[0], item[1], item[1].rsplit("/", 1)[-1]))
    return files, rejects


def uri_key(uri: str) -> str:
    """A URI as a comparable key (``file:/a`` and ``file:///a`` are one file)."""
    parts = urlsplit(uri)
    scheme = parts.scheme or "file"
    return f"{scheme}://{parts.netloc}{os.path.normpath(unquote(parts.path))}"


def _is_hadoop(src: str) -> bool:
    scheme = urlsplit(src).scheme
    return len(scheme) > 1 and scheme != "file"


def _local_files(src: str) -> list[tuple[str, str] | Reject]:
    out: list[tuple[str, str] | Reject] = []
    for item in expand(src.removeprefix("file://")):
        if isinstance(item, Reject):
            out.append(item)
        else:
            out.append((Path(item).resolve().as_uri(), str(item)))
    return out


def _hadoop_files(spark: SparkSession, src: str) -> list[tuple[str, str] | Reject]:
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    conf = spark.sparkContext._jsc.hadoopConfiguration()  # type: ignore[union-attr]
    pattern = jvm.org.apache.hadoop.fs.Path(src)
    fs = pattern.getFileSystem(conf)
    statuses = fs.globStatus(pattern) or []
    if not statuses:
        raise InputError(f"[D401] No such file, folder or glob: {src!r}.")
    found: list[str] = []
    for status in statuses:
        if status.isDirectory():
            it = fs.listFiles(status.getPath(), True)
            while it.hasNext():
                found.append(str(it.next().getPath().toString()))
        else:
            found.append(str(status.getPath().toString()))
    hidden = ("/.", "/_")
    return [(u, u) for u in sorted(found) if not any(h in u.split("://", 1)[-1] for h in hidden)]
