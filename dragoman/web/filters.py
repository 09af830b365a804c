"""The event filters and the page of results, parsed and checked once for the API and the pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import Query

DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
MAX_LIMIT = 500


@dataclass(frozen=True)
class EventFilters:
    """What the user asked for: the filters of ``Store.events`` under their web names."""

    actor: str | None = None
    country: str | None = None
    igo: str | None = None
    source: str | None = None
    target: str | None = None
    root: str | None = None
    code: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    topic: str | None = None

    def for_store(self) -> dict[str, Any]:
        """The keyword arguments of ``Store.events`` and the analysis functions (``EVENT_FILTERS``)."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}

    def active(self) -> dict[str, str]:
        """The filters that are set, by their web names."""
        return {k: v for k, v in asdict(self).items() if v not in (None, "")}

    def query_string(self, **extra: Any) -> str:
        """The URL query of these filters plus extra parameters (empty ones left out)."""
        items = {**self.active(), **{k: v for k, v in extra.items() if v not in (None, "")}}
        return urlencode(items)


async def event_filters(
    actor: Optional[str] = Query(None, max_length=100, description="Actor code or name, as source or target."),
    country: Optional[str] = Query(None, pattern=r"^([A-Za-z]{3})?$", description="ISO 3166 alpha-3, either side."),
    igo: Optional[str] = Query(None, max_length=20, description="Organisation acronym (NATO, EU, UN...)."),
    source: Optional[str] = Query(None, max_length=100, description="Source country, organisation or code."),
    target: Optional[str] = Query(None, max_length=100, description="Target country, organisation or code."),
    root: Optional[str] = Query(None, pattern=r"^(0?[1-9]|1[0-9]|20)?$", description="CAMEO root code, 01-20."),
    code: Optional[str] = Query(None, pattern=r"^(\d{2,4})?$", description="Full CAMEO code, e.g. 042."),
    since: Optional[str] = Query(None, pattern=DATE, description="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD."),
    until: Optional[str] = Query(None, pattern=DATE, description="Latest date: YYYY, YYYY-MM or YYYY-MM-DD."),
    q: Optional[str] = Query(None, max_length=200, description="Words in the sentence, trigger or actor names."),
    topic: Optional[str] = Query(
        None, max_length=60, pattern=r"^[A-Za-z0-9_ -]*$", description="A context or issue, e.g. military."
    ),
) -> EventFilters:
    """The event filters of a request (a FastAPI dependency, async: no thread hop); a bad value is a 400."""
    return EventFilters(
        actor=actor or None,
        country=country.upper() if country else None,
        igo=igo or None,
        source=source or None,
        target=target or None,
        root=root.zfill(2) if root else None,
        code=code or None,
        since=since or None,
        until=until or None,
        q=q or None,
        topic=topic or None,
    )


@dataclass(frozen=True)
class Page:
    """Which slice of the results: ``limit`` rows from ``offset``."""

    limit: int = 50
    offset: int = 0

    def links(self, total: int, base: str, filters: EventFilters) -> dict[str, str | None]:
        """URLs of the previous and next pages (None at either end)."""
        prev_off = max(self.offset - self.limit, 0)
        nxt = self.offset + self.limit
        return {
            "prev": f"{base}?{filters.query_string(limit=self.limit, offset=prev_off)}" if self.offset > 0 else None,
            "next": f"{base}?{filters.query_string(limit=self.limit, offset=nxt)}" if nxt < total else None,
        }


async def page(
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"Rows per page (1-{MAX_LIMIT})."),
    offset: int = Query(0, ge=0, le=10_000_000, description="Rows to skip."),
) -> Page:
    """The page of a request (a FastAPI dependency)."""
    return Page(limit=limit, offset=offset)
