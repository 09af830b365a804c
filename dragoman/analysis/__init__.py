"""Analysis over the store: dyadic time series, the actor network, the most intense events.

Example:
    >>> from dragoman import open_store
    >>> from dragoman.analysis import actor_network, dyad_series, top_events
    >>> store = open_store("dragoman.db")
    >>> dyad_series(store, "USA", "RUS", since="2008-01").to_frame()
    >>> actor_network(store, min_weight=3).to_json()
    >>> top_events(store, n=10, order="conflict")
    >>> timeline(store, topic="nuclear"), top_dyads(store, limit=5)

Store methods cover the rest: ``events``/``events_page``/``count_events``, ``quotes``,
``actors``, ``articles``, ``record`` and ``summary`` (see ``dragoman.store.queries``).
"""

from __future__ import annotations

from .dyads import QUADS, SERIES_COLUMNS, DyadSeries, dyad_series
from .network import EDGE_COLUMNS, NODE_COLUMNS, Network, actor_network, top_events
from .overview import timeline, top_dyads

__all__ = [
    "EDGE_COLUMNS",
    "NODE_COLUMNS",
    "QUADS",
    "SERIES_COLUMNS",
    "DyadSeries",
    "Network",
    "actor_network",
    "dyad_series",
    "timeline",
    "top_dyads",
    "top_events",
]
