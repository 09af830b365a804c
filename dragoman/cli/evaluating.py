"""``dragoman evaluate SUITE``: precision, recall and F1 against a gold set."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..config import load_settings
from ..errors import UnknownFormat
from ..evaluate import SUITES, shared_dir
from ..evaluate.reports import evaluate_reports
from .app import app, handle_errors
from .options import print_rows


@app.command("evaluate")
@handle_errors
def evaluate_cmd(
    suite: str = typer.Argument(..., help=f"One of: {', '.join(SUITES)}."),
    data: Optional[str] = typer.Option(
        None, "--data", envvar="DRAGOMAN_SHARED", help="The shared folder with data/ and examples/ (default ../shared)."
    ),
    verbose: bool = typer.Option(False, "--misses", help="Also list missed and extra events."),
    config: Optional[str] = typer.Option(None, "--config", help="A dragoman.toml settings file."),
    reports: Optional[list[str]] = typer.Option(
        None, "--reports", help="With the reports suite: a folder of NN-*.txt reports with .gold.json (repeatable)."
    ),
) -> None:
    """Score dragoman against a gold standard and print a per-category table.

    Example: dragoman evaluate example; dragoman evaluate reports --reports my/reports
    """
    if suite not in SUITES:
        raise UnknownFormat(suite, list(SUITES))
    settings = load_settings(config)
    if suite == "reports":  # the report folders need no shared data
        report = evaluate_reports(Path(), settings, [Path(r) for r in reports] if reports else None)
    else:
        report = SUITES[suite](shared_dir(data), settings)
    if report.table:
        print_rows(report.table, "table", title=f"{suite}: per category")
    if verbose:
        for m in report.misses:
            typer.echo(f"missed: {m}")
        for x in report.extras:
            typer.echo(f"extra:  {x}")
    typer.echo(report.line())
