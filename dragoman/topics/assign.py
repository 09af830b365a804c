"""An event's topics: from its sentence first, then its paragraph, linked sentences, the article.

Contexts (PLOVER scale) come from the event's own sentence and from its code (PLOVER's
CAMEO-to-context table, else a context per root when the sentence says nothing); issues
come from the first level that has any:

1. the event's sentence;
2. its paragraph;
3. for meetings and agreements, the article's agenda sentences about the same meeting
   ("one of the issues on the table for her meeting with Lavrov in Geneva is ...", and the
   agenda sentences that continue it: "... are also expected to come up");
4. the nearest paragraph that names both of the event's actors;
5. the article's main issues.
Issues found at levels 2-4 bring their contexts with them. Every topic keeps the words that
triggered it and the level it came from.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from spacy.tokens import Doc

from .component import event_actor_key, sentence_anchors
from .lexicon import Lexicon, load_lexicon

#: CAMEO roots whose events have an agenda: agree, consult, support, cooperate
AGENDA_ROOTS = {"03", "04", "05", "06"}
#: how many sentences after a linked agenda sentence a continuing one ("also ...") may come
AGENDA_WINDOW = 3
#: at most this many contexts per event, and article issues used as a fallback
MAX_CONTEXTS = 4
MAX_ARTICLE_ISSUES = 2

Tag = dict[str, Any]
#: the last event's tags, so that event_topics and event_evidence on one event compute once
_last: list[Any] = [None, None, None]
#: the last Doc's sentence anchors (actor keys, place names), read once per Doc when needed
_anchors: list[Any] = [None, None]


def event_tags(doc: Doc, event: dict[str, Any], lexicon: Lexicon | None = None) -> list[Tag]:
    """The event's topics as ``{"topic", "scale", "words", "level"}``, contexts first."""
    key = tuple(event.get(k) for k in ("sentence", "code", "trigger_start", "trigger_end", "trigger_text"))
    if _last[0] is doc and _last[1] == key and lexicon is None:
        return [dict(t) for t in _last[2]]
    tags = _event_tags(doc, event, lexicon)
    if lexicon is None:
        _last[:] = [doc, key, tags]
    return [dict(t) for t in tags]


def _event_tags(doc: Doc, event: dict[str, Any], lexicon: Lexicon | None) -> list[Tag]:
    data = doc._.dragoman_topics
    if not data or "sentences" not in data:
        return []
    lex = lexicon or load_lexicon()
    sent = int(event.get("sentence") or 0)
    if not 0 <= sent < len(data["sentences"]):
        return []
    own = _collect(doc, lex, data, [sent], "sentence")
    issues = [t for t in own if t["scale"] == "issue"]
    inherited = [] if issues else _inherited_issues(doc, lex, data, event, sent)
    contexts = _contexts(lex, own, inherited, event, _trigger(doc, event))
    return contexts + issues + inherited


def event_topics(doc: Doc, event: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The contexts and issues of one event: from its sentence, then paragraph, then article."""
    tags = event_tags(doc, event)
    contexts = [t["topic"] for t in tags if t["scale"] == "context"]
    issues = [t["topic"] for t in tags if t["scale"] == "issue"]
    return contexts, issues


def event_evidence(doc: Doc, event: dict[str, Any]) -> list[Tag]:
    """Each of the event's topics with the words that triggered it (the event JSON's ``topics``)."""
    return event_tags(doc, event)


def _collect(doc: Doc, lex: Lexicon, data: dict[str, Any], sents: list[int], level: str) -> list[Tag]:
    """The topics of some sentences, each once, with its words; issues imply their contexts."""
    words: dict[tuple[str, str], list[str]] = defaultdict(list)
    for i in sents:
        for tid, _, _, text in data["sentences"][i]:
            topic = lex.topics[tid]
            keys = [(topic["scale"], topic["name"])] + [("context", c) for c in topic["contexts"]]
            for key in keys:
                if text not in words[key]:
                    words[key].append(text)
    tags = [{"topic": n, "scale": s, "words": w, "level": level} for (s, n), w in words.items()]
    tags.sort(key=lambda t: -len(t["words"]))
    return tags


def _trigger(doc: Doc, event: dict[str, Any]) -> str:
    ts, te = event.get("trigger_start"), event.get("trigger_end")
    if isinstance(ts, int) and isinstance(te, int) and 0 <= ts < te <= len(doc):
        return doc[ts:te].text
    return str(event.get("trigger_text") or "")


def _contexts(lex: Lexicon, own: list[Tag], inherited: list[Tag], event: dict[str, Any], trigger: str) -> list[Tag]:
    """Sentence contexts, then the code's (its root's only if the sentence gave none), then inherited."""
    out = [t for t in own if t["scale"] == "context"]
    code = str(event.get("code") or "")
    specific = any(code[:n] in lex.code_contexts for n in range(len(code), 2, -1))
    if specific or not out:
        for c in lex.code_prior(code):
            if all(t["topic"] != c for t in out):
                out.append({"topic": c, "scale": "context", "words": [trigger] if trigger else [], "level": "code"})
    for t in inherited:
        for c in lex.topics[lex.by_name[("issue", t["topic"])]]["contexts"]:
            if t["level"] != "article" and all(x["topic"] != c for x in out):
                out.append({"topic": c, "scale": "context", "words": list(t["words"]), "level": t["level"]})
    return out[:MAX_CONTEXTS]


def _inherited_issues(doc: Doc, lex: Lexicon, data: dict[str, Any], event: dict[str, Any], sent: int) -> list[Tag]:
    """Issues for an event whose sentence has none: paragraph, agenda, linked paragraph, article."""
    paras = data["paragraphs"]
    same = [i for i, p in enumerate(paras) if p == paras[sent] and i != sent]
    found = _issues(doc, lex, data, same, "paragraph")
    if str(event.get("root") or event.get("code", ""))[:2] in AGENDA_ROOTS:
        seen = {t["topic"] for t in found}
        agenda = _issues(doc, lex, data, agenda_sentences(doc, data, event, sent), "agenda")
        found += [t for t in agenda if t["topic"] not in seen]
    if not found:
        found = _issues(doc, lex, data, linked_paragraph(doc, lex, data, event, sent), "linked")
    if not found:
        found = [
            {"topic": t["topic"], "scale": "issue", "words": list(t["words"]), "level": "article"}
            for t in data.get("topics", [])
            if t["scale"] == "issue"
        ][:MAX_ARTICLE_ISSUES]
    return found


def _issues(doc: Doc, lex: Lexicon, data: dict[str, Any], sents: list[int], level: str) -> list[Tag]:
    return [t for t in _collect(doc, lex, data, sents, level) if t["scale"] == "issue"] if sents else []


def anchors(doc: Doc) -> tuple[list[list[str]], list[list[str]]]:
    """The actor keys and place names of each sentence of the Doc (cached for the last Doc)."""
    if _anchors[0] is not doc:
        _anchors[:] = [doc, sentence_anchors(doc)]
    return _anchors[1]


def _event_keys(event: dict[str, Any]) -> set[str]:
    return {k for k in (event_actor_key(event.get("source")), event_actor_key(event.get("target"))) if k}


def agenda_sentences(doc: Doc, data: dict[str, Any], event: dict[str, Any], sent: int) -> list[int]:
    """Agenda sentences about this event's meeting, and the ones that continue them."""
    if not data["cues"]:
        return []
    keys = _event_keys(event)
    sent_keys, sent_places = anchors(doc)
    places = set(sent_places[sent])
    linked: list[int] = []
    for i in data["cues"]:
        if i == sent:
            continue
        skeys, splaces = set(sent_keys[i]), set(sent_places[i])
        both = len(keys) == 2 and keys <= skeys
        place = bool(places & splaces) and bool(keys & skeys)
        if both or place:
            linked.append(i)
        elif linked and i - linked[-1] <= AGENDA_WINDOW and _continues(data, i):
            linked.append(i)
    return linked


def _continues(data: dict[str, Any], i: int) -> bool:
    """Whether an agenda sentence carries on from the previous one ("... also expected to ...")."""
    return i in data.get("continues", [])


def linked_paragraph(doc: Doc, lex: Lexicon, data: dict[str, Any], event: dict[str, Any], sent: int) -> list[int]:
    """The sentences of the nearest paragraph with issues that names both of the event's actors."""
    keys = _event_keys(event)
    if len(keys) < 2:
        return []
    sent_keys = anchors(doc)[0]
    paras = data["paragraphs"]
    by_para: dict[int, list[int]] = defaultdict(list)
    for i, p in enumerate(paras):
        by_para[p].append(i)
    candidates = []
    for p, sents in by_para.items():
        if p == paras[sent]:
            continue
        pkeys = set().union(*(sent_keys[i] for i in sents))
        if keys <= pkeys and any(lex.topics[h[0]]["scale"] == "issue" for i in sents for h in data["sentences"][i]):
            candidates.append((abs(p - paras[sent]), p))
    return by_para[min(candidates)[1]] if candidates else []
