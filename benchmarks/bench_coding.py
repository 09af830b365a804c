"""Benchmark: the event coder alone, after the parse (sentences per second on one core).

Parses a corpus once with the full pipeline up to the coder (model, actors, places, dates),
then times only ``dragoman_events`` over those Docs, several rounds, and prints the best
round's throughput in CPU time of this process (the machine is shared: wall-clock time is
printed too, with the load average). Corpus: the PLOVER dev records, the PETRARCH-2 validation sentences, the
example article and the development reports (about 1,000 sentences), repeated to --sentences.

Run: .venv/bin/python benchmarks/bench_coding.py [--shared ../shared] [--sentences 20000]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus(shared: Path) -> list[tuple[str, str]]:
    """(text, date) of the benchmark documents."""
    from dragoman.evaluate.petrarch import petrarch_cases
    from dragoman.evaluate.plover import plover_cases

    docs = [(c["text"], c["date"]) for c in plover_cases(shared / "data/plover/PLOVER_GSR_dev.json")]
    petr = petrarch_cases(shared / "data/petrarch2/text/PETR2_GSR_validation.xml")
    docs += [(c["text"], c["date"] or "2008-08-01") for c in petr]
    docs.append(((shared / "examples/voa-2009-03-06-clinton-lavrov.txt").read_text(), "2009-03-06"))
    for gold in sorted((ROOT / "tests/coding/reports").glob("*.gold.json")):
        text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text()
        docs.append((text, json.loads(gold.read_text())["document"]["date"]))
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--sentences", type=int, default=20000)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from dragoman.models import Article
    from dragoman.pipeline import build_nlp

    nlp = build_nlp()
    coder = nlp.get_pipe("dragoman_events")
    before = nlp.pipe_names[: nlp.pipe_names.index("dragoman_events")]
    docs = []
    for text, date in corpus(Path(args.shared)):
        doc = nlp.make_doc(text)
        doc._.dragoman_meta = Article(text=text, date=date).meta()
        with nlp.select_pipes(enable=before):
            docs.append(nlp(doc))
    per_pass = sum(len(list(d.sents)) for d in docs)
    reps = max(1, args.sentences // per_pass)
    best_wall = best_cpu = float("inf")
    for _ in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(reps):
            for d in docs:
                coder(d)
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    n = per_pass * reps
    events = sum(len(d._.dragoman_events) for d in docs)
    print(
        f"coding alone: {n} sentences ({len(docs)} docs x {reps}, {events} events per pass), best of "
        f"{args.rounds} rounds on one core: {n / best_cpu:,.0f} sentences/s of CPU time "
        f"({n / best_wall:,.0f}/s wall clock, {os.getloadavg()[0]:.1f} load average)"
    )


if __name__ == "__main__":
    main()
