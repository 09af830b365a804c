"""Export, then ``load`` into an empty store: the same events come back (on the fields a format carries)."""

from __future__ import annotations

import pytest

from dragoman.export import export
from dragoman.models import EVENT_ROW_COLUMNS
from dragoman.store.load import load

ACTOR = ("code", "name", "country", "igo", "sectors")
GDELT = (
    "event_id",
    "article_id",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "date",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "place_geonameid",
    "sentence",
    "trigger_start",
    "source_start",
    "target_start",
    *[f"{s}_{f}" for s in ("source", "target") for f in ACTOR],
)
PHOENIX = (
    "article_id",
    "sentence",
    "date",
    "code",
    "root",
    "quad_class",
    "goldstein",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "issues",
    *[f"{s}_{f}" for s in ("source", "target") for f in ("code", "country", "igo", "sectors")],
)
ICEWS = (
    "article_id",
    "sentence",
    "date",
    "code",
    "name",
    "root",
    "quad_class",
    "goldstein",
    "place_name",
    "place_country",
    "lat",
    "lon",
    *[f"{s}_{f}" for s in ("source", "target") for f in ("label", "country", "sectors")],
)


def _project(rows, fields):
    def value(r, f):
        if f.endswith("_label"):  # ICEWS writes the actor's name, else its text
            side = f.split("_")[0]
            return r[f"{side}_name"] or r[f"{side}_text"]
        return r[f]

    return sorted(tuple(str(value(r, f)) for f in fields) for r in rows)


def _roundtrip(src, dst, fmt, tmp_path, name="out"):
    result = export(src, fmt, tmp_path / name, **({}))
    summary = load(dst, [result.path])
    return result, summary


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_flat_rows_come_back_exactly(sample_store, fresh_store, tmp_path, fmt):
    result, summary = _roundtrip(sample_store, fresh_store, fmt, tmp_path, f"events.{fmt}")
    assert result.events == 9 and summary.events == 9 and summary.bad_rows == 0
    assert summary.stubs == 4  # the articles with events, known from their rows only
    assert fresh_store.events() == sample_store.events()
    rec = fresh_store.record("voa-2009-03-06")
    assert [e.code for e in rec.events] == ["043", "036", "112"] and rec.article.source is None


def test_article_jsonl_gives_back_everything(sample_store, fresh_store, tmp_path):
    result, summary = _roundtrip(sample_store, fresh_store, "jsonl", tmp_path, "articles.jsonl")
    assert (result.articles, result.events) == (6, 9) and (summary.articles, summary.events) == (6, 9)
    assert fresh_store.events() == sample_store.events()
    for aid in ("voa_2008_08_10", "voa-2009-03-06", "a3", "a4", "a5", "a4-copy"):
        assert fresh_store.record(aid) == sample_store.record(aid)
    assert fresh_store.summary() == sample_store.summary()
    assert fresh_store.mentions() == sample_store.mentions()  # with the duplicate's, kind and all
    assert fresh_store.unique_events() == sample_store.unique_events()
    assert load(fresh_store, [result.path]).articles == 0  # again: nothing new


def test_gdelt_gives_back_the_fields_it_carries(sample_store, fresh_store, tmp_path):
    result, summary = _roundtrip(sample_store, fresh_store, "gdelt", tmp_path, "x.export.CSV")
    assert result.extra == [tmp_path / "x.mentions.CSV"] and summary.events == 9
    back, orig = fresh_store.events(), sample_store.events()
    assert _project(back, GDELT) == _project(orig, GDELT)  # same event ids: offsets and codes carried
    assert sorted(r["confidence"] for r in back) == pytest.approx(sorted(r["confidence"] for r in orig))


def test_gdelt_counts_and_mentions_come_from_the_store(sample_store, tmp_path):
    export(sample_store, "gdelt", tmp_path / "m.export.CSV", code="057")
    events = [line.split("\t") for line in (tmp_path / "m.export.CSV").read_text().splitlines()]
    mentions = [line.split("\t") for line in (tmp_path / "m.mentions.CSV").read_text().splitlines()]
    # one reported event (same date, actors, code) in a3 and a4, and a4-copy duplicates a4
    assert [e[31:34] for e in events] == [["3", "2", "3"], ["3", "2", "3"]]  # mentions, sources, articles
    assert len(mentions) == 3 and "<KIND>exact</KIND>" in mentions[-1][15]
    assert mentions[-1][5] == "a4-copy" and mentions[-2][0] == mentions[-1][0]


def test_phoenix_gives_back_the_fields_it_carries(sample_store, fresh_store, tmp_path):
    result, summary = _roundtrip(sample_store, fresh_store, "phoenix", tmp_path, "events.tsv")
    assert (result.events, result.lines, summary.events) == (9, 8, 9)  # two 057s of 2009-03-20 merged
    assert _project(fresh_store.events(), PHOENIX) == _project(sample_store.events(), PHOENIX)


def test_icews_gives_back_the_fields_it_carries(sample_store, fresh_store, tmp_path):
    _, summary = _roundtrip(sample_store, fresh_store, "icews", tmp_path, "events.tab")
    assert summary.events == 9
    assert _project(fresh_store.events(), ICEWS) == _project(sample_store.events(), ICEWS)
    assert fresh_store.count_events(source="NATO") == 0  # ICEWS has no column for IGOs


def test_plover_gives_back_its_events_exactly(sample_store, fresh_store, tmp_path):
    result, summary = _roundtrip(sample_store, fresh_store, "plover", tmp_path, "events.jsonl")
    assert (result.events, result.skipped) == (8, 1)  # the 010 statement has no PLOVER type
    expected = [r for r in sample_store.events() if r["plover_type"]]
    assert summary.events == 8 and fresh_store.events() == expected


def test_a_filtered_export_holds_only_matching_events(sample_store, fresh_store, tmp_path):
    result = export(sample_store, "jsonl", tmp_path / "geo.jsonl", country="GEO")
    assert (result.articles, result.events) == (2, 2)
    load(fresh_store, [result.path])
    assert fresh_store.events() == sample_store.events(country="GEO")
    assert len(fresh_store.record("a3").events) == 1


def test_csv_header_is_the_flat_row(sample_store, tmp_path):
    export(sample_store, "csv", tmp_path / "e.csv", since="2009")
    header = (tmp_path / "e.csv").read_text().splitlines()[0]
    assert header.split(",") == list(EVENT_ROW_COLUMNS)
