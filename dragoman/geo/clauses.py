"""Which clause a word belongs to, and whether a time or place phrase governs an event's trigger.

Shared by the place and the date of an event: "talks in Brussels on Tuesday" puts both on
"talks"; "said on Tuesday that Russia attacked Georgia in August" gives "said" Tuesday and
"attacked" August, because each phrase governs only its own clause.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .syntax import MEETING_NOUNS

#: dependency labels that start a clause of their own
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "acl", "csubj", "csubjpass", "parataxis", "pcomp"}
)
#: clauses that share the time and place of the clause they hang on when they have none
INHERITING_DEPS = frozenset({"xcomp", "conj"})
#: links a phrase climbs through to its attachment point ("in Geneva" -> the word "in" hangs on)
_LINKS = frozenset({"pobj", "prep", "npadvmod", "tmod", "nummod", "compound", "appos", "amod", "advmod", "pcomp"})
#: gatherings and sites whose place and time are those of what is done at them ("agreed at a summit in Abuja")
THROUGH_NOUNS = frozenset(
    "talks meeting meetings summit conference negotiations negotiation session sessions ceremony forum visit "
    "speech gathering rally hearing briefing interview dinner signing hour hours day days round headquarters "
    "airport base camp compound plant facility field embassy consulate hotel palace prison residence retreat "
    "bunker building office parliament court".split()
)
#: verbs that react to, speak about or call off an event: the place and time of their object are not theirs
REACTION_VERBS = frozenset(
    "condemn criticize criticise denounce welcome praise hail deny reject dismiss discuss blame report "
    "announce confirm investigate protest regret mourn applaud question describe call recall remember mark "
    "commemorate decry deplore lament celebrate review cancel postpone scrap delay suspend".split()
)
#: verbs that report speech: a clause they report takes their time (and, when not past, their place)
SPEECH_VERBS = frozenset(
    "say tell announce warn threaten pledge promise vow declare state add insist claim write tweet reply "
    "respond assert stress note tell confirm signal indicate argue suggest predict".split()
)
#: verbs whose object (an actor) is where they meet it ("met diplomats in Vienna")
MEET_VERBS = frozenset("meet host receive visit greet hold join".split())
#: verbs of attack: the place of their target is theirs ("fired at a ship near X")
STRIKE_VERBS = frozenset("fire shoot strike hit bomb attack target raid shell bombard pound ram".split())
#: auxiliaries of a clause that does not report a past event ("would impose", "could include")
_MODAL = frozenset({"will", "would", "wo", "'ll", "shall", "should", "could", "can", "may", "might", "must", "'d"})


def clause_head(tok: Token) -> Token:
    """The verb (or the root) that heads the clause ``tok`` is in."""
    t = tok
    for _ in range(64):  # parses are trees, but never loop forever on a bad one
        if t.head.i == t.i:
            return t
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS:
            return t
        t = t.head
    return t


def span_root(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside it."""
    span: Span = doc[start:end]
    return span.root if len(span) else doc[start]


def attachment(tok: Token) -> tuple[Token, list[Token]]:
    """Where a phrase hangs on, climbing prepositions: (attachment token, tokens climbed through)."""
    path = []
    t = tok
    while t.dep_ in _LINKS and t.head.i != t.i and t.head.pos_ in ("ADP", "NUM", "PROPN", "ADV", "SCONJ"):
        path.append(t)
        t = t.head
    path.append(t)
    return t.head, path


def governs(phrase_root: Token, trigger: Token) -> int | None:
    """How closely a time or place phrase governs a trigger: 0 inside its phrase, 1 in its clause, else None.

    The phrase governs the trigger when it hangs on the trigger's clause or on a phrase that
    holds the trigger ("the use of force ... last August": on "use", which holds "force"), on a
    gathering or site the clause names ("agreed after talks in Minsk", "signed an agreement in
    Doha", "judges in The Hague issued"), or on a participle with no subject of its own
    ("Speaking in Sochi, Putin warned"); not when it sits inside another argument or in a clause
    below the trigger's.
    """
    head = clause_head(trigger)
    t = phrase_root
    for _ in range(64):
        if t.i == trigger.i and t.i != head.i:
            return 0  # inside a noun's phrase ("talks in Brussels"); a verb's own phrases are weighed below
        if t.i == head.i or t.head.i == t.i:
            break
        adjunct = _adjunct(t) and t.dep_ == "advcl"  # "Speaking in Sochi, ...", not "agents convicted in Miami"
        if t.i != phrase_root.i and t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS and not adjunct:
            if t.dep_ in ("relcl", "acl") and t.head.i == trigger.i:
                return 0  # a clause describing the trigger: "the raid that killed him in Abbottabad"
            return None  # the phrase belongs to a clause below the trigger's
        t = t.head
    if t.i != head.i:
        return None
    holders = _holders(trigger, head)
    att, _ = attachment(phrase_root)
    for _ in range(8):
        if att.i in holders:
            return 1
        up = _climb(att, holders)
        if up is None:
            return None
        att = up
    return None


def _adjunct(verb: Token) -> bool:
    """A participle with no subject of its own ("Speaking in Sochi, ...", "..., handing letters to ...")."""
    if verb.dep_ not in ("advcl", "acl") or verb.tag_ not in ("VBG", "VBN"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _climb(att: Token, holders: set[int]) -> Token | None:
    """One step up from an attachment point that passes its place and time on, else None."""
    if att.pos_ in ("VERB", "AUX") and _adjunct(att) and att.dep_ == "advcl":
        return att.head  # the participle's clause, or the subject it describes
    if att.dep_ in ("nsubj", "nsubjpass") and att.head.i in holders and _agent(att):
        return att.head  # "judges in The Hague issued ...", "Putin, speaking in Sochi, warned"
    if att.pos_ != "NOUN":
        return None
    verb = att.head.lemma_.lower()
    if att.dep_ == "dobj" and verb in REACTION_VERBS:
        return None  # "canceled a visit to Turkey", "condemned the talks in Minsk"
    if att.dep_ == "dobj" and (verb in MEET_VERBS or not _actor_at(att)):
        return att.head  # "signed an agreement in Doha", "met diplomats in Vienna", not "warned the junta in Niger"
    if att.dep_ == "pobj" and att.head.head.lemma_.lower() in STRIKE_VERBS and att.head.head.i in holders:
        return att.head.head  # "fired on a ship off the coast of X": the target's place is the attack's
    if att.lemma_.lower() in THROUGH_NOUNS or att.lower_ in THROUGH_NOUNS:
        up, _ = attachment(att)
        return up if up.i != att.i else None
    return None


def _holders(trigger: Token, head: Token) -> set[int]:
    """The trigger and the words above it up to its clause's head."""
    out = {trigger.i}
    t = trigger
    for _ in range(64):
        if t.i == head.i or t.head.i == t.i:
            break
        t = t.head
        out.add(t.i)
    out.add(head.i)
    return out


def _agent(tok: Token) -> bool:
    """A word naming who acts (a name or an actor's mention), not an act ("the use of force")."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or _actor_at(tok)


def _actor_at(tok: Token) -> bool:
    """True when a word is (in) an actor's mention: "the junta in Niger" places the junta, not the act."""
    return any(a.get("start", -1) <= tok.i < a.get("end", -1) for a in tok.doc._.dragoman_actors or [])


def parent_clause(tok: Token, reported: str = "") -> Token | None:
    """The clause a clause of ``INHERITING_DEPS`` hangs on, else None.

    ``reported``: "all" also climbs from a clause reported by a verb of speech to that verb
    ("said on Tuesday he was halting"), "unpast" only when the reported clause is no past event
    ("said in Warsaw they would impose sanctions").
    """
    head = clause_head(tok)
    if head.head.i == head.i:
        return None
    if head.dep_ in INHERITING_DEPS or (head.dep_ == "advcl" and _adjunct(head)):
        return clause_head(head.head)
    noun = head.head
    if head.dep_ == "acl" and _adjunct(head) and (noun.lower_ in MEETING_NOUNS or noun.lemma_.lower() in MEETING_NOUNS):
        return noun  # "talks hosted by Wang Yi": the gathering it describes
    if reported and head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS:
        if reported == "all" or not is_past(head):
            return clause_head(head.head)
    return None


def is_past(verb: Token) -> bool:
    """True for a clause about a past event ("had attacked", "has sent", "attacked"), not "would send"."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in _MODAL for c in aux):
        return False
    if any(c.lemma_ == "have" for c in aux) or any(c.tag_ == "VBD" for c in aux):
        return True
    return verb.tag_ == "VBD"


def relative_antecedent(tok: Token, words: frozenset[str]) -> Token | None:
    """For "in Brussels, where she attended a meeting": the antecedent (Brussels) of ``where``/``when``."""
    head = clause_head(tok)
    if head.dep_ != "relcl":
        return None
    if any(c.lower_ in words for c in head.children if c.dep_ in ("advmod", "mark", "npadvmod")):
        return head.head
    return None
