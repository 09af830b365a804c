#!/usr/bin/env python
"""Speed of topic tagging (run by hand; results go in benchmarks/RESULTS.md).

    .venv/bin/python benchmarks/bench_topics.py [--repeat 5] [--copies 3]

Measures, on the bundled sample corpus (``--copies`` times over):
- set-up: loading the lexicon and compiling its matchers (once per process);
- overhead: the ``dragoman_topics`` component over the parsed Docs, plus ``event_topics``
  for one event per sentence (more events than any coder emits: an upper bound), relative
  to the bare spaCy parse of the same texts (budget: +5%).
Each figure is the median of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_texts(copies: int) -> list[str]:
    """The sample corpus's texts, ``copies`` times."""
    from dragoman.ingest.sample import SAMPLE_DIR

    texts = [p.read_text(encoding="utf-8") for p in sorted((SAMPLE_DIR / "articles").glob("*.txt"))]
    return texts * copies


def main() -> None:
    ap = argparse.ArgumentParser(description="topic tagging overhead")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--copies", type=int, default=3)
    args = ap.parse_args()

    from dragoman.nlp import load_package, model_name, register_extensions
    from dragoman.topics import TopicTagger, event_topics

    register_extensions()
    nlp = load_package(model_name(""))
    t = time.perf_counter()
    tagger = TopicTagger(nlp)
    setup = time.perf_counter() - t
    texts = sample_texts(args.copies)
    words = sum(len(x.split()) for x in texts)
    parse, tag, assign = [], [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=32))
        parse.append(time.perf_counter() - t)
        t = time.perf_counter()
        for doc in docs:
            tagger(doc)
        tag.append(time.perf_counter() - t)
        t = time.perf_counter()
        events = 0
        for doc in docs:
            for i, sent in enumerate(doc.sents):
                event_topics(
                    doc,
                    {
                        "code": "040",
                        "root": "04",
                        "sentence": i,
                        "trigger_start": sent.start,
                        "trigger_end": sent.start + 1,
                        "source": {"country": "USA"},
                        "target": {"country": "RUS"},
                    },
                )
                events += 1
        assign.append(time.perf_counter() - t)
    p, g, a = statistics.median(parse), statistics.median(tag), statistics.median(assign)
    print(f"texts {len(texts)} ({words:,} words), events {events}, repeat {args.repeat}")
    print(f"set-up (lexicon load + matcher compile): {setup:.2f} s")
    print(
        f"bare parse {p:.2f} s; topics component {g:.3f} s (+{100 * g / p:.1f}%); "
        f"event_topics {a:.3f} s (+{100 * a / p:.1f}%); together +{100 * (g + a) / p:.1f}% (budget +5%)"
    )


if __name__ == "__main__":
    main()
