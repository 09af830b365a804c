"""Dyad series, actor network and top events on both backends (sample data from tests/store/sample.py)."""

from __future__ import annotations

import pytest

from dragoman.analysis import SERIES_COLUMNS, actor_network, dyad_series, top_events
from dragoman.analysis.dyads import months
from dragoman.errors import ConfigError


def _by(series):
    return {(r["month"], r["direction"]): r for r in series.rows}


def test_dyad_series_counts_both_directions_by_month(sample_store):
    s = dyad_series(sample_store, "usa", "RUS")
    assert len(s.rows) == 16 and s.rows[0]["month"] == "2008-08" and s.rows[-1]["month"] == "2009-03"
    cells = _by(s)
    aug, mar = cells[("2008-08", "USA>RUS")], cells[("2009-03", "USA>RUS")]
    assert (aug["events"], aug["verbal_conflict"], aug["goldstein_sum"], aug["goldstein_mean"]) == (1, 1, -2.0, -2.0)
    assert (mar["events"], mar["verbal_coop"], mar["goldstein_sum"]) == (3, 3, 18.8)
    assert mar["goldstein_mean"] == pytest.approx(6.2667)
    assert cells[("2009-03", "RUS>USA")]["events"] == 0 and cells[("2008-12", "USA>RUS")]["events"] == 0
    assert s.totals() == {"USA>RUS": 4, "RUS>USA": 0}
    assert list(s.to_frame().columns) == list(SERIES_COLUMNS)


def test_dyad_series_filters(sample_store):
    assert _by(dyad_series(sample_store, "USA", "RUS", topic="nuclear"))[("2009-03", "USA>RUS")]["events"] == 2
    assert [r["month"] for r in dyad_series(sample_store, "USA", "RUS", since="2009").rows][::2] == [
        "2009-01",
        "2009-02",
        "2009-03",
    ]
    assert dyad_series(sample_store, "USA", "RUS", until="2008-12", fill=False).totals() == {"USA>RUS": 1}
    assert dyad_series(sample_store, "USAGOV", "RUS").totals() == {"USAGOV>RUS": 1, "RUS>USAGOV": 0}  # a full code
    assert dyad_series(sample_store, "CHN", "RUS").rows == []


def test_dyad_series_with_an_igo_and_a_year_only_date(sample_store):
    s = dyad_series(sample_store, "RUS", "NATO")
    assert s.undated == 1  # RUS accused NATO in "2009"
    assert [(r["direction"], r["events"], r["verbal_coop"]) for r in s.rows] == [("RUS>NATO", 0, 0), ("NATO>RUS", 1, 1)]


def test_actor_network(sample_store):
    net = actor_network(sample_store)
    assert len(net.edges) == 6
    assert net.edges[0] == {
        "source": "USA",
        "target": "RUS",
        "quad_class": 1,
        "weight": 3,
        "goldstein_sum": 18.8,
        "goldstein_mean": 6.2667,
    }
    nodes = {n["id"]: n for n in net.nodes}
    assert net.nodes[0]["id"] == "RUS" and (nodes["RUS"]["in"], nodes["RUS"]["out"]) == (6, 2)
    assert len(actor_network(sample_store, min_weight=2).edges) == 1
    assert len(actor_network(sample_store, since="2009", until="2009-03-06").edges) == 3
    by_code = {
        (e["source"], e["target"], e["quad_class"]): e["weight"]
        for e in actor_network(sample_store, level="code").edges
    }
    assert by_code[("USAGOV", "RUSGOV", 1)] == 1 and by_code[("USA", "RUS", 1)] == 2
    nodes_df, edges_df = net.to_frames()
    assert len(nodes_df) == 4 and edges_df["weight"].sum() == 8
    with pytest.raises(ConfigError):
        actor_network(sample_store, level="planet")


@pytest.mark.parametrize(
    ("order", "codes"),
    [
        ("intensity", ["190", "057", "057", "173"]),
        ("conflict", ["190", "173", "112", "111"]),
        ("cooperation", ["057", "057", "036", "043"]),
    ],
)
def test_top_events(sample_store, order, codes):
    assert [r["code"] for r in top_events(sample_store, n=4, order=order)] == codes


def test_top_events_in_a_range(sample_store):
    assert [r["code"] for r in top_events(sample_store, n=2, since="2009-03-06", country="GEO")] == ["173"]


def test_months_span_precisions():
    assert months("2008-11-05", "2009-02") == ["2008-11", "2008-12", "2009-01", "2009-02"]
    assert months("2009", "2009")[-1] == "2009-12"


def test_undirected_series_and_collapsed_network(sample_store):
    s = dyad_series(sample_store, "RUS", "USA", directed=False, since="2009-03")
    assert [(r["direction"], r["events"], r["cooperation"], r["conflict"]) for r in s.rows] == [("RUS-USA", 3, 3, 0)]
    net = actor_network(sample_store, by_quad=False, top_nodes=2)
    assert [(e["source"], e["target"], e["weight"], e["cooperation"], e["conflict"]) for e in net.edges] == [
        ("USA", "RUS", 4, 3, 1)
    ]


def test_timeline_and_top_dyads(sample_store):
    from dragoman.analysis import timeline, top_dyads

    assert timeline(sample_store, country="GEO") == [
        {"month": "2008-08", "quad_class": 4, "events": 1, "goldstein_sum": -10.0},
        {"month": "2009-03", "quad_class": 4, "events": 1, "goldstein_sum": -5.0},
    ]
    assert top_dyads(sample_store, limit=1)[0] == {
        "source": "USA",
        "target": "RUS",
        "events": 4,
        "cooperation": 3,
        "goldstein_mean": 4.2,
        "conflict": 1,
    }
    undirected = {(d["source"], d["target"]): d["events"] for d in top_dyads(sample_store, directed=False)}
    assert undirected[("NATO", "RUS")] == 2 and undirected[("GEO", "RUS")] == 2


def test_free_text_and_summary_actor_count(sample_store):
    assert sorted(r["code"] for r in sample_store.events(q="lavrov")) == ["043"]
    assert sample_store.summary()["actors"] == 7
