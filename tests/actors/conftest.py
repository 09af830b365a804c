"""Fixtures for the actor tests: read a text on a date and get its actor mentions."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def actors(nlp):
    """actors(text, date) -> doc._.dragoman_actors of the real pipeline."""

    def _read(text: str, date: str | None = "2010-06-01"):
        doc = nlp.make_doc(text)
        doc._.dragoman_meta = {"date": date}
        return nlp(doc)._.dragoman_actors

    return _read


def find(mentions, text):
    """The first mention whose text is ``text``."""
    hit = [m for m in mentions if m["text"] == text]
    assert hit, f"no mention {text!r} in {[m['text'] for m in mentions]}"
    return hit[0]
