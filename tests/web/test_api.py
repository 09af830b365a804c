"""The REST API over known records: pagination, filters, article JSON, dyads, network, CSV, errors."""

from __future__ import annotations

import csv
import io

import pytest

from dragoman.models import EVENT_ROW_COLUMNS

from .conftest import TOKEN


def test_events_are_paginated_with_total_and_links(client):
    first = client.get("/api/events", params={"limit": 4}).json()
    assert first["ok"] is True and first["total"] == 9
    assert len(first["events"]) == 4 and first["prev"] is None
    assert first["next"] == "/api/events?limit=4&offset=4"
    last = client.get("/api/events", params={"limit": 4, "offset": 8}).json()
    assert len(last["events"]) == 1 and last["next"] is None and last["prev"] == "/api/events?limit=4&offset=4"
    ids = {e["event_id"] for p in (0, 4, 8) for e in client.get(f"/api/events?limit=4&offset={p}").json()["events"]}
    assert len(ids) == 9


def test_events_are_flat_rows_newest_first(client):
    rows = client.get("/api/events").json()["events"]
    assert set(EVENT_ROW_COLUMNS) <= set(rows[0])
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"country": "GEO"}, 3),
        ({"country": "geo"}, 3),
        ({"root": "19"}, 2),
        ({"root": "4"}, 3),
        ({"code": "040"}, 2),
        ({"actor": "USAGOV"}, 5),
        ({"source": "NATO"}, 1),
        ({"target": "USA"}, 1),
        ({"igo": "NATO"}, 1),
        ({"since": "2009-01-01"}, 5),
        ({"until": "2008-08"}, 4),
        ({"since": "2009-03", "until": "2009-03-31"}, 2),
        ({"q": "missile"}, 1),
        ({"country": "RUS", "root": "11"}, 2),
        ({"topic": "military"}, 2),
        ({"topic": "military", "since": "2008-08-10"}, 1),
    ],
)
def test_event_filters(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert body["total"] == expected == len(body["events"])
    assert body["filters"]


@pytest.mark.parametrize(
    "params",
    [{"country": "RUSSIA"}, {"root": "21"}, {"since": "last week"}, {"limit": 0}, {"limit": 501}, {"offset": -1}],
)
def test_bad_filters_are_400_in_the_error_shape(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 400
    body = r.json()
    assert set(body) == {"ok", "error", "status"} and body["ok"] is False and body["status"] == 400
    assert "Invalid parameter" in body["error"]


def test_article_json_is_the_record(client):
    doc = client.get("/api/articles/web-a1").json()
    assert doc["id"] == "web-a1" and doc["title"] == "Clinton meets Lavrov in Geneva"
    assert [e["code"] for e in doc["events"]] == ["040", "051"]
    assert doc["events"][0]["source"]["code"] == "USAGOV" and doc["events"][0]["trigger"]["text"] == "met"
    assert doc["quotes"][0]["kind"] == "direct" and doc["text"].startswith("Clinton met Lavrov")


def test_unknown_article_is_404(client):
    r = client.get("/api/articles/no-such-id")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "error": "No article with id 'no-such-id'.", "status": 404}


def test_articles_list(client):
    body = client.get("/api/articles", params={"limit": 2}).json()
    assert body["total"] == 5 and len(body["articles"]) == 2
    assert body["articles"][0]["date"] == "2009-07-02" and body["articles"][0]["events"] == 1
    assert client.get("/api/articles", params={"q": "lavrov"}).json()["total"] == 3


def test_dyad_series_by_month(client):
    body = client.get("/api/dyads/usa/rus").json()
    assert (body["a"], body["b"], body["directed"], body["undated"]) == ("USA", "RUS", False, 0)
    by = {r["month"]: r for r in body["rows"]}
    assert sorted(by) == ["2009-01", "2009-03", "2009-07"]
    assert {r["direction"] for r in body["rows"]} == {"USA-RUS"}
    assert (by["2009-01"]["cooperation"], by["2009-01"]["conflict"]) == (1, 1)
    assert by["2009-03"]["goldstein_sum"] == pytest.approx(4.4)
    assert by["2009-07"]["material_coop"] == 1
    directed = client.get("/api/dyads/RUS/USA", params={"directed": True}).json()["rows"]
    assert [(r["month"], r["direction"], r["events"]) for r in directed if r["direction"] == "RUS>USA"] == [
        ("2009-01", "RUS>USA", 1)
    ]


def test_network_nodes_and_edges(client):
    body = client.get("/api/network").json()
    assert {n["id"] for n in body["nodes"]} == {"USA", "RUS", "GEO", "NATO"}
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("RUS", "GEO")]["weight"] == 2 and edges[("RUS", "GEO")]["goldstein_mean"] == -10.0
    assert edges[("USA", "RUS")]["cooperation"] == 4
    assert len(client.get("/api/network", params={"root": "19"}).json()["edges"]) == 1


def test_actors_dyads_summary_timeline(client):
    actors = client.get("/api/actors", params={"limit": 2}).json()["actors"]
    assert {a["code"] for a in actors} == {"USAGOV", "RUSGOV"} and actors[0]["events"] == 5
    dyads = client.get("/api/dyads").json()["dyads"]
    assert (dyads[0]["source"], dyads[0]["target"], dyads[0]["events"]) == ("RUS", "USA", 5)
    s = client.get("/api/summary").json()
    assert (s["articles"], s["events"], s["quotes"]) == (5, 9, 2)
    assert (s["first_date"], s["last_date"]) == ("2008-08-08", "2009-07-02")
    t = client.get("/api/timeline").json()["timeline"]
    assert sum(r["events"] for r in t) == 9
    assert {r["quad_class"] for r in t if r["month"] == "2008-08"} == {1, 3, 4}


def test_actor_profile(client):
    body = client.get("/api/actors/RUS").json()
    assert body["events"] == 8 and body["as_source"] == 3 and body["as_target"] == 5
    assert {r["root"] for r in body["roots"]} == {"04", "05", "11", "19"}
    assert client.get("/api/actors/XYZ").status_code == 404


def test_csv_download_has_the_flat_columns_and_the_filter(client):
    r = client.get("/api/events.csv", params={"country": "GEO"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == list(EVENT_ROW_COLUMNS) and len(rows) == 3
    assert all("GEO" in (row["source_country"], row["target_country"]) for row in rows)


def test_csv_cells_cannot_be_formulas():
    from dragoman.web.api import csv_safe

    assert csv_safe('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert csv_safe("@SUM(A1)") == "'@SUM(A1)" and csv_safe("Clinton") == "Clinton"
    assert csv_safe(-10.0) == -10.0


def test_post_articles_codes_and_stores_with_the_token(client):
    text = "Russia and Georgia\n\nRussian troops attacked Georgian positions near Gori on Friday."
    body = {"articles": [{"id": "posted-1", "title": "Gori", "text": text, "date": "2008-08-08"}]}
    r = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["ok"] and out["new"] == 1 and out["articles"][0]["id"] == "posted-1"
    assert client.get("/api/articles/posted-1").json()["text"] == text
    again = client.post("/api/articles", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["new"] == 0 and again["existing"] == 1


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_post_articles_needs_the_token(client, headers):
    r = client.post("/api/articles", json={"articles": [{"text": "x y z"}]}, headers=headers)
    assert r.status_code == 401
    assert r.json()["status"] == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/summary").json()["articles"] == 5


def test_writes_are_disabled_without_a_token(known_store):
    from fastapi.testclient import TestClient

    from dragoman.web import create_app

    c = TestClient(create_app(store=known_store, token=""))
    r = c.post("/api/articles", json={"articles": [{"text": "x"}]}, headers={"Authorization": "Bearer "})
    assert r.status_code == 403 and "disabled" in r.json()["error"]
    assert "Writes are disabled" in c.get("/ingest").text
