"""The actor network (edges weighted by event counts per quad class) and the most intense events.

Example:
    >>> from dragoman.analysis import actor_network, top_events
    >>> net = actor_network(store, since="2008-01-01", min_weight=5)
    >>> net.to_json()["edges"][0]
    {'source': 'USA', 'target': 'RUS', 'quad_class': 1, 'weight': 42, ...}
    >>> top_events(store, n=10, order="conflict", country="GEO")
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from ..errors import ConfigError
from ..models import EVENT_ROW_COLUMNS
from ..store.queries import event_conditions, to_frame
from ..store.schema import events as E
from ..store.store import Store

EDGE_COLUMNS = ("source", "target", "quad_class", "weight", "goldstein_sum", "goldstein_mean")
NODE_COLUMNS = ("id", "events", "out", "in")
LEVELS = ("key", "code")
ORDERS = ("intensity", "conflict", "cooperation")


@dataclass
class Network:
    """Directed, weighted edges (one per source, target and quad class) and their nodes."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """``{"nodes": [...], "edges": [...]}``, ready for a force-directed chart."""
        return {"nodes": self.nodes, "edges": self.edges}

    def to_frames(self) -> tuple[Any, Any]:
        """(nodes, edges) as pandas DataFrames."""
        return to_frame(self.nodes, NODE_COLUMNS), to_frame(self.edges, EDGE_COLUMNS)


def actor_network(
    store: Store,
    since: str | None = None,
    until: str | None = None,
    level: str = "key",
    min_weight: int = 1,
    loops: bool = False,
    limit: int | None = None,
    by_quad: bool = True,
    top_nodes: int | None = None,
    **filters: Any,
) -> Network:
    """Who acts on whom: edges weighted by the number of events per quad class, heaviest first.

    ``level="key"`` joins actors by country or IGO; ``"code"`` keeps full actor codes
    (``USAGOV``, ``RUSMIL``). ``loops`` keeps events within one node; ``limit`` caps the edges.
    ``by_quad=False`` gives one edge per (source, target) with its ``cooperation`` (quad 1-2)
    and ``conflict`` (quad 3-4) counts; ``top_nodes`` keeps the edges among the busiest nodes.
    """
    if level not in LEVELS:
        raise ConfigError(f"[D506] Unknown network level '{level}'. Choose one of: {', '.join(LEVELS)}.")
    src, tgt = E.c[f"source_{level}"], E.c[f"target_{level}"]
    weight = func.count()
    conds = [src.is_not(None), tgt.is_not(None), *event_conditions(dict(filters, since=since, until=until))]
    if not loops:
        conds.append(src != tgt)
    q = (
        select(src, tgt, E.c.quad_class, weight, func.sum(E.c.goldstein))
        .where(*conds)
        .group_by(src, tgt, E.c.quad_class)
        .having(weight >= min_weight)
        .order_by(weight.desc(), src, tgt, E.c.quad_class)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        edges = [_edge(*r) for r in conn.execute(q).all()]
    if top_nodes is not None:
        keep = {n["id"] for n in _nodes(edges)[:top_nodes]}
        edges = [e for e in edges if e["source"] in keep and e["target"] in keep]
    if not by_quad:
        edges = _collapse(edges)
    return Network(_nodes(edges), edges)


def _collapse(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One edge per (source, target): weight, cooperation, conflict and Goldstein over the quad classes."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for e in edges:
        key = (e["source"], e["target"])
        c = out.setdefault(
            key,
            {
                "source": key[0],
                "target": key[1],
                "quad_class": None,
                "weight": 0,
                "cooperation": 0,
                "conflict": 0,
                "goldstein_sum": 0.0,
            },
        )
        c["weight"] += e["weight"]
        c["cooperation" if (e["quad_class"] or 0) <= 2 else "conflict"] += e["weight"]
        c["goldstein_sum"] = round(c["goldstein_sum"] + e["goldstein_sum"], 6)
    for c in out.values():
        c["goldstein_mean"] = round(c["goldstein_sum"] / c["weight"], 4)
    return sorted(out.values(), key=lambda c: (-c["weight"], c["source"], c["target"]))


def _edge(source: str, target: str, quad: int, n: int, gsum: float | None) -> dict[str, Any]:
    total = round(float(gsum or 0.0), 6)
    return {
        "source": source,
        "target": target,
        "quad_class": quad,
        "weight": int(n),
        "goldstein_sum": total,
        "goldstein_mean": round(total / n, 4) if n else None,
    }


def _nodes(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[str, dict[str, Any]] = defaultdict(lambda: {"events": 0, "out": 0, "in": 0})
    for e in edges:
        out[e["source"]]["out"] += e["weight"]
        out[e["target"]]["in"] += e["weight"]
    nodes = [{"id": k, "events": v["out"] + v["in"], "out": v["out"], "in": v["in"]} for k, v in out.items()]
    return sorted(nodes, key=lambda n: (-n["events"], n["id"]))


def top_events(
    store: Store,
    n: int = 20,
    since: str | None = None,
    until: str | None = None,
    order: str = "intensity",
    **filters: Any,
) -> list[dict[str, Any]]:
    """The ``n`` most intense events as flat rows.

    ``order``: ``intensity`` (largest absolute Goldstein score first), ``conflict`` (most
    negative first) or ``cooperation`` (most positive first); ties go to the newest.
    """
    if order not in ORDERS:
        raise ConfigError(f"[D507] Unknown order '{order}'. Choose one of: {', '.join(ORDERS)}.")
    g = E.c.goldstein
    key = {"intensity": func.abs(g).desc(), "conflict": g.asc(), "cooperation": g.desc()}[order]
    q = (
        select(*[E.c[c] for c in EVENT_ROW_COLUMNS])
        .where(g.is_not(None), *event_conditions(dict(filters, since=since, until=until)))
        .order_by(key, E.c.date.desc().nulls_last(), E.c.event_id)
        .limit(n)
    )
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]
