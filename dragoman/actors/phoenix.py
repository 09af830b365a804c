"""Readers for the TABARI/PETRARCH dictionary formats (``.actors`` and ``.agents`` files).

Used by ``scripts/build_actors.py`` to turn the Phoenix dictionaries into dragoman's own
package data; nothing here runs when articles are read. A line that does not follow the
format raises :class:`~dragoman.errors.DictionaryError` naming its file and line.

Actor files::

    RUSSIAN_FEDERATION_  [RUS]          an entry: its primary phrase and (optionally) codes
    +MOSCOW_                            a synonym of the entry above
    \t[RUSGOV 19940922-20040712] # Amb.  a code line: code and date restriction
    MICHELE_MONTAS_ [HTIOPP <061231] [IGOUNOMED]   several codes on one line

Dates are ``YYMMDD`` (``YY`` <= 30 is 20YY) or ``YYYYMMDD``; ``>D`` from D, ``<D`` until D,
``D1-D2`` between, a single ``D`` from D. ``[---]`` means "no code".

Agent files::

    !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES     a macro
    DEFENSE_!MINIST! [~GOVMIL]                               a phrase using it
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]        explicit plurals ({} = none)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DictionaryError

_CODE = re.compile(r"^(?:---|[A-Z]{3}(?:[A-Z]{3}|[0-9]{3}|[A-Z])*)$")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_MACRO = re.compile(r"^!([A-Z]+)!\s*=\s*(.+)$")
_AGENT_CODE = re.compile(r"^(?:~[A-Z]{3}(?:[A-Z]{3})*|IGO~)$")


@dataclass
class CodeSpan:
    """One code of an entry, valid from ``start`` to ``end`` (ISO dates; None = open)."""

    code: str | None
    start: str | None = None
    end: str | None = None
    note: str = ""


@dataclass
class ActorEntry:
    """An actor block: its primary phrase, synonyms and dated codes."""

    phrase: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[CodeSpan] = field(default_factory=list)
    comment: str = ""
    path: str = ""
    line: int = 0


@dataclass
class AgentEntry:
    """An agent phrase (already expanded: one phrase per form) and its sector code."""

    phrase: str
    code: str
    line: int = 0


def parse_date(text: str, path: str, line: int) -> str:
    """A dictionary date (YYMMDD or YYYYMMDD) as an ISO date."""
    if not _DATE.match(text):
        raise DictionaryError(path, line, f"bad date '{text}': use YYMMDD or YYYYMMDD")
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        raise DictionaryError(path, line, f"bad date '{text}': not a calendar date") from None


def parse_code(body: str, path: str, line: int, note: str = "") -> CodeSpan:
    """The inside of one ``[CODE date]`` bracket."""
    parts = body.split(None, 1)
    if not parts:
        raise DictionaryError(path, line, "empty code brackets []")
    code = parts[0]
    if not _CODE.match(code):
        raise DictionaryError(path, line, f"bad code '{code}': expected letters in groups of three, or ---")
    span = CodeSpan(None if code == "---" else re.sub(r"\d{3}", "", code), note=note)
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    if not rest:
        return span
    if rest.startswith(">"):
        span.start = parse_date(rest[1:], path, line)
    elif rest.startswith("<"):
        span.end = parse_date(rest[1:], path, line)
    elif "-" in rest:
        a, b = rest.split("-", 1)
        span.start, span.end = parse_date(a, path, line), parse_date(b, path, line)
    else:
        span.start = parse_date(rest, path, line)
    if span.start and span.end and span.start > span.end:
        raise DictionaryError(path, line, f"date range ends before it starts: '{rest}'")
    return span


def _split_comment(text: str) -> tuple[str, str]:
    body, _, comment = text.partition("#")
    return body.rstrip(), comment.strip()


def _codes_in(body: str, path: str, line: int, note: str) -> tuple[str, list[CodeSpan]]:
    """Split 'PHRASE [A][B 990101-000101]' into the phrase and its codes."""
    if body.count("[") != body.count("]"):
        raise DictionaryError(path, line, "unbalanced [ ] brackets")
    codes = [parse_code(m.group(1), path, line, note) for m in _BRACKET.finditer(body)]
    phrase = _BRACKET.sub(" ", body).strip()
    if "[" in phrase or "]" in phrase:
        raise DictionaryError(path, line, "nested or stray [ ] brackets")
    return phrase, codes


def read_actors(path: Path, lines: Iterable[str] | None = None) -> Iterator[ActorEntry]:
    """Parse an actors file into entries (raises DictionaryError with file:line)."""
    name = path.name
    current: ActorEntry | None = None
    source = lines if lines is not None else _lines(path)
    for no, raw in enumerate(source, 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body, comment = _split_comment(raw.rstrip("\n"))
        if not body.strip():
            continue
        phrase, codes = _codes_in(body, name, no, comment)
        if raw[0] in " \t":
            if phrase:
                raise DictionaryError(name, no, f"indented line holds text outside codes: '{phrase}'")
            if current is None:
                raise DictionaryError(name, no, "code line before any entry")
            current.codes.extend(codes)
        elif raw.startswith("+"):
            if current is None:
                raise DictionaryError(name, no, "synonym (+) before any entry")
            syn = phrase[1:].strip()
            if not syn:
                raise DictionaryError(name, no, "empty synonym")
            current.synonyms.append(syn)
            current.codes.extend(codes)
        else:
            if current is not None:
                yield current
            current = ActorEntry(phrase=phrase, codes=codes, comment=comment, path=name, line=no)
    if current is not None:
        yield current


def read_agents(path: Path, lines: Iterable[str] | None = None) -> Iterator[AgentEntry]:
    """Parse an agents file into one entry per phrase form (macros and plurals expanded)."""
    name = path.name
    macros: dict[str, list[str]] = {}
    source = lines if lines is not None else _lines(path)
    for no, raw in enumerate(source, 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        body, _ = _split_comment(raw.rstrip("\n"))
        if not body.strip():
            continue
        m = _MACRO.match(body.strip())
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        yield from _agent_line(body, macros, name, no)


def _agent_line(body: str, macros: dict[str, list[str]], name: str, no: int) -> Iterator[AgentEntry]:
    m = re.match(r"^(.*?)\s*(?:\{([^{}]*)\})?\s*\[([^\[\]]*)\]\s*$", body)
    if not m:
        raise DictionaryError(name, no, "expected 'PHRASE [~CODE]' (optionally with {PLURALS})")
    phrase, plurals, code = m.group(1).strip(), m.group(2), m.group(3).strip()
    if not phrase:
        raise DictionaryError(name, no, "agent line without a phrase")
    if not _AGENT_CODE.match(code):
        raise DictionaryError(name, no, f"bad agent code '{code}': expected ~ABC or ~ABCDEF")
    code = code.replace("~", "")
    forms = _expand_macros(phrase, macros, name, no)
    for form in forms:
        yield AgentEntry(form, code, no)
    if plurals is not None:
        for p in plurals.split():
            for form in _expand_macros(p, macros, name, no):
                yield AgentEntry(form, code, no)
    elif "!" not in phrase:
        for form in forms:
            yield AgentEntry(plural(form), code, no)


def _expand_macros(phrase: str, macros: dict[str, list[str]], name: str, no: int) -> list[str]:
    m = re.search(r"!([A-Z]+)!", phrase)
    if not m:
        return [phrase]
    if m.group(1) not in macros:
        raise DictionaryError(name, no, f"unknown macro !{m.group(1)}!: define it with '!{m.group(1)}! = A, B'")
    out = []
    for w in macros[m.group(1)]:
        out.extend(_expand_macros(phrase[: m.start()] + w + phrase[m.end() :], macros, name, no))
    return out


def plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word (``TROOP`` -> ``TROOPS``)."""
    stripped = phrase.rstrip("_ ")
    tail = phrase[len(stripped) :]
    low = stripped.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        p = stripped + "ES"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        p = stripped[:-1] + "IES"
    elif low.endswith("man"):
        p = stripped[:-3] + "MEN"
    else:
        p = stripped + "S"
    return p + tail


def _lines(path: Path) -> Iterator[str]:
    """A dictionary's lines, decoded as UTF-8 with a Latin-1 fallback for stray bytes."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    yield from text.splitlines()
