"""Run short probe sentences through the pipeline and report what each is coded as.

The probe file (default ``scripts/coding/probes.tsv``) has one probe a line:
``CODE<TAB>sentence`` where CODE is the expected CAMEO code or root (``--`` for no event).
A probe passes when an event with the expected root (or, for ``--``, no event) is coded.
Lines starting with '#' are comments.

Run: python scripts/probe_lexicon.py [--file F] [--all] [--root NN]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBES = ROOT / "scripts" / "coding" / "probes.tsv"


def load(path: Path, root: str | None) -> list[tuple[str, str]]:
    """(expected code, sentence) pairs of a probe file, optionally of one root only."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, sent = line.split("\t", 1)
        if root is None or code[:2] == root:
            out.append((code.strip(), sent.strip()))
    return out


def coded(pipeline, sentence: str) -> list[str]:
    """The events of one sentence as 'SRC->TGT code (trigger)'."""
    from dragoman.models import Article

    doc = pipeline.read(Article(text=sentence, id="probe", date="2020-01-01")).to_json()
    out = []
    for e in doc["events"]:
        src = (e.get("source") or {}).get("code")
        tgt = (e.get("target") or {}).get("code")
        out.append(f"{src}->{tgt} {e['code']} ({(e.get('trigger') or {}).get('text')})")
    return out


def passes(expected: str, events: list[str]) -> bool:
    """True when the expected root is among the coded events (or nothing is, for '--')."""
    if expected == "--":
        return not events
    return any(ev.split(" ")[1][:2] == expected[:2] for ev in events)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--file", type=Path, default=PROBES)
    ap.add_argument("--all", action="store_true", help="list passing probes too")
    ap.add_argument("--root", default=None, help="only probes of this root (two digits)")
    args = ap.parse_args()
    from dragoman.pipeline import Pipeline

    pipeline = Pipeline(None)
    tally: Counter[str] = Counter()
    for expected, sent in load(args.file, args.root):
        events = coded(pipeline, sent)
        ok = passes(expected, events)
        tally[(expected[:2], ok)] += 1
        if args.all or not ok:
            print(f"{'ok ' if ok else 'BAD'} {expected:5} {sent[:90]:90} | {'; '.join(events) or '-'}")
    roots = sorted({r for r, _ in tally})
    print(" ".join(f"{r}:{tally[(r, True)]}/{tally[(r, True)] + tally[(r, False)]}" for r in roots))
    total = sum(tally.values())
    print(f"probes passed: {sum(v for (r, ok), v in tally.items() if ok)}/{total}")


if __name__ == "__main__":
    main()
