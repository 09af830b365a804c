"""Compound actors: "Japan and South Korea", "Hungarian and Romanian officials".

Each member is its own mention; members of one compound carry ``compound``, the indices of
all of them (in order), so a coder can give an event to each member.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

JOINERS = frozenset({"and", ",", "&", "as well as"})
MEMBER_KINDS = frozenset({"state", "capital", "person", "igo", "group", "agent"})


def mark_compounds(doc: Doc, mentions: list[dict[str, Any]]) -> None:  # noqa: D401
    """Set ``compound`` on coordinated actor mentions (in place; the members as dicts)."""
    group: list[int] = []
    for k, m in enumerate(mentions):
        if not _member(doc, m):
            _close(mentions, group)
            group = []
            continue
        if group and _joined(doc, mentions[group[-1]], m):
            group.append(k)
        else:
            _close(mentions, group)
            group = [k]
    _close(mentions, group)


def _member(doc: Doc, m: dict[str, Any]) -> bool:
    """A coded actor that is not a place nor a possessor ("China, Myanmar's neighbour")."""
    if m["kind"] not in MEMBER_KINDS or not m.get("code") or m.get("locative"):
        return False
    return m["end"] >= len(doc) or doc[m["end"]].lower_ not in ("'s", "\u2019s", "'")


def _joined(doc: Doc, a: dict[str, Any], b: dict[str, Any]) -> bool:
    gap = " ".join(t.lower_ for t in doc[a["end"] : b["start"]])
    return gap in JOINERS or gap == ", and"


def _close(mentions: list[dict[str, Any]], group: list[int]) -> None:
    if len(group) > 1 and _has_and(mentions, group):
        members = [mentions[k] for k in group]
        for m in members:
            m["compound"] = members  # mention dicts until the list is final (index_refs)


def _has_and(mentions: list[dict[str, Any]], group: list[int]) -> bool:
    return len({mentions[k].get("country") or mentions[k].get("igo") for k in group}) > 1
