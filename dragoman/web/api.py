"""The REST API under /api (OpenAPI at /docs): events, articles, dyads, actors, network, ingest."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any, Optional

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from .. import analysis
from ..models import EVENT_ROW_COLUMNS
from ..store import Store
from . import queries
from .filters import EventFilters, Page, event_filters, page
from .ingesting import ingest_uploads, posted_json
from .responses import DataResponse, data
from .security import bearer, check_token

router = APIRouter(prefix="/api", tags=["api"])

KEY_HELP = "Country (ISO3), organisation acronym or actor code."


def key_param() -> Any:
    """A path parameter for an actor key (one new object per parameter: FastAPI needs that)."""
    return Path(..., max_length=64, description=KEY_HELP)


async def get_store(request: Request) -> Store:
    """The app's store (a FastAPI dependency)."""
    return request.app.state.store


@router.get("/events", summary="Events, filtered and paginated")
def list_events(
    filters: EventFilters = Depends(event_filters), pg: Page = Depends(page), store: Store = Depends(get_store)
) -> DataResponse:
    """Flat event rows (DESIGN.md), newest first, with the total and links to the next page."""
    found = store.events_page(limit=pg.limit, offset=pg.offset, **filters.for_store())
    rows, total = found.rows, found.total
    body = {
        "ok": True,
        "total": total,
        "limit": pg.limit,
        "offset": pg.offset,
        **pg.links(total, "/api/events", filters),
        "filters": filters.active(),
        "events": rows,
    }
    return data(body)


def csv_safe(value: Any) -> Any:
    """A cell that a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_lines(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """Rows as CSV text, header first, one chunk per row."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(EVENT_ROW_COLUMNS)
    for r in rows:
        w.writerow([csv_safe(r.get(c)) for c in EVENT_ROW_COLUMNS])
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


@router.get("/events.csv", summary="Events as CSV (all matching rows)")
def events_csv(filters: EventFilters = Depends(event_filters), store: Store = Depends(get_store)) -> StreamingResponse:
    """Every event matching the filters as a CSV download (flat rows)."""
    rows = store.iter_events(**filters.for_store())
    headers = {"Content-Disposition": 'attachment; filename="dragoman-events.csv"'}
    return StreamingResponse(csv_lines(rows), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/articles", summary="Articles, newest first")
def list_articles(
    q: Optional[str] = Query(None, max_length=200, description="Words in the title or text."),
    pg: Page = Depends(page),
    store: Store = Depends(get_store),
) -> DataResponse:
    """Stored articles (duplicates left out) with their event counts."""
    rows, total = queries.articles(store, pg.limit, pg.offset, q=q)
    return data({"ok": True, "total": total, "limit": pg.limit, "offset": pg.offset, "articles": rows})


@router.get("/articles/{article_id:path}", summary="One article's JSON")
def get_article(article_id: str, store: Store = Depends(get_store)) -> DataResponse:
    """The article JSON of DESIGN.md (events, quotes, places), with its text."""
    rec = store.record(article_id)
    if rec is None:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    return data(rec.to_json(include_text=True))


async def require_token(request: Request) -> None:
    """Refuse the request unless it carries the server's token (checked before the body is read)."""
    check_token(request.app.state.token, bearer(request))


@router.post(
    "/articles", summary="Ingest articles (needs the token)", status_code=201, dependencies=[Depends(require_token)]
)
def post_articles(
    request: Request,
    articles: list[dict[str, Any]] = Body(
        ...,
        embed=True,
        description='Objects like {"id", "title", "text", "date", "url", "source"}; "text" is required.',
        max_length=1000,
    ),
    store: Store = Depends(get_store),
) -> DataResponse:
    """Read, code and store posted articles; ``Authorization: Bearer <token>`` is required."""
    if not all(isinstance(a.get("text"), str) and a["text"].strip() for a in articles):
        raise HTTPException(400, 'Every article needs a non-empty "text".')
    return data(ingest_uploads([posted_json(articles)], store, request.app.state.settings).to_json(), 201)


@router.get("/dyads/{a}/{b}", summary="Monthly series of a dyad")
def dyad(
    a: str = key_param(),
    b: str = key_param(),
    directed: bool = Query(False, description="One row per direction (A>B, B>A) instead of both added up (A-B)."),
    store: Store = Depends(get_store),
) -> DataResponse:
    """Per month: events by quad class, cooperation, conflict, Goldstein sum and mean (``analysis.dyad_series``)."""
    series = analysis.dyad_series(store, a, b, fill=False, directed=directed)
    return data({"ok": True, "directed": directed, **series.to_json()})


@router.get("/actors", summary="The most active actors")
def actors(
    limit: int = Query(20, ge=1, le=500),
    filters: EventFilters = Depends(event_filters),
    store: Store = Depends(get_store),
) -> DataResponse:
    """Actors (by code) in the most events, with events as source and as target."""
    found = store.actors(limit=limit, **filters.for_store())
    return data({"ok": True, "total": found.total, "actors": found.rows})


@router.get("/actors/{key}", summary="One actor's profile")
def actor(key: str = key_param(), store: Store = Depends(get_store)) -> DataResponse:
    """Names, events as source and target, partners, CAMEO roots and the monthly series."""
    profile = queries.actor_profile(store, key)
    if not profile["events"]:
        raise HTTPException(404, f"No events with actor {key!r}.")
    return data({"ok": True, **profile})


@router.get("/dyads", summary="The most active dyads")
def dyads(
    limit: int = Query(20, ge=1, le=500),
    filters: EventFilters = Depends(event_filters),
    store: Store = Depends(get_store),
) -> DataResponse:
    """Pairs of actors (undirected) with the most events between them."""
    return data({"ok": True, "dyads": queries.top_dyads(store, limit, **filters.for_store())})


@router.get("/network", summary="The actor network")
def network(
    max_nodes: int = Query(60, ge=2, le=300),
    filters: EventFilters = Depends(event_filters),
    store: Store = Depends(get_store),
) -> DataResponse:
    """Nodes (actors by country, organisation or code) and directed edges with counts and tone."""
    net = analysis.actor_network(store, by_quad=False, top_nodes=max_nodes, **filters.for_store())
    return data({"ok": True, **net.to_json()})


@router.get("/summary", summary="Counts")
def summary(store: Store = Depends(get_store)) -> DataResponse:
    """Articles, duplicates, events, quotes, places, rejects, actors and the date range."""
    return data({"ok": True, **store.summary(top=10)})


@router.get("/timeline", summary="Events per month and quad class")
def timeline(filters: EventFilters = Depends(event_filters), store: Store = Depends(get_store)) -> DataResponse:
    """Rows of period (YYYY-MM), quad_class, events and goldstein_sum."""
    return data({"ok": True, "timeline": analysis.timeline(store, **filters.for_store())})
