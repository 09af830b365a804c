"""The model article: its four Clinton quotations, attributed to Clinton, in the Record JSON."""

from __future__ import annotations


def _norm(s: str | None) -> str:
    return " ".join((s or "").replace("\u2019", "'").split()).lower()


def test_the_four_clinton_quotations(example_record, example_gold):
    quotes = example_record.to_json()["quotes"]
    for gold in example_gold["quotes"]:
        found = [q for q in quotes if _norm(gold["fragment"]) in _norm(q["text"])]
        assert found, gold["fragment"]
        sp = found[0]["speaker"] or {}
        assert "clinton" in _norm(sp.get("text")) + " " + _norm(sp.get("name")), found[0]
        assert sp.get("country") == "USA"


def test_direct_quotations_of_the_example(example_record):
    direct = [q for q in example_record.quotes if q.kind == "direct"]
    assert len(direct) == 4
    assert len({q.group for q in direct}) == 3  # one of them is split by "Clinton said."
    text = example_record.article.text
    assert all(text[q.start : q.end] == q.text for q in direct)


def test_the_she_of_the_missile_defence_quotation_is_clinton(example_record):
    (q,) = [q for q in example_record.quotes if "right to defend itself" in q.text]
    assert q.speaker is not None and q.speaker.text == "she"
    assert q.speaker.name == "Hillary Clinton"
