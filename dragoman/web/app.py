"""The web app factory: ``create_app(settings)`` -> a FastAPI app over one store.

Example:
    >>> from dragoman.web import create_app
    >>> app = create_app(load_settings(db="dragoman.db"), token="s3cret")
    >>> # uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..config import Settings
from ..store import Store, open_store
from ..version import __version__
from . import api, pages
from .responses import install_error_handlers
from .security import LOOPBACK_HOSTS, SecurityMiddleware

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


def templates() -> Environment:
    """The Jinja environment: autoescaping always on (article text and titles are untrusted)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html",), default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["QUAD_NAMES"] = QUAD_NAMES
    env.filters["pathq"] = path_quote
    env.filters["http_url"] = http_url
    return env


def path_quote(value: Any) -> str:
    """A value quoted as one URL path segment (``/`` too)."""
    return quote(str(value), safe="")


def http_url(value: Any) -> str | None:
    """The URL if it is http(s), else None (no ``javascript:`` links from article metadata)."""
    url = str(value or "").strip()
    return url if urlsplit(url).scheme.lower() in ("http", "https") and urlsplit(url).netloc else None


def create_app(
    settings: Settings | None = None,
    store: Store | None = None,
    token: str | None = None,
    allowed_hosts: list[str] | None = None,
) -> FastAPI:
    """The web app over ``store`` (else the settings' database).

    ``token`` (default ``settings.token``) guards every write; empty disables writes.
    ``allowed_hosts``: the Host names answered (None answers any; ``serve`` passes the
    loopback names when bound to loopback, which stops DNS-rebinding reads).
    """
    settings = settings or Settings()
    app = FastAPI(
        title="dragoman",
        version=__version__,
        description="Event data from news text: events, dyads, actors and articles (CAMEO/PLOVER).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store or open_store(settings.db)
    app.state.token = settings.token if token is None else token
    app.state.csrf_secret = secrets.token_bytes(32)
    app.state.templates = templates()
    app.state.page_globals = {"writes_enabled": bool(app.state.token), "version": __version__}
    app.add_middleware(SecurityMiddleware, allowed_hosts=allowed_hosts)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _docs(app)
    return app


def loopback_hosts(host: str) -> list[str] | None:
    """The Host names to answer when bound to ``host``: loopback names, or any (None)."""
    return list(LOOPBACK_HOSTS) if host in LOOPBACK_HOSTS else None


def _docs(app: FastAPI) -> None:
    """The OpenAPI docs at /docs, with Swagger UI served from the package (no CDN)."""

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Any:
        html = request.app.state.templates.get_template("docs.html").render(openapi_url=app.openapi_url)
        return HTMLResponse(html)
