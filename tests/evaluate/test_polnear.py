"""The PolNeAR scorer on a small BRAT folder written here: kinds, matching, metrics."""

from __future__ import annotations

import pytest

from dragoman.evaluate.polnear import _Tally, gold_kind, load_split, score_doc

TEXT = '"We will win," Ana said. Bo said that taxes would rise. Cy called it a "mess" today.'


def _span(fragment: str, after: int = 0) -> tuple[int, int]:
    i = TEXT.index(fragment, after)
    return i, i + len(fragment)


@pytest.fixture
def split(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a1.txt").write_text(TEXT, encoding="utf-8")
    rows = []
    for n, (src, cue, content) in enumerate(
        [("Ana", "said", '"We will win,"'), ("Bo", "said", "taxes would rise"), ("Cy", "called", 'it a "mess"')]
    ):
        s = _span(src)
        c, t = _span(cue, s[1]), _span(content)
        ids = [f"T{3 * n + k}" for k in (1, 2, 3)]
        rows += [
            f"{ids[0]}\tSource {s[0]} {s[1]}\t{src}",
            f"{ids[1]}\tCue {c[0]} {c[1]}\t{cue}",
            f"{ids[2]}\tContent {t[0]} {t[1]}\t{content}",
            f"E{n + 1}\tAttribution:{ids[1]} Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}",
        ]
    (tmp_path / "attributions" / "a1_ab12.ann").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "attributions" / "a1_cd34.ann").write_text("", encoding="utf-8")  # a second annotator
    return tmp_path


def test_load_split_reads_one_annotation_per_article(split):
    (doc,) = load_split(split)
    assert [a.kind for a in doc.attributions] == ["direct", "indirect", "mixed"]
    assert TEXT[slice(*doc.attributions[0].source[0])] == "Ana"


@pytest.mark.parametrize(
    "content, kind",
    [
        ('"We will win,"', "direct"),
        ('that "we will win."', "direct"),
        ("taxes would rise", "indirect"),
        ('taxes would "rise sharply"', "mixed"),
    ],
)
def test_gold_kind(content, kind):
    assert gold_kind(content, [(0, len(content))]) == kind


def _quote(fragment, kind, speaker, group):
    s, e = _span(fragment)
    ss, se = _span(speaker)
    return {
        "text": fragment,
        "kind": kind,
        "start": s,
        "end": e,
        "group": group,
        "speaker": {"text": speaker, "start": ss, "end": se},
    }


def test_scores_count_content_words_and_speakers(split):
    (doc,) = load_split(split)
    tallies = {k: _Tally() for k in ("direct", "mixed", "indirect", "all")}
    misses: list[str] = []
    quotes = [
        _quote("We will win,", "direct", "Ana", 0),
        _quote("taxes would", "indirect", "Cy", 1),  # half the content, the wrong speaker
    ]
    score_doc(doc, quotes, tallies, misses)
    direct, indirect, mixed = (tallies[k].scores() for k in ("direct", "indirect", "mixed"))
    assert direct == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "speaker_acc": 1.0}
    assert indirect["precision"] == 1.0 and indirect["recall"] == pytest.approx(2 / 3)
    assert indirect["speaker_acc"] == 0.0
    assert mixed["recall"] == 0.0 and tallies["mixed"].matched == 0
    assert tallies["all"].gold == 3 and tallies["all"].system == 2
    assert misses == []  # misses list direct quotations only


def test_a_missed_direct_quotation_is_a_speaker_miss(split):
    (doc,) = load_split(split)
    tallies = {k: _Tally() for k in ("direct", "mixed", "indirect", "all")}
    misses: list[str] = []
    score_doc(doc, [], tallies, misses)
    assert tallies["direct"].scores()["speaker_acc"] == 0.0
    assert len(misses) == 1 and "(not found)" in misses[0]
