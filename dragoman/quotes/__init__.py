"""Who said what: direct, split and indirect quotations with their speakers."""

from __future__ import annotations

from .component import QuoteFinder

__all__ = ["QuoteFinder"]
