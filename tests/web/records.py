"""Known Records for the web tests, stored through the Store API (not produced by the coder).

Offsets are computed from the text, so actors, triggers and quotes point at real words.
One article carries HTML and script in its title, text, actor names and codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from dragoman.models import Actor, Article, Event, Quote, Record, Trigger

XSS_TITLE = '<script>window.__xss_title=1</script><img src=x onerror="window.__xss_img=1">Breaking'
XSS_TEXT = (
    "<script>window.__xss_text=1</script> Officials in <b>Tbilisi</b> said on Monday that "
    'Russia attacked Georgia near Gori. <img src=y onerror="window.__xss_text_img=1"> '
    '"We will not yield," said the <i>minister</i>.'
)
XSS_NAME = '<svg onload="window.__xss_name=1">Russia'


@dataclass
class E:
    """One event to place in a text: source, trigger and target phrases plus its CAMEO facts."""

    source: tuple[str, str, str | None, str | None] | None  # phrase, code, country, igo
    trigger: str
    target: tuple[str, str, str | None, str | None] | None
    code: str
    name: str
    quad: int
    goldstein: float
    date: str


def _actor(text: str, spec: tuple[str, str, str | None, str | None] | None, after: int = 0) -> Actor | None:
    if spec is None:
        return None
    phrase, code, country, igo = spec
    start = text.index(phrase, after) if phrase in text[after:] else text.index(phrase)
    return Actor(
        text=phrase,
        name=phrase,
        code=code,
        country=country,
        igo=igo,
        sectors=["GOV"],
        start=start,
        end=start + len(phrase),
    )


def _sentence(text: str, at: int) -> tuple[int, str]:
    start = max(text.rfind(". ", 0, at) + 2, 0) if text.rfind(". ", 0, at) >= 0 else 0
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return text[:start].count(". "), text[start:end].strip()


def event(text: str, e: E) -> Event:
    """An Event whose offsets point into the text."""
    t0 = text.index(e.trigger)
    sent_no, sentence = _sentence(text, t0)
    return Event(
        code=e.code,
        root=e.code[:2],
        name=e.name,
        quad_class=e.quad,
        goldstein=e.goldstein,
        source=_actor(text, e.source),
        target=_actor(text, e.target, t0),
        trigger=Trigger(e.trigger, t0, t0 + len(e.trigger)),
        sentence=sent_no,
        text=sentence,
        rule=f"{e.code}:{e.trigger}",
        confidence=0.8,
        plover={"type": "CONSULT", "mode": None},
        date=e.date,
    )


def record(aid: str, title: str, date: str, text: str, events: list[E], quotes: list[tuple[str, str]] = ()) -> Record:
    """A Record with its events and (quote text, speaker phrase) quotes."""
    rec = Record(
        article=Article(text=text, id=aid, title=title, date=date, source="test wire"), coder_version="web-test"
    )
    rec.events = [event(text, e) for e in events]
    for qtext, speaker in quotes:
        q0 = text.index(qtext)
        rec.quotes.append(
            Quote(
                text=qtext,
                kind="direct",
                speaker=_actor(text, (speaker, "USAGOV", "USA", None)),
                start=q0,
                end=q0 + len(qtext),
            )
        )
    return rec


USA = ("Clinton", "USAGOV", "USA", None)
RUS = ("Lavrov", "RUSGOV", "RUS", None)


def known_records() -> list[Record]:
    """Five articles, eight events: USA-RUS over three months, RUS-GEO conflict, NATO, and the XSS one."""
    t1 = (
        "Clinton met Lavrov in Geneva on Friday. Clinton praised Lavrov for the talks. "
        '"We are pressing the reset button," Clinton said.'
    )
    t2 = "Lavrov criticised Clinton over missile defence. Clinton met Lavrov again in Moscow."
    t3 = "Russian forces attacked Georgia on Friday. NATO condemned Russia for the assault."
    t4 = "Clinton hosted Lavrov in Washington for talks on arms control."
    return [
        record(
            "web-a1",
            "Clinton meets Lavrov in Geneva",
            "2009-03-06",
            t1,
            [
                E(USA, "met", RUS, "040", "Consult", 1, 1.0, "2009-03-06"),
                E(USA, "praised", RUS, "051", "Praise or endorse", 1, 3.4, "2009-03-06"),
            ],
            quotes=[('"We are pressing the reset button,"', "Clinton")],
        ),
        record(
            "web-a2",
            "Lavrov criticises missile defence",
            "2009-01-20",
            t2,
            [
                E(RUS, "criticised", USA, "111", "Criticize or denounce", 3, -2.0, "2009-01-20"),
                E(USA, "met", RUS, "040", "Consult", 1, 1.0, "2009-01-20"),
            ],
        ),
        record(
            "web-a3",
            "Russian forces attack Georgia",
            "2008-08-08",
            t3,
            [
                E(
                    ("Russian forces", "RUSMIL", "RUS", None),
                    "attacked",
                    ("Georgia", "GEO", "GEO", None),
                    "190",
                    "Use conventional military force",
                    4,
                    -10.0,
                    "2008-08-08",
                ),
                E(
                    ("NATO", "IGOWSTNAT", None, "NATO"),
                    "condemned",
                    ("Russia", "RUS", "RUS", None),
                    "111",
                    "Criticize or denounce",
                    3,
                    -2.0,
                    "2008-08-09",
                ),
            ],
        ),
        record(
            "web-a4",
            "Clinton hosts Lavrov",
            "2009-07-02",
            t4,
            [
                E(USA, "hosted", RUS, "042", "Make a visit", 2, 1.9, "2009-07-02"),
            ],
        ),
        record(
            "web-xss",
            XSS_TITLE,
            "2008-08-11",
            XSS_TEXT,
            [
                E(("Officials", "GEOGOV", "GEO", None), "said", None, "010", "Make statement", 1, 0.0, "2008-08-11"),
                E(
                    ("Russia", "RUS", "RUS", None),
                    "attacked",
                    ("Georgia", "GEO", "GEO", None),
                    "190",
                    "Use conventional military force",
                    4,
                    -10.0,
                    "2008-08-11",
                ),
            ],
            quotes=[('"We will not yield,"', "Officials")],
        ),
    ]


def with_topics(records: list[Record]) -> list[Record]:
    """Tag the two attacks as military (a context), with the words that say so."""
    for rec in records:
        for e in rec.events:
            if e.code == "190":
                e.contexts = ["military"]
                e.topics = [{"topic": "military", "scale": "context", "words": ["attacked"], "level": "sentence"}]
    return records


def xss_record() -> Record:
    """The XSS article with script in its actor name too."""
    rec = known_records()[-1]
    assert rec.events[1].source is not None
    rec.events[1].source.name = XSS_NAME
    return rec


def store_known(store) -> list[Record]:
    """Store the known records (the XSS one with its scripted actor name); returns them."""
    recs = with_topics(known_records()[:-1] + [xss_record()])
    for r in recs:
        store.add_record(r)
    return recs
