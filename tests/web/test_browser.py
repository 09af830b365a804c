"""The pages in a real browser: Debian's headless Chromium, driven by Playwright, against `dragoman serve`.

The server runs over the sample corpus (read by the real pipeline) plus the known records.
Every page must load with no console error, no request off the server and no script from
the articles running; screenshots go to DRAGOMAN_SCREENSHOTS or a temporary folder.
"""

from __future__ import annotations

import csv
import re

import httpx
import pytest

from .browser import CHROMIUM, VIEWPORT, Watch, launch, wait_for_charts

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"),
]

PAGES = [
    ("overview", "/", "Overview"),
    ("events", "/events", "Events"),
    ("articles", "/articles", "Articles"),
    ("article", "/articles/web-a1", "Clinton meets Lavrov in Geneva"),
    ("actor", "/actors/RUS", "RUS"),
    ("dyads", "/dyads", "Dyads"),
    ("dyad", "/dyads/USA/RUS", "Dyad USA – RUS"),
    ("network", "/network", "Actor network"),
    ("ingest", "/ingest", "Ingest articles"),
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = launch(pw)
        yield b
        b.close()


@pytest.fixture
def page(browser, live):
    """A fresh page; after the test, nothing external was requested and nothing failed."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    pg = context.new_page()
    watch = Watch(live.url).attach(pg)
    pg.watch = watch
    yield pg
    context.close()
    assert watch.external == [], f"requests off the server: {watch.external}"


def no_errors(pg, allow: str | None = None) -> None:
    errors = [e for e in pg.watch.errors if not (allow and allow in e)]
    assert errors == [], errors


@pytest.mark.parametrize("name, path, heading", PAGES, ids=[p[0] for p in PAGES])
def test_each_page_loads(page, live, shots_dir, name, path, heading):
    page.goto(live.url + path, wait_until="networkidle")
    assert page.inner_text("h1").startswith(heading)
    charts = wait_for_charts(page)
    assert all(state == "chart" for state in charts), charts
    page.screenshot(path=str(shots_dir / f"{name}.png"), full_page=True)
    no_errors(page)


def test_charts_draw_the_data(page, live):
    page.goto(live.url + "/network", wait_until="networkidle")
    wait_for_charts(page)
    nodes = page.evaluate(
        "echarts.getInstanceByDom(document.getElementById('network-chart')).getOption().series[0].data.map(n => n.id)"
    )
    assert {"USA", "RUS", "GEO", "NATO"} <= set(nodes)
    page.goto(live.url + "/dyads/USA/RUS", wait_until="networkidle")
    wait_for_charts(page)
    months = page.evaluate("echarts.getInstanceByDom(document.getElementById('dyad-chart')).getOption().xAxis[0].data")
    assert {"2009-01", "2009-03", "2009-07"} <= set(months)
    no_errors(page)


def test_filter_the_events_table(page, live, shots_dir):
    page.goto(live.url + "/events", wait_until="networkidle")
    page.fill("input[name=country]", "GEO")
    page.select_option("select[name=root]", "19")
    page.click("form#filters button[type=submit]")
    page.wait_for_url(re.compile(r".*country=GEO.*root=19.*"))
    expected = httpx.get(live.url + "/api/events", params={"country": "GEO", "root": "19"}).json()["total"]
    assert expected >= 2
    assert page.inner_text("#total").startswith(f"{expected} match")
    rows = page.locator("table.events tbody tr")
    assert rows.count() == min(expected, 50)
    assert all(code.startswith("19") for code in page.locator("table.events tbody td .code").all_inner_texts())
    page.screenshot(path=str(shots_dir / "events-filtered.png"), full_page=True)
    no_errors(page)


def test_download_the_filtered_csv(page, live, tmp_path):
    page.goto(live.url + "/events?country=GEO", wait_until="networkidle")
    with page.expect_download() as info:
        page.click("#csv")
    path = tmp_path / "events.csv"
    info.value.save_as(path)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows and all("GEO" in (r["source_country"], r["target_country"]) for r in rows)


def test_open_an_article_and_follow_an_event(page, live, shots_dir):
    page.goto(live.url + "/events?actor=USAGOV&since=2009-03-06&until=2009-03-06", wait_until="networkidle")
    page.locator("a.article-link", has_text="Clinton meets Lavrov").first.click()
    page.wait_for_url(re.compile(r".*/articles/web-a1#e-.*"))
    assert page.inner_text("h1") == "Clinton meets Lavrov in Geneva"
    assert page.locator("#article-text mark.trigger").count() == 2
    assert page.locator("#article-text mark.actor").count() == 3
    assert page.locator("#article-text .quote").count() == 1
    assert page.locator(".event-card").count() == 2
    card = page.locator("#event-1")
    assert "Praise or endorse" in card.inner_text() and "051:praised" in card.inner_text()
    page.click("#trigger-1 a.ent-label")
    assert page.evaluate("location.hash") == "#event-1"
    page.screenshot(path=str(shots_dir / "article-followed.png"), full_page=True)
    no_errors(page)


def test_scripts_in_articles_do_not_run(page, live):
    for path in ("/articles/web-xss", "/actors/RUS", "/events", "/articles", "/"):
        page.goto(live.url + path, wait_until="networkidle")
        ran = page.evaluate("Object.keys(window).filter(k => k.startsWith('__xss'))")
        assert ran == [], f"{path}: {ran}"
    assert "<script>window.__xss_title=1</script>" not in page.goto(live.url + "/articles/web-xss").text()
    assert page.inner_text("h1").startswith("<script>window.__xss_title=1</script>")
    no_errors(page)


def test_ingest_pasted_text_in_the_browser(page, live, shots_dir):
    page.goto(live.url + "/ingest", wait_until="networkidle")
    page.fill("input[name=title]", "Browser test: NATO and Russia")
    page.fill("input[name=date]", "2021-05-04")
    page.fill("textarea[name=text]", "NATO criticised Russia on Tuesday over troop movements near Ukraine.")
    page.fill("input[name=token]", live.token)
    page.click("#ingest-form button[type=submit]")
    page.wait_for_selector("#ingest-result")
    assert "new 1" in page.inner_text("#ingest-result")
    page.screenshot(path=str(shots_dir / "ingest-done.png"), full_page=True)
    page.click("#ingest-result a")
    assert page.inner_text("h1") == "Browser test: NATO and Russia"
    no_errors(page)


def test_ingest_with_a_wrong_token_is_refused(page, live):
    before = httpx.get(live.url + "/api/summary").json()["articles"]
    page.goto(live.url + "/ingest", wait_until="networkidle")
    page.fill("textarea[name=text]", "A text that must not be stored.")
    page.fill("input[name=token]", "not-the-token")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.click("#ingest-form button[type=submit]")
    assert posted.value.status == 401
    page.wait_for_selector("p.error")
    assert "valid token" in page.inner_text("p.error") and page.locator("#ingest-form").count() == 1
    assert httpx.get(live.url + "/api/summary").json()["articles"] == before
    no_errors(page, allow="401")


def test_pager_walks_the_events(page, live):
    page.goto(live.url + "/events?limit=2", wait_until="networkidle")
    first = page.locator("table.events tbody tr").all_inner_texts()
    page.click("a[rel=next]")
    page.wait_for_url(re.compile(r".*offset=2.*"))
    assert page.locator("table.events tbody tr").count() == 2
    assert page.locator("table.events tbody tr").all_inner_texts() != first
    no_errors(page)


def test_api_docs_work_offline(page, live):
    page.goto(live.url + "/docs", wait_until="networkidle")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/events" in paths and "/api/dyads/{a}/{b}" in paths
    no_errors(page)
