"""Duplicate keys: an exact key (normalised text hash) and near-duplicate MinHash LSH bands.

Two articles are exact duplicates when their texts are equal after whitespace and case are
normalised; near duplicates when the Jaccard similarity of their word 5-shingles, estimated
by a 128-permutation MinHash (datasketch), reaches a threshold (0.8 by default). Candidates
are found by LSH banding: the signature is cut into ``b`` bands of ``r`` values (the split
datasketch's ``MinHashLSH`` chooses for the threshold), and articles sharing a band are
compared. Band keys are plain strings, so the store can index them across runs.

Example:
    >>> a = minhash("Russia and Georgia agreed to a ceasefire on Tuesday after five days of war ...")
    >>> bands(a, 0.8)[:1]
    ['00:5f3c...']
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch (with scipy) takes 0.3 s to import: only when needed
    from datasketch import MinHash, MinHashLSH

#: words per shingle, permutations per signature, and the fixed seed (same input, same bands)
SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 7
#: texts with fewer shingles than this are only matched exactly
MIN_SHINGLES = 8

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The text with runs of whitespace made one space, stripped and lower-cased."""
    return _SPACE.sub(" ", text).strip().lower()


def text_hash(text: str) -> str:
    """The exact-duplicate key: SHA-1 of the normalised text."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str) -> set[bytes]:
    """The set of lower-cased word 5-grams of a text."""
    words = _WORD.findall(text.lower())
    k = SHINGLE_WORDS
    return {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash(text: str) -> MinHash | None:
    """The MinHash signature of a text's shingles, or None when the text is too short."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(sorted(grams))
    return m


@lru_cache(maxsize=8)
def lsh_params(threshold: float) -> tuple[int, int]:
    """The (bands, rows) split that datasketch picks for a Jaccard threshold."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def new_index(threshold: float) -> MinHashLSH:
    """An in-memory LSH index with the same banding as ``bands``."""
    from datasketch import MinHashLSH

    return MinHashLSH(num_perm=NUM_PERM, params=lsh_params(threshold))


def bands(m: MinHash, threshold: float) -> list[str]:
    """The LSH band keys of a signature (``"07:<hex>"``), one per band."""
    b, r = lsh_params(threshold)
    values = m.hashvalues
    out = []
    for i in range(b):
        digest = hashlib.sha1(values[i * r : (i + 1) * r].tobytes()).hexdigest()[:16]
        out.append(f"{i:02d}:{digest}")
    return out


def similarity(a: MinHash, b: MinHash) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return float(a.jaccard(b))
