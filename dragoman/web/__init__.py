"""The web app: a REST API (OpenAPI at /docs) and server-rendered pages over one store.

Example:
    >>> from dragoman.web import create_app
    >>> app = create_app(load_settings(db="dragoman.db"))
"""

from __future__ import annotations

from typing import Any

from ..errors import MissingExtra


def create_app(*args: Any, **kwargs: Any) -> Any:
    """The FastAPI app (see ``dragoman.web.app.create_app``); needs the ``web`` extra."""
    try:
        from .app import create_app as _create
    except ImportError as exc:  # fastapi, jinja2 or python-multipart missing
        raise MissingExtra(exc.name or "fastapi", "web") from exc
    return _create(*args, **kwargs)


__all__ = ["create_app"]
