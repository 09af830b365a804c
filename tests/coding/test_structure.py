"""Sentence structure: voice, coordination, control, reported speech, nominal events, negation,
modality, conditionals. Each case is a sentence and the (source, target, root) it must give."""

from __future__ import annotations

import pytest

from .conftest import roots

CASES = [
    # voice
    ("Russia attacked Georgia on Friday.", {("RUS", "GEO", "19")}),
    ("Georgia was attacked by Russia on Friday.", {("RUS", "GEO", "19")}),
    # coordination of actors and of verbs
    ("Russia and Belarus attacked Georgia.", {("RUS", "GEO", "19"), ("BLR", "GEO", "19")}),
    ("Russia attacked and occupied Georgia.", {("RUS", "GEO", "19")}),
    ("Saudi Arabia and Iran restored diplomatic ties.", {("SAU", "IRN", "05")}),
    # control: intent, threat, appeal, demand, refusal
    ("Iran agreed to cooperate with the European Union.", {("IRN", "EU", "03")}),
    ("Russia threatened to impose sanctions on Georgia.", {("RUS", "GEO", "13")}),
    ("The United States urged Iran to halt uranium enrichment.", {("USA", "IRN", "02")}),
    ("China demanded that Japan withdraw its warships.", {("CHN", "JPN", "10")}),
    ("Iran refused to meet the United States.", {("IRN", "USA", "12")}),
    ("Syria declined to attend the talks with Israel.", {("SYR", "ISR", "12")}),
    ("France will send troops to Mali.", {("FRA", "MLI", "15")}),
    # reported speech: the reported act, not the statement
    ("Clinton said Russia attacked Georgia.", {("RUS", "GEO", "19")}),
    ("Russia said on Tuesday that Sudan must return the helicopter.", {("RUS", "SDN", "10")}),
    # nominal events
    ("Russia's recognition of Abkhazia angered the West.", {("RUS", "GEO", "05")}),
    ("Moscow's use of force against Georgia was condemned.", {("RUS", "GEO", "19")}),
    ("Pakistan held talks with India in Islamabad.", {("PAK", "IND", "04")}),
    # other categories
    ("Egypt hosted the Palestinian president.", {("EGY", "PSE", "04")}),
    ("Germany gave Ukraine 500 million euros of aid.", {("DEU", "UKR", "07")}),
    ("Turkey expelled two Israeli diplomats.", {("TUR", "ISR", "16")}),
    ("North Korea fired missiles at South Korea.", {("PRK", "KOR", "19")}),
    ("India accused Pakistan of sponsoring terrorism.", {("IND", "PAK", "11")}),
    ("Japan criticized China over the dispute.", {("JPN", "CHN", "11")}),
    ("Britain praised France for its support.", {("GBR", "FRA", "05")}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_structure(events, text, expected):
    assert roots(events(text)) == expected


NO_EVENT = [
    "Russia did not attack Georgia.",  # negation
    "Russia may impose sanctions on Georgia.",  # modality
    "The European Union could impose sanctions on Iran.",
    "The minister said the talks were useful.",  # a statement with no target is not an event pair
    "If Russia attacks Georgia, NATO will respond.",  # the antecedent of a conditional
]


@pytest.mark.parametrize("text", NO_EVENT, ids=[t[:40] for t in NO_EVENT])
def test_no_material_event(events, text):
    assert not [e for e in events(text) if e[2][:2] >= "14" or e[1] is not None]


def test_conditional_consequent_is_coded(events):
    evs = roots(events("If Iran refuses, the United States will impose sanctions on Iran."))
    assert ("USA", "IRN", "13") in evs or ("USA", "IRN", "16") in evs
    assert not any(s == "IRN" for s, _, _ in evs)  # "Iran refuses" is the condition, not an event


def test_negated_intent_is_rejection(events):
    assert ("ISR", None, "12") in roots(events("Israel said it would not release the prisoners."))


def test_threat_is_not_the_threatened_act(events):
    evs = events("Russia threatened to impose sanctions on Georgia.")
    assert not any(c.startswith("16") for _, _, c in evs)
    assert any(c.startswith("131") for _, _, c in evs)  # 1312: threaten with sanctions


def test_reported_speech_adds_no_statement(events):
    evs = events("Clinton said Russia attacked Georgia.")
    assert not any(c.startswith("01") for _, _, c in evs)


HEADLINES = [
    ("Turkey Expels Israeli Diplomats Over Gaza Raid", ("TUR", "ISR", "16")),
    ("China To Hold Talks With Japan", ("CHN", "JPN", "03")),  # "to": an intent
    ("Russia Threatens Sanctions Against Ukraine", ("RUS", "UKR", "13")),
    ("Saudi Arabia and Allies Cut Ties With Qatar", ("SAU", "QAT", "16")),
    ("Ethiopia and Eritrea Restore Ties After Two Decades", ("ETH", "ERI", "05")),
    ("Turkey Says It Will Not Recognize Cyprus", ("TUR", "CYP", "12")),
]


@pytest.mark.parametrize("title,expected", HEADLINES, ids=[h[0][:40] for h in HEADLINES])
def test_headlines(events, title, expected):
    assert expected in roots(events(title + "\n\nThe report had no more news."))
