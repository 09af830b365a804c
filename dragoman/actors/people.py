"""People: which entry a name is, what a title says, gender, and names met earlier in the article.

A name the dictionary knows resolves to the code of its role on the article's date (a former
office holder to the country's ELI code). A name it does not know resolves through the article
("Clinton" after "Hillary Clinton"), then through the surnames of people in office on that date,
then through its title ("Russian Foreign Minister Ivan Petrov" RUSGOV); else it stays unresolved.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

from .dictionary import Dictionary, Entry, given_name, name_words, surname
from .names import extend_name, misspellings

if TYPE_CHECKING:
    from .resolve import DocResolver, Item

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"
HONORIFIC = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "madam": "f",
    "madame": "f",
    "sir": "m",
    "lord": "m",
    "lady": "f",
    "dame": "f",
    "dr": "",
    "dr.": "",
}
FORMER = frozenset({"former", "ex", "ex-", "retired", "late", "then", "outgoing"})
NON_PERSON = frozenset({"state", "capital", "demonym", "igo", "group", "region"})
UNRESOLVED_LABELS = {"PERSON": "person", "ORG": "group", "NORP": "group"}


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First names and honorifics -> 'f' or 'm' (curated list, ambiguous names left out)."""
    out = {}
    for line in (DATA / "firstnames.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith("#") and "\t" in line:
            name, gender = line.split("\t")
            out[name] = gender
    out.pop("name", None)
    return out


class People:
    """Shared, read-only knowledge about people (one per process)."""

    def __init__(self) -> None:
        self.genders = first_names()

    def for_doc(self, doc: Doc, date: str | None, d: Dictionary) -> ArticlePeople:
        return ArticlePeople(self, doc, date, d)


class ArticlePeople:
    """The people of one article: their mentions by surname and full name."""

    def __init__(self, shared: People, doc: Doc, date: str | None, d: Dictionary):
        self.shared, self.doc, self.date, self.d = shared, doc, date, d
        self.by_name: dict[str, dict[str, Any]] = {}

    # --- choosing entries ------------------------------------------------------------

    def choose(self, entries: list[Entry], country: str | None) -> Entry | None:
        """Among homonymous entries: the one of the title's country, then one in office."""
        if country:
            same = [e for e in entries if (self.d.code_at(e, self.date) or "")[:3] == country[:3]]
            if not same:
                return None
            entries = same
        active = [e for e in entries if self._in_office(e)]
        return (active or entries)[0]

    def _in_office(self, e: Entry) -> bool:
        day = self.date or "9999"
        return any(s.code and (s.start or s.end) and (s.start or "") <= day <= (s.end or "9999") for s in e.spans)

    def gender(self, entry: Entry | None, tokens: list[str]) -> str:
        """'f', 'm' or '' from the entry, an honorific or title, or the first name."""
        if entry is not None and entry.gender:
            return entry.gender
        for t in tokens:
            g = self.shared.genders.get(t.lower()) or HONORIFIC.get(t.lower())
            if g:
                return g
        if entry is not None:
            return self.shared.genders.get(entry.name.split()[0].lower(), "") if entry.name else ""
        return ""

    # --- person mentions -------------------------------------------------------------

    def add_person(
        self,
        r: DocResolver,
        start: int,
        end: int,
        entry: Entry | None,
        tstart: int,
        country: str | None,
        sectors: str,
        name: str | None = None,
    ) -> dict[str, Any]:
        """Emit a person mention (name tokens start:end, titles from tstart) and remember it."""
        former = tstart > 0 and r.lows[tstart - 1] in FORMER
        titles = [t.text for t in self.doc[tstart:start]]
        code = r.d.code_at(entry, self.date) if entry is not None else None
        igo = bool(country and len(country) > 3)  # an organisation's code ("IGOEUREEC", "PSEREB"), not a state's
        body = country if igo else (country or "")[:3]
        if entry is not None and country and not (code or "").startswith(body or "-"):
            entry, code = None, None
        if entry is None and country:
            code = country if igo else country[:3] + (sectors or "")
        if former and code and code[:3] in r.d.countries:
            code = code[:3] + "ELI"
        extra: dict[str, Any] = {"name": entry.name if entry is not None else (name or self.doc[start:end].text)}
        if titles:
            extra["title"] = " ".join(titles)
        g = self.gender(entry, [self.doc[i].text for i in range(tstart, end)])
        if g:
            extra["gender"] = g
        role = r.d.role_at(entry, self.date) if entry is not None else None
        if role:
            extra["role"] = role
        m = r.mention(start, end, code, "person", **extra)
        r.covered[tstart:start] = b"\x01" * (start - tstart)
        if not code and sectors:
            m["sectors"] = [sectors[i : i + 3] for i in range(0, len(sectors), 3)]
        self.remember(m, start, end)
        return m

    def remember(self, m: dict[str, Any], start: int, end: int) -> None:
        words = [t.lower_ for t in self.doc[start:end] if not t.is_punct]
        if not words:
            return
        self.by_name[" ".join(words)] = m
        self.by_name.setdefault(surname(words), m)
        if m.get("name"):
            self.by_name.setdefault(surname(name_words(m["name"])), m)

    def recall(self, words: list[str]) -> dict[str, Any] | None:
        """A person met earlier in the article under this full name or surname."""
        full = " ".join(words)
        if full in self.by_name:
            return self.by_name[full]
        last = self.by_name.get(surname(words)) if words else None
        if last is None:
            return None
        if len(words) == 1 or given_name(words) == given_name(name_words(last.get("name") or "")):
            return last
        return None

    def by_surname(self, surname: str, country: str | None, sectors: str, first: str | None = None) -> Entry | None:
        """The one person with this surname (and first name) in office on the date, or once in office."""
        ids = self.d.surnames.get(surname, [])
        if first is not None:
            found = [self.d.entries[i] for i in ids if given_name(name_words(self.d.entries[i].name)) == first]
            if len({self.d.code_at(e, self.date) for e in found}) == 1:
                return found[0]
            return None
        found = [self.d.entries[i] for i in ids if self._in_office(self.d.entries[i])]
        if country:
            found = [e for e in found if (self.d.code_at(e, self.date) or "")[:3] == country[:3]]
        if len(found) > 1 and sectors:
            found = [e for e in found if sectors[:3] in (self.d.code_at(e, self.date) or "")[3:]] or found
        return found[0] if len(found) == 1 else None

    # --- names the phrase tables did not find ----------------------------------------

    def unmatched_names(self, items: list[Item], r: DocResolver) -> None:
        """PERSON entities and known surnames not found as dictionary phrases."""
        ends = {it.hit.end: k for k, it in enumerate(items) if not it.used}
        spans = [(e.start, extend_name(self.doc, e.end, r.headline)) for e in self.doc.ents if e.label_ == "PERSON"]
        for a, b in sorted(set(spans) | set(r.long_names)):
            if any(r.covered[a:b]):
                continue
            if any(it.hit.start < b and it.hit.end > a for it in items if it.used or it.kind in NON_PERSON):
                continue
            start = a
            while start < b and self.doc[start].lower_ in HONORIFIC:
                start += 1
            if start < b:
                self._name(r, items, ends, start, b)
        known = self.by_name
        for i in [i for i, w in enumerate(r.lows) if w in known and not r.covered[i]]:
            t = self.doc[i]
            if t.is_title and t.pos_ == "PROPN":
                if i + 1 >= len(self.doc) or not self.doc[i + 1].is_title:
                    self._name(r, items, ends, i, i + 1)

    def _name(self, r: DocResolver, items: list[Item], ends: dict[int, int], start: int, end: int) -> None:
        tstart, country, sectors = start, None, ""
        k = ends.get(self._title_end(r, start))
        if k is not None and (items[k].agent is not None or items[k].kind in ("state", "demonym")):
            tstart, country, sectors = self._chain(r, items, k)
            r.consume(items, tstart, start)
        words = [t.lower_ for t in self.doc[start:end] if not t.is_punct]
        known = self.recall(words)
        if known is None and len(words) > 1 and tstart == start and self._known_inside(r, start, end):
            return
        if known is not None:
            m = r.mention(start, end, known["code"], "person", name=known.get("name"))
            for key in ("gender", "role"):
                if key in known:
                    m[key] = known[key]
            if tstart < start:
                m["title"] = self.doc[tstart:start].text
            return
        nwords = name_words(self.doc[start:end].text)
        entry = self.by_surname(surname(nwords), country, sectors, given_name(nwords) or None) if nwords else None
        if entry is None and len(nwords) > 1:
            entry = misspellings().find(nwords)
        self.add_person(r, start, end, entry, tstart, country, sectors, name=self.doc[start:end].text)

    def _title_end(self, r: DocResolver, start: int) -> int:
        j = start
        while j > 0 and r.lows[j - 1] in HONORIFIC:
            j -= 1
        return j

    def _chain(self, r: DocResolver, items: list[Item], k: int) -> tuple[int, str | None, str]:
        """Titles ending with item k, read right to left (agent, then country)."""
        start, country, sectors = items[k].hit.start, None, ""
        j = k
        while j >= 0 and not items[j].used:
            it = items[j]
            if j < k and not r.adjacent(it, items[j + 1]):
                break
            if it.agent is not None and not sectors:
                sectors = it.agent
            elif it.kind in ("state", "demonym", "capital") and country is None:
                country = r.base_code(it)
            elif j < k and r.igo_title(it, items[j + 1], sectors) and country is None:
                country = r.base_code(it)
            elif not (sectors and r.modifier(it)):
                break
            start = it.hit.start
            j -= 1
        return start, country, sectors

    def unresolved_entities(self, r: DocResolver) -> None:
        """PERSON, ORG and NORP entities that nothing resolved: mentions with code null."""
        for ent in self.doc.ents:
            kind = UNRESOLVED_LABELS.get(ent.label_)
            if not kind or any(r.covered[ent.start : ent.end]):
                continue
            if kind == "person" and self._known_inside(r, ent.start, ent.end):
                continue
            r.mention(ent.start, ent.end, None, kind, name=ent.text)

    def _known_inside(self, r: DocResolver, start: int, end: int) -> bool:
        """A headline entity such as "Clinton Meets" whose first or last word is a known surname."""
        for i in (start, end - 1):
            known = self.by_name.get(r.lows[i])
            if known is not None and self.doc[i].is_title:
                m = r.mention(i, i + 1, known["code"], "person", name=known.get("name"))
                for key in ("gender", "role"):
                    if key in known:
                        m[key] = known[key]
                return True
        return False
