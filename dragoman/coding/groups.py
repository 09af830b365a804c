"""Plural references to actors named before: "both countries", "the two sides", "all parties".

"Guterres urged both countries to exercise restraint" is addressed to the two states of the
story; "Both countries deny the allegations" is said by them. A definite or counted plural of a
group noun that the actor resolver left without members stands for the members of the latest
pair: the latest coordination of two or more states ("Finland and Sweden") or the two sides of
the latest coded interaction, whichever came last. The phrase becomes a mention of its own with
those members, so sources and targets find it like any coordination.
"""

from __future__ import annotations

from typing import Any

from .roles import Raw, Roles, state_side

#: plural nouns that name a set of states or parties
GROUP_NOUNS = frozenset({"countries", "nations", "sides", "parties", "states", "governments", "neighbours",
                         "neighbors", "rivals", "foes", "adversaries", "koreas", "capitals", "leaders",
                         "powers", "belligerents", "presidents", "ministers", "delegations", "premiers",
                         "allies"})  # fmt: skip
#: the nouns among them that name states only (not armed groups or parties to a conflict)
STATE_NOUNS = frozenset({"countries", "nations", "states", "governments", "neighbours", "neighbors", "koreas",
                         "capitals"})  # fmt: skip
#: the nouns among them that name the sides of a conflict
SIDES = frozenset({"sides", "parties", "belligerents", "foes", "adversaries", "rivals"})
#: the nouns among them that name people: only "both" or "two" make them a known pair
PEOPLE_NOUNS = frozenset({"leaders", "presidents", "ministers", "delegations", "premiers"})
#: words before the noun that make it refer to a known set
COUNTING = frozenset({"both", "two", "all", "the", "those", "these"})


class Groups(Roles):
    """Gives "both countries" the members of the latest pair of actors."""

    history: list[Raw]

    def _resolve_groups(self, start: int, end: int) -> None:
        """Make a mention with members of each group phrase of the sentence [start, end)."""
        p = self.p
        for i in range(start, end):
            if p.lower[i] not in GROUP_NOUNS or p.ment[i] >= 0 or p.pos[i] not in ("NOUN", "PROPN"):
                continue
            words = [p.lower[k] for k in p.kids[i] if p.dep[k] in ("det", "nummod", "predet", "amod", "quantmod")]
            if not COUNTING & set(words) or (p.lower[i] in PEOPLE_NOUNS and not {"both", "two"} & set(words)):
                continue  # "countries" alone, "the leaders" (of whom?)
            if any(p.tag[k] == "CD" and p.lower[k] != "two" for k in p.kids[i]):
                continue  # "the four countries": not a pair
            members = self._latest_pair(i, p.lower[i] in STATE_NOUNS)
            if any(p.dep[k] == "prep" and p.lemma[k] == "of" and any(p.ment[x] >= 0 for x in p.subtree(k))
                   for k in p.kids[i]):  # fmt: skip
                continue  # "the leaders of India and Pakistan": named after it
            if len(members) < 2:
                continue
            m: dict[str, Any] = {
                "text": p.lower[i],
                "name": None,
                "code": None,
                "country": None,
                "igo": None,
                "sectors": [],
                "kind": "group_ref",
                "start": i,
                "end": i + 1,
                "members": members,
            }
            p.mentions.append(m)
            k = len(p.mentions) - 1
            p.members[k] = members
            p.ment[i] = k

    def _latest_pair(self, before: int, states: bool) -> list[int]:
        """The members of the latest coordination of states, or the two sides of the latest interaction."""
        p = self.p
        best: list[int] = []
        where = -1
        for m in p.mentions:
            comp = [x for x in m.get("compound") or [] if isinstance(x, int) and 0 <= x < len(p.mentions)]
            end = m.get("end", 0)
            if len(comp) > 1 and end <= before and end > where and self._pair_ok(comp, states):
                best, where = comp, end
        fighting = self.p.lower[before] in SIDES  # "urged all parties to exercise restraint": those in conflict
        for r in reversed(self.history):
            if r.source is None or r.target is None or r.source < 0 or r.target < 0:
                continue
            if r.trigger[0] >= before or not self._pair_ok([r.source, r.target], states):
                continue
            if fighting and r.code[:2] < "13":
                continue
            if r.trigger[1] > where:
                best = [r.source, r.target]
            break
        return best

    def _pair_ok(self, ms: list[int], states: bool) -> bool:
        """Two or more different countries or organisations; states only when the noun names states."""
        keys = {k for k in (self._key(x) for x in ms) if k}
        return len(keys) > 1 and (not states or all(self._a_state(x) for x in ms))

    def _a_state(self, x: int) -> bool:
        m = self.p.mentions[x]
        return bool(m.get("country")) and m.get("kind") != "group" and state_side(m)
