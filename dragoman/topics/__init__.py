"""What about: PLOVER contexts and named issues for events and articles."""

from __future__ import annotations

from .component import TopicTagger, event_topics

__all__ = ["TopicTagger", "event_topics"]
