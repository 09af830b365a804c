"""`dragoman evaluate reports`: events, quotes, places and dates of report folders against their gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dragoman.errors import EvaluationError
from dragoman.evaluate.reports import evaluate_reports, place_found, quote_found

TEXT = """Russia Sends Troops Into Georgia

08 August 2008

Russian troops attacked Georgia on Friday near the town of Gori.

"We will defend our citizens," Russian President Dmitry Medvedev said in Moscow.
"""

GOLD = {
    "document": {"title": "Russia Sends Troops Into Georgia", "date": "2008-08-08"},
    "events": [
        {"src": "RUS", "tgt": "GEO", "roots": ["19", "18"], "date": "2008-08-08", "evidence": "attacked Georgia"},
        {"src": "GEO", "tgt": "RUS", "roots": ["04"], "sym": True, "evidence": "not in the text: a miss"},
    ],
    "quotes": [{"speaker": "Medvedev", "fragment": "We will defend our citizens"}],
    "places": [
        {"name": "Gori", "country": "GEO", "lat": 41.98, "lon": 44.11},
        {"name": "Gori", "country": "GEO", "lat": 10.0, "lon": 10.0},  # wrong coordinates: never found
    ],
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("reports")
    (d / "01-russia-georgia.txt").write_text(TEXT, encoding="utf-8")
    (d / "01-russia-georgia.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return d


def test_quote_and_place_matching():
    doc = {
        "quotes": [{"text": "\u201cWe will defend our citizens,\u201d", "speaker": {"text": "Dmitry Medvedev"}}],
        "places": [{"name": "Gori", "country": "GEO", "lat": 41.9, "lon": 44.2}],
    }
    assert quote_found({"speaker": "Medvedev", "fragment": "we will defend our citizens"}, doc)
    assert not quote_found({"speaker": "Putin", "fragment": "we will defend our citizens"}, doc)
    assert place_found({"name": "Gori", "country": "GEO", "lat": 41.98, "lon": 44.11}, doc)
    assert not place_found({"name": "Gori", "country": "GEO", "lat": 42.6, "lon": 44.11}, doc)  # 0.7 degrees off
    assert not place_found({"name": "Gori", "country": "ARM", "lat": 41.98, "lon": 44.11}, doc)


@pytest.mark.slow
def test_reports_suite_scores_a_folder(folder):
    report = evaluate_reports(Path(), None, [folder])
    f = report.figures
    assert f["reports"] == 1
    assert f["tp"] == 1 and f["fn"] == 1  # the attack found, the invented meeting missed
    assert f["quotes"] == "1/1"
    assert f["places"] == "1/2"  # the wrong coordinates are a miss
    assert f["dates"] == "1/1"
    assert any("GEO->RUS 04" in m for m in report.misses)
    assert any("place Gori" in m for m in report.misses)


@pytest.mark.slow
def test_cli_reports_option(cli, folder):
    result = cli("evaluate", "reports", "--reports", str(folder), "--misses")
    assert result.exit_code == 0, result.output
    assert "reports: reports=1" in result.output
    assert "missed:" in result.output


def test_missing_folder_is_an_error(tmp_path):
    with pytest.raises(EvaluationError):
        evaluate_reports(Path(), None, [tmp_path / "nowhere"])
