"""The lexicon's probe sentences (scripts/coding/probes.tsv): wire phrasings of each CAMEO root."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import roots

PROBES = Path(__file__).resolve().parents[2] / "scripts" / "coding" / "probes.tsv"


def _probes() -> list[tuple[str, str]]:
    out = []
    for line in PROBES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, sent = line.split("\t", 1)
            out.append((code.strip(), sent.strip()))
    return out


def test_probe_share(events):
    """Most probes get their expected root (or, for '--', no event): a gate against regressions."""
    probes = _probes()
    assert len(probes) > 350
    ok = 0
    for code, sent in probes:
        got = {c[:2] for _, _, c in events(sent)}
        ok += (not got) if code == "--" else (code[:2] in got)
    assert ok / len(probes) >= 0.85, f"{ok}/{len(probes)} probes pass"


@pytest.mark.parametrize(
    "text, want",
    [
        ("Turkey downed a Russian jet.", ("TUR", "RUS", "19")),
        ("Kenyan troops entered Somalia.", ("KEN", "SOM", "19")),
        ("Indian and Pakistani troops traded fire across the Line of Control.", ("IND", "PAK", "19")),
        ("Venezuela broke off relations with the United States.", ("VEN", "USA", "16")),
        ("Russia quit the grain deal with Ukraine.", ("RUS", "UKR", "16")),
        ("Estonia expelled a Russian diplomat.", ("EST", "RUS", "16")),
        ("China returned the seized drone to the United States.", ("CHN", "USA", "08")),
        ("Japan scrambled fighter jets to intercept Chinese planes.", ("JPN", "CHN", "15")),
        ("Iran impounded a Greek tanker.", ("IRN", "GRC", "17")),
        ("Nicaragua took Germany to the International Court of Justice.", ("NIC", "DEU", "11")),
    ],
)
def test_wire_phrasings(events, text, want):
    assert want in roots(events(text))


def test_rejecting_a_truce_is_no_fighting(events):
    assert ("ISR", "PSE", "19") not in roots(events("Israel rejected the Palestinian ceasefire proposal."))
