"""Options shared by several commands, and the one way rows are printed."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from ..errors import UnknownFormat

FORMATS = ("table", "csv", "jsonl")

DbOption = typer.Option(
    None, "--db", envvar="DRAGOMAN_DB", help="Database: a file path or URL (default ./dragoman.db)."
)
FormatOption = typer.Option("table", "--format", "-f", help="Output format: table, csv or jsonl.")
ConfigOption = typer.Option(None, "--config", help="A dragoman.toml settings file.")


def print_rows(
    rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None, title: str | None = None
) -> int:
    """Print rows as a table, CSV or JSON Lines; returns how many were printed."""
    if fmt not in FORMATS:
        raise UnknownFormat(fmt, FORMATS)
    rows = list(rows) if fmt == "table" or columns is None else rows
    if columns is None:
        rows = list(rows)
        columns = list(rows[0]) if rows else []
    n = 0
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
            n += 1
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow(r)
            n += 1
    else:
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*["" if r.get(c) is None else str(r.get(c)) for c in columns])
            n += 1
        Console().print(table)
    return n
