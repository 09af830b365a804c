"""What the whole article settles about its actors.

- A short name two states share takes the one the article names in full: "Congo" is the
  Democratic Republic of the Congo in an article that names the DRC, Kinshasa or the M23
  (the dictionary's default, the Republic of the Congo, otherwise).
- People the dictionary does not know take the nationality the article gives them as a group:
  "Two Canadians detained in China ... Michael Kovrig, a former diplomat, and Michael Spavor"
  (the next ones named, as many as counted), "Canadians Michael Kovrig and Michael Spavor";
  later mentions of their surnames follow.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

Mention = dict[str, Any]

#: a short name that stands for the second state when the article names that one in full
SHARED_SHORT_NAMES = {"congo": ("COG", "COD")}
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}


def settle(doc: Doc, mentions: list[Mention]) -> None:
    """Apply the article-wide rules of the module doc to the mentions (in place)."""
    _shared_short_names(doc, mentions)
    _nationals(doc, mentions)


def _shared_short_names(doc: Doc, mentions: list[Mention]) -> None:
    for word, (default, other) in SHARED_SHORT_NAMES.items():
        if not any(m.get("country") == other for m in mentions):
            continue
        for m in mentions:
            if m.get("country") == default and word in m["text"].lower() and "republic" not in m["text"].lower():
                if "brazzaville" in m["text"].lower():
                    continue
                m["code"] = other + (m.get("code") or default)[3:]
                m["country"] = other


def _nationals(doc: Doc, mentions: list[Mention]) -> None:
    ordered = sorted(mentions, key=lambda m: m["start"])
    for k, m in enumerate(ordered):
        if m["kind"] == "person" and m.get("code") and m["start"] > 0 and doc[m["start"] - 1].tag_ == "NNPS":
            count = None  # "Canadians Michael Kovrig and Michael Spavor": the first took the title
        elif m.get("demonym") and m["kind"] == "state" and doc[m["end"] - 1].tag_ in ("NNS", "NNPS"):
            count = COUNTS.get(doc[m["start"] - 1].lower_) if m["start"] > 0 else None
        else:
            continue
        for p in _named_after(doc, ordered, k, count):
            p["code"], p["country"], p["nationality"] = m["code"][:3], m["country"], True
            _same_surname(ordered, p)


def _named_after(doc: Doc, ordered: list[Mention], k: int, count: int | None) -> list[Mention]:
    """The unknown people a plural demonym names: right after it, or the next ``count`` named."""
    m = ordered[k]
    after = [p for p in ordered[k + 1 :] if p["kind"] == "person"]
    if count is None:  # "Canadians Michael Kovrig and Michael Spavor"
        out: list[Mention] = []
        pos = m["end"]
        for p in after:
            gap = [t.lower_ for t in doc[pos : p["start"]]]
            if gap not in ([], ["and"], [","], [",", "and"]) or p.get("code"):
                break
            out.append(p)
            pos = p["end"]
        return out
    sent = doc[m["start"]].sent
    limit = sent.end
    nxt = doc[sent.end].sent if sent.end < len(doc) else None
    if nxt is not None:
        limit = nxt.end
    named = [p for p in after if p["start"] < limit and p.get("ref") is None and not p.get("code")]
    return named[:count] if len(named) >= count else []


def _same_surname(ordered: list[Mention], p: Mention) -> None:
    last = p["text"].split()[-1].lower()
    for q in ordered:
        if q is not p and q["kind"] == "person" and not q.get("code") and q["text"].split()[-1].lower() == last:
            q["code"], q["country"] = p["code"], p["country"]
