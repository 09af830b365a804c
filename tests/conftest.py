"""Shared fixtures: the real spaCy pipeline (once per session), stores, a CLI runner, the example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE_TXT = SHARED / "examples" / "voa-2009-03-06-clinton-lavrov.txt"
EXAMPLE_GOLD = SHARED / "examples" / "voa-2009-03-06-clinton-lavrov.gold.json"


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline (model plus dragoman's components), loaded once."""
    from dragoman.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def read(pipeline):
    """Read a text (with an optional date) into a Record."""
    from dragoman.models import Article

    def _read(text: str, date: str | None = "2020-01-15"):
        return pipeline.read(Article(text=text, date=date))

    return _read


@pytest.fixture(scope="session")
def example_record(pipeline):
    """The example article read once."""
    from dragoman.models import Article

    return pipeline.read(Article(text=EXAMPLE_TXT.read_text(), id="voa", date="2009-03-06"))


@pytest.fixture(scope="session")
def example_gold():
    return json.loads(EXAMPLE_GOLD.read_text())


@pytest.fixture
def store(tmp_path):
    """A fresh SQLite store in a temporary file."""
    from dragoman.store import open_store

    return open_store(str(tmp_path / "test.db"))


@pytest.fixture
def cli():
    """Invoke the dragoman CLI in-process: cli("events", "--format", "csv")."""
    from dragoman.cli import app

    runner = CliRunner()

    def _run(*args: str, input: str | None = None):
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return _run
