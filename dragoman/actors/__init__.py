"""Who acts: the actor dictionary and its time-aware resolution, with coreference."""

from __future__ import annotations

from .component import DICTIONARY_VERSION, ActorResolver

__all__ = ["DICTIONARY_VERSION", "ActorResolver"]
