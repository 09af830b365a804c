"""``dragoman serve``: the web app (dashboard and REST API) over a store."""

from __future__ import annotations

import secrets
from typing import Optional

import typer

from ..config import load_settings
from ..errors import ConfigError, MissingExtra
from .app import app, err, handle_errors
from .options import ConfigOption, DbOption


@app.command("serve")
@handle_errors
def serve_cmd(
    db: Optional[str] = DbOption,
    host: Optional[str] = typer.Option(None, "--host", help="Address to bind (default 127.0.0.1: this machine only)."),
    port: Optional[int] = typer.Option(None, "--port", "-p", help="Port (default 8000)."),
    token: Optional[str] = typer.Option(
        None, "--token", envvar="DRAGOMAN_TOKEN", help="Token for writes (ingest); a random one is printed if unset."
    ),
    read_only: bool = typer.Option(False, "--read-only", help="Disable every write (no ingest form, no POST)."),
    config: Optional[str] = ConfigOption,
) -> None:
    """Serve the dashboard and the REST API (OpenAPI docs at /docs); Ctrl-C stops it.

    Example: dragoman serve --db dragoman.db --port 8000
    """
    try:
        import uvicorn

        from ..web.app import create_app, loopback_hosts
    except ImportError as exc:
        raise MissingExtra(exc.name or "fastapi", "web") from exc
    settings = load_settings(config, db=db, host=host, port=port, token=token)
    if not 0 < settings.port < 65536:
        raise ConfigError(f"[D208] --port must be between 1 and 65535, got {settings.port}.")
    write_token = "" if read_only else (settings.token or secrets.token_urlsafe(18))
    web = create_app(settings, token=write_token, allowed_hosts=loopback_hosts(settings.host))
    url = f"http://{settings.host}:{settings.port}/"
    err.print(f"dragoman: serving {settings.db} at {url} (Ctrl-C stops)", highlight=False, soft_wrap=True)
    if read_only:
        err.print("writes are disabled (--read-only)", highlight=False, soft_wrap=True)
    elif not settings.token:
        err.print(f"token for writes (ingest): {write_token}", highlight=False, soft_wrap=True)
    uvicorn.run(web, host=settings.host, port=settings.port, log_level="warning", server_header=False)
