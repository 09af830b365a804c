"""When: time expressions resolved against the article date, and each event's date."""

from __future__ import annotations

from .component import TimeFinder, event_date

__all__ = ["TimeFinder", "event_date"]
