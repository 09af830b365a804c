"""The actor dictionary: entries with dated codes, phrase tables, and code descriptions.

Loaded once per process from ``dragoman/data/actors/`` (made by ``scripts/build_actors.py``):

- ``actors.tsv.gz``: entries (state, capital, demonym, person, igo, group) with their aliases
  as lowercase token sequences and codes valid between two dates;
- ``agents.tsv``: agent phrases ("foreign minister", "troops") and their sector codes;
- ``countries.tsv``: CAMEO country codes and their ISO 3166 alpha-3 codes;
- ``igos.tsv``: CAMEO organisation codes and their usual acronyms (NATO, EU, UN, ...).

Phrases are looked up as tuples of lowercase tokens (a token trie flattened into a dict and a
set of prefixes), so matching a Doc costs one dict probe per token and candidate length.
"""

from __future__ import annotations

import datetime as dt
import gzip
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..cache import cached
from ..errors import DataError

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"

#: CAMEO sector codes (the 3-letter groups after a country or organisation)
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG ELI CVL BUS MED EDU HLH REL REF AGR LAB ENV HRI DEV UAF CRM "
    "MUS CHR JEW HIN BUD MOD RAD CTH PRO SHI SUN NGO PPL ATH IMG INS SEP".split()
)
#: code heads that are never countries
NONSTATE = frozenset({"IGO", "NGO", "MNC", "IMG", "INT", "UIS", "ELI"})
#: unions of states whose codes may name a member (SUNRUS, SCGSRB, USRUKR)
HISTORICAL_HEADS = frozenset({"SUN", "USR", "SCG", "YUG", "CSK"})


class Span(NamedTuple):
    """A code valid from ``start`` to ``end`` (ISO dates, None = open); an undated span is a default."""

    code: str | None
    start: str | None
    end: str | None


class Entry(NamedTuple):
    """One dictionary entry."""

    id: int
    kind: str  # state, capital, demonym, person, igo, group
    name: str
    gender: str  # f, m or ""
    codes: str  # "CODE@start@end;..." as stored (parsed on first use)
    role_text: str  # "role@start@end;..."

    @property
    def spans(self) -> tuple[Span, ...]:
        """The entry's codes with their date ranges."""
        return _spans(self.codes)

    @property
    def roles(self) -> tuple[Span, ...]:
        """The entry's roles (role, start, end)."""
        return _spans(self.role_text)


class Described(NamedTuple):
    """What a code says: its country (ISO3), organisation acronym and sectors."""

    country: str | None
    igo: str | None
    sectors: tuple[str, ...]


@dataclass(eq=False)
class Dictionary:
    """Entries, phrase tables and code descriptions (load with :func:`load_dictionary`)."""

    version: str
    entries: list[Entry] = field(default_factory=list)
    names: dict[tuple[str, ...], list[int]] = field(default_factory=dict)
    name_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    agents: dict[tuple[str, ...], str] = field(default_factory=dict)
    agent_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    #: the words a name or agent phrase can open with (a quick test before the phrase tables)
    first_words: frozenset[str] = frozenset()
    surnames: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, str] = field(default_factory=dict)
    igos: dict[str, tuple[str, str]] = field(default_factory=dict)

    def code_at(self, entry: Entry, date: str | None) -> str | None:
        """The entry's code on ``date`` (ISO; None = today); a person out of office is ELI."""
        day = date or dt.date.today().isoformat()
        dated = [s for s in entry.spans if s.code and (s.start or s.end)]
        active = [s for s in dated if (s.start or "") <= day <= (s.end or "9999")]
        if active:
            return max(active, key=lambda s: (s.start or "", len(s.code or ""))).code
        default = next((s.code for s in entry.spans if not s.start and not s.end), None)
        if entry.kind != "person":
            return default
        ended = [s for s in dated if s.end and s.end < day]
        if ended:
            last = max(ended, key=lambda s: s.end or "")
            head = (last.code or "")[:3]
            if head in self.countries and head not in NONSTATE:
                return head + "ELI"
            return default
        if default:
            return default
        head = (dated[0].code or "")[:3] if dated else ""
        return head if head in self.countries and head not in NONSTATE else None

    def role_at(self, entry: Entry, date: str | None) -> str | None:
        """The entry's role (president, foreign_minister, ...) on ``date``, if known."""
        day = date or dt.date.today().isoformat()
        for role, start, end in entry.roles:
            if role and (start or "") <= day <= (end or "9999"):
                return role
        return None

    @lru_cache(maxsize=4096)  # noqa: B019  (one Dictionary per process)
    def describe(self, code: str | None) -> Described:
        """Country, organisation and sectors of a CAMEO code ('RUSGOV' -> RUS, None, (GOV,))."""
        if not code:
            return Described(None, None, ())
        head = code[:3]
        if head == "IGO":
            org = next((code[:n] for n in range(len(code), 2, -3) if code[:n] in self.igos), None)
            acronym = self.igos[org][0] if org else (code if len(code) > 3 else "IGO")
            rest = code[len(org) :] if org else code[3:]
            return Described(None, acronym, _sectors(rest))
        if head in NONSTATE:
            country = self.countries.get(code[3:6]) if head == "MNC" else None
            sectors = ("BUS",) if head == "MNC" else (head,) if head == "NGO" else ()
            return Described(country, None, sectors + _sectors(code[6:] if country else code[3:]))
        sub = code[3:6]
        if head in HISTORICAL_HEADS and sub in self.countries and sub not in SECTORS:
            return Described(self.countries.get(sub), None, _sectors(code[6:]))  # SCGSRB: Serbia
        return Described(self.countries.get(head), None, _sectors(code[3:]))

    def country_code(self, iso3: str) -> str:
        """The CAMEO code of an ISO3 country (they agree except for historical states)."""
        return next((c for c, i in self.countries.items() if i == iso3), iso3)


#: common Chinese, Korean and Vietnamese surnames (written first)
EAST_ASIAN_SURNAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang
    han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao wen
    xi qin fu fan kong bai mao hua gu geng jia meng hou shi qian tan lai zou xiong qiu jin duan lei yan
    kim lee park choi jung jeong kang cho yoon jang lim moon shin yoo ryu hong jeon ko kwon ahn
    nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong""".split()
)
#: Western first names that are also East Asian surnames: surname-first only in longer names
AMBIGUOUS_FIRST = frozenset({"kim", "lee", "ma", "hong", "young", "jin", "su", "ye"})


def name_words(name: str) -> list[str]:
    """A name's words, lowercase, split on spaces and hyphens ('Al-Bashir' -> ['al', 'bashir'])."""
    return [w for w in re.split(r"[\s\-]+", name.lower()) if w and w not in (".", ",")]


def surname_first(words: list[str]) -> bool:
    """True for a name written surname first ("Liu He", "Kim Jong Un", "Nguyen Xuan Phuc")."""
    if len(words) < 2 or words[0] not in EAST_ASIAN_SURNAMES:
        return False
    return words[0] not in AMBIGUOUS_FIRST or len(words) >= 3 or "-" in words[-1]


def surname(words: list[str]) -> str:
    """The surname among a name's lowercase words."""
    return words[0] if surname_first(words) else words[-1]


def given_name(words: list[str]) -> str:
    """The first given name among a name's lowercase words ("" for a single word)."""
    if len(words) < 2:
        return ""
    return words[1] if surname_first(words) else words[0]


def _sectors(rest: str) -> tuple[str, ...]:
    groups = [rest[i : i + 3] for i in range(0, len(rest) - 2, 3)]
    return tuple(g for g in groups if g in SECTORS)


@lru_cache(maxsize=65536)
def _spans(text: str) -> tuple[Span, ...]:
    out = []
    for part in text.split(";") if text else ():
        code, start, end = part.split("@")
        out.append(Span(code or None, start or None, end or None))
    return tuple(out)


def _read_tsv(name: str) -> list[list[str]]:
    path = DATA / name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError(f"[D303] The actor data file {name} is missing: run scripts/build_actors.py.") from None
    text = gzip.decompress(raw).decode("utf-8") if name.endswith(".gz") else raw.decode("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:]  # header


def _add_phrase(table: dict, prefixes: set, phrase: str, value) -> tuple[str, ...]:
    key = tuple(phrase.split(" "))
    if "-" in key:
        key = tuple(w for w in key if w != "-") or (phrase,)
    if len(key) > 1:
        prefixes.update([key[:n] for n in range(1, len(key))])
    if isinstance(value, int):
        table.setdefault(key, []).append(value)
    else:
        table.setdefault(key, value)
    return key


def dictionary_version() -> str:
    """The version of the packaged dictionary (written by the build script)."""
    try:
        return (DATA / "VERSION").read_text().strip()
    except FileNotFoundError:
        return "missing"


#: the package data files the dictionary is built from
FILES = ("VERSION", "countries.tsv", "igos.tsv", "actors.tsv.gz", "agents.tsv")


@lru_cache(maxsize=1)
def load_dictionary() -> Dictionary:
    """The packaged actor dictionary (loaded once per process, from the compiled cache when there)."""
    return cached("actors", _build_dictionary, [DATA / f for f in FILES])


def _build_dictionary() -> Dictionary:
    version = dictionary_version()
    d = Dictionary(version=version)
    d.countries = {row[0]: row[1] for row in _read_tsv("countries.tsv")}
    d.igos = {row[0]: (row[1], row[2]) for row in _read_tsv("igos.tsv")}
    for row in _read_tsv("actors.tsv.gz"):
        _add_entry(d, row)
    for phrase, code in _read_tsv("agents.tsv"):
        _add_phrase(d.agents, d.agent_prefixes, phrase, code)
    tables = (d.names, d.name_prefixes, d.agents, d.agent_prefixes)
    d.first_words = frozenset(key[0] for table in tables for key in table if len(key) == 1)
    log.info("actor dictionary %s: %d entries, %d phrases", version, len(d.entries), len(d.names))
    return d


def _add_entry(d: Dictionary, row: list[str]) -> None:
    _, kind, name, gender, codes, aliases, roles = (row + [""] * 7)[:7]
    idx = len(d.entries)
    d.entries.append(Entry(idx, kind, name, gender, codes, roles))
    names, prefixes = d.names, d.name_prefixes
    for alias in aliases.split("|"):
        if alias:
            _add_phrase(names, prefixes, alias, idx)
    if kind == "person":
        words = name_words(name)
        if words:
            d.surnames[surname(words)].append(idx)
