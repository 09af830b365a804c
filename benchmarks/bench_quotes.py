"""Benchmark: the quotation component's share of the parse time.

Usage:
    .venv/bin/python benchmarks/bench_quotes.py [--repeat 3] [--polnear ../shared]

Parses two corpora with the bare English model (the reference: tokenizer, tagger, parser,
NER), then runs the full pipeline up to the quotation component and times that component
alone on the same Docs (best of ``--repeat`` runs each). The budget: quotes, dates and places
together add at most 15% to the parse time; quotes aim at 5% or less.

- ``sample``: the bundled sample corpus (short wire reports, few quotations);
- ``polnear-dev``: the PolNeAR dev texts (long, quotation-heavy news), when ``../shared`` is there.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

from dragoman.models import Article
from dragoman.nlp import load_package, model_name
from dragoman.pipeline import build_nlp
from dragoman.quotes import QuoteFinder


def sample_texts() -> list[str]:
    """The bundled sample articles."""
    folder = resources.files("dragoman").joinpath("data", "sample", "articles")
    return [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir(), key=str) if p.name.endswith(".txt")]


def polnear_texts(shared: Path) -> list[str]:
    """The PolNeAR dev texts (empty when the shared folder is missing)."""
    folder = shared / "data" / "quotes" / "polnear" / "dev" / "text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of ``repeat`` timed runs, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)


def docs_before_quotes(texts: list[str]) -> list[Doc]:
    """The texts through every component that runs before the quotation component."""
    nlp = build_nlp()
    after = list(nlp.pipe_names[nlp.pipe_names.index("dragoman_quotes") :])
    docs = []
    with nlp.select_pipes(disable=after):
        for text in texts:
            doc = nlp.make_doc(text)
            doc._.dragoman_meta = Article(text=text, date="2016-09-30").meta()
            docs.append(doc)
        return list(nlp.pipe(docs, batch_size=16))


def measure(name: str, texts: list[str], repeat: int) -> str:
    """One corpus: bare parse time, quotation time, and their ratio, as a table row."""
    bare = load_package(model_name())
    parse = best_of(repeat, lambda: list(bare.pipe(texts, batch_size=16)))
    docs = docs_before_quotes(texts)
    finder = QuoteFinder(build_nlp())
    quotes = best_of(repeat, lambda: [finder(d) for d in docs])
    n_quotes = sum(len(d._.dragoman_quotes) for d in docs)
    words = sum(len(d) for d in docs)
    return (
        f"| {name} | {len(texts)} | {words:,} | {n_quotes} | {parse:.2f} s | "
        f"{quotes * 1000:.0f} ms | {quotes / parse:.1%} |"
    )


def main() -> None:
    """Run the benchmark and print a Markdown table for benchmarks/RESULTS.md."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--polnear", type=Path, default=Path("..") / "shared")
    args = ap.parse_args()
    print("| corpus | articles | tokens | quotations | bare parse | quotes | quotes / parse |")
    print("|---|---|---|---|---|---|---|")
    print(measure("sample", sample_texts(), args.repeat))
    texts = polnear_texts(args.polnear)
    if texts:
        print(measure("polnear-dev", texts, args.repeat))


if __name__ == "__main__":
    main()
