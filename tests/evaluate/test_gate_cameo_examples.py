"""Quality gate of the lexicon: the CAMEO codebook's example sentences, coded by root and by code.

Each figure fails the test when it drops below its pinned value. When coverage grows, raise
the pins; never lower them to pass.
"""

from __future__ import annotations

import pytest

from dragoman.config import Settings
from dragoman.evaluate import SUITES
from dragoman.evaluate.cameo_examples import read_examples

from ..conftest import SHARED

#: figure -> pinned minimum (measured 2026-11-28: before the lexicon work root 0.661, code 0.321)
PINS = {"root_share": 0.66, "code_share": 0.32}


def test_examples_are_read_whole():
    cases = read_examples(SHARED / "data" / "cameo" / "cameo-codes.csv")
    assert len(cases) > 270  # 277 of the 312 codes have an example
    assert all(c["root"] == c["code"][:2] for c in cases)
    assert not any("\u201a\u00c4" in c["text"] for c in cases)  # the mojibake is repaired
    assert any("\u2019" in c["text"] for c in cases)


@pytest.mark.slow
def test_codebook_examples_do_not_drop():
    report = SUITES["cameo-examples"](SHARED, Settings())
    for figure, pinned in PINS.items():
        assert report.figures[figure] >= pinned, f"{figure} {report.figures[figure]:.3f} < {pinned}"
    assert len(report.table) == 20, "a row per CAMEO root"
