"""The reporting-cue lexicon: verbs of saying and thinking, and "according to"."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

from ..errors import DataError

_FILE = "cues.json"


@dataclass(frozen=True)
class CueLexicon:
    """Lemmas that introduce what someone said (speech) or holds (cognition)."""

    version: str
    speech: frozenset[str]
    cognition: frozenset[str]
    according: frozenset[str]
    directive: frozenset[str]
    #: verbs that attribute only a quoted object ('termed the vote "a farce"')
    evaluation: frozenset[str] = frozenset()

    def hashes(self) -> frozenset[int]:
        """The spaCy string ids of every cue word (to test token arrays without Token objects)."""
        return _hashes(self)

    def verb_kind(self, lemma: str) -> str | None:
        """``speech``, ``cognition``, ``evaluation`` or None for a verb lemma."""
        if lemma in self.speech:
            return "speech"
        if lemma in self.cognition:
            return "cognition"
        if lemma in self.evaluation:
            return "evaluation"
        return None


@lru_cache(maxsize=4)
def _hashes(lexicon: CueLexicon) -> frozenset[int]:
    return frozenset(
        hash_string(w) for w in lexicon.speech | lexicon.cognition | lexicon.evaluation | lexicon.according
    )


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The packaged cue lexicon (``dragoman/data/quotes/cues.json``), loaded once."""
    try:
        raw = resources.files("dragoman").joinpath("data", "quotes", _FILE).read_text(encoding="utf-8")
        data = json.loads(raw)
        return CueLexicon(
            version=data["version"],
            speech=frozenset(data["speech"]),
            cognition=frozenset(data["cognition"]),
            according=frozenset(data["according"]),
            directive=frozenset(data["directive"]),
            evaluation=frozenset(data.get("evaluation", ())),
        )
    except (OSError, ValueError, KeyError) as exc:
        raise DataError(
            f"[D301] The quotation cue lexicon data/quotes/{_FILE} is missing or malformed ({exc}). "
            "Reinstall dragoman (`make install`)."
        ) from exc
