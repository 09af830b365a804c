"""Helpers for the coder's tests: read a text with the real pipeline and list its events."""

from __future__ import annotations

import pytest


def _key(actor: dict | None) -> str | None:
    if not actor:
        return None
    return actor.get("country") or actor.get("igo")


@pytest.fixture(scope="session")
def events(read):
    """events("Russia attacked Georgia.") -> [("RUS", "GEO", "190"), ...] (source, target, code)."""

    def _events(text: str, date: str = "2015-06-01") -> list[tuple[str | None, str | None, str]]:
        rec = read(text, date)
        return [(_key(e["source"]), _key(e["target"]), e["code"]) for e in rec.to_json()["events"]]

    return _events


def roots(evs: list[tuple[str | None, str | None, str]]) -> set[tuple[str | None, str | None, str]]:
    """(source, target, CAMEO root) of events."""
    return {(s, t, c[:2]) for s, t, c in evs}
