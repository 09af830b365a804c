#!/usr/bin/env python
"""Speed of topic tagging (run by hand; results go in benchmarks/RESULTS.md).

    .venv/bin/python benchmarks/bench_topics.py [--repeat 5] [--copies 3]

Measures, on the bundled sample corpus (``--copies`` times over):
- set-up: loading the lexicon and compiling its matchers (once per process);
- overhead: the ``dragoman_topics`` component over the Docs read by the rest of the pipeline,
  plus ``event_topics``/``event_evidence`` for the coder's events (and, as an upper bound, for
  one event per sentence), relative to the bare spaCy parse of the same texts (budget: +5%).
Times are CPU seconds of this process (``time.process_time``: steadier than wall time on a
shared machine; the parse runs in this process too), each the median of ``--repeat`` runs.
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


def _assign(docs: list, synthetic: bool) -> tuple[float, int]:
    """CPU seconds of event_topics + event_evidence (as the record assembler calls them)."""
    from dragoman.topics import event_evidence, event_topics

    n = 0
    t = time.process_time()
    for doc in docs:
        if synthetic:
            events = [
                {
                    "code": "040",
                    "root": "04",
                    "sentence": i,
                    "trigger_start": s.start,
                    "trigger_end": s.start + 1,
                    "source": {"country": "USA"},
                    "target": {"country": "RUS"},
                }
                for i, s in enumerate(doc.sents)
            ]
        else:
            events = doc._.dragoman_events or []
        for ev in events:
            event_topics(doc, ev)
            event_evidence(doc, ev)
            n += 1
    return time.process_time() - t, n


def main() -> None:
    ap = argparse.ArgumentParser(description="topic tagging overhead")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--copies", type=int, default=3)
    args = ap.parse_args()

    from dragoman.nlp import load_package, model_name
    from dragoman.pipeline import build_nlp

    bare = load_package(model_name(""))
    full = build_nlp()
    from dragoman.topics import load_lexicon

    load_lexicon.cache_clear()
    t = time.process_time()
    tagger = full.get_pipe("dragoman_topics").__class__(full)
    setup = time.process_time() - t
    texts = sample_texts(args.copies)
    words = sum(len(x.split()) for x in texts)
    with full.select_pipes(disable=["dragoman_topics", "dragoman_record"]):
        docs = list(full.pipe(texts, batch_size=32))
    parse, tag, real, synth = [], [], [], []
    for _ in range(args.repeat):
        t = time.process_time()
        list(bare.pipe(texts, batch_size=32))
        parse.append(time.process_time() - t)
        t = time.process_time()
        for doc in docs:
            tagger(doc)
        tag.append(time.process_time() - t)
        secs, n_real = _assign(docs, synthetic=False)
        real.append(secs)
        secs, n_synth = _assign(docs, synthetic=True)
        synth.append(secs)
    p, g = statistics.median(parse), statistics.median(tag)
    r, y = statistics.median(real), statistics.median(synth)
    print(f"texts {len(texts)} ({words:,} words), coder events {n_real}, repeat {args.repeat}, CPU seconds")
    print(f"set-up (lexicon load + matcher compile): {setup:.2f} s")
    print(
        f"bare parse {p:.2f} s; topics component {g:.3f} s (+{100 * g / p:.1f}%); "
        f"event topics for the coder's events {r:.3f} s (+{100 * r / p:.1f}%): together +{100 * (g + r) / p:.1f}% "
        f"(budget +5%)"
    )
    print(
        f"upper bound, one event per sentence ({n_synth}): {y:.3f} s (+{100 * y / p:.1f}%), "
        f"together +{100 * (g + y) / p:.1f}%"
    )


if __name__ == "__main__":
    main()
