from __future__ import annotations

import random

from dragoman.ingest import duplicates as dup
from tests.ingest.corpus import near_copy, report


def test_exact_key_ignores_whitespace_and_case():
    assert dup.text_hash("Russia  met\nChina.") == dup.text_hash("russia met china.  ")
    assert dup.text_hash("Russia met China.") != dup.text_hash("Russia met Japan.")


def test_near_copies_share_a_band_and_pass_the_threshold_while_other_reports_do_not():
    rng = random.Random(3)
    a, b = report(rng, 9), report(rng, 9)
    sa, sc, sb = dup.minhash(a), dup.minhash(near_copy(a)), dup.minhash(b)
    assert dup.similarity(sa, sc) >= 0.8 > dup.similarity(sa, sb)
    assert set(dup.bands(sa, 0.8)) & set(dup.bands(sc, 0.8))
    assert not set(dup.bands(sa, 0.8)) & set(dup.bands(sb, 0.8))


def test_signatures_are_stable_and_short_texts_have_none():
    text = report(random.Random(5), 8)
    assert dup.bands(dup.minhash(text), 0.8) == dup.bands(dup.minhash(text), 0.8)
    assert dup.minhash("Russia met China on Monday.") is None
    b, r = dup.lsh_params(0.8)
    assert b * r <= dup.NUM_PERM and len(dup.bands(dup.minhash(text), 0.8)) == b
