"""The server-rendered pages: overview, events, articles, actors, dyads, network, ingest."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import DragomanError
from ..models import Event
from ..store import Store
from . import queries
from .api import get_store, key_param
from .filters import DATE, EventFilters, Page, event_filters, page
from .highlight import actor_list, highlight, sentence_with_trigger
from .ingesting import Upload, ingest_uploads, pasted
from .responses import page_globals
from .security import check_csrf, check_token, csrf_for, set_csrf_cookie

router = APIRouter(include_in_schema=False)


#: CAMEO root codes and their names (CAMEO 1.1b3 manual)
ROOTS = {
    "01": "Make public statement",
    "02": "Appeal",
    "03": "Express intent to cooperate",
    "04": "Consult",
    "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation",
    "07": "Provide aid",
    "08": "Yield",
    "09": "Investigate",
    "10": "Demand",
    "11": "Disapprove",
    "12": "Reject",
    "13": "Threaten",
    "14": "Protest",
    "15": "Exhibit force posture",
    "16": "Reduce relations",
    "17": "Coerce",
    "18": "Assault",
    "19": "Fight",
    "20": "Use unconventional mass violence",
}


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """A page from its template (autoescaped), with what every page needs."""
    env = request.app.state.templates
    html = env.get_template(name).render(request=request, ROOTS=ROOTS, **page_globals(request), **ctx)
    return HTMLResponse(html, status_code=status)


@lru_cache(maxsize=1)
def topic_names() -> dict[str, list[str]]:
    """The topic names for the filter, by scale (contexts, issues); none if the lexicon is missing."""
    try:
        from ..topics import load_lexicon

        lexicon = load_lexicon()
        return {"Contexts": sorted(lexicon.names("context")), "Issues": sorted(lexicon.names("issue"))}
    except (ImportError, DragomanError):
        return {}


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: Store = Depends(get_store)) -> HTMLResponse:
    """Counts, the most active actors and dyads, and the timeline of the four quad classes."""
    return render(
        request,
        "overview.html",
        summary=store.summary(top=10),
        actors=store.actors(limit=10).rows,
        dyads=queries.top_dyads(store, 10),
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    filters: EventFilters = Depends(event_filters),
    pg: Page = Depends(page),
    store: Store = Depends(get_store),
) -> HTMLResponse:
    """The events table with its filter form, pages and a CSV download of the same filters."""
    found = store.events_page(limit=pg.limit, offset=pg.offset, **filters.for_store())
    rows, total = queries.with_titles(store, found.rows), found.total
    return render(
        request,
        "events.html",
        rows=rows,
        total=total,
        page=pg,
        filters=filters,
        links=pg.links(total, "/events", filters),
        csv_url="/api/events.csv?" + filters.query_string(),
        topics=topic_names(),
    )


@router.get("/articles", response_class=HTMLResponse)
def articles_page(
    request: Request,
    q: Optional[str] = Query(None, max_length=200),
    pg: Page = Depends(page),
    store: Store = Depends(get_store),
) -> HTMLResponse:
    """The stored articles, newest first."""
    rows, total = queries.articles(store, pg.limit, pg.offset, q=q)
    return render(request, "articles.html", rows=rows, total=total, page=pg, q=q or "")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, store: Store = Depends(get_store)) -> HTMLResponse:
    """One article: its text with actors, triggers and quotes marked, and each event explained."""
    rec = store.record(article_id)
    if rec is None:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    text = rec.article.text
    events = [_explained(text, e, rec.id) for e in rec.events]
    return render(
        request,
        "article.html",
        record=rec,
        body=highlight(rec),
        events=events,
        actors=actor_list(rec),
        quotes=rec.quotes,
        places=rec.places,
    )


def _explained(text: str, e: Event, article_id: str) -> dict[str, Any]:
    return {"event": e, "id": e.event_id(article_id), "sentence": sentence_with_trigger(text, e)}


@router.get("/actors/{key}", response_class=HTMLResponse)
def actor_page(request: Request, key: str = key_param(), store: Store = Depends(get_store)) -> HTMLResponse:
    """One actor: names, counts, partners, CAMEO roots, its monthly series, events and quotes."""
    profile = queries.actor_profile(store, key)
    rows, total = queries.matching_events(store, queries.actor_terms(key), limit=50)
    rows = queries.with_titles(store, rows)
    quotes = queries.actor_quotes(store, key)
    return render(request, "actor.html", profile=profile, rows=rows, total=total, quotes=quotes, key=key.upper())


@router.get("/dyads", response_class=HTMLResponse)
def dyads_page(
    request: Request,
    a: Optional[str] = Query(None, max_length=64),
    b: Optional[str] = Query(None, max_length=64),
    store: Store = Depends(get_store),
) -> Any:
    """The most active dyads, and a form to open any pair."""
    if a and b:
        return RedirectResponse(f"/dyads/{quote(a.upper(), safe='')}/{quote(b.upper(), safe='')}", status_code=303)
    return render(request, "dyads.html", dyads=queries.top_dyads(store, 50))


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request, a: str = key_param(), b: str = key_param(), store: Store = Depends(get_store)
) -> HTMLResponse:
    """A dyad: monthly cooperation against conflict with the Goldstein line, and its events."""
    rows, total = queries.matching_events(store, queries.dyad_terms(store, a, b), limit=100)
    rows = queries.with_titles(store, rows)
    return render(request, "dyad.html", a=a.upper(), b=b.upper(), rows=rows, total=total)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, filters: EventFilters = Depends(event_filters)) -> HTMLResponse:
    """The actor network (drawn by the browser from /api/network with the same filters)."""
    return render(request, "network.html", filters=filters, data_url="/api/network?" + filters.query_string())


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    """The form to ingest pasted text or uploaded files (needs the token)."""
    return _ingest_page(request)


def _ingest_page(request: Request, status: int = 200, **ctx: Any) -> HTMLResponse:
    token = csrf_for(request, request.app.state.csrf_secret)
    response = render(request, "ingest.html", status=status, csrf=token, **ctx)
    set_csrf_cookie(response, token, secure=request.url.scheme == "https")
    return response


@router.post("/ingest", response_class=HTMLResponse)
def ingest_submit(
    request: Request,
    csrf: str = Form(""),
    token: str = Form(""),
    text: str = Form("", max_length=2_000_000),
    title: str = Form("", max_length=500),
    date: str = Form("", pattern=DATE),
    files: list[UploadFile] = File(default=[]),
    store: Store = Depends(get_store),
) -> HTMLResponse:
    """Check the CSRF token and the write token, then ingest what was given."""
    check_csrf(request, request.app.state.csrf_secret, csrf)
    try:
        check_token(request.app.state.token, token)
    except HTTPException as exc:  # say it on the form, where the token can be typed again
        return _ingest_page(request, exc.status_code, error=str(exc.detail))
    uploads = _uploads(request, text, title, files)
    if not uploads:
        return _ingest_page(request, 400, error="Paste some text or choose at least one file.")
    result = ingest_uploads(uploads, store, request.app.state.settings, date=date or None)
    return _ingest_page(request, result=result)


def _uploads(request: Request, text: str, title: str, files: list[UploadFile]) -> list[Upload]:
    limit = request.app.state.settings.max_text_bytes
    out = [pasted(text, title)] if text.strip() else []
    for f in files:
        if not f.filename:
            continue
        data = f.file.read(limit + 1)
        if len(data) > limit:
            raise HTTPException(413, f"{f.filename!r} is larger than {limit} bytes.")
        out.append(Upload(f.filename, data))
    return out
