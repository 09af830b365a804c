"""Overview figures for dashboards: the monthly timeline and the busiest dyads.

Example:
    >>> from dragoman.analysis import timeline, top_dyads
    >>> timeline(store, country="RUS")[:2]
    [{'month': '2008-08', 'quad_class': 4, 'events': 12, 'goldstein_sum': -98.0}, ...]
    >>> top_dyads(store, limit=5, directed=False)
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select

from ..store.queries import event_conditions
from ..store.schema import events as E
from ..store.store import Store


def timeline(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """Events per month and quad class with their Goldstein sum (month-or-better dates only)."""
    month = func.substr(E.c.date, 1, 7)
    q = (
        select(
            month.label("month"),
            E.c.quad_class,
            func.count().label("events"),
            func.sum(E.c.goldstein).label("goldstein_sum"),
        )
        .where(func.length(E.c.date) >= 7, *event_conditions(filters))
        .group_by(month, E.c.quad_class)
        .order_by(month, E.c.quad_class)
    )
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        r["goldstein_sum"] = round(float(r["goldstein_sum"] or 0.0), 6)
    return rows


def top_dyads(store: Store, limit: int = 10, directed: bool = True, **filters: Any) -> list[dict[str, Any]]:
    """The dyads with most events: ``source, target, events, cooperation, conflict, goldstein_mean``.

    A side is its country or IGO, else its actor code. ``directed=False`` adds A->B and B->A
    up under the alphabetically first order.
    """
    src: Any = func.coalesce(E.c.source_key, E.c.source_code)
    tgt: Any = func.coalesce(E.c.target_key, E.c.target_code)
    if not directed:
        src, tgt = case((src <= tgt, src), else_=tgt), case((src <= tgt, tgt), else_=src)
    n = func.count()
    coop = func.sum(case((E.c.quad_class <= 2, 1), else_=0))
    q = (
        select(
            src.label("source"),
            tgt.label("target"),
            n.label("events"),
            coop.label("cooperation"),
            func.avg(E.c.goldstein).label("goldstein_mean"),
        )
        .where(src.is_not(None), tgt.is_not(None), src != tgt, *event_conditions(filters))
        .group_by(src, tgt)
        .order_by(n.desc(), src, tgt)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        r["cooperation"] = int(r["cooperation"] or 0)
        r["conflict"] = r["events"] - r["cooperation"]
        r["goldstein_mean"] = round(float(r["goldstein_mean"] or 0.0), 4)
    return rows
