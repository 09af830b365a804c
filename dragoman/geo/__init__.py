"""Where: toponyms to coordinates and countries, and each event's place."""

from __future__ import annotations

from .component import PlaceFinder, event_place

__all__ = ["PlaceFinder", "event_place"]
