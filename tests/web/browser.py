"""Driving the system Chromium with Playwright: launch, watch a page, take the README screenshots.

Run as a script to take the README screenshots from a running server:
    python -m tests.web.browser http://127.0.0.1:8000 docs/screenshots
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 860}

#: the main pages for the README, with a file name each
MAIN_PAGES = [
    ("overview", "/"),
    ("events", "/events"),
    ("article", None),  # the article with the most events
    ("dyad", None),  # the most active dyad
    ("actor", None),  # the most active actor
    ("network", "/network"),
    ("ingest", "/ingest"),
]


def launch(playwright):
    """The system Chromium, headless, with no network chatter of its own."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)


@dataclass
class Watch:
    """What a page did that it should not: requests off the server, console errors, exceptions."""

    base: str
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def attach(self, page) -> Watch:
        host = urlsplit(self.base).netloc
        page.on("request", lambda r: self._request(r.url, host))
        page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        return self

    def _request(self, url: str, host: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            self.external.append(url)


def wait_for_charts(page, timeout: float = 15_000) -> list[str]:
    """Wait until every chart on the page has drawn (or said it is empty); their states."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-chart]')].every(e => e.dataset.rendered)", timeout=timeout
    )
    return page.eval_on_selector_all("[data-chart]", "els => els.map(e => e.dataset.rendered)")


def main_paths(base: str) -> dict[str, str]:
    """The README pages' paths, the data-dependent ones picked from the API."""
    import httpx

    paths = {name: path for name, path in MAIN_PAGES if path}
    arts = httpx.get(f"{base}/api/articles", params={"limit": 500}).json()["articles"]
    if arts:
        paths["article"] = "/articles/" + max(arts, key=lambda a: a["events"])["id"]
    dyads = httpx.get(f"{base}/api/dyads", params={"limit": 1}).json()["dyads"]
    if dyads:
        paths["dyad"] = f"/dyads/{dyads[0]['source']}/{dyads[0]['target']}"
    actors = httpx.get(f"{base}/api/actors", params={"limit": 1}).json()["actors"]
    if actors:
        paths["actor"] = f"/actors/{actors[0]['code']}"
    return paths


def screenshots(base: str, out: Path) -> list[Path]:
    """Screenshot each main page of a running server into ``out``; returns the files."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    files = []
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport=VIEWPORT)
        for name, path in main_paths(base).items():
            page.goto(base + path, wait_until="networkidle")
            wait_for_charts(page)
            page.wait_for_timeout(600)  # let the charts' animations settle
            files.append(out / f"{name}.png")
            page.screenshot(path=str(files[-1]))
        browser.close()
    return files


if __name__ == "__main__":
    for f in screenshots(sys.argv[1].rstrip("/"), Path(sys.argv[2])):
        print(f)
