"""A bounded load test on loopback: 200 concurrent requests to /api/events, none may fail.

The latencies (p50, p99) are printed, not asserted: the machine is shared, timings are noise.
"""

from __future__ import annotations

import asyncio
import math
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

CONCURRENT = 200
QUERIES = [
    {},
    {"limit": 10, "offset": 5},
    {"country": "RUS"},
    {"root": "19"},
    {"since": "2009-01-01"},
    {"q": "talks"},
    {"limit": 200},
    {"actor": "USAGOV", "until": "2009-12-31"},
]


async def _one(client: httpx.AsyncClient, start: asyncio.Event, params: dict) -> tuple[int, float, str]:
    await start.wait()
    t0 = time.perf_counter()
    try:
        r = await client.get("/api/events", params=params)
        ok = r.status_code == 200 and r.json()["ok"] is True
        return r.status_code, time.perf_counter() - t0, "" if ok else r.text[:200]
    except httpx.HTTPError as exc:
        return 0, time.perf_counter() - t0, repr(exc)


async def _burst(base: str, n: int) -> tuple[list[tuple[int, float, str]], float]:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        start = asyncio.Event()
        tasks = [asyncio.create_task(_one(client, start, QUERIES[i % len(QUERIES)])) for i in range(n)]
        await asyncio.sleep(0.05)  # every request is waiting at the gate
        t0 = time.perf_counter()
        start.set()
        results = await asyncio.gather(*tasks)
        return results, time.perf_counter() - t0


def burst(base: str, n: int = CONCURRENT) -> tuple[list[tuple[int, float, str]], float]:
    """Fire n requests at once (in a thread of its own: no clash with another event loop)."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, _burst(base, n)).result()


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered), math.ceil(p / 100 * len(ordered))) - 1)]


@pytest.mark.slow
def test_200_concurrent_requests_to_events_none_fail(live, capsys):
    results, wall = burst(live.url)
    failures = [(status, why) for status, _, why in results if status != 200 or why]
    assert len(results) == CONCURRENT
    assert failures == [], failures[:5]
    ms = [t * 1000 for _, t, _ in results]
    with capsys.disabled():
        print(
            f"\nload: {CONCURRENT} concurrent GET /api/events on loopback: 0 failed, "
            f"p50 {percentile(ms, 50):.0f} ms, p99 {percentile(ms, 99):.0f} ms, "
            f"mean {statistics.mean(ms):.0f} ms, wall {wall:.2f} s ({CONCURRENT / wall:.0f} req/s)"
        )


def test_percentile():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50 and percentile(values, 99) == 99 and percentile(values, 100) == 100
    assert percentile([3.0], 99) == 3.0
