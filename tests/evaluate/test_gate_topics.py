"""Quality gate for topic tagging: PLOVER contexts on the PLOVER gold-standard records.

Pinned figures (``dragoman evaluate plover-context``); the test fails when one drops.
"""

from __future__ import annotations

from dragoman.evaluate import SUITES
from tests.conftest import SHARED


def test_plover_context_gate():
    report = SUITES["plover-context"](SHARED, None)
    f = report.figures
    assert f["records"] >= 150
    assert f["record_share"] >= 0.75, report.line()  # target 0.70; 0.787 on 2026-11-27
    assert f["contexts_per_record"] <= 2.0, report.line()  # keep it small; 1.742
    assert f["context_precision"] >= 0.45, report.line()  # 0.507
    # on the events the coder emits, matched to the records (86 of 155 on 2026-11-27)
    assert f["events_matched"] >= 40, report.line()
    assert f["event_share"] >= 0.75, report.line()  # 0.826 on 2026-11-27
    assert f["contexts_per_event"] <= 2.1, report.line()  # 1.919
    assert f["event_context_precision"] >= 0.42, report.line()  # 0.491
