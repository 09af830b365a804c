"""``dragoman spark``: the coding as a Spark job, to Parquet (``dragoman load`` brings it in)."""

from __future__ import annotations

import json
from typing import Optional

import typer

from ..batch import store_records
from ..config import Settings, load_settings
from ..distributed.output import read_output
from ..store.store import Store
from .app import app, err, handle_errors
from .options import ConfigOption
from .progress import progress_bar
from .reading import MaxBytesOption, _date_option, print_summary


@app.command("spark")
@handle_errors
def spark_cmd(
    sources: list[str] = typer.Argument(..., help="Files, folders, globs, hdfs:// or s3a:// paths."),
    output: str = typer.Option(..., "--output", "-o", help="Output folder for the Parquet files."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL (default local[*])."),
    date: Optional[str] = typer.Option(None, "--date", callback=_date_option, help="Article date for plain text."),
    partitions: Optional[int] = typer.Option(None, "--partitions", help="Coding partitions (default 2 per core)."),
    max_text_bytes: Optional[int] = MaxBytesOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """Read and code the sources as a Spark job, writing Parquet (articles, events, rejects).

    Bring the result into the store with `dragoman load DIR`. On a cluster, submit the module
    instead: spark-submit "$(python -m dragoman.distributed --path)" SOURCE... --output DIR (see the README).

    Example: dragoman spark corpus/ --output out/ --master local[4]
    """
    from ..distributed.job import run

    settings = load_settings(config, max_text_bytes=max_text_bytes)
    job = run(sources, output, settings, master or settings.spark_master, date, partitions)
    err.print(
        f"files {job['files']}, articles {job['articles']} ({job['exact_copies']} exact copies), "
        f"events {job['events']}, rejected {job['rejects']} -> {output}  [{job['seconds']} s]",
        highlight=False,
    )
    typer.echo(json.dumps(job))


def load_job_output(paths: list[str], store: Store, settings: Settings) -> None:
    """Store Spark job output folders with ingest's rules (near duplicates, mentions), in input order."""
    for path in paths:
        with progress_bar("load") as bar:
            summary = store_records(read_output(path), store, settings, "load", [path], bar)  # type: ignore[arg-type]
        print_summary(summary, settings.db)
