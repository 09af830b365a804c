"""Fixtures for the place tests: a Doc read by the whole pipeline, with its article date."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def parse(nlp):
    """Run the full pipeline on a text with an article date; returns the Doc."""

    def _parse(text: str, date: str | None = "2009-03-06"):
        doc = nlp.make_doc(text)
        doc._.dragoman_meta = {"date": date}
        return nlp(doc)

    return _parse


def token(doc, word: str, nth: int = 0) -> int:
    """The index of the ``nth`` token spelled ``word``."""
    return [t.i for t in doc if t.text == word][nth]
