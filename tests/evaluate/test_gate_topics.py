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
    assert f["record_share"] >= 0.75, report.line()  # target 0.70
    assert f["contexts_per_record"] <= 2.0, report.line()  # keep it small
    assert f["context_precision"] >= 0.45, report.line()
    if f["events_matched"] >= 20:  # once the coder emits events for the records
        assert f["event_share"] >= 0.65, report.line()
        assert f["contexts_per_event"] <= 2.2, report.line()
