"""What about: PLOVER contexts and named issues for events and articles."""

from __future__ import annotations

from .assign import event_evidence, event_tags, event_topics
from .component import TopicTagger
from .lexicon import Lexicon, load_lexicon

__all__ = ["Lexicon", "TopicTagger", "event_evidence", "event_tags", "event_topics", "load_lexicon"]
