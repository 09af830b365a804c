"""Duplicate keys: an exact key (normalised text hash) and near-duplicate MinHash LSH bands.

Two articles are exact duplicates when their texts are equal after whitespace and case are
normalised; near duplicates when the Jaccard similarity of their word 5-shingles, estimated
by a 128-permutation MinHash, reaches a threshold (0.8 by default). Candidates are found by
LSH banding: the signature is cut into ``b`` bands of ``r`` values (the split that minimises
the false positive and false negative probabilities at the threshold), and articles sharing
a band are compared. Band keys are plain strings, so the store can index them across runs.

The signature is the standard one of datasketch 2 (its default ``affine32`` scheme, which
dragoman used before): each shingle's 32-bit SHA-1 prefix, mixed by the MurmurHash3
finaliser, then ``a * h + b mod 2**32`` for 128 pairs ``(a odd, b)`` drawn from NumPy's
``RandomState(7)``; the minimum of each. Computed here with NumPy alone, it gives the same
values and band keys as before (a test checks it against datasketch) without importing
datasketch and SciPy (0.3 s per process).

Example:
    >>> a = minhash("Russia and Georgia agreed to a ceasefire on Tuesday after five days of war ...")
    >>> bands(a, 0.8)[:1]
    ['00:5f3c...']
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

#: a signature: NUM_PERM minimum hash values (uint32)
Signature = np.ndarray

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


def minhash(text: str) -> Signature | None:
    """The MinHash signature of a text's shingles, or None when the text is too short."""
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return None
    digests = b"".join(hashlib.sha1(g).digest()[:4] for g in grams)
    h = np.frombuffer(digests, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    h = _fmix32(h)
    a, b = _permutations()
    return (h * a + b).min(axis=0)  # uint32 arithmetic wraps: mod 2**32


def _fmix32(h: np.ndarray) -> np.ndarray:
    """The MurmurHash3 32-bit finaliser (a bijection that spreads the bits)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The NUM_PERM affine permutations (a odd, b), drawn from the fixed seed."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


@lru_cache(maxsize=8)
def lsh_params(threshold: float) -> tuple[int, int]:
    """The (bands, rows) split minimising false positives plus false negatives at a threshold.

    Each probability is the integral of the LSH S-curve ``1 - (1 - s**r)**b`` below (false
    positive) or of its complement above (false negative) the threshold, weighed equally;
    Gauss-Legendre quadrature with 80 nodes integrates these polynomials (degree <= 128) exactly.
    """
    x, w = np.polynomial.legendre.leggauss(80)
    pairs = np.array([(b, r) for b in range(1, NUM_PERM + 1) for r in range(1, NUM_PERM // b + 1)], dtype=float)
    bs, rs = pairs[:, :1], pairs[:, 1:]

    def integral(lo: float, hi: float, false_negative: bool) -> np.ndarray:
        s = (hi - lo) / 2 * x + (hi + lo) / 2
        p = 1 - (1 - s**rs) ** bs
        return ((1 - p if false_negative else p) @ w) * (hi - lo) / 2

    error = 0.5 * integral(0.0, threshold, False) + 0.5 * integral(threshold, 1.0, True)
    b, r = pairs[int(np.argmin(error))]
    return int(b), int(r)


class BandIndex:
    """An in-memory index of signatures by band key, for the articles of a run."""

    def __init__(self) -> None:
        self.ids: dict[str, set[str]] = defaultdict(set)
        self.keys: dict[str, list[str]] = {}

    def insert(self, key: str, bands: Iterable[str]) -> None:
        """Index ``key`` under each of its bands."""
        self.keys[key] = list(bands)
        for band in self.keys[key]:
            self.ids[band].add(key)

    def query(self, bands: Iterable[str]) -> set[str]:
        """The keys that share at least one band."""
        out: set[str] = set()
        for band in bands:
            out |= self.ids.get(band, set())
        return out

    def remove(self, key: str) -> None:
        """Forget ``key``."""
        for band in self.keys.pop(key, ()):
            ids = self.ids.get(band)
            if ids is not None:
                ids.discard(key)
                if not ids:
                    del self.ids[band]


def bands(m: Signature, threshold: float) -> list[str]:
    """The LSH band keys of a signature (``"07:<hex>"``), one per band."""
    b, r = lsh_params(threshold)
    out = []
    for i in range(b):
        digest = hashlib.sha1(m[i * r : (i + 1) * r].tobytes()).hexdigest()[:16]
        out.append(f"{i:02d}:{digest}")
    return out


def similarity(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of two signatures (the share of equal values)."""
    return float(np.count_nonzero(a == b)) / len(a)
