"""Every actor of the example's gold reading resolves as listed."""

from __future__ import annotations

from tests.conftest import EXAMPLE_TXT


def _key(m):
    return m.get("code") if not m.get("igo") else m["igo"]


def test_gold_actors_resolve(actors, example_gold):
    mentions = actors(EXAMPLE_TXT.read_text(), example_gold["document"]["date"])
    for g in example_gold["actors"]:
        hits = [m for m in mentions
                if m["text"] == g["mention"] or (g["mention"] in m["text"] and m["kind"] == "person")]
        assert hits, f"{g['mention']} not found"
        if g["code"].startswith("IGO"):
            assert all(m["igo"] == g["mention"] for m in hits)
        else:
            actors_ = [m for m in hits if not m.get("locative")]
            assert actors_ and all(m["code"] == g["code"] for m in actors_), (g, [(m["text"], m["code"]) for m in hits])


def test_in_the_example_brussels_is_a_place_and_she_is_clinton(actors, example_gold):
    mentions = actors(EXAMPLE_TXT.read_text(), "2009-03-06")
    brussels = [m for m in mentions if m["text"] == "Brussels"]
    assert brussels and all(m.get("locative") for m in brussels)
    she = [m for m in mentions if m["text"].lower() == "she"]
    assert she and all(mentions[m["ref"]]["name"] == "Hillary Clinton" for m in she)


def test_the_two_sides_are_clinton_and_lavrov(actors):
    mentions = actors(EXAMPLE_TXT.read_text(), "2009-03-06")
    sides = next(m for m in mentions if m["text"] == "the two sides")
    assert {mentions[k]["country"] for k in sides["members"]} == {"USA", "RUS"}
