"""Queries over the store: ``events`` and ``rejects``."""

from __future__ import annotations

from typing import Optional

import typer

from ..config import load_settings
from ..models import EVENT_ROW_COLUMNS
from ..store.store import open_store
from .app import app, handle_errors
from .options import ConfigOption, DbOption, FormatOption, print_rows

TABLE_COLUMNS = ("date", "source_code", "code", "target_code", "name", "place_name", "trigger_text", "article_id")


@app.command("events")
@handle_errors
def events_cmd(
    actor: Optional[str] = typer.Option(None, help="Actor code or name, as source or target (e.g. RUSGOV)."),
    country: Optional[str] = typer.Option(None, help="ISO3 country, as source or target."),
    igo: Optional[str] = typer.Option(None, help="Organisation acronym (NATO, EU, UN, ...)."),
    root: Optional[str] = typer.Option(None, help="CAMEO root code (01-20)."),
    code: Optional[str] = typer.Option(None, help="Full CAMEO code (e.g. 042)."),
    since: Optional[str] = typer.Option(None, help="Earliest event date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Latest event date (YYYY-MM-DD)."),
    text: Optional[str] = typer.Option(None, help="Words in the event's sentence."),
    limit: Optional[int] = typer.Option(None, help="At most this many rows."),
    fmt: str = FormatOption,
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """List coded events (flat rows with --format jsonl or csv).

    Example: dragoman events --country RUS --root 19 --format csv
    """
    settings = load_settings(config, db=db)
    store = open_store(settings.db, create=False)
    rows = store.events(
        limit=limit, actor=actor, country=country, igo=igo, root=root, code=code, since=since, until=until, text=text
    )
    cols = TABLE_COLUMNS if fmt == "table" else EVENT_ROW_COLUMNS
    print_rows(rows, fmt, cols, title=f"{len(rows)} events")


@app.command("rejects")
@handle_errors
def rejects_cmd(fmt: str = FormatOption, db: Optional[str] = DbOption, config: Optional[str] = ConfigOption) -> None:
    """List the inputs that were refused, and why.

    Example: dragoman rejects --format csv
    """
    settings = load_settings(config, db=db)
    store = open_store(settings.db, create=False)
    print_rows(store.rejects(), fmt, ("origin", "reason", "detail", "at"), title="rejected inputs")
