"""Mechanisms of target choice: one state is no interaction, plural references, conditions of threats,
naming, headline clauses. Each case is a short report and the (source, target, root) it must or must not give."""

from __future__ import annotations

import pytest

from .conftest import roots

MUST = [
    # a threat aimed at whoever must comply, not at the threatener's own state
    ('Premier Wen Jiabao warned that China would take "further actions" if Japan did not comply.',
     ("CHN", "JPN", "13")),
    ("Iran warned that should the Israeli regime make another mistake, Iran's response would be severe.",
     ("IRN", "ISR", "13")),
    # targets look past the source's own side
    ("President Donald Trump said he was halting U.S. funding for the World Health Organization.",
     ("USA", "WHO", "16")),
    # plural references: the latest pair
    ("North Korea fired artillery at South Korea on Tuesday. China urged both Koreas to exercise restraint.",
     ("CHN", "KOR", "02")),
    ("India launched strikes on Pakistan. The U.N. chief urged both countries to exercise restraint.",
     ("UN", "PAK", "02")),
    ("UN experts accused Rwanda and Uganda of supplying the M23. Both countries deny the allegations.",
     ("UGA", "UN", "01")),
    # naming: the act referred to, and "in what X called Y"
    ("India launched missile strikes on Pakistan. "
     'Pakistani Prime Minister Shehbaz Sharif called the strikes "an act of war."', ("PAK", "IND", "11")),
    ('China detained the two men days later, in what Ottawa called "arbitrary detention."', ("CAN", "CHN", "11")),
    # verdicts on acts: criticism or praise of their doer
    ("Britain suspended aid to Rwanda. Rwandan Foreign Minister Louise Mushikiwabo said the British decision "
     "was unfair.", ("RWA", "GBR", "11")),
    ("Russia gave Snowden asylum. President Barack Obama said he was disappointed by Russia's decision.",
     ("USA", "RUS", "11")),
    ("The ICC issued an arrest warrant for Putin. U.S. President Joe Biden said the warrant was justified.",
     ("USA", "ICC", "05")),
    # a document's author is its source; a denial targets the accuser
    ("A report by United Nations experts has accused Rwanda of supplying the M23 rebels.", ("UN", "RWA", "11")),
    ("Kenya blamed Al Shabaab for the kidnappings. Al Shabaab has denied carrying out the kidnappings.",
     ("SOM", "KEN", "01")),
    # a past tense with a by-phrase is active; a passive deal "between" its parties
    ("Kuwait's emir, Sheikh Sabah al-Ahmad al-Sabah, spoke by telephone with Qatar's ruler on Monday.",
     ("KWT", "QAT", "04")),
    ("The deal was struck between Iran and the United States, Britain and France.", ("IRN", "GBR", "05")),
    # "both countries ... towards the border": each at the other
    ("India and Pakistan clashed in Kashmir. Both countries have moved troops and missiles towards the border.",
     ("PAK", "IND", "15")),
    # apologies go to the victim; coordinated agents pairwise
    ("Colombian aircraft bombed a camp inside Ecuador. Colombia's foreign ministry apologized for the incursion.",
     ("COL", "ECU", "05")),
    ("The AUKUS pact was announced by U.S. President Joe Biden, Australian Prime Minister Scott Morrison and "
     "British Prime Minister Boris Johnson.", ("AUS", "GBR", "05")),
]  # fmt: skip

MUST_NOT = [
    ('Premier Wen Jiabao warned that China would take "further actions" if Japan did not comply.', ("CHN", "CHN")),
    ("Foreign Minister Sergei Lavrov advised Russians not to travel to Turkey.", ("RUS", "RUS")),
    ("A Syrian minister, Ali Haidar, on Sunday called the agreement with Russia a victory for Syria.", None),
    ("Turkish fighters shot down a Russian warplane, saying it had violated Turkish airspace.", ("TUR", "TUR")),
    ("The ICC accused Russia of deporting children. Russia has denied that it abducted children.", ("RUS", "RUS")),
    (
        "The AUKUS pact was announced by U.S. President Joe Biden and Australian Prime Minister Scott Morrison.",
        ("USA", "USA"),
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu called off a meeting with President Barack Obama.",
        ("ISR", "USA", "04"),
    ),
]


@pytest.mark.parametrize("text,expected", MUST, ids=[c[0][:40] for c in MUST])
def test_mechanism_gives(events, text, expected):
    assert expected in roots(events(text)), events(text)


@pytest.mark.parametrize("text,pair", MUST_NOT, ids=[c[0][:40] for c in MUST_NOT])
def test_mechanism_avoids(events, text, pair):
    evs = events(text)
    if pair is None:  # no appeal from a naming verb
        assert not any(c.startswith("02") for _s, _t, c in evs), evs
    else:  # (source, target) in no event, or (source, target, root) in none
        assert not any((s, t, c[:2])[: len(pair)] == pair for s, t, c in evs), evs


def test_headline_clauses_split(events):
    evs = events('Turkey Shoots Down Russian Warplane; Putin Warns of "Serious Consequences"\n\nIt happened.')
    assert not any(s == "TUR" and c.startswith("13") for s, _t, c in evs), evs
