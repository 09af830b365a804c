"""Events among people with no country: placed where the clause says they acted, or at home.

Violence, coercion and protest are often done by or to people the actor dictionary cannot
place ("ethnic Albanians demonstrated in Serbia", "police opened fire on demonstrators",
"tanks fired at targets in Jericho"). Such an act is given the country of the place its
clause names; with no place, a victim with no country is taken to be the source's own
people (a domestic act). The actor is then a copy of the mention with that country, marked
``placed`` so that the output says the country was inferred.
"""

from __future__ import annotations

from typing import Any

from .clause import CLAUSAL, Parse
from .roles import Roles

#: prepositions that put an act in a place
PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout", "around")
#: prepositions that lead from a violent act to whom it was done
VICTIM_PREPS = ("against", "on", "at", "upon", "into", "toward", "towards")
#: sectors of people who, harmed with no place named, are taken to be the source's own people
UNARMED = frozenset({"PPL", "CVL", "OPP", "REF", "EDU", "MED", "LAB", "HLH", "REL", "BUS", "NGO", "JUD"})


class Placing(Roles):
    """Source and target countries from places and from the source's home."""

    p: Parse
    placed: dict[tuple[int, str], int]

    def _where(self, i: int) -> int:
        """The mention of the place a verb's clause puts its act in ("in Serbia", "at a jail in Dili"), or -1."""
        p = self.p
        verbs = [i] + [k for k in p.kids[i] if p.dep[k] in ("advcl", "xcomp") and p.infinitive(k)]
        for v in verbs:
            for _prep, o in p.prep_objects(v, PLACE_PREPS):
                for x in self._near_first(o, 4):
                    if x in p.where or (p.ment[x] in p.places):
                        return self._place_mention(x)
        return -1

    def _near_first(self, h: int, depth: int) -> list[int]:
        """The tokens of a phrase, breadth first, not entering clauses."""
        p, out, frontier = self.p, [h], [h]
        for _ in range(depth):
            frontier = [k for x in frontier for k in p.kids[x] if p.dep[k] not in CLAUSAL]
            out.extend(frontier)
        return out

    def _place_mention(self, x: int) -> int:
        """The mention naming the place at token x: its actor mention, else one made from the gazetteer."""
        p = self.p
        if p.ment[x] >= 0:
            return p.ment[x]
        pl = p.where[x]
        key = (-1 - pl.get("start", x), str(pl.get("country")))
        if key not in self.placed:
            m: dict[str, Any] = {"text": pl.get("text") or pl.get("name"), "name": pl.get("name"),
                                 "code": pl["country"], "country": pl["country"], "igo": None, "sectors": [],
                                 "kind": "place", "start": pl.get("start"), "end": pl.get("end"),
                                 "start_char": pl.get("start_char"), "end_char": pl.get("end_char"),
                                 "placed": True}  # fmt: skip
            p.mentions.append(m)
            self.placed[key] = len(p.mentions) - 1
        return self.placed[key]

    def _unnamed(self, h: int) -> int:
        """A mention of people with no country heading a phrase or near its head ("Moslem demonstrators"), or -1."""
        if h < 0:
            return -1
        p = self.p
        for x in self._near_first(h, 2):
            if x in p.unnamed:
                return p.unnamed[x]
            if p.ment[x] >= 0:
                return -1  # someone named is nearer
        return -1

    def _in_country(self, m: int, country: str) -> int:
        """A copy of mention m with the given country (made once)."""
        key = (m, country)
        if key not in self.placed:
            base = dict(self.p.mentions[m])
            sectors = list(base.get("sectors") or [])
            base.update(country=country, code=country + (sectors[0] if sectors else ""), placed=True)
            self.p.mentions.append(base)
            self.placed[key] = len(self.p.mentions) - 1
        return self.placed[key]

    def _placed_sources(self, i: int, code: str, tgts: list[int]) -> list[int]:
        """People with no country doing violence or protest: from the place named, else (protest) the target's."""
        p = self.p
        if code[:2] < "14" or p.is_passive(i):
            return []
        m = self._unnamed(self._subject_of(i))
        if m < 0:
            return []
        where = self._where(i)
        country = self._key(where) if where >= 0 else None
        if country is None and code[:2] == "14" and tgts:
            country = self.p.mentions[tgts[0]].get("country")  # "fundamentalists struck to demand X's resignation"
        return [self._in_country(m, country)] if country else []

    def _placed_targets(self, i: int, code: str, srcs: list[int]) -> list[int]:
        """Whom violence or coercion with no named target was done to: people there, or the place itself."""
        if code[:2] < "17" or not srcs:
            return []
        where = self._where(i)
        country = self._key(where) if where >= 0 else None
        victim = self._victim(i)
        if victim >= 0:
            unarmed = set(self.p.mentions[victim].get("sectors") or ()) <= UNARMED
            home = country or (self._key(srcs[0]) if unarmed else None)  # "police fired on demonstrators"
            return [self._in_country(victim, home)] if home else []
        if where >= 0 and code[:2] >= "18" and not self._same_key(where, srcs[0]):
            return [where]  # "fired at targets in Jericho"
        return []

    def _victim(self, i: int) -> int:
        """People with no country that an act is done to: its object, a prepositional or purpose object."""
        p = self.p
        heads = [k for k in p.kids[i] if p.dep[k] in (("nsubjpass",) if p.is_passive(i) else ("dobj",))]
        heads += [o for _prep, o in p.prep_objects(i, VICTIM_PREPS)]
        heads += [d for k in p.kids[i] if p.dep[k] in ("advcl", "xcomp") and p.infinitive(k)
                  for d in p.kids[k] if p.dep[d] == "dobj"]  # fmt: skip
        for h in heads:
            m = self._unnamed(h)
            if m >= 0:
                return m
        return -1
