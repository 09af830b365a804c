"""Short reports in the style of the example, with gold events in the example's gold format.

Two development sets: ``reports/`` (written with the coder, tuned on) and ``heldout_dev/`` (40
reports written independently of the coder; first scored untouched, then used for development:
see its README). A further set of the same kind is held back and scored separately. Gold events
marked "optional" are neither required nor counted against precision.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.evaluate.reports import load_folder, score_reports

HERE = Path(__file__).parent

#: folder -> (pinned precision, pinned recall); measured figures in the comments
PINS = {
    "reports": (0.80, 0.93),  # 2026-11-27: P 0.828 R 0.945 (30 reports, 127 required events)
    # 2026-11-27: P 0.614 R 0.642 (before the target-choice work P 0.429 R 0.419; untouched: P 0.390 R 0.346)
    "heldout_dev": (0.59, 0.62),
}


@pytest.mark.parametrize("folder", sorted(PINS))
def test_reports_are_well_formed(folder):
    reports = load_folder(HERE / folder)
    assert len(reports) >= 20
    roots = set()
    for _, text, gold in reports:
        assert text.splitlines()[0] == gold["document"]["title"]
        for e in gold["events"]:
            assert {"src", "tgt", "roots"} <= set(e) and all(len(r) == 2 for r in e["roots"])
            roots.update(e["roots"])
    assert len(roots) >= 17  # nearly all CAMEO roots appear


@pytest.mark.slow
@pytest.mark.parametrize("folder", sorted(PINS))
def test_reports_precision_and_recall(pipeline, folder):
    sc = score_reports(load_folder(HERE / folder), pipeline).events
    precision, recall = PINS[folder]
    assert sc.precision >= precision, sc.extras
    assert sc.recall >= recall, sc.misses


if __name__ == "__main__":  # .venv/bin/python -m tests.coding.test_reports
    from dragoman.pipeline import Pipeline

    pipe = Pipeline()
    for name in sorted(PINS):
        r = score_reports(load_folder(HERE / name), pipe)
        sc = r.events
        print(f"{name}: P={sc.precision:.3f} R={sc.recall:.3f} F1={sc.f1:.3f} (tp {sc.tp}, fp {sc.fp}, fn {sc.fn})")
