"""A polite, time-limited HTTP client for feeds and the pages they link to.

Every request sends dragoman's User-Agent, honours robots.txt (and its Crawl-delay), waits
between two requests to the same host, gives up after ``fetch_timeout`` seconds, and refuses
bodies over the size limit. Failures are ``FetchError`` with a one-line reason, which the
readers turn into rejects.

Example:
    >>> with Fetcher(Settings()) as fetcher:
    ...     page = fetcher.get("https://www.voanews.com/api/zmgqoe$mqv")
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from ..config import Settings
from .html import MARKUP_FACTOR

if TYPE_CHECKING:  # httpx (with rich) takes ~0.2 s to import: only when a URL is fetched
    import httpx

log = logging.getLogger(__name__)

#: seconds between two requests to one host (robots.txt Crawl-delay can ask for more, up to MAX_DELAY)
DEFAULT_DELAY = 1.0
MAX_DELAY = 30.0


class FetchError(Exception):
    """A URL that could not be fetched; the message is the one-line reason."""


@dataclass
class Page:
    """A fetched document."""

    url: str
    status: int
    content_type: str
    body: bytes


class Fetcher:
    """Fetches URLs politely: robots.txt, per-host delays, timeouts, a size limit."""

    def __init__(self, settings: Settings | None = None, delay: float = DEFAULT_DELAY):
        self.settings = settings or Settings()
        self.delay = delay
        self.max_bytes = self.settings.max_text_bytes * MARKUP_FACTOR
        self._client: httpx.Client | None = None
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    @property
    def client(self) -> httpx.Client:
        """The HTTP client, made on first use."""
        import httpx

        if self._client is None:
            self._client = httpx.Client(
                timeout=httpx.Timeout(self.settings.fetch_timeout),
                headers={"User-Agent": self.settings.user_agent},
                follow_redirects=True,
            )
        return self._client

    def close(self) -> None:
        """Close the connections."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def get(self, url: str) -> Page:
        """The page at ``url``; raises FetchError with the reason it cannot be had."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"not an http(s) URL: {url[:200]}")
        robots = self._robots_for(f"{parts.scheme}://{parts.netloc}")
        if robots is not None and not robots.can_fetch(self.settings.user_agent, url):
            raise FetchError("disallowed by robots.txt")
        page = self._request(url)
        if page.status >= 400:
            raise FetchError(f"HTTP {page.status}")
        return page

    def _robots_for(self, site: str) -> RobotFileParser | None:
        """The parsed robots.txt of a site (None: everything allowed)."""
        if site in self._robots:
            return self._robots[site]
        parser: RobotFileParser | None = None
        try:
            page = self._request(site + "/robots.txt")
        except FetchError as exc:
            log.info("no robots.txt at %s (%s): allowed", site, exc)
        else:
            if page.status >= 500:
                parser = RobotFileParser()
                parser.parse(["User-agent: *", "Disallow: /"])  # RFC 9309: unreachable means disallow
            elif page.status < 400:
                parser = RobotFileParser()
                parser.parse(page.body.decode("utf-8", "replace").splitlines())
        self._robots[site] = parser
        return parser

    def _wait(self, host: str) -> None:
        delay = self.delay
        robots = self._robots.get(host)
        if robots is not None:
            asked = robots.crawl_delay(self.settings.user_agent)
            if asked:
                delay = max(delay, min(float(asked), MAX_DELAY))
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _request(self, url: str) -> Page:
        import httpx

        parts = urlsplit(url)
        client = self.client
        self._wait(f"{parts.scheme}://{parts.netloc}")
        deadline = time.monotonic() + self.settings.fetch_timeout
        try:
            with client.stream("GET", url) as resp:
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(f"too large: over {self.max_bytes} bytes")
                    if time.monotonic() > deadline:
                        raise FetchError(f"timed out after {self.settings.fetch_timeout:g} s")
                    chunks.append(chunk)
                ctype = resp.headers.get("content-type", "")
                return Page(str(resp.url), resp.status_code, ctype, b"".join(chunks))
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {self.settings.fetch_timeout:g} s ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc}"[:200]) from exc
