"""Benchmark: what quotes, dates and places add to the bare parse (budget: +15% together).

Parses the sample articles (dragoman/data/sample/articles, repeated) with the spaCy model alone,
then times each of the places, times and quotes components on the parsed Docs (after the actors
component, which they read), in CPU seconds of this process (the machine is shared, so wall time
is noisy). Also times event_date/event_place for every verb and noun, a generous stand-in for
the events the coder finds.

    .venv/bin/python benchmarks/bench_qdp.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from importlib import resources

from dragoman.geo import event_place
from dragoman.ingest.dates import dateline
from dragoman.pipeline import COMPONENTS, build_nlp
from dragoman.temporal import event_date

MEASURED = ("dragoman_places", "dragoman_times", "dragoman_quotes")


def sample_texts() -> list[tuple[str, str | None]]:
    """The packaged sample articles with their datelines."""
    base = resources.files("dragoman") / "data" / "sample" / "articles"
    out = []
    for f in sorted(base.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".txt"):
            text = f.read_text(encoding="utf-8")
            out.append((text, dateline(text)))
    return out


def main() -> None:
    """Print the parse time, each component's time and their share of the parse."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes over the sample articles")
    args = ap.parse_args()
    nlp = build_nlp()
    arts = sample_texts() * args.repeat
    words = sum(len(t.split()) for t, _ in arts)
    docs = []
    for text, date in arts:
        d = nlp.make_doc(text)
        d._.dragoman_meta = {"date": date}
        docs.append(d)
    t0 = time.process_time()
    with nlp.select_pipes(disable=[c for c in COMPONENTS if c in nlp.pipe_names]):
        docs = list(nlp.pipe(docs, batch_size=16))
    parse = time.process_time() - t0
    for d in docs:
        nlp.get_pipe("dragoman_actors")(d)
    spent = {}
    for name in MEASURED:
        comp = nlp.get_pipe(name)
        t0 = time.process_time()
        for d in docs:
            comp(d)
        spent[name] = time.process_time() - t0
    t0 = time.process_time()
    calls = 0
    for d in docs:
        for tok in d:
            if tok.pos_ in ("VERB", "NOUN"):
                event_date(d, tok.i, tok.i + 1)
                event_place(d, tok.i, tok.i + 1)
                calls += 1
    spent["event_date+event_place"] = time.process_time() - t0
    print(f"{len(arts)} articles, {words} words; bare parse {parse:.2f} s CPU ({words / parse:.0f} words/s)")
    for name, s in spent.items():
        print(f"  {name:<26} {s:7.3f} s  {100 * s / parse:5.1f}% of the parse")
    print(f"  (event_date+event_place: {calls} calls, one per verb and noun)")
    qdp = sum(spent[n] for n in MEASURED)
    print(
        f"quotes+dates+places: +{100 * qdp / parse:.1f}% (budget 15%); dates+places: "
        f"+{100 * (spent['dragoman_places'] + spent['dragoman_times']) / parse:.1f}% (budget ~10%)"
    )


if __name__ == "__main__":
    main()
