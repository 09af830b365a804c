"""Queries over the store: ``events``, ``quotes``, ``actors``, ``dyad``, ``network``, ``top``, ``rejects``."""

from __future__ import annotations

from typing import Any, Optional

import typer

from ..analysis import EDGE_COLUMNS, SERIES_COLUMNS, actor_network, dyad_series, top_events
from ..config import load_settings
from ..models import EVENT_ROW_COLUMNS
from ..store.queries import ACTOR_COLUMNS, QUOTE_COLUMNS
from ..store.store import Store, open_store
from .app import app, handle_errors
from .options import ConfigOption, DbOption, FormatOption, print_rows

TABLE_COLUMNS = ("date", "source_code", "code", "target_code", "name", "place_name", "trigger_text", "article_id")
COUNT_COLUMNS = ("num_mentions", "num_sources", "num_articles")
TOP_COLUMNS = ("date", "goldstein", "source_code", "code", "target_code", "name", "article_id")

ActorOpt = typer.Option(None, help="Actor code or name, as source or target (e.g. RUSGOV).")
CountryOpt = typer.Option(None, help="ISO3 country, as source or target.")
IgoOpt = typer.Option(None, help="Organisation acronym (NATO, EU, UN, ...).")
RootOpt = typer.Option(None, help="CAMEO root code (01-20).")
CodeOpt = typer.Option(None, help="Full CAMEO code (e.g. 042).")
SinceOpt = typer.Option(None, help="Earliest event date (YYYY-MM-DD, YYYY-MM or YYYY).")
UntilOpt = typer.Option(None, help="Latest event date (YYYY-MM-DD, YYYY-MM or YYYY).")
TextOpt = typer.Option(None, help="Words in the event's sentence.")
TopicOpt = typer.Option(None, help="A context or issue tag (e.g. nuclear).")
LimitOpt = typer.Option(None, help="At most this many rows.")


def _store(db: Optional[str], config: Optional[str]) -> Store:
    return open_store(load_settings(config, db=db).db, create=False)


@app.command("events")
@handle_errors
def events_cmd(
    actor: Optional[str] = ActorOpt,
    country: Optional[str] = CountryOpt,
    igo: Optional[str] = IgoOpt,
    root: Optional[str] = RootOpt,
    code: Optional[str] = CodeOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    text: Optional[str] = TextOpt,
    topic: Optional[str] = TopicOpt,
    source: Optional[str] = typer.Option(None, help="Source country, IGO or actor code."),
    target: Optional[str] = typer.Option(None, help="Target country, IGO or actor code."),
    limit: Optional[int] = LimitOpt,
    offset: int = typer.Option(0, help="Skip this many rows first (pagination)."),
    unique: bool = typer.Option(False, "--unique", help="One row per reported event, most mentioned first."),
    fmt: str = FormatOption,
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """List coded events, newest first (flat rows with --format jsonl or csv).

    With --unique, the reports of one event (same date, actors and code) are one row with
    GDELT's counts: num_mentions, num_sources, num_articles.

    Example: dragoman events --country RUS --root 19 --format csv
    """
    filters: dict[str, Any] = dict(
        actor=actor,
        country=country,
        igo=igo,
        root=root,
        code=code,
        since=since,
        until=until,
        text=text,
        topic=topic,
        source=source,
        target=target,
    )
    store = _store(db, config)
    if unique:
        rows = store.unique_events(limit=limit, **filters)
        cols = (TABLE_COLUMNS if fmt == "table" else EVENT_ROW_COLUMNS) + COUNT_COLUMNS
        print_rows(rows, fmt, cols, title=f"{len(rows)} reported events")
        return
    rows = store.events(limit=limit, offset=offset, **filters)
    title = f"{len(rows)} of {store.count_events(**filters)} events" if fmt == "table" else None
    print_rows(rows, fmt, TABLE_COLUMNS if fmt == "table" else EVENT_ROW_COLUMNS, title=title)


@app.command("quotes")
@handle_errors
def quotes_cmd(
    speaker: Optional[str] = typer.Option(None, help="Speaker code, country, IGO or name (e.g. USAGOV, RUS)."),
    text: Optional[str] = typer.Option(None, help="Words in the quotation."),
    since: Optional[str] = typer.Option(None, help="Earliest article date."),
    until: Optional[str] = typer.Option(None, help="Latest article date."),
    limit: Optional[int] = LimitOpt,
    offset: int = typer.Option(0, help="Skip this many rows first."),
    fmt: str = FormatOption,
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """List who said what, newest article first.

    Example: dragoman quotes --speaker RUS --text sanctions
    """
    page = _store(db, config).quotes(speaker=speaker, text=text, since=since, until=until, limit=limit, offset=offset)
    cols = ("article_date", "speaker_text", "speaker_code", "kind", "text") if fmt == "table" else QUOTE_COLUMNS
    print_rows(page.rows, fmt, cols, title=f"{len(page.rows)} of {page.total} quotes")


@app.command("actors")
@handle_errors
def actors_cmd(
    country: Optional[str] = CountryOpt,
    root: Optional[str] = RootOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    topic: Optional[str] = TopicOpt,
    limit: int = typer.Option(25, help="How many actors."),
    fmt: str = FormatOption,
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """The most active actors, with their event counts as source and as target.

    Example: dragoman actors --since 2009-01 --limit 10
    """
    page = _store(db, config).actors(limit=limit, country=country, root=root, since=since, until=until, topic=topic)
    print_rows(page.rows, fmt, ACTOR_COLUMNS, title=f"top {len(page.rows)} of {page.total} actors")


@app.command("dyad")
@handle_errors
def dyad_cmd(
    a: str = typer.Argument(..., help="A country (ISO3), IGO acronym or actor code."),
    b: str = typer.Argument(..., help="The other side."),
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    topic: Optional[str] = TopicOpt,
    root: Optional[str] = RootOpt,
    fmt: str = FormatOption,
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """Monthly events between A and B, both directions: counts per quad class, Goldstein sum and mean.

    Example: dragoman dyad USA RUS --since 2008-01 --format csv
    """
    series = dyad_series(_store(db, config), a, b, since=since, until=until, topic=topic, root=root)
    title = f"{series.a}-{series.b} by month" + (
        f" ({series.undated} with a year-only date left out)" if series.undated else ""
    )
    print_rows(series.rows, fmt, SERIES_COLUMNS, title=title)


@app.command("network")
@handle_errors
def network_cmd(
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    topic: Optional[str] = TopicOpt,
    level: str = typer.Option("key", help="Nodes: key (country or IGO) or code (full actor code)."),
    min_weight: int = typer.Option(1, help="Leave out edges with fewer events."),
    limit: Optional[int] = typer.Option(None, help="At most this many edges (heaviest first)."),
    fmt: str = FormatOption,
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """The actor network: directed edges weighted by event counts per quad class.

    Example: dragoman network --since 2009 --min-weight 5 --format csv
    """
    net = actor_network(
        _store(db, config), since=since, until=until, level=level, min_weight=min_weight, limit=limit, topic=topic
    )
    print_rows(net.edges, fmt, EDGE_COLUMNS, title=f"{len(net.edges)} edges between {len(net.nodes)} actors")


@app.command("top")
@handle_errors
def top_cmd(
    n: int = typer.Option(20, "--n", "-n", help="How many events."),
    order: str = typer.Option("intensity", help="intensity (|Goldstein|), conflict or cooperation."),
    country: Optional[str] = CountryOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    topic: Optional[str] = TopicOpt,
    fmt: str = FormatOption,
    db: Optional[str] = DbOption,
    config: Optional[str] = ConfigOption,
) -> None:
    """The most intense events by Goldstein score.

    Example: dragoman top -n 10 --order conflict --since 2008-08
    """
    rows = top_events(_store(db, config), n=n, order=order, country=country, since=since, until=until, topic=topic)
    print_rows(rows, fmt, TOP_COLUMNS if fmt == "table" else EVENT_ROW_COLUMNS, title=f"top {len(rows)} events")


@app.command("rejects")
@handle_errors
def rejects_cmd(fmt: str = FormatOption, db: Optional[str] = DbOption, config: Optional[str] = ConfigOption) -> None:
    """List the inputs that were refused, and why.

    Example: dragoman rejects --format csv
    """
    print_rows(_store(db, config).rejects(), fmt, ("origin", "reason", "detail", "at"), title="rejected inputs")
