"""The syntax of places: which words put a name in a locative role ("in Doha", "the town of Goma").

Shared by the place finder (is a name used as a place?) and by ``event_place`` (where did the
event happen?). Word lists are lemmas or lower-case forms.
"""

from __future__ import annotations

from spacy.tokens import Token

#: prepositions that put an event somewhere
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "within",
        "across",
        "throughout",
        "around",
        "onto",
        "off",
        "along",
        "beside",
        "behind",
    }
)
#: prepositions that name a place only before a place noun ("on the island of X", "over the town of X"):
#: before a bare name they give a topic or a target ("talks on Cyprus", "pressure on Moscow")
NOUN_ONLY_PREPS = frozenset({"on", "over"})
#: prepositions of arrival, for verbs and nouns of motion ("flew to Geneva", "a visit to Kyiv")
ARRIVAL_PREPS = frozenset({"to", "into"})
MOTION = frozenset(
    "arrive travel fly go come head return move deploy visit trip journey tour march advance send dispatch "
    "invade incursion push cross enter fire launch".split()
)
#: verbs whose object is a place they act on ("captured Goma", "visited Kyiv")
PLACE_OBJECT_VERBS = frozenset(
    "visit tour capture recapture seize storm overrun besiege encircle surround enter shell bombard evacuate "
    "liberate reach".split()
)
#: verbs whose object is a place only when it is a site or a kind of place ("bombed the airport of X")
STRIKE_VERBS = frozenset("strike hit bomb attack target raid shell bombard pound blow destroy".split())
#: words for kinds of place that stand between a preposition and the name ("in the Swiss city of Geneva")
PLACE_NOUNS = frozenset(
    "city town village capital region province state country port district area outskirts suburb suburbs "
    "centre center resort island islands enclave border south north east west heart streets county "
    "municipality neighbourhood neighborhood hamlet settlement oblast governorate prefecture peninsula "
    "archipelago atoll strait valley plateau shoal reef".split()
)
#: sites: "Vancouver airport", "the plant at Abqaiq", "at the alliance's headquarters in Brussels"
SITE_NOUNS = frozenset(
    "airport airbase base camp compound plant facility field refinery headquarters embassy consulate hotel "
    "palace prison jail port harbour harbor square stadium hospital mosque church temple market checkpoint "
    "crossing bridge mine site station garrison academy bunker court courthouse parliament ministry "
    "building residence retreat office".split()
)
#: gatherings whose place is where an act done at them happens ("agreed after talks in Minsk")
MEETING_NOUNS = frozenset(
    "talks meeting meetings summit conference negotiations session sessions ceremony forum visit speech "
    "gathering rally hearing trial briefing interview appearance event dinner signing".split()
)
#: direction words in "50 km north of Islamabad" (a place named, not the place of the event)
DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
#: verbs that react to (or speak about) an event: their object's place and time are not theirs
REACTION_VERBS = frozenset(
    "condemn criticize criticise denounce welcome praise hail deny reject dismiss discuss blame report "
    "announce confirm investigate protest regret mourn applaud question describe call say tell "
    "investigate recall remember mark commemorate".split()
)


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _up_to_place_noun(tok: Token) -> Token:
    """From a name to the place or site noun it names: "the city of X", "the capital X", "X airport"."""
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            return tok
        if tok.dep_ in ("appos", "compound") and head.lower_ in PLACE_NOUNS | SITE_NOUNS:
            tok = head
        elif tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS | SITE_NOUNS:
            tok = head.head
        else:
            return tok
    return tok


def locative_root(tok: Token) -> Token | None:
    """The word carrying a name's locative link ("in", "at", "to" after motion), or None when it has none."""
    name = tok
    tok = _up_to_place_noun(tok)
    if tok.dep_ == "pobj":
        prep, above = tok.head, tok.head.head
        if prep.lower_ in LOCATIVE_PREPS or (prep.lower_ in NOUN_ONLY_PREPS and tok.i != name.i):
            return tok
        if prep.lower_ in ARRIVAL_PREPS and _lemma(above) in MOTION:
            return tok
        if prep.lower_ == "from" and above.pos_ in ("VERB", "AUX"):
            return tok  # "recalled its envoy from Islamabad"
        return None
    if tok.dep_ in ("attr", "npadvmod") and tok.head.lemma_ == "be":
        return tok  # "She is now Geneva for discussions" (the "in" left out)
    if tok.dep_ == "dobj" and _lemma(tok.head) in PLACE_OBJECT_VERBS:
        return tok
    if tok.dep_ == "dobj" and tok.i != name.i and _lemma(tok.head) in STRIKE_VERBS:
        return tok  # "struck the Shayrat airbase", "shelled the town of X" (not "attacked Georgia")
    return None


def named_as_place(tok: Token) -> bool:
    """True when the syntax alone says a name is a place: locative, "the town of X", "north of X", "X airport"."""
    if locative_root(tok) is not None:
        return True
    up = _up_to_place_noun(tok)
    if up.i != tok.i:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in DIRECTIONS


def is_participial_adjunct(tok: Token) -> bool:
    """True for a clause of a participle with no subject of its own: "Speaking in Sochi, Putin said"."""
    if tok.dep_ not in ("advcl", "acl") or tok.tag_ not in ("VBG", "VBN"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)
