"""Dyadic time series: monthly event counts per quad class and Goldstein sums, both directions.

Example:
    >>> from dragoman.analysis import dyad_series
    >>> series = dyad_series(store, "USA", "RUS", since="2008-01", until="2009-12")
    >>> series.to_frame().pivot(index="month", columns="direction", values="goldstein_sum")
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, literal, select, union_all

from ..store.queries import dyad_condition, event_conditions, to_frame
from ..store.schema import events as E
from ..store.store import Store

#: the four quad classes of CAMEO, as column names
QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
SERIES_COLUMNS = (
    "month",
    "direction",
    "source",
    "target",
    "events",
    *QUADS.values(),
    "goldstein_sum",
    "goldstein_mean",
)


@dataclass
class DyadSeries:
    """A dyad's monthly series: one row per (month, direction), oldest first."""

    a: str
    b: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    #: events of the dyad whose date is known only to the year (left out of the months)
    undated: int = 0

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame (columns ``SERIES_COLUMNS``)."""
        return to_frame(self.rows, SERIES_COLUMNS)

    def to_json(self) -> dict[str, Any]:
        """``{"a", "b", "undated", "rows"}``."""
        return {"a": self.a, "b": self.b, "undated": self.undated, "rows": self.rows}

    def totals(self) -> dict[str, int]:
        """Events per direction over the whole series."""
        out: dict[str, int] = defaultdict(int)
        for r in self.rows:
            out[r["direction"]] += r["events"]
        return dict(out)


def side_kind(store: Store, value: str) -> bool:
    """True when ``value`` is a dyad key (country or IGO) in this store, False for a full actor code."""
    return store.has_key(value)


def dyad_series(
    store: Store,
    a: str,
    b: str,
    since: str | None = None,
    until: str | None = None,
    fill: bool = True,
    directed: bool = True,
    **filters: Any,
) -> DyadSeries:
    """Monthly counts per quad class, Goldstein sum and mean, from ``a`` to ``b`` and back.

    ``a`` and ``b`` are country ISO3 codes or IGO acronyms (``USA``, ``NATO``) or full actor
    codes (``USAGOV``). Any event filter applies too (``topic="nuclear"``, ``root="19"``).
    With ``fill``, months without events appear with zeros between the first and last month.
    ``directed=False`` adds both directions up, in rows whose direction is ``A-B``.
    """
    a, b = a.upper(), b.upper()
    a_key, b_key = side_kind(store, a), side_kind(store, b)
    rest = event_conditions(dict(filters, since=since, until=until))
    labels = _labels(a, b, directed)
    names = list(labels)
    # one SELECT per direction (each an index-only scan of the covering dyad index), added up
    directions = [(dyad_condition(a_key, a, b_key, b, True), names[0])]
    if (a, a_key) != (b, b_key):
        directions.append((dyad_condition(a_key, a, b_key, b, False), names[-1]))
    month = func.substr(E.c.date, 1, 7)
    dated = union_all(
        *[
            select(month.label("month"), literal(label).label("direction"), E.c.quad_class, E.c.goldstein).where(
                cond, func.length(E.c.date) >= 7, *rest
            )
            for cond, label in directions
        ]
    ).subquery()
    q = select(dated.c.month, dated.c.direction, dated.c.quad_class, func.count(), func.sum(dated.c.goldstein))
    q = q.group_by(dated.c.month, dated.c.direction, dated.c.quad_class)
    undated = [
        select(func.count()).select_from(E).where(cond, func.coalesce(func.length(E.c.date), 0) < 7, *rest)
        for cond, _ in directions
    ]
    with store.engine.connect() as conn:
        cells = conn.execute(q).all()
        n_undated = sum(int(conn.execute(u).scalar() or 0) for u in undated)
    rows = _pivot(cells, labels)
    if fill and rows:
        rows = _fill(rows, labels, since or rows[0]["month"], until or rows[-1]["month"])
    return DyadSeries(a, b, rows, n_undated)


def _labels(a: str, b: str, directed: bool) -> dict[str, tuple[str, str]]:
    """Direction labels, in order, with their (source, target)."""
    if not directed or a == b:
        return {f"{a}-{b}" if not directed else f"{a}>{b}": (a, b)}
    return {f"{a}>{b}": (a, b), f"{b}>{a}": (b, a)}


def _blank(month: str, direction: str, labels: dict[str, tuple[str, str]]) -> dict[str, Any]:
    src, tgt = labels[direction]
    row: dict[str, Any] = {"month": month, "direction": direction, "source": src, "target": tgt, "events": 0}
    row.update(dict.fromkeys(QUADS.values(), 0))
    row.update(cooperation=0, conflict=0, goldstein_sum=0.0, goldstein_mean=None)
    return row


def _pivot(cells: Sequence[Any], labels: dict[str, tuple[str, str]]) -> list[dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for month, direction, quad, n, gsum in cells:
        row = out.setdefault((month, direction), _blank(month, direction, labels))
        if quad in QUADS:
            row[QUADS[quad]] += int(n)
            row["cooperation" if quad <= 2 else "conflict"] += int(n)
        row["events"] += int(n)
        row["goldstein_sum"] = round(row["goldstein_sum"] + float(gsum or 0.0), 6)
    for row in out.values():
        row["goldstein_mean"] = round(row["goldstein_sum"] / row["events"], 4) if row["events"] else None
    order = {label: i for i, label in enumerate(labels)}
    return sorted(out.values(), key=lambda r: (r["month"], order.get(r["direction"], 2)))


def months(first: str, last: str) -> list[str]:
    """Every month ``YYYY-MM`` from ``first`` to ``last`` (dates of any precision)."""
    y, m = int(first[:4]), int(first[5:7]) if len(first) >= 7 else 1
    ly, lm = int(last[:4]), int(last[5:7]) if len(last) >= 7 else 12
    out = []
    while (y, m) <= (ly, lm):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _fill(
    rows: list[dict[str, Any]], labels: dict[str, tuple[str, str]], first: str, last: str
) -> list[dict[str, Any]]:
    have = {(r["month"], r["direction"]): r for r in rows}
    return [have.get((m, d)) or _blank(m, d, labels) for m in months(first, last) for d in labels]
