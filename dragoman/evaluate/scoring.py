"""The scoring of DESIGN.md: events match on (source key, target key, CAMEO root).

A gold event matches an emitted one when source and target keys (country or IGO; ``*`` in
gold matches anything) and the root agree; symmetric gold events (meetings, agreements)
match in either direction. Each article's events count once per distinct (source, target,
root); statements (root 01) without a target are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ALIASES = {
    "JAP": "JPN",
    "UK": "GBR",
    "U.S.": "USA",
    "US": "USA",
    "EUROPEAN UNION": "EU",
    "UNO": "UN",
    "UNITED NATIONS": "UN",
    "IGOUNO": "UN",
}

#: CAMEO root -> the PLOVER 0.5 type names of the PLOVER gold-standard records
ROOT_TO_GSR = {
    "03": {"AGREE"},
    "04": {"CONSULT"},
    "05": {"SUPPORT"},
    "06": {"COOPERATE"},
    "07": {"AID"},
    "08": {"CONCEDE", "RETREAT"},
    "09": {"INVESTIGATE"},
    "10": {"DEMAND"},
    "11": {"DISAPPROVE"},
    "12": {"REJECT"},
    "13": {"THREATEN"},
    "14": {"PROTEST"},
    "15": {"MOBILIZE"},
    "16": {"SANCTION"},
    "17": {"COERCE"},
    "18": {"ASSAULT"},
    "19": {"FIGHT"},
    "20": {"FIGHT", "ASSAULT"},
}

Key = tuple[str | None, str | None, str]


def norm_key(k: str | None) -> str | None:
    """An actor key upper-cased with the usual aliases applied."""
    if not k:
        return None
    k = str(k).upper()
    return ALIASES.get(k, k)


def actor_key(actor: dict[str, Any] | None) -> str | None:
    """The scoring key of an actor: its country, else its IGO."""
    if not actor:
        return None
    return norm_key(actor.get("country") or actor.get("igo"))


def distinct_events(doc: dict[str, Any]) -> list[tuple[str | None, str | None, str, dict[str, Any]]]:
    """Distinct (source key, target key, root) of an article's events, minus targetless statements."""
    seen: set[Key] = set()
    out = []
    for e in doc.get("events") or []:
        root = str(e.get("root") or str(e.get("code", ""))[:2])
        s, t = actor_key(e.get("source")), actor_key(e.get("target"))
        if root == "01" and t is None:
            continue
        if (s, t, root) in seen:
            continue
        seen.add((s, t, root))
        out.append((s, t, root, e))
    return out


def matches(gold: dict[str, Any], s: str | None, t: str | None, root: str, types: bool = False) -> bool:
    """Whether an emitted (source, target, root) matches a gold event."""
    if types:
        if not ROOT_TO_GSR.get(root, set()) & set(gold["roots"]):
            return False
    elif root not in gold["roots"]:
        return False

    def same(g: str, k: str | None) -> bool:
        return g == "*" or (k is not None and norm_key(g) == k)

    if same(gold["src"], s) and same(gold["tgt"], t):
        return True
    return bool(gold.get("sym")) and same(gold["src"], t) and same(gold["tgt"], s)


@dataclass
class Score:
    """Counts, rates and the cases behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    per_category: dict[str, dict[str, int]] = field(default_factory=dict)
    #: (case id, gold event, emitted event) of each match
    matched: list[tuple[str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def count(self, category: str, kind: str) -> None:
        row = self.per_category.setdefault(category, {"tp": 0, "fp": 0, "fn": 0})
        row[kind] += 1


def score_events(cases: list[dict[str, Any]], out: dict[str, dict[str, Any]], types: bool = False) -> Score:
    """One-to-one matching of gold events (``case['events']``) against emitted events."""
    sc = Score()
    for c in cases:
        evs = distinct_events(out[c["id"]])
        used: set[int] = set()
        for g in c["events"]:
            if g.get("optional"):
                continue
            hit = next((i for i, (s, t, r, _) in enumerate(evs) if i not in used and matches(g, s, t, r, types)), None)
            cat = g["roots"][0]
            if hit is None:
                sc.fn += 1
                sc.count(cat, "fn")
                sc.misses.append(f"{c['id']}: {g['src']}->{g['tgt']} {'/'.join(g['roots'])}")
            else:
                used.add(hit)
                sc.matched.append((str(c["id"]), g, evs[hit][3]))
                sc.tp += 1
                sc.count(cat, "tp")
        for i, (s, t, r, _) in enumerate(evs):
            if i in used:
                continue
            if any(matches(g, s, t, r, types) for g in c["events"] if g.get("optional")):
                continue
            sc.fp += 1
            sc.count(r, "fp")
            sc.extras.append(f"{c['id']}: {s}->{t} {r}")
    return sc
