"""The story around an event: its paragraph, the headline, the lead, and other mentions of the same event.

A report sets the scene once ("Iran and six powers reached an agreement in Vienna on Tuesday")
and then tells what happened there; its headline restates the lead in other words. These
helpers find, for an event's trigger, the sentences and words that may carry its place or
time when its own clause has none. Shared by the place (``locate``) and the date (``temporal``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..nlp.tokens import space_flags, token_texts

#: nouns that name the act of a verb, for matching a headline's verb with the lead's noun
NOUN_OF_VERB = {
    "agreement": "agree",
    "deal": "agree",
    "accord": "agree",
    "pact": "agree",
    "signing": "sign",
    "meet": "talk",
    "meeting": "talk",
    "talks": "talk",
    "negotiate": "talk",
    "negotiation": "talk",
    "negotiations": "talk",
    "summit": "talk",
    "conference": "talk",
    "visit": "visit",
    "attack": "attack",
    "strike": "strike",
    "raid": "raid",
    "shelling": "shell",
    "expulsion": "expel",
    "withdrawal": "withdraw",
    "release": "release",
    "arrest": "arrest",
    "detention": "detain",
    "recognition": "recognize",
    "invasion": "invade",
    "suspension": "suspend",
    "ban": "ban",
    "killing": "kill",
    "condemnation": "condemn",
    "warning": "warn",
    "protest": "protest",
    "sanction": "sanction",
    "sanctions": "sanction",
    "cutoff": "cut",
    "handover": "hand",
}
#: acts that one story usually tells of once, however often it names them ("signed", "the deal")
GATHERING_ACTS = frozenset({"agree", "sign", "talk", "host", "visit"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: words of a headline that are no act ("U.S.", "Say", "Amid")
_SKIP = frozenset({"say", "be", "have", "amid", "after", "over", "as", "with"})


def family(tok: Token) -> str:
    """The act a verb or noun names, the same for "agreed", "agreement" and "Agree"."""
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if lemma == low and tok.pos_ == "PROPN" and low.endswith("s") and not low.endswith("ss"):
        lemma = low[:-2] if low.endswith(("ches", "shes", "sses")) else low[:-1]  # a headline's "Bans", "Reaches"
    return NOUN_OF_VERB.get(low) or NOUN_OF_VERB.get(lemma) or lemma


_CACHE = "dragoman_paragraphs"


def _layout(doc: Doc) -> tuple[list[tuple[int, int]], tuple[int, int] | None, int]:
    """The paragraphs, the headline and the body's start, computed once per Doc."""
    cached = doc.user_data.get(_CACHE)
    if cached is not None and cached[0] == len(doc):
        return cached[1], cached[2], cached[3]
    paras = _paragraphs(doc)
    head = paras[0] if len(paras) >= 2 and _is_heading(doc, *paras[0]) else None
    k = 0
    while k < len(paras) - 1 and k < 2 and _is_heading(doc, *paras[k]):
        k += 1
    start = paras[k][0] if paras else 0
    doc.user_data[_CACHE] = (len(doc), paras, head, start)
    return paras, head, start


def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs (blank-line separated)."""
    return _layout(doc)[0]


def _paragraphs(doc: Doc) -> list[tuple[int, int]]:
    out, start = [], 0
    texts = token_texts(doc)  # a token's trailing whitespace is one space at most: breaks are tokens
    for i, space in enumerate(space_flags(doc)):
        if space and "\n\n" in texts[i]:
            if i + 1 > start:
                out.append((start, i + 1))
            start = i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def paragraph_of(doc: Doc, i: int) -> tuple[int, int]:
    """The token range of the paragraph holding token ``i``."""
    for lo, hi in paragraphs(doc):
        if lo <= i < hi:
            return lo, hi
    return 0, len(doc)


def _is_heading(doc: Doc, lo: int, hi: int) -> bool:
    """A short one-line paragraph without a final full stop (a title or a date line)."""
    words = [t for t in doc[lo:hi] if not t.is_space]
    if not words or len(words) > 30:
        return False
    return words[-1].text not in (".", '"', "\u201d") and "\n" not in doc[lo:hi].text.strip()


def headline(doc: Doc) -> tuple[int, int] | None:
    """The token range of the report's headline (a heading paragraph before the body), else None."""
    return _layout(doc)[1]


def body_start(doc: Doc) -> int:
    """The first token of the body: after the headline and a date line, if any."""
    return _layout(doc)[2]


def lead(doc: Doc) -> Span | None:
    """The body's first sentence."""
    start = body_start(doc)
    if start >= len(doc):
        return None
    return doc[start].sent


def restatements(doc: Doc, trigger: Token, within: int = 2) -> list[Token]:
    """For a headline's trigger: the words of the first ``within`` body paragraphs that name the same act."""
    fam = family(trigger)
    if fam in _SKIP:
        return []
    paras = [p for p in paragraphs(doc) if p[0] >= body_start(doc)][:within]
    return [t for lo, hi in paras for t in doc[lo:hi] if t.pos_ in ("VERB", "NOUN") and family(t) == fam]


def other_mentions(doc: Doc, trigger: Token) -> list[Token]:
    """Other words of the story's body that name the same gathering act ("signed" ... "The deal was signed in")."""
    fam = family(trigger)
    if fam not in GATHERING_ACTS:
        return []
    sent = trigger.sent
    start = body_start(doc)
    first = lead(doc)
    out = [
        t
        for t in doc[start:]
        if not sent.start <= t.i < sent.end
        and t.pos_ in ("VERB", "NOUN")
        and (family(t) == fam or family(t) in GATHERING_ACTS)
        and (_known(t) or (first is not None and first.start <= t.i < first.end))
    ]
    out.sort(key=lambda t: abs(t.i - trigger.i))
    return out


def _definite(tok: Token) -> bool:
    """A noun the reader already knows: "the deal", "this week's talks", "their meeting"."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in tok.children)


def _known(tok: Token) -> bool:
    """A mention of an act already told ("the talks", "The deal was signed"), not a new one ("for talks with")."""
    if tok.dep_ == "advcl" and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children):
        tok = tok.head  # "Meeting in Brussels, the leaders demanded" (however tagged): the main clause's subject
    elif tok.pos_ == "NOUN":
        return _definite(tok)
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN" and _definite(c) for c in tok.children)


def in_headline(doc: Doc, tok: Token) -> bool:
    """True when ``tok`` is in the headline."""
    head = headline(doc)
    return head is not None and head[0] <= tok.i < head[1]
