"""``dragoman extract`` and ``dragoman ingest``: read sources, code them, print or store."""

from __future__ import annotations

import json
import sys
from typing import Any, Optional

import typer

from ..batch import Summary, extract, ingest
from ..config import load_settings
from ..ingest.dates import parse_date
from ..ingest.sample import sample_sources
from ..store.store import open_store
from .app import app, err, handle_errors
from .options import ConfigOption, DbOption
from .progress import progress_bar

#: rejects listed after a batch (all of them are in the store: `dragoman rejects`)
MAX_REJECTS_SHOWN = 20

NoFetchOption = typer.Option(False, "--no-fetch", help="Read feed entries from the feed alone; fetch no linked pages.")
MaxBytesOption = typer.Option(
    None, "--max-text-bytes", help="Reject articles with more text than this (default 10,000,000 bytes)."
)


def _date_option(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    iso = parse_date(value)
    if iso is None:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD.")
    return iso


@app.command("extract")
@handle_errors
def extract_cmd(
    sources: list[str] = typer.Argument(..., help="Files, folders, globs, or - for stdin."),
    date: Optional[str] = typer.Option(
        None, "--date", callback=_date_option, help="Article date (YYYY-MM-DD) for plain text."
    ),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Processes for the NLP pipeline."),
    as_json: bool = typer.Option(False, "--json", help="Print one article JSON per line (JSON Lines)."),
    text: bool = typer.Option(False, "--text", help="Include the article text in the JSON."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any input is rejected."),
    no_fetch: bool = NoFetchOption,
    max_text_bytes: Optional[int] = MaxBytesOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """Read and code articles and print them; no database.

    Example: dragoman extract --json report.txt --date 2009-03-06
    """
    settings = load_settings(config, workers=workers, strict=strict or None, max_text_bytes=max_text_bytes)
    summary = Summary()
    with progress_bar("extract", enabled=sys.stderr.isatty() and as_json and not sys.stdout.isatty()) as bar:
        records = extract(sources, settings, date=date, summary=summary, progress=bar, fetch=not no_fetch)  # type: ignore[arg-type]
        for rec in records:
            if as_json:
                sys.stdout.write(json.dumps(rec.to_json(include_text=text), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                _print_record(rec.to_json())
    for r in summary.rejects:
        err.print(f"rejected {r}", highlight=False, markup=False)
    if summary.rejects and settings.strict:
        raise typer.Exit(1)


def _print_record(doc: dict[str, Any]) -> None:
    typer.echo(f"{doc['id']}  {doc['date'] or '????-??-??'}  {doc['title'] or ''}")
    for e in doc["events"]:
        s = (e["source"] or {}).get("code") or "-"
        t = (e["target"] or {}).get("code") or "-"
        typer.echo(f"  {e['date'] or '':10}  {s:>10} {e['code']:>5} {t:<10} {e['name']}  [{e['trigger']['text']}]")
    for q in doc["quotes"]:
        sp = (q.get("speaker") or {}).get("text") or "?"
        typer.echo(f"  quote ({q['kind']}) {sp}: {q['text'][:80]}")


@app.command("ingest")
@handle_errors
def ingest_cmd(
    sources: list[str] = typer.Argument(None, help="Files, folders, globs, or - for stdin."),
    sample: bool = typer.Option(False, "--sample", help="Ingest the bundled sample corpus."),
    db: Optional[str] = DbOption,
    date: Optional[str] = typer.Option(None, "--date", callback=_date_option, help="Article date for plain text."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Processes for the NLP pipeline."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero when any input is rejected."),
    no_fetch: bool = NoFetchOption,
    max_text_bytes: Optional[int] = MaxBytesOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """Read, code and store articles; re-running on the same input adds nothing.

    Sources: .txt, .html, .jsonl, RSS/Atom (.rss, .atom, .xml, or a feed URL), .warc and
    .warc.gz files, any of them gzipped; folders (recursively), globs, or - for stdin.
    Exact and near duplicates are stored as mentions of one article; bad items are
    rejected with a reason (see `dragoman rejects`) and the batch goes on.

    Example: dragoman ingest articles/ feeds/*.rss --db events.db --workers 2
    """
    settings = load_settings(config, db=db, workers=workers, strict=strict or None, max_text_bytes=max_text_bytes)
    srcs = list(sources or []) + (sample_sources() if sample else [])
    if not srcs:
        raise typer.BadParameter("give at least one source, or --sample")
    store = open_store(settings.db)
    with progress_bar("ingest") as bar:
        summary = ingest(srcs, store, settings, date=date, progress=bar, fetch=not no_fetch)  # type: ignore[arg-type]
    print_summary(summary, settings.db)
    if summary.rejects and settings.strict:
        raise typer.Exit(1)


def print_summary(s: Summary, db: str) -> None:
    """The closing lines of a batch: counts, speed, and each reject (to stderr)."""
    err.print(
        f"read {s.read}, new {s.new}, already stored {s.existing}, duplicate {s.duplicate} ({s.near} near), "
        f"rejected {s.rejected}, events {s.events} -> {db}  [{s.seconds:.1f} s, {s.rate:.1f} articles/s]",
        highlight=False,
    )
    for r in s.rejects[:MAX_REJECTS_SHOWN]:
        err.print(f"rejected {r}", highlight=False, markup=False)
    if len(s.rejects) > MAX_REJECTS_SHOWN:
        err.print(f"... and {len(s.rejects) - MAX_REJECTS_SHOWN} more: see `dragoman rejects`", highlight=False)
