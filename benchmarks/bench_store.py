"""Store benchmark: 1 million generated event rows on SQLite or PostgreSQL.

Measures what analysts do most: a dyad's monthly series, one page of an actor's events
(with the total count), and a filtered CSV export of about 100,000 rows; plus, for the
record, the other queries the web app calls. Targets: under 1 s for the first two on SQLite.

    .venv/bin/python benchmarks/bench_store.py --db /tmp/bench.db
    .venv/bin/python benchmarks/bench_store.py --db postgresql://postgres@127.0.0.1:5432/bench

The rows are made up but shaped like real event data: ~150 countries with a Zipf-like
share (USA, RUS, CHN, ... first), actor codes with sectors, 6% IGO actors, CAMEO roots in
GDELT-like proportions, dates over 1995-2024 (3% month-only, 2% year-only), 10 events per
article, topic tags on a quarter of the rows. The database is generated once and reused
(``--fresh`` regenerates it).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import text

from dragoman.analysis import actor_network, dyad_series, top_events
from dragoman.export import export
from dragoman.models import EVENT_ROW_COLUMNS
from dragoman.store import open_store
from dragoman.store.store import Store

COUNTRIES = [
    "USA",
    "RUS",
    "CHN",
    "GBR",
    "FRA",
    "DEU",
    "IRN",
    "ISR",
    "UKR",
    "IND",
    "PAK",
    "JPN",
    "TUR",
    "SYR",
    "IRQ",
    "AFG",
    "PRK",
    "KOR",
    "SAU",
    "EGY",
    "GEO",
    "BRA",
    "MEX",
    "CAN",
    "AUS",
    "ITA",
    "ESP",
    "POL",
    "NGA",
    "ZAF",
]
COUNTRIES += [f"C{i:02d}" for i in range(120)]  # the long tail
IGOS = ["UN", "NATO", "EU", "AU", "IAEA", "OPEC", "ASEAN", "ICC"]
SECTORS = ["GOV", "MIL", "", "", "COP", "OPP", "BUS", "MED", "REB", "CVL", "JUD", "LEG"]
#: CAMEO root: (share, quad class, Goldstein)
ROOTS = {
    "01": (14, 1, 0.0),
    "02": (6, 1, 3.0),
    "03": (5, 1, 4.0),
    "04": (20, 1, 1.0),
    "05": (9, 1, 3.5),
    "06": (3, 2, 6.0),
    "07": (3, 2, 7.0),
    "08": (2, 2, 5.0),
    "09": (2, 3, -2.0),
    "10": (3, 3, -5.0),
    "11": (7, 3, -2.0),
    "12": (2, 3, -4.0),
    "13": (2, 3, -6.0),
    "14": (2, 3, -6.5),
    "15": (1, 4, -7.2),
    "16": (1, 4, -4.0),
    "17": (5, 4, -5.0),
    "18": (4, 4, -9.0),
    "19": (6, 4, -10.0),
    "20": (1, 4, -10.0),
}
TOPICS = ["nuclear", "energy", "trade", "migration", "terrorism", "elections", "climate", "health"]


def _actor(rng: random.Random, weights: list[float], side: str) -> dict[str, Any]:
    if rng.random() < 0.06:
        igo = rng.choice(IGOS)
        return {
            f"{side}_code": f"IGO{igo}",
            f"{side}_name": igo,
            f"{side}_country": None,
            f"{side}_igo": igo,
            f"{side}_sectors": "IGO",
            f"{side}_text": igo,
        }
    country = rng.choices(COUNTRIES, weights)[0]
    sector = rng.choice(SECTORS)
    return {
        f"{side}_code": country + sector,
        f"{side}_name": f"{country} {sector}".strip(),
        f"{side}_country": country,
        f"{side}_igo": None,
        f"{side}_sectors": sector,
        f"{side}_text": country,
    }


def _date(rng: random.Random) -> str:
    y, m, d = rng.randint(1995, 2024), rng.randint(1, 12), rng.randint(1, 28)
    r = rng.random()
    return f"{y}" if r < 0.02 else f"{y}-{m:02d}" if r < 0.05 else f"{y}-{m:02d}-{d:02d}"


def generate(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` flat event rows (10 per article), the same for the same seed."""
    rng = random.Random(seed)
    weights = [1 / (i + 1) ** 1.1 for i in range(len(COUNTRIES))]
    roots = list(ROOTS)
    shares = [ROOTS[r][0] for r in roots]
    for i in range(n):
        root = rng.choices(roots, shares)[0]
        _, quad, gold = ROOTS[root]
        code = root + str(rng.randint(0, 6))
        row: dict[str, Any] = dict.fromkeys(EVENT_ROW_COLUMNS)
        row.update(_actor(rng, weights, "source"))
        row.update(_actor(rng, weights, "target") if rng.random() > 0.05 else {})
        tags = rng.sample(TOPICS, 2) if rng.random() < 0.25 else []
        row.update(
            article_id=f"art{i // 10:07d}",
            code=code,
            root=root,
            name=f"CAMEO {code}",
            quad_class=quad,
            goldstein=gold,
            date=_date(rng),
            sentence=i % 10,
            trigger_text="met",
            trigger_start=i % 10 * 50,
            trigger_end=i % 10 * 50 + 3,
            confidence=0.8,
            rule=f"{code}:bench",
            coder_version="bench",
            event_id=hashlib.sha1(str(i).encode()).hexdigest()[:20],
            sentence_text=f"Sentence {i % 10} of a generated article about {tags[0] if tags else 'politics'}.",
            contexts=";".join(tags),
            issues=tags[0] if tags else "",
            article_date="2024-01-01",
        )
        yield row


def fill(store: Store, n: int) -> float:
    """Insert ``n`` generated rows; returns the seconds it took."""
    start = time.perf_counter()
    store.add_event_rows(generate(n), batch=20_000)
    done = store.count("events")
    store.optimize()
    print(f"generated {done:,} rows in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return time.perf_counter() - start


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float, float, Any]:
    """(first run, median of the next ``repeat`` runs, median CPU time of this process) in
    seconds, and the last result. The CPU time leaves out the database server's work."""
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    runs, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return first, statistics.median(runs), statistics.median(cpu), result


def export_filter(store: Store, target: int = 100_000) -> dict[str, str]:
    """Filters (country USA since a date) that select about ``target`` rows."""
    q = text(
        "SELECT date FROM events WHERE source_country = 'USA' OR target_country = 'USA' "
        "ORDER BY date DESC LIMIT 1 OFFSET :n"
    )
    with store.engine.connect() as conn:
        since = conn.execute(q, {"n": target - 1}).scalar()
    return {"country": "USA", "since": str(since)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "dragoman-bench.db"))
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--fresh", action="store_true", help="Regenerate the rows.")
    args = ap.parse_args()
    if args.fresh and "://" not in args.db:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
    store = open_store(args.db)
    if args.fresh and store.dialect == "postgresql":
        with store.transaction() as conn:
            conn.execute(text("TRUNCATE events, articles CASCADE"))
    if store.count("events") < args.rows:
        fill(store, args.rows)
    else:
        store.optimize()
    filters = export_filter(store)
    out = Path(tempfile.gettempdir()) / "dragoman-bench-export.csv"
    cases: dict[str, Callable[[], Any]] = {
        "dyad series USA-RUS, all months": lambda: len(dyad_series(store, "USA", "RUS").rows),
        "actor page USAGOV (50 rows + total)": lambda: store.events_page(actor="USAGOV", limit=50).total,
        f"CSV export country=USA since={filters['since']}": lambda: export(store, "csv", out, **filters).events,
        "dyad series RUS-UKR 2014, topic=energy": lambda: len(
            dyad_series(store, "RUS", "UKR", since="2014", until="2014", topic="energy").rows
        ),
        "events page country=IRN root=19 (+ total)": lambda: store.events_page(country="IRN", root="19").total,
        "actors, top 25": lambda: len(store.actors(limit=25).rows),
        "network 2010-2014, min weight 50": lambda: len(
            actor_network(store, since="2010", until="2014", min_weight=50).edges
        ),
        "top 20 events 2020 by intensity": lambda: len(top_events(store, n=20, since="2020", until="2020")),
        "summary (overview page)": lambda: store.summary()["events"],
    }
    head = f"| query ({store.dialect}, {store.count('events'):,} events) | first run | median of {args.repeat} |"
    print(head + " CPU (client) | result |\n|---|---:|---:|---:|---:|")
    for name, fn in cases.items():
        first, median, cpu, result = timed(fn, args.repeat)
        print(f"| {name} | {first:.3f} s | {median:.3f} s | {cpu:.3f} s | {result:,} |", flush=True)


if __name__ == "__main__":
    main()
