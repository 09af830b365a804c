"""The whole job against a bare spaCy parse, as whole processes, on real news text.

The 200 GeoWebNews articles (``../shared/data/geo/GeoWebNews_GWN.xml``, evaluation data, read
here and never shipped) are written as one JSON Lines file; then, each as its own process
with its model loading, ``--repeat`` times, interleaved:

- ``bare``: ``nlp.pipe`` over the texts with the same spaCy model, nothing else;
- ``extract``: ``dragoman extract --json`` (reading and coding, no database);
- ``ingest-1``: ``dragoman ingest --workers 1`` into a new SQLite file (the whole job);
- ``ingest-2``: the same with ``--workers 2``;
- ``startup``: ``dragoman ingest`` of one article (model, dictionaries, database set-up).

Wall and CPU seconds (user + sys, the process and its workers) are medians; the ratio is the
whole job's throughput over the bare parse's (bare seconds / ingest seconds). Peak memory
(RSS and PSS, from /proc) is sampled for the main process and each worker. ``--spark`` adds
``dragoman spark --master local[2]`` on the same file and on COPIES altered copies of it
(the difference gives the job's marginal cost per article, from the job's wall time on two
busy cores: the CPU of pyspark's forked Python workers is not all visible from here).

Run: ``.venv/bin/python benchmarks/bench_pipeline.py --repeat 3 [--spark 5]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GWN = ROOT.parent / "shared" / "data" / "geo" / "GeoWebNews_GWN.xml"
BIN = Path(sys.executable).parent

BARE = """
import importlib, json, sys
nlp = importlib.import_module(sys.argv[1]).load()
texts = [json.loads(line)["text"] for line in open(sys.argv[2], encoding="utf-8")]
n = sum(1 for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])))
print(n, "docs", file=sys.stderr)
"""


def write_corpus(folder: Path) -> tuple[Path, Path, int]:
    """The GWN articles as JSON Lines (and a one-article file); returns the paths and words."""
    root = ET.parse(GWN).getroot()
    lines, words = [], 0
    for art in root.findall("article"):
        text = art.findtext("text") or ""
        words += len(text.split())
        doc = {"id": f"gwn-{art.get('file')}", "title": art.findtext("title"), "text": text}
        doc["url"] = art.findtext("link")
        lines.append(json.dumps(doc, ensure_ascii=False))
    corpus, one = folder / "gwn.jsonl", folder / "one.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one.write_text(lines[0] + "\n", encoding="utf-8")
    return corpus, one, words


class Sampler(threading.Thread):
    """Peak RSS and PSS (MB) of a process and of each of its descendants, from /proc."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peaks: dict[int, tuple[float, float]] = {}
        self.cpu: dict[int, float] = {}  # last seen CPU seconds of each process of the tree
        self.stop = threading.Event()
        self.tick = os.sysconf("SC_CLK_TCK")

    def run(self) -> None:
        while not self.stop.is_set():
            for pid in self._tree():
                rss, pss = _memory(pid)
                old = self.peaks.get(pid, (0.0, 0.0))
                self.peaks[pid] = (max(old[0], rss), max(old[1], pss))
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), _cpu(pid, self.tick))
            time.sleep(0.05)

    def _tree(self) -> list[int]:
        out, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            out.append(pid)
            try:
                kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                kids = []
            todo.extend(int(k) for k in kids)
        return out


def _cpu(pid: int, tick: int) -> float:
    """User + system CPU seconds of a process so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / tick


def _memory(pid: int) -> tuple[float, float]:
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    except OSError:
        return 0.0, 0.0
    vals = {ln.split()[0].rstrip(":"): int(ln.split()[1]) for ln in lines[1:] if len(ln.split()) >= 2}
    return vals.get("Rss", 0) / 1024, vals.get("Pss", 0) / 1024


def timed(cmd: list[str]) -> dict[str, object]:
    """Run a command; its wall and CPU seconds (with its children) and memory peaks."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err.decode()[-2000:]}")
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu = max(waited, sum(sampler.cpu.values()))  # a JVM and its Python workers are not all waited for
    main = sampler.peaks.pop(proc.pid, (0.0, 0.0))
    return {"wall": wall, "cpu": cpu, "main": main, "workers": list(sampler.peaks.values()), "stderr": err.decode()}


def commands(corpus: Path, one: Path, tmp: Path, model: str, batch: int) -> dict[str, list[str]]:
    """The command of each measured kind (each ingest gets a new database)."""
    dragoman = str(BIN / "dragoman")
    return {
        "bare": [sys.executable, "-c", BARE, model, str(corpus), str(batch)],
        "extract": [dragoman, "extract", "--json", str(corpus)],
        "ingest-1": [dragoman, "ingest", str(corpus), "--workers", "1", "--db", str(tmp / "w1.db")],
        "ingest-2": [dragoman, "ingest", str(corpus), "--workers", "2", "--db", str(tmp / "w2.db")],
        "startup": [dragoman, "ingest", str(one), "--workers", "1", "--db", str(tmp / "s.db")],
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument(
        "--spark",
        type=int,
        default=0,
        metavar="COPIES",
        help="also time dragoman spark --master local[2] on the corpus and on COPIES altered copies",
    )
    p.add_argument("--only", nargs="*", default=None, help="run only these kinds (bare, extract, ingest-1, ...)")
    args = p.parse_args()
    sys.path.insert(0, str(ROOT))
    from dragoman.config import Settings
    from dragoman.nlp.model import model_name

    model, batch = model_name(""), Settings().batch_size
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        corpus, one, words = write_corpus(tmp)
        cmds = commands(corpus, one, tmp, model, batch)
        if args.only is not None:
            cmds = {k: v for k, v in cmds.items() if k in args.only}
        runs: dict[str, list[dict[str, object]]] = {k: [] for k in cmds}
        for r in range(args.repeat):
            for kind, cmd in cmds.items():
                for db in tmp.glob("*.db*"):
                    db.unlink()
                runs[kind].append(timed(cmd))
                print(f"run {r + 1} {kind}: {runs[kind][-1]['wall']:.1f} s", file=sys.stderr)
        report(runs, words, model)
        if args.spark:
            spark(corpus, tmp, runs, args.spark)


def _median(runs: list[dict[str, object]], key: str) -> float:
    return statistics.median(float(r[key]) for r in runs)  # type: ignore[arg-type]


def report(runs: dict[str, list[dict[str, object]]], words: int, model: str) -> None:
    """A markdown table of the medians, the ratio, the rates and the memory peaks."""
    repeats = len(next(iter(runs.values()))) if runs else 0
    print(f"\n200 GeoWebNews articles, {words:,} words, model {model}; medians of {repeats} runs\n")
    print("| run | wall s | CPU s | articles/s (wall) | peak RSS main MB | peak RSS per worker MB (PSS) |")
    print("|---|---|---|---|---|---|")
    for kind, rs in runs.items():
        wall, cpu = _median(rs, "wall"), _median(rs, "cpu")
        main = max(r["main"][0] for r in rs)  # type: ignore[index]
        workers = [w for r in rs for w in r["workers"]]  # type: ignore[attr-defined]
        per = f"{max(w[0] for w in workers):.0f} ({max(w[1] for w in workers):.0f})" if workers else "-"
        n = 1 if kind == "startup" else 200
        print(f"| {kind} | {wall:.1f} | {cpu:.1f} | {n / wall:.1f} | {main:.0f} | {per} |")
    if "bare" not in runs or "ingest-1" not in runs:
        return
    bare, whole = runs["bare"], runs["ingest-1"]
    print(f"\nratio (bare / ingest --workers 1): wall {_median(bare, 'wall') / _median(whole, 'wall'):.3f}, "
          f"CPU {_median(bare, 'cpu') / _median(whole, 'cpu'):.3f}")  # fmt: skip
    pairs = [
        (float(b["cpu"]) / float(w["cpu"]), float(b["wall"]) / float(w["wall"]))  # type: ignore[arg-type]
        for b, w in zip(bare, whole, strict=True)
    ]
    print("ratio of each interleaved pair (CPU / wall): " + ", ".join(f"{c:.3f} / {x:.3f}" for c, x in pairs))
    if "startup" not in runs:
        return
    steady = _median(whole, "cpu") - _median(runs["startup"], "cpu")
    print(f"per-core coding rate after start-up (CPU): {199 / steady:.1f} articles/s "
          f"({words / steady:,.0f} words/s)")  # fmt: skip


def spark(corpus: Path, tmp: Path, runs: dict[str, list[dict[str, object]]], copies: int) -> None:
    """``dragoman spark`` on local[2] over the corpus and over ``copies`` altered copies of it.

    The difference between the two runs is the marginal cost of an article in the job (the
    session, the JVM and the model loads of the Python workers are paid once).
    """
    big = tmp / "gwn-copies.jsonl"
    with big.open("w", encoding="utf-8") as out:
        for k in range(copies):
            for line in corpus.read_text(encoding="utf-8").splitlines():
                doc = json.loads(line)
                doc["id"] = f"{doc['id']}-{k}"
                doc["text"] = f"Copy {k} of the report.\n" + doc["text"]
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    results = []
    for src, n in ((corpus, 200), (big, 200 * copies)):
        out_dir = tmp / f"out-{n}"
        cmd = [str(BIN / "dragoman"), "spark", str(src), "--output", str(out_dir), "--master", "local[2]"]
        res = timed(cmd)
        job = json.loads(next((out_dir / "job").glob("part-*")).read_text())
        results.append((n, res, job))
        print(f"\nspark local[2], {n} articles: whole process {res['wall']:.1f} s ({n / res['wall']:.1f} articles/s), "
              f"job {job['seconds']} s ({job['coded'] / job['seconds']:.1f} articles/s), CPU {res['cpu']:.1f} s "
              f"with the JVM and its Python workers, {job['coding_processes']} coding processes")  # fmt: skip
    (n1, r1, j1), (n2, r2, j2) = results
    # CPU of the Python workers is not all seen (pyspark's daemon forks and reaps them), so
    # the marginal cost is read from the job's wall time with both local cores busy
    wall = (float(j2["seconds"]) - float(j1["seconds"])) / (n2 - n1)
    print(f"marginal cost in the job: {wall * 1000:.0f} ms wall per article on 2 busy cores, "
          f"{2 * wall * 1000:.0f} ms of core time ({1 / (2 * wall):.1f} articles/s per core)")  # fmt: skip
    for kind in ("ingest-1", "ingest-2"):
        if kind in runs:
            print(f"{kind}: {200 / _median(runs[kind], 'wall'):.1f} articles/s, CPU {_median(runs[kind], 'cpu'):.1f} s")


if __name__ == "__main__":
    main()
