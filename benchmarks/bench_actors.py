#!/usr/bin/env python
"""Speed and memory of the actor stage (run by hand; results go in benchmarks/RESULTS.md).

    .venv/bin/python benchmarks/bench_actors.py [--repeat 3]

Measures, each in a fresh process where it matters:
- dictionary load: wall and CPU time, RSS growth and peak traced memory of loading the dictionary;
- overhead: time of actor resolution (with coreference) over the sample corpus, relative to
  the bare spaCy parse of the same texts (budget: +10%).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOAD = """
import json, time, tracemalloc, resource
import dragoman.actors
from dragoman.actors.dictionary import load_dictionary
from dragoman.actors.people import first_names
tracemalloc.start()
t = time.perf_counter()
d = load_dictionary(); first_names()
secs = time.perf_counter() - t
peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
print(json.dumps({"seconds": secs, "peak_mb": peak / 1e6, "entries": len(d.entries), "phrases": len(d.names)}))
"""

LOAD_FAST = """
import json, time, resource
import dragoman.actors  # imports spaCy: not part of the dictionary load
from dragoman.actors.dictionary import load_dictionary
from dragoman.actors.people import first_names
r0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t, c = time.perf_counter(), time.process_time()
load_dictionary(); first_names()
secs, cpu = time.perf_counter() - t, time.process_time() - c
rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - r0) / 1e3
print(json.dumps({"seconds": secs, "cpu_seconds": cpu, "rss_growth_mb": rss}))
"""


def measure_load() -> dict:
    """Load time (without tracing) and peak memory (with tracemalloc), each in a fresh process."""
    fast = json.loads(subprocess.run([sys.executable, "-c", LOAD_FAST], capture_output=True, text=True,
                                     cwd=ROOT, check=True).stdout)
    traced = json.loads(subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True,
                                       cwd=ROOT, check=True).stdout)
    return {"load_seconds": round(fast["seconds"], 3), "load_cpu_seconds": round(fast["cpu_seconds"], 3),
            "rss_growth_mb": round(fast["rss_growth_mb"], 1),
            "peak_traced_mb": round(traced["peak_mb"], 1), "entries": traced["entries"], "phrases": traced["phrases"]}


def texts() -> list[str]:
    folder = ROOT / "dragoman" / "data" / "sample" / "articles"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def measure_overhead(repeat: int) -> dict:
    """Parse time of the bare model vs. the time actor resolution adds, best of `repeat`."""
    from dragoman.actors.component import ActorResolver
    from dragoman.nlp import load_model, register_extensions

    register_extensions()
    nlp = load_model()
    resolver = ActorResolver(nlp)
    data = texts()
    words = sum(len(t.split()) for t in data)
    parse, actors = [], []
    for _ in range(repeat):  # CPU time of this process: robust to other jobs on the machine
        t = time.process_time()
        docs = list(nlp.pipe(data, batch_size=32))
        parse.append(time.process_time() - t)
        t = time.process_time()
        for doc in docs:
            resolver.resolve(doc, "2010-01-01")
        actors.append(time.process_time() - t)
    p, a = min(parse), min(actors)
    return {"texts": len(data), "words": words, "parse_seconds": round(p, 3), "actor_seconds": round(a, 3),
            "overhead_pct": round(100 * a / p, 2),
            "mentions": sum(len(resolver.resolve(d, "2010-01-01")) for d in docs)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    result = {"load": measure_load(), "overhead": measure_overhead(args.repeat)}
    print(json.dumps(result, indent=2))
    ok = result["load"]["load_cpu_seconds"] < 2 and result["load"]["peak_traced_mb"] < 300
    ok = ok and result["overhead"]["overhead_pct"] <= 10
    print("within budget" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
