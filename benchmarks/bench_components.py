#!/usr/bin/env python
"""CPU seconds of each pipeline component, the model's and dragoman's, on real news text.

    .venv/bin/python benchmarks/bench_components.py [--repeat 3] [--stock]

The 200 GeoWebNews articles (``../shared/data/geo/GeoWebNews_GWN.xml``, evaluation data read
here, never shipped) go through dragoman's pipeline one component at a time (each over all
Docs, in pipeline order), in this process: CPU seconds (``time.process_time``) per component,
medians of ``--repeat`` passes over fresh Docs. ``--stock`` also times the English model as
it is packaged (its own attribute ruler and lemmatizer), for comparison with dragoman's
output-identical stand-ins (``dragoman/nlp/fast.py``). The whole job's ratio against a bare
parse, as whole processes, is ``bench_pipeline.py``'s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GWN = ROOT.parent / "shared" / "data" / "geo" / "GeoWebNews_GWN.xml"
sys.path.insert(0, str(ROOT))

#: the trainable components run batched, as nlp.pipe runs them
BATCHED = ("tok2vec", "tagger", "parser", "ner")


def gwn_texts() -> list[str]:
    """The texts of the GeoWebNews articles."""
    return [a.findtext("text") or "" for a in ET.parse(GWN).getroot().findall("article")]


def one_pass(nlp, texts: list[str], batch: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """CPU seconds per component (and the tokenizer) for one pass over the texts."""
    spent: dict[str, float] = {}
    t = time.process_time()
    docs = [nlp.make_doc(x) for x in texts]
    spent["tokenizer"] = time.process_time() - t
    for name, proc in nlp.pipeline:
        t = time.process_time()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch) if name in BATCHED else proc.pipe(docs))
        else:
            docs = [proc(d) for d in docs]
        spent[name] = time.process_time() - t
    return spent


def report(title: str, passes: list[dict[str, float]]) -> None:
    """A markdown table of the median seconds per component."""
    med = {k: statistics.median(p[k] for p in passes) for k in passes[0]}
    model = sum(v for k, v in med.items() if not k.startswith("dragoman_"))
    ours = sum(v for k, v in med.items() if k.startswith("dragoman_"))
    print(f"\n{title} (medians of {len(passes)} passes, CPU s)\n\n| component | CPU s |\n|---|---|")
    for k, v in med.items():
        print(f"| {k} | {v:.2f} |")
    print(f"| **model's part** | {model:.2f} |\n| **dragoman's components** | {ours:.2f} |")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--stock", action="store_true", help="also time the packaged model as it is")
    args = p.parse_args()
    from dragoman.config import Settings
    from dragoman.nlp.model import load_package, model_name
    from dragoman.pipeline import build_nlp

    texts, batch = gwn_texts(), Settings().batch_size
    t = time.process_time()
    nlp = build_nlp()
    print(f"200 GeoWebNews articles, {sum(len(x.split()) for x in texts):,} words; "
          f"dragoman's pipeline built in {time.process_time() - t:.2f} CPU s")  # fmt: skip
    runs: dict[str, list[dict[str, float]]] = defaultdict(list)
    stock = load_package(model_name("")) if args.stock else None
    for _ in range(args.repeat):
        runs["dragoman's pipeline"].append(one_pass(nlp, texts, batch))
        if stock is not None:
            runs["the packaged model alone"].append(one_pass(stock, texts, batch))
    for title, passes in runs.items():
        report(title, passes)


if __name__ == "__main__":
    main()
