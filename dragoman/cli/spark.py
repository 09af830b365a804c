"""``dragoman spark`` (the coding as a Spark job, to Parquet) and ``dragoman load`` (Parquet to the store)."""

from __future__ import annotations

import json
from typing import Optional

import typer

from ..batch import store_records
from ..config import load_settings
from ..store.load import read_output
from ..store.store import open_store
from .app import app, err, handle_errors
from .options import ConfigOption, DbOption
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
    instead: spark-submit -m dragoman.distributed.job SOURCE... --output DIR (see the README).

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


@app.command("load")
@handle_errors
def load_cmd(
    directory: str = typer.Argument(..., help="The output folder of `dragoman spark`."),
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """Store the Parquet output of `dragoman spark`, with ingest's rules (duplicates as mentions).

    Loading the same folder again adds nothing.

    Example: dragoman load out/ --db events.db
    """
    settings = load_settings(config, db=db)
    store = open_store(settings.db)
    with progress_bar("load") as bar:
        summary = store_records(read_output(directory), store, settings, "load", [directory], bar)  # type: ignore[arg-type]
    print_summary(summary, settings.db)
