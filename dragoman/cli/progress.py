"""A progress bar on a terminal (articles/s, events, rejects); nothing when piped."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..batch import Summary


@contextmanager
def progress_bar(label: str, enabled: bool | None = None) -> Iterator[object]:
    """Yields a callback taking a Summary; shows a live line on stderr when it is a terminal."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield None
        return
    cols = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        TextColumn("{task.fields[stats]}"),
        TimeElapsedColumn(),
    )
    with Progress(*cols, transient=True, refresh_per_second=4) as bar:
        task = bar.add_task(label, total=None, stats="")

        def update(s: Summary) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            done = s.new + s.duplicate + s.existing
            rate = done / elapsed if elapsed > 0 else 0.0
            bar.update(
                task,
                stats=f"{s.read} read, {s.new} new ({rate:.1f} articles/s), {s.events} events, "
                f"{s.duplicate} duplicate, {s.existing} already stored, {s.rejected} rejected",
            )

        yield update
