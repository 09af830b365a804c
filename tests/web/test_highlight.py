"""The article view's marking: escaping, nesting, overlaps and bad offsets."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from dragoman.models import Actor, Article, Quote, Record
from dragoman.web.highlight import actor_list, highlight, sentence_with_trigger

from .records import E, event, known_records


class Nesting(HTMLParser):
    """Fails on tags that close out of order; collects the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> Nesting:
    p = Nesting()
    p.feed(html)
    p.close()
    assert p.stack == []
    return p


def visible(html: str) -> str:
    """The text of the marked-up article, labels left out."""
    no_labels = re.sub(r'<(a|span) class="ent-label"[^>]*>.*?</\1>', "", html)
    return "".join(parse(no_labels).text)


def test_known_articles_keep_their_text_and_nest():
    for rec in known_records():
        html = str(highlight(rec))
        assert visible(html) == rec.article.text
        assert html.count('class="ent trigger"') == len({(e.trigger.start, e.trigger.end) for e in rec.events})


def test_marks_point_at_the_right_words():
    rec = known_records()[0]
    html = str(highlight(rec))
    assert re.search(
        r'<mark class="ent trigger" id="trigger-0" title="040 Consult">met<a class="ent-label" '
        r'href="#event-0">040</a></mark>',
        html,
    )
    assert re.search(r'<mark class="ent actor" data-key="USAGOV" title="[^"]*">Clinton<span', html)
    assert '<span class="quote direct" title="direct quote: Clinton">' in html


def test_html_in_the_text_is_escaped():
    rec = known_records()[-1]
    html = str(highlight(rec))
    assert "<script" not in html and "&lt;script&gt;" in html and "&lt;b&gt;Tbilisi&lt;/b&gt;" in html
    assert visible(html) == rec.article.text


def test_overlapping_and_crossing_spans_still_nest():
    text = 'The minister said: "Russia attacked us" and Georgia replied.'
    rec = Record(article=Article(text=text, id="x"))
    rec.events = [
        event(
            text,
            E(
                ("Russia", "RUS", "RUS", None),
                "attacked",
                ("Georgia", "GEO", "GEO", None),
                "190",
                "Fight",
                4,
                -10.0,
                "2020-01-01",
            ),
        )
    ]
    q0 = text.index('"Russia')
    rec.quotes = [Quote(text="", kind="direct", speaker=None, start=q0, end=text.index(" us") + 4)]
    rec.actors = [
        Actor("The minister said", start=0, end=17),
        Actor("minister", code="GEOGOV", start=4, end=12),
        Actor('attacked us" and', code="BAD", start=text.index("attacked"), end=text.index(" and") + 4),
    ]
    html = str(highlight(rec))
    assert visible(html) == text


def test_offsets_outside_the_text_are_ignored():
    text = "Short text."
    rec = Record(
        article=Article(text=text, id="y"),
        actors=[Actor("x", code="A", start=5, end=500), Actor("y", code="B", start=-3, end=0)],
    )
    rec.quotes = [Quote(text="", kind="direct", speaker=None, start=900, end=950)]
    html = str(highlight(rec))
    assert visible(html) == text and 'data-key="A"' in html and 'data-key="B"' not in html


def test_sentence_with_trigger_marks_the_trigger_occurrence():
    rec = known_records()[1]
    second_met = rec.events[1]
    html = str(sentence_with_trigger(rec.article.text, second_met))
    assert html == 'Clinton <strong class="trigger">met</strong> Lavrov again in Moscow.'
    xss = known_records()[-1]
    out = str(sentence_with_trigger(xss.article.text, xss.events[0]))
    assert "<script" not in out and '<strong class="trigger">said</strong>' in out


def test_actor_list_counts_mentions():
    actors = actor_list(known_records()[0])
    assert [(a["key"], a["mentions"]) for a in actors] == [("RUSGOV", 2), ("USAGOV", 1)]
