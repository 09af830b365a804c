"""Personal names: where a name ends, which word is the surname, and misspelt known names.

- A name runs on over capitalised words the tagger left out ("Vice Premier Liu He": "He" is
  a given name here, not a pronoun: a pronoun is not capitalised in mid-sentence).
- Chinese, Korean and Vietnamese names put the surname first ("Liu He", "Kim Jong Un",
  "Nguyen Xuan Phuc"): later references use that first word ("Liu said").
- News copy misspells names ("Bouteflicka", "Gbago"): a name whose first name matches a
  dictionary person's and whose surname is one or two letters off is that person.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache, partial

from spacy.tokens import Doc

from .dictionary import Dictionary, Entry, name_words, surname, surname_first  # noqa: F401  (re-exported)

#: words that may be part of a name though the tagger calls them pronouns
NAME_PRONOUNS = frozenset({"He", "She", "Me", "We", "Yu", "I"})


def extend_name(doc: Doc, end: int, headline: bytearray) -> int:
    """The end of a name that the tagger cut short before a capitalised given name ("Liu | He")."""
    n = len(doc)
    while end < n and not headline[end]:
        t = doc[end]
        if not t.is_title or not t.is_alpha or t.is_sent_start or t.ent_iob_ == "B":
            break
        if t.ent_type_ not in ("", "PERSON") or not (t.pos_ == "PROPN" or t.text in NAME_PRONOUNS):
            break
        prev = doc[end - 1]
        if not (prev.is_title or prev.is_upper) or prev.whitespace_ != " ":
            break
        end += 1
    return end


class Misspellings:
    """Dictionary surnames by first letter, to find a known name that is misspelt."""

    def __init__(self, d: Dictionary, by_first: dict[tuple[str, str], list[str]] | None = None):
        self.d = d
        #: (first name, first letter of the surname) -> the surnames of the people with that first name
        self.by_first = _by_first(d) if by_first is None else by_first

    def find(self, words: list[str]) -> Entry | None:
        """The one person whose first name matches and whose surname is within two edits."""
        if len(words) < 2 or len(words[-1]) < 5:
            return None
        first, last = words[0], words[-1]
        found: list[Entry] = []
        for cand in self.by_first.get((first, last[0]), ()):
            if abs(len(cand) - len(last)) > 2 or cand == last or _distance(cand, last) > _allowed(last):
                continue
            for i in self.d.surnames[cand]:
                e = self.d.entries[i]
                if name_words(e.name)[:1] == [first] and e not in found:
                    found.append(e)
        return found[0] if len(found) == 1 else None


def _allowed(word: str) -> int:
    return 1 if len(word) < 8 else 2


@lru_cache(maxsize=1)
def misspellings() -> Misspellings:
    """The index over the packaged dictionary (built on first use; from the compiled cache when there)."""
    from ..cache import cached
    from .dictionary import DATA, FILES, load_dictionary

    d = load_dictionary()
    return Misspellings(d, cached("misspellings", partial(_by_first, d), [DATA / f for f in FILES], [__name__]))


def _by_first(d: Dictionary) -> dict[tuple[str, str], list[str]]:
    by_first: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s, ids in d.surnames.items():
        if len(s) < 5:
            continue
        firsts = {words[0] for words in (name_words(d.entries[i].name) for i in ids) if words}
        for first in firsts:
            by_first[(first, s[0])].append(s)
    return dict(by_first)


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (small words: a plain dynamic programme)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
