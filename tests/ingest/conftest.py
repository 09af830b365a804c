"""A real local web site for feed and page fetching: http.server in a thread."""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


@dataclass
class Site:
    root: Path
    url: str
    #: (path, User-Agent, monotonic time) of every request
    requests: list[tuple[str, str, float]] = field(default_factory=list)

    def paths(self) -> list[str]:
        return [p for p, _, _ in self.requests]


class _Handler(SimpleHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:  # noqa: N802  (http.server's name)
        self.site.requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
        if self.path.startswith("/slow"):
            time.sleep(1.5)
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(tmp_path):
    """A web site serving the files under ``site.root`` at ``site.url``."""
    root = tmp_path / "www"
    root.mkdir()
    s = Site(root, "")
    handler = type("Handler", (_Handler,), {"site": s})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    s.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    server.shutdown()
    server.server_close()
