"""Data in and out of the store: ``export``, ``load`` and ``migrate``."""

from __future__ import annotations

import sys
from typing import Any, Optional

import typer

from ..config import load_settings
from ..distributed.output import is_job_output
from ..export import FORMATS, export
from ..store.load import LOAD_FORMATS, LoadSummary, load
from ..store.migrate import upgrade
from ..store.store import open_store
from .app import app, err, handle_errors
from .options import ConfigOption, DbOption
from .query import ActorOpt, CodeOpt, CountryOpt, IgoOpt, RootOpt, SinceOpt, TextOpt, TopicOpt, UntilOpt
from .spark import load_job_output


@app.command("export")
@handle_errors
def export_cmd(
    out: str = typer.Argument(..., help="The file to write (GDELT also writes X.mentions.CSV beside it)."),
    fmt: str = typer.Option(..., "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
    actor: Optional[str] = ActorOpt,
    country: Optional[str] = CountryOpt,
    igo: Optional[str] = IgoOpt,
    root: Optional[str] = RootOpt,
    code: Optional[str] = CodeOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    text: Optional[str] = TextOpt,
    topic: Optional[str] = TopicOpt,
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """Write the stored events (all, or those matching the filters) to a file.

    Example: dragoman export --format gdelt --country RUS --since 2008 rus.export.CSV
    """
    filters: dict[str, Any] = dict(
        actor=actor, country=country, igo=igo, root=root, code=code, since=since, until=until, text=text, topic=topic
    )
    store = open_store(load_settings(config, db=db).db, create=False)
    result = export(store, fmt, out, **filters)
    err.print(result.describe(), highlight=False)


@app.command("load")
@handle_errors
def load_cmd(
    paths: list[str] = typer.Argument(..., help="Exported files, or a Spark output folder (articles/, events/)."),
    fmt: str = typer.Option("auto", "--format", "-f", help=f"One of: {', '.join(LOAD_FORMATS)}."),
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """Load exported files or a Spark job's Parquet output into the store (again adds nothing).

    Example: dragoman load out/ --db postgresql://analyst@localhost/events
    """
    settings = load_settings(config, db=db)
    store = open_store(settings.db)
    jobs = [p for p in paths if fmt in ("auto", "spark") and is_job_output(p)]
    if jobs:  # `dragoman spark` output: stored in input order with ingest's duplicate rules
        load_job_output(jobs, store, settings)
        paths = [p for p in paths if p not in jobs]
        if not paths:
            return

    def show(s: LoadSummary) -> None:
        if sys.stderr.isatty():
            err.print(f"… {s.paths} loaded, {s.events} new events", highlight=False)

    summary = load(store, paths, fmt=fmt, progress=show)
    err.print(summary.describe(), highlight=False)


@app.command("migrate")
@handle_errors
def migrate_cmd(db: Optional[str] = DbOption, config: Optional[str] = ConfigOption) -> None:
    """Create the tables or bring the database's schema up to date (opening a store also does it).

    Example: dragoman migrate --db postgresql://analyst@localhost/events
    """
    store = open_store(load_settings(config, db=db).db, migrate=False)
    before, after = upgrade(store.engine)
    err.print(f"schema version {before} -> {after}" if before != after else f"schema version {after}: up to date")
