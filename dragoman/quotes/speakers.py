"""Speakers to actors: the words in the article linked to the actor mentions of the Doc.

A speaker span takes the actor mention that covers its head word (else any mention it
overlaps). A pronoun or nominal mention gives the name and codes of its antecedent (``ref``).
When no mention covers a personal pronoun ("she said"), the fallback is the last person
named before it whose first name fits the pronoun's gender (the actors' first-name list),
preferring subjects; a surname alone ("Clinton") takes the full name it had earlier in the text.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.tokens import Doc

from ..actors.people import first_names
from ..nlp.tokens import space_flags, token_texts

_PERSONAL = {"he": "m", "him": "m", "she": "f", "her": "f"}
_PERSON_KINDS = frozenset({"person"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


class SpeakerLinker:
    """Links speaker spans of one Doc to its actor mentions (built once per Doc)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.mentions: list[dict[str, Any]] = list(doc._.dragoman_actors or [])
        self.starts = [m.get("start", 0) for m in self.mentions]
        ents = [e for e in doc.ents if e.label_ == "PERSON"]
        self.persons = [(e.start, e.end, e.text) for e in ents]
        self.subjects = [(e.start, e.end, e.text) for e in ents if _is_subject(e)]
        self.full_names = _full_names(self.persons)
        texts = token_texts(doc)
        self.breaks = [i for i, space in enumerate(space_flags(doc)) if space and "\n" in texts[i]]

    def speaker(self, start: int, end: int, head: int | None) -> dict[str, Any]:
        """The speaker dict (output shape of DESIGN.md) for the token span ``start:end``."""
        span = self.doc[start:end]
        out: dict[str, Any] = {
            "text": span.text,
            "name": None,
            "code": None,
            "country": None,
            "igo": None,
            "sectors": [],
            "start": span.start_char,
            "end": span.end_char,
        }
        mention = self._mention(start, end, head)
        near = self._paragraph_subject(start, end)
        if near is not None:
            mention = self._mention(near[0], near[1], None) or mention
        if mention is not None:
            _fill(out, self._antecedent(mention))
        if out["name"] is None:
            out["name"] = self._fallback_name(start, end, head)
        return out

    def _mention(self, start: int, end: int, head: int | None) -> dict[str, Any] | None:
        i = bisect_left(self.starts, end)
        best = None
        for m in reversed(self.mentions[max(0, i - 8) : i]):
            if m.get("end", 0) <= start:
                continue
            if head is not None and m.get("start", 0) <= head < m.get("end", 0):
                return m
            best = best or m
        return best

    def _antecedent(self, mention: dict[str, Any]) -> dict[str, Any]:
        """The mention a chain of ``ref`` links ends at (the mention itself without one)."""
        for _ in range(10):
            ref = mention.get("ref")
            if not isinstance(ref, int) or not 0 <= ref < len(self.mentions):
                break
            mention = self.mentions[ref]
        return mention

    def _fallback_name(self, start: int, end: int, head: int | None) -> str | None:
        words = self.doc[start:end]
        if len(words) == 1 and words[0].lower_ in _PERSONAL:
            return self._last_person_before(start, _PERSONAL[words[0].lower_])
        for s, e, text in self.persons:
            if s < end and e > start:
                return self.full_names.get(text, text)
        return None

    def _last_person_before(self, i: int, gender: str) -> str | None:
        """The last person named before token ``i``: a subject of the same paragraph whose
        gender does not contradict the pronoun's, else one of the pronoun's gender, then of
        unknown gender; a subject before anyone else."""
        near = self._paragraph_subject(i, i + 1, gender)
        if near is not None:
            return self.full_names.get(near[2], near[2])
        for strict in (True, False):
            for pool in (self.subjects, self.persons):
                for s, _e, text in reversed(pool):
                    g = self._gender(text)
                    if s < i and (g == gender if strict else g is None):
                        return self.full_names.get(text, text)
        for m in reversed(self.mentions):
            if m.get("start", 0) < i and m.get("kind") in _PERSON_KINDS and m.get("gender") in (gender, None):
                return m.get("name") or m.get("text")
        return None

    def _paragraph_subject(self, start: int, end: int, gender: str | None = None) -> tuple[int, int, str] | None:
        """For a personal pronoun at ``start:end``: the last person who is a subject earlier
        in its paragraph ('Castro said ... "...," he said'), if the gender does not clash."""
        if gender is None:
            words = self.doc[start:end]
            if len(words) != 1 or words[0].lower_ not in _PERSONAL:
                return None
            gender = _PERSONAL[words[0].lower_]
        i = bisect_left(self.breaks, start)
        para = self.breaks[i - 1] if i > 0 else -1
        for person in reversed(self.subjects):
            if para < person[0] < start:
                return person if self._gender(person[2]) in (gender, None) else None
        return None

    def _gender(self, name: str) -> str | None:
        """'f' or 'm' from the first name (or honorific) of a person's full name, else None."""
        first = self.full_names.get(name, name).split()[0].lower()
        names = first_names()
        return names.get(first) or names.get(first.rstrip("."))


def _is_subject(ent: Any) -> bool:
    root = ent.root
    if root.dep_ in ("compound", "appos", "flat"):
        root = root.head
    return root.dep_ in _SUBJECT_DEPS


def _fill(out: dict[str, Any], m: dict[str, Any]) -> None:
    for key in ("name", "code", "country", "igo"):
        if m.get(key) is not None:
            out[key] = m[key]
    if m.get("sectors"):
        out["sectors"] = list(m["sectors"])


def _full_names(persons: list[tuple[int, int, str]]) -> dict[str, str]:
    """Surname (or any shorter form ending a full name) -> the first full name that ends so."""
    names: dict[str, str] = {}
    for _s, _e, text in persons:
        parts = text.split()
        if len(parts) < 2:
            continue
        names.setdefault(parts[-1], text)
        names.setdefault(" ".join(parts[-2:]), text)
    return names
