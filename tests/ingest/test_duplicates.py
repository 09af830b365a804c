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


def test_signatures_and_banding_are_datasketchs_so_stored_bands_still_match():
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    rng = random.Random(11)
    for _ in range(20):
        text = report(rng, rng.randint(4, 12))
        theirs = MinHash(num_perm=dup.NUM_PERM, seed=dup.SEED)
        theirs.update_batch(sorted(dup.shingles(text)))
        assert np.array_equal(dup.minhash(text), theirs.hashvalues)
    for threshold in (0.5, 0.7, 0.8, 0.9):
        lsh = MinHashLSH(threshold=threshold, num_perm=dup.NUM_PERM)
        assert dup.lsh_params(threshold) == (lsh.b, lsh.r)


def test_the_band_index_finds_keys_sharing_a_band_and_forgets_removed_ones():
    index = dup.BandIndex()
    index.insert("a", ["00:x", "01:y"])
    index.insert("b", ["00:z", "01:y"])
    assert index.query(["01:y"]) == {"a", "b"} and index.query(["00:x", "02:q"]) == {"a"}
    index.remove("a")
    assert index.query(["01:y", "00:x"]) == {"b"}
    index.remove("b")
    assert index.query(["01:y"]) == set() and not index.ids


def test_reading_for_duplicates_imports_neither_datasketch_nor_scipy():
    import subprocess
    import sys

    code = (
        "import sys\nfrom dragoman.ingest import duplicates as dup\nimport dragoman.batch\n"
        "sig = dup.minhash(' '.join(f'word{i}' for i in range(40)))\n"
        "print(len(dup.bands(sig, 0.8)), 'datasketch' in sys.modules, 'scipy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["9", "False", "False"]
