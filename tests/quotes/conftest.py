"""Fixtures for the quotation tests: read a text through the real pipeline."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def quotes_of(pipeline):
    """The ``doc._.dragoman_quotes`` of a text read by the full pipeline."""
    from dragoman.models import Article

    def _quotes(text: str, date: str = "2020-01-15") -> list[dict]:
        _article, doc = next(pipeline.docs([Article(text=text, date=date)], workers=1))
        return list(doc._.dragoman_quotes)

    return _quotes


def only(quotes: list[dict], fragment: str) -> dict:
    """The one quotation whose text holds ``fragment``."""
    found = [q for q in quotes if fragment in q["text"]]
    assert len(found) == 1, f"{fragment!r} in {[q['text'] for q in quotes]}"
    return found[0]


def speaker_words(q: dict) -> str:
    sp = q["speaker"] or {}
    return f"{sp.get('text')} | {sp.get('name')}"
