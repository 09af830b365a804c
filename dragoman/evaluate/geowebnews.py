"""GeoWebNews (Gritta et al. 2019): toponyms placed within 161 km (100 miles) of the gold point.

Two figures. ``within_161km`` is end to end: dragoman finds the toponyms in the raw text
itself (the named entities, demonyms included, as GeoWebNews counts "Irish" and "German") and
places them; a gold toponym counts when a found toponym overlapping it lies within 161 km.
``gold_spans_161km`` places the gold toponym strings themselves, with the article's context,
which measures the gazetteer and the ranking alone. Denominators: the gold toponyms with a
GeoNames id and coordinates (``all_with_coords`` adds those with coordinates but no id).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvaluationError
from ..geo.gazetteer import Place, load_gazetteer
from ..geo.parse import Toponym, geoparse
from ..geo.resolve import candidates, country_weights, rank
from ..pipeline import COMPONENTS, build_nlp
from .report import Report

GWN = "data/geo/GeoWebNews_GWN.xml"
#: the usual tolerance of geocoding evaluations: 100 miles
TOLERANCE_KM = 161.0
#: GeoWebNews types of names that look like places but are not
NOT_PLACES = frozenset({"Non_Toponym", "Homonym", "Language"})


@dataclass
class GoldToponym:
    """One annotated toponym."""

    start: int
    end: int
    name: str
    type: str
    geonameid: int | None
    lat: float | None
    lon: float | None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _text(el: ET.Element, tag: str) -> str:
    found = el.find(tag)
    return (found.text or "").strip() if found is not None else ""


def read_gwn(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """The articles of GeoWebNews: (text, gold toponyms)."""
    if not path.exists():
        raise EvaluationError(f"[D601] {path} is missing. Pass --data with the shared folder that holds {GWN}.")
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        tops = []
        for t in art.iter("toponym"):
            lat, lon, gid = _text(t, "latitude"), _text(t, "longitude"), _text(t, "geonamesID")
            tops.append(
                GoldToponym(
                    int(_text(t, "start")),
                    int(_text(t, "end")),
                    _text(t, "extractedName"),
                    _text(t, "type"),
                    int(gid) if gid else None,
                    float(lat) if lat else None,
                    float(lon) if lon else None,
                )
            )
        out.append((_text(art, "text"), tops))
    return out


def _found_at(tops: list[Toponym], g: GoldToponym) -> Place | None:
    for t in tops:
        if t.place is not None and t.span.start_char < g.end and g.start < t.span.end_char:
            return t.place
    return None


def _gold_span_place(text: str, context: Counter[str]) -> Place | None:
    gaz = load_gazetteer()
    dem = gaz.demonym(text)
    if dem is not None:
        return dem
    cands, wanted = candidates(gaz, text)
    scored = rank(cands, context, wanted)
    return scored[0][1] if scored else None


def _close(p: Place | None, g: GoldToponym) -> bool:
    return p is not None and g.lat is not None and km(p.lat, p.lon, g.lat, g.lon or 0.0) <= TOLERANCE_KM


def evaluate_geowebnews(shared: Path, settings: Settings | None = None) -> Report:
    """Score the geoparser on GeoWebNews (end to end, and on the gold toponym strings)."""
    settings = settings or Settings()
    articles = read_gwn(shared / GWN)
    nlp = build_nlp(settings.model)
    gaz = load_gazetteer()
    n: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = {}
    with nlp.select_pipes(disable=[c for c in COMPONENTS if c in nlp.pipe_names]):
        docs = nlp.pipe((text for text, _ in articles), batch_size=settings.batch_size)
        for doc, (_, gold) in zip(docs, articles, strict=False):
            tops = geoparse(doc, gaz, demonyms=True, embedded=True)
            context = country_weights((t.place, t.weight) for t in tops if t.place is not None)
            _precision(n, tops, gold)
            for g in gold:
                if g.lat is None:
                    continue
                _count(n, by_type, g, _found_at(tops, g), _gold_span_place(g.name, context))
    return _report(n, by_type)


def _precision(n: Counter[str], tops: list[Toponym], gold: list[GoldToponym]) -> None:
    """Count the place names placed (not demonyms) and those that are gold toponyms of a place."""
    for t in tops:
        if t.label == "NORP" or t.place is None:
            continue
        n["ours"] += 1
        n["ours_right"] += any(
            g.type not in NOT_PLACES and t.span.start_char < g.end and g.start < t.span.end_char for g in gold
        )


def _count(
    n: Counter[str], by_type: dict[str, Counter[str]], g: GoldToponym, found: Place | None, gold_span: Place | None
) -> None:
    n["with_coords"] += 1
    n["with_coords_hit"] += _close(found, g)
    if g.geonameid is None:
        return
    row = by_type.setdefault(g.type, Counter())
    for c in (n, row):
        c["gold"] += 1
        c["found"] += found is not None
        c["hit"] += _close(found, g)
        c["gold_span_hit"] += _close(gold_span, g)
        c["exact_id"] += found is not None and found.geonameid == g.geonameid


def _share(a: int, b: int) -> float:
    return a / b if b else 0.0


def _report(n: Counter[str], by_type: dict[str, Counter[str]]) -> Report:
    report = Report("geowebnews")
    report.figures = {
        "within_161km": _share(n["hit"], n["gold"]),
        "placed": f"{n['hit']}/{n['gold']}",
        "recognised": _share(n["found"], n["gold"]),
        "recognition_precision": _share(n["ours_right"], n["ours"]),
        "gold_spans_161km": _share(n["gold_span_hit"], n["gold"]),
        "exact_geonameid": _share(n["exact_id"], n["gold"]),
        "all_with_coords_161km": _share(n["with_coords_hit"], n["with_coords"]),
    }
    report.table = [_row(t, c) for t, c in sorted(by_type.items(), key=lambda kv: -kv[1]["gold"])]
    return report


def _row(kind: str, c: Counter[str]) -> dict[str, Any]:
    return {
        "category": kind,
        "gold": c["gold"],
        "placed": c["hit"],
        "within_161km": round(_share(c["hit"], c["gold"]), 3),
        "recognised": round(_share(c["found"], c["gold"]), 3),
        "gold_spans_161km": round(_share(c["gold_span_hit"], c["gold"]), 3),
    }
