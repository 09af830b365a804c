"""The reading pipeline: Article in, Record out, one spaCy pipeline in between.

The English model is followed by dragoman's components, each registered as a spaCy
factory by its stage package, so ``nlp.pipe(..., n_process=N)`` batches everything:

    dragoman_sentences (before the parser) -> ... model ... -> dragoman_actors
    -> dragoman_places -> dragoman_times -> dragoman_events -> dragoman_quotes
    -> dragoman_topics -> dragoman_record

Example:
    >>> from dragoman import Pipeline, Article
    >>> record = Pipeline().read(Article(text="Russia condemned Georgia.", date="2008-08-08"))
    >>> [e.code[:2] for e in record.events]
    ['11']
"""

# no `from __future__ import annotations` here: spaCy resolves factory signatures at run time

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

# importing the stage packages registers their components
from . import actors, coding, geo, quotes, temporal, topics  # noqa: F401  (registers components)
from .coding.component import actor_out
from .config import Settings
from .models import Article, Record
from .nlp import load_package, model_name, register_extensions
from .nlp import sentences as _sentences  # noqa: F401  (registers dragoman_sentences)
from .nlp.fast import install_fast
from .nlp.tokens import drop_token_data, remember_text
from .version import __version__

log = logging.getLogger(__name__)

#: dragoman's components after the model, in order
COMPONENTS = (
    "dragoman_actors",
    "dragoman_places",
    "dragoman_times",
    "dragoman_events",
    "dragoman_quotes",
    "dragoman_topics",
    "dragoman_record",
)


def coder_version() -> str:
    """The version stamp stored with every event: package, coder and dictionary versions."""
    return f"dragoman-{__version__}/coder-{coding.CODER_VERSION}/actors-{actors.DICTIONARY_VERSION}"


class RecordAssembler:
    """The last component: gathers the stages' results into the article JSON of DESIGN.md."""

    def __init__(self, nlp: Language, name: str = "dragoman_record"):
        self.name = name
        self.version = coder_version()

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.dragoman_meta or {}
        sents = list(doc.sents)
        events = []
        for ev in doc._.dragoman_events or []:
            events.append(self._event(doc, sents, ev))
        topics_ = doc._.dragoman_topics or {}
        doc._.dragoman_record = {
            "id": meta.get("id"),
            "title": meta.get("title"),
            "date": meta.get("date"),
            "url": meta.get("url"),
            "source": meta.get("source"),
            "events": events,
            "quotes": list(doc._.dragoman_quotes or []),
            "places": [_place_out(p) for p in doc._.dragoman_places or []],
            "actors": [actor_out(a) for a in doc._.dragoman_actors or []],
            "contexts": list(topics_.get("contexts") or []),
            "issues": list(topics_.get("issues") or []),
            "coder_version": self.version,
        }
        drop_token_data(doc)
        return doc

    def _event(self, doc: Doc, sents: list[Any], ev: dict[str, Any]) -> dict[str, Any]:
        ts, te = ev["trigger_start"], ev["trigger_end"]
        trig = doc[ts:te]
        sent = sents[ev["sentence"]] if 0 <= ev["sentence"] < len(sents) else trig.sent
        date, date_text = temporal.event_date(doc, ts, te)
        contexts, issues = topics.event_topics(doc, ev)
        return {
            "code": ev["code"],
            "root": ev["root"],
            "name": ev["name"],
            "quad_class": ev["quad_class"],
            "goldstein": ev["goldstein"],
            "plover": ev.get("plover"),
            "source": ev.get("source"),
            "target": ev.get("target"),
            "date": date,
            "date_text": date_text,
            "place": geo.event_place(doc, ts, te),
            "sentence": ev["sentence"],
            "text": sent.text.strip(),
            "trigger": {"text": trig.text, "start": trig.start_char, "end": trig.end_char},
            "confidence": ev["confidence"],
            "rule": ev["rule"],
            "contexts": contexts,
            "issues": issues,
            "topics": topics.event_evidence(doc, ev),
        }


def _place_out(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": p.get("name"),
        "country": p.get("country"),
        "lat": p.get("lat"),
        "lon": p.get("lon"),
        "geonameid": p.get("geonameid"),
        "start": p.get("start_char"),
        "end": p.get("end_char"),
    }


@Language.factory("dragoman_record")
def make_record_assembler(nlp: Language, name: str) -> RecordAssembler:
    return RecordAssembler(nlp, name)


@lru_cache(maxsize=2)
def build_nlp(model: str = "") -> Language:
    """The full pipeline: the English model plus dragoman's components (once per process)."""
    register_extensions()
    name = model_name(model)
    nlp = load_package(name)
    install_fast(nlp)  # output-identical stand-ins for the model's lemmatizer and attribute ruler
    nlp.add_pipe("dragoman_sentences", before="parser")
    for comp in COMPONENTS:
        nlp.add_pipe(comp)
    log.info("pipeline %s: %s", name, ", ".join(nlp.pipe_names))
    return nlp


class Pipeline:
    """Reads articles: Article in, Record out.

    Example:
        >>> pipe = Pipeline()
        >>> records = list(pipe.process([Article(text="...", date="2009-03-06")]))
    """

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()

    @property
    def nlp(self) -> Language:
        """The loaded spaCy pipeline (loaded on first use, once per process)."""
        return build_nlp(self.settings.model)

    def docs(self, articles: Iterable[Article], workers: int | None = None) -> Iterator[tuple[Article, Doc]]:
        """Parse and read articles, yielding each with its Doc, in input order."""
        nlp = self.nlp
        workers = workers or self.settings.workers
        pending: deque[Article] = deque()

        def make(arts: Iterable[Article]) -> Iterator[Doc]:
            for a in arts:
                pending.append(a)
                doc = nlp.make_doc(a.text)
                doc._.dragoman_meta = a.meta()
                remember_text(doc, a.text)
                yield doc

        stream = nlp.pipe(make(articles), batch_size=self.settings.batch_size, n_process=workers)
        for doc in stream:
            yield pending.popleft(), doc

    def process(self, articles: Iterable[Article], workers: int | None = None) -> Iterator[Record]:
        """Read articles and yield one Record each, in input order."""
        for article, doc in self.docs(articles, workers):
            yield record_from_doc(article, doc)

    def read(self, article: Article | str, date: str | None = None) -> Record:
        """Read one article (or a text) and return its Record."""
        if isinstance(article, str):
            article = Article(text=article, date=date)
        return next(self.process([article], workers=1))


def record_from_doc(article: Article, doc: Doc) -> Record:
    """The Record of a Doc that went through the pipeline."""
    data = doc._.dragoman_record or {}
    record = Record.from_json(data, text=article.text)
    record.article = article
    return record
