"""The bundled sample corpus: enough dated, titled reports for the demo and the dashboard."""

from __future__ import annotations

import re
from collections import Counter

from dragoman.ingest import read_sources
from dragoman.ingest.sample import SAMPLE_DIR, sample_sources
from dragoman.models import Article


def _sample_articles() -> list[Article]:
    return [a for a in read_sources(sample_sources()) if isinstance(a, Article)]


def test_sample_has_enough_titled_dated_articles():
    arts = _sample_articles()
    assert len(arts) >= 41
    for a in arts:
        assert a.title and len(a.title) > 10, a.origin
        assert a.date and "2000-01-01" <= a.date <= "2026-12-31", (a.origin, a.date)


def test_sample_file_names_carry_the_article_date():
    for a in _sample_articles():
        name = str(a.origin).rsplit("/", 1)[-1]
        m = re.match(r"(\d{4}-\d{2}-\d{2})-[a-z0-9-]+\.txt$", name)
        if name.startswith("voa-"):
            continue
        assert m, name
        assert m.group(1) == a.date, name


def test_sample_spreads_over_the_years_and_names_its_sources():
    years = Counter(a.date[:4] for a in _sample_articles() if a.date)
    assert len(years) >= 20
    assert max(years.values()) <= 12
    readme = (SAMPLE_DIR / "README.md").read_text(encoding="utf-8")
    assert "Voice of America" in readme and "CC0" in readme
