"""Versions: of the package, and of the coder that made an event."""

from __future__ import annotations

__version__ = "0.1.0"
