"""The one error shape of the web app, ``{"ok": false, "error": "...", "status": 400}``, and its handlers.

Every error, from a bad filter to an unknown route or a crash, goes through ``error_body``:
the API answers it as JSON, the pages show the same body in an HTML page.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, DragomanError, StoreError

log = logging.getLogger(__name__)

MESSAGES = {
    400: "Bad request.",
    401: "A valid token is needed for this.",
    403: "Forbidden.",
    404: "Not found.",
    405: "Method not allowed.",
    413: "Too large.",
    500: "Internal error: see the server log.",
}


class DataResponse(JSONResponse):
    """JSON written straight by ``json.dumps`` (no per-value validation: rows are plain already)."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":"), default=_plain).encode("utf-8")


def _plain(value: Any) -> Any:
    """What ``json`` cannot write by itself: decimals (PostgreSQL sums), dates, anything else as text."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def data(body: dict[str, Any], status: int = 200) -> DataResponse:
    """A successful API answer."""
    return DataResponse(body, status_code=status)


def error_body(message: str, status: int = 400) -> dict[str, Any]:
    """The body of every error the web app returns."""
    return {"ok": False, "error": message, "status": status}


def wants_html(request: Request) -> bool:
    """Whether the error should be shown as a page (not the API, and a browser asking for HTML)."""
    path = request.url.path
    if path.startswith("/api/") or path in ("/openapi.json", "/docs"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, message: str, status: int = 400) -> Response:
    """The error as JSON for the API, or as a page for a browser."""
    body = error_body(message, status)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if wants_html(request):
        templates = request.app.state.templates
        html = templates.get_template("error.html").render(request=request, error=body, **page_globals(request))
        return HTMLResponse(html, status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)


def page_globals(request: Request) -> dict[str, Any]:
    """What every page template needs besides its own data (set by the app)."""
    return dict(request.app.state.page_globals)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for e in exc.errors()[:5]:
        where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return "Invalid parameter: " + "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error through ``error_body``."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail else MESSAGES.get(exc.status_code, "Error.")
        return error_response(request, detail, exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, _validation_message(exc), 400)

    @app.exception_handler(ConfigError)
    async def config_error(request: Request, exc: ConfigError) -> Response:
        return error_response(request, str(exc), 400)

    @app.exception_handler(DragomanError)
    async def dragoman_error(request: Request, exc: DragomanError) -> Response:
        log.error("%s %s: %s", request.method, request.url.path, exc)
        status = 503 if isinstance(exc, StoreError) else 500
        return error_response(request, str(exc), status)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(request, MESSAGES[500], 500)
