"""Build dragoman's topic lexicon: dragoman/data/topics/topics.json.gz.

Sources (see NOTICE):
- ../shared/data/petrarch2/dictionaries/Phoenix.IssueCoding.txt: Phoenix issue keyword
  patterns (MIT), mapped to dragoman's issue names and contexts by scripts/topics/phoenix_map.tsv,
  minus the over-broad patterns of scripts/topics/phoenix_drop.txt;
- ../shared/data/plover/CAMEO2PLOVER-2021.txt: the CAMEO code -> PLOVER context column
  (CC BY-SA 4.0), the prior context of an event's code;
- dragoman's own lexicon: scripts/topics/contexts.txt (the context scale),
  scripts/topics/issues.txt (issues of today, helper terms, agenda cues),
  scripts/topics/root_contexts.tsv (a context per CAMEO root).

Patterns are expanded here (inflections, hyphen variants), so the package only tokenizes them.

Usage: python scripts/build_topics.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "scripts" / "topics"
OUT = ROOT / "dragoman" / "data" / "topics" / "topics.json.gz"
VERSION = "topics-2026.1"

IRREGULAR_PLURALS = {
    "man": "men",
    "woman": "women",
    "child": "children",
    "person": "persons",
    "people": "people",
    "crisis": "crises",
    "analysis": "analyses",
    "foot": "feet",
    "militiaman": "militiamen",
    "congressman": "congressmen",
    "congresswoman": "congresswomen",
    "policeman": "policemen",
    "chief": "chiefs",
    "thief": "thieves",
    "life": "lives",
}
IRREGULAR_VERBS = {
    "sell": ["sells", "sold", "selling"],
    "become": ["becomes", "became", "becoming"],
    "seize": ["seizes", "seized", "seizing"],
    "take": ["takes", "took", "taken", "taking"],
    "break": ["breaks", "broke", "broken", "breaking"],
    "lay": ["lays", "laid", "laying"],
    "cut": ["cuts", "cutting"],
    "come": ["comes", "came", "coming"],
    "fight": ["fights", "fought", "fighting"],
    "freeze": ["freezes", "froze", "frozen", "freezing"],
    "shoot": ["shoots", "shot", "shooting"],
    "spy": ["spies", "spied", "spying"],
    "lodge": ["lodges", "lodged", "lodging"],
    "beat": ["beats", "beaten", "beating"],
    "stick": ["sticks", "stuck", "sticking"],
    "build": ["builds", "built", "building"],
    "hold": ["holds", "held", "holding"],
    "test-fire": ["test-fires", "test-fired", "test-firing"],
    "ship": ["ships", "shipped", "shipping"],
    "overthrow": ["overthrows", "overthrew", "overthrown", "overthrowing"],
    "kidnap": ["kidnaps", "kidnapped", "kidnapping"],
    "combat": ["combats", "combated", "combating"],
    "expel": ["expels", "expelled", "expelling"],
    "sentence": ["sentences", "sentenced"],
}
VOWELS = set("aeiou")


def plural(word: str) -> list[str]:
    """A noun and its plural."""
    if word in IRREGULAR_PLURALS:
        return [word, IRREGULAR_PLURALS[word]]
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word, word + "es"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        return [word, word[:-1] + "ies"]
    return [word, word + "s"]


def verb_forms(word: str) -> list[str]:
    """A verb and its regular inflections (third person, past, participles)."""
    if word in IRREGULAR_VERBS:
        return [word, *IRREGULAR_VERBS[word]]
    if word.endswith("e"):
        stem = word[:-1]
        return [word, word + "s", stem + "ed", stem + "ing"]
    if word.endswith("y") and len(word) > 1 and word[-2] not in VOWELS:
        return [word, word[:-1] + "ies", word[:-1] + "ied", word + "ing"]
    third = word + "es" if word.endswith(("s", "x", "z", "ch", "sh")) else word + "s"
    cvc = len(word) >= 3 and word[-1] not in VOWELS | {"w", "x", "y"} and word[-2] in VOWELS and word[-3] not in VOWELS
    if 3 <= len(word) <= 4 and cvc:
        return [word, third, word + word[-1] + "ed", word + word[-1] + "ing"]
    return [word, third, word + "ed", word + "ing"]


def joined_variants(word: str) -> list[list[str]]:
    """``a+b`` as ``a-b``, ``a b`` and ``ab``; other words as themselves."""
    parts = [p for p in re.split(r"[+_]", word) if p]
    if len(parts) <= 1:
        return [[word.replace("+", "").replace("_", "")]]
    return [["-".join(parts)], parts, ["".join(parts)]]


def parse_token(raw: str, case: bool) -> list[list[list]]:
    """One raw pattern token -> its alternatives, each a list of [attr, forms, pos] tokens."""
    if raw == "*":
        raise ValueError("wildcards are not supported: spell the variants out")
    pos = ""
    m = re.match(r"^([nvm]):(.+)$", raw)
    if m:
        pos, raw = ("v" if m.group(1) == "v" else "n"), m.group(2)
    attr = "o" if case else "l"
    alts = []
    for words in joined_variants(raw):
        toks = []
        for i, w in enumerate(words):
            last = i == len(words) - 1
            forms = [w]
            if last and pos == "n":
                forms = plural(w)
            elif last and pos == "v":
                forms = verb_forms(w)
            toks.append([attr, forms if case else [f.lower() for f in forms], pos if last else ""])
        alts.append(toks)
    return alts


def parse_pattern(text: str) -> list[list[list]]:
    """A pattern line -> its alternatives (token lists). A leading ``=``: case-sensitive."""
    text = text.replace("\u2020", " ").strip()
    if " =" in text:
        raise ValueError(f"'=' (case-sensitive) applies to a whole pattern: {text!r}")
    case = text.startswith("=")
    per_token = [parse_token(raw, case) for raw in text.lstrip("=").split()]
    return [sum(combo, []) for combo in product(*per_token)]


class Lexicon:
    """The topics, the patterns and the code priors being built."""

    def __init__(self) -> None:
        self.topics: list[dict] = []
        self.index: dict[tuple[str, str], int] = {}
        self.patterns: list[dict] = []
        self.blocks: list[str] = []

    def topic(self, name: str, scale: str, **info) -> int:
        """The id of a topic, created on first use; ``info`` fills in missing fields."""
        key = (scale, name)
        if key not in self.index:
            self.index[key] = len(self.topics)
            self.topics.append({"name": name, "scale": scale, "contexts": [], "compounds": [], "sources": []})
        t = self.topics[self.index[key]]
        for k, v in info.items():
            if k == "contexts":
                t["contexts"] += [c for c in v if c not in t["contexts"]]
            elif k == "source":
                if v not in t["sources"]:
                    t["sources"].append(v)
            elif not t.get(k):
                t[k] = v
        return self.index[key]

    def block(self, name: str) -> int:
        self.blocks.append(name)
        return len(self.blocks) - 1

    def add(self, text: str, topic: int | None, block: int, kind: str = "pos") -> None:
        """Add a pattern line (``kind``: pos, neg or veto)."""
        for alt in parse_pattern(text):
            self.patterns.append({"tokens": alt, "topic": topic, "block": block, "kind": kind, "text": text})


def read_lexicon_file(lex: Lexicon, path: Path, default_source: str = "dragoman") -> None:
    """Read contexts.txt / issues.txt (the syntax is in contexts.txt's header)."""
    topic, block = None, -1
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            head, _, rest = line[1:].partition(" ")
            fields = [f.strip() for f in rest.split("|")]
            name, scale = fields[0], head
            desc = fields[-1] if len(fields) > 1 else ""
            ctx = []
            if scale == "issue" and len(fields) > 2 and fields[1] != "-":
                ctx = [c.strip() for c in fields[1].split(",")]
            topic = lex.topic(name, scale, contexts=ctx, description=desc, source=default_source)
            block = lex.block(f"{scale}:{name}")
            continue
        if topic is None:
            raise ValueError(f"{path}:{n}: pattern before any @block")
        if line.startswith("&"):
            terms = [t.lstrip("&") for t in line.split()]
            lex.topics[topic]["compounds"].append(terms)
        elif line.startswith("~"):
            lex.add(line.lstrip("~"), topic, block, "neg")
        else:
            lex.add(line, topic, block)


def read_phoenix(lex: Lexicon, path: Path, mapping: dict[str, tuple[str, list[str]]], drop: set[str]) -> int:
    """Merge Phoenix.IssueCoding.txt through phoenix_map.tsv; returns the patterns kept."""
    kept, block, category = 0, -1, ""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        m = re.match(r'<ISSUE CATEGORY="([^"]+)"', line)
        if m:
            category = m.group(1)
            block = lex.block(f"phoenix:{category}")
            continue
        if not line or line.startswith(("#", "<")):
            continue
        if line.startswith("~~"):
            lex.add(line[2:], None, block, "veto")
            continue
        if line.startswith("~"):
            lex.add(line[1:], None, block, "neg")
            continue
        m = re.match(r"(.*?)\s*\[([A-Z_\-]+)\]\s*$", line)
        code, text = (m.group(2), m.group(1)) if m else (category, line)
        if code not in mapping or text in drop:
            continue
        issue, contexts = mapping[code]
        if issue != "-":
            tid = lex.topic(issue, "issue", contexts=contexts, source="phoenix", phoenix=code)
        elif contexts:
            tid = lex.topic(contexts[0], "context", source="phoenix")
        else:
            continue
        lex.add(text, tid, block)
        kept += 1
    return kept


def read_tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def read_code_priors(path: Path) -> dict[str, list[str]]:
    """CAMEO code -> PLOVER contexts from CAMEO2PLOVER-2021.txt (blank contexts left out)."""
    priors: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0]
        m = re.match(r"^\s*(\d{2,4}):\s*(.*)$", body)
        if not m:
            continue
        fields = m.group(2).split(",")
        if len(fields) < 3:
            continue
        ctx = [c.strip() for c in fields[2].split(";") if c.strip()]
        if ctx:
            priors[m.group(1)] = ctx
    return priors


def check(lex: Lexicon, priors: dict[str, list[str]], roots: dict[str, str]) -> None:
    """Every context named anywhere is a declared context; compounds name declared terms."""
    contexts = {t["name"] for t in lex.topics if t["scale"] == "context" and t.get("description")}
    terms = {t["name"] for t in lex.topics if t["scale"] == "term"}
    used = {c for t in lex.topics for c in t["contexts"]} | {c for v in priors.values() for c in v}
    used |= {v for v in roots.values() if v != "-"}
    used |= {t["name"] for t in lex.topics if t["scale"] == "context"}
    unknown = used - contexts
    if unknown:
        raise SystemExit(f"contexts used but not declared in contexts.txt: {sorted(unknown)}")
    for t in lex.topics:
        for comp in t["compounds"]:
            if set(comp) - terms:
                raise SystemExit(f"{t['name']}: unknown terms {sorted(set(comp) - terms)}")


def build(shared: Path) -> dict:
    """The lexicon as one JSON-able dict."""
    lex = Lexicon()
    read_lexicon_file(lex, SRC / "contexts.txt")
    read_lexicon_file(lex, SRC / "issues.txt")
    mapping = {}
    for row in read_tsv(SRC / "phoenix_map.tsv"):
        code, issue, ctx = row[0], row[1], row[2]
        mapping[code] = (issue, [] if ctx == "-" else ctx.split(","))
    drop = {r[0] for r in read_tsv(SRC / "phoenix_drop.txt")}
    kept = read_phoenix(lex, shared / "data/petrarch2/dictionaries/Phoenix.IssueCoding.txt", mapping, drop)
    priors = read_code_priors(shared / "data/plover/CAMEO2PLOVER-2021.txt")
    roots = {r[0]: r[1] for r in read_tsv(SRC / "root_contexts.tsv")}
    check(lex, priors, roots)
    print(
        f"{len(lex.topics)} topics, {len(lex.patterns)} pattern alternatives ({kept} Phoenix lines kept), "
        f"{len(priors)} code priors",
        file=sys.stderr,
    )
    return {
        "version": VERSION,
        "topics": lex.topics,
        "blocks": lex.blocks,
        "patterns": [[p["topic"], p["block"], p["kind"], p["tokens"]] for p in lex.patterns],
        "code_contexts": priors,
        "root_contexts": {k: v for k, v in roots.items() if v != "-"},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    data = build(args.shared)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with open(OUT, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)", file=sys.stderr)


if __name__ == "__main__":
    main()
