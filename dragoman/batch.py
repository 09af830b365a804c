"""Batch jobs over sources: ``extract`` (records out, no database) and ``ingest`` (into a store).

Both read with ``dragoman.ingest``, code with one ``Pipeline`` and never stop on a bad item:
it is counted (and, when ingesting, kept in the store with its reason).

Example:
    >>> from dragoman.batch import ingest
    >>> summary = ingest(["articles/"], store=open_store("dragoman.db"))
    >>> summary.new, summary.events
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .config import Settings
from .ingest import read_sources
from .models import Article, Record, Reject
from .pipeline import Pipeline, coder_version
from .store.store import Store, text_hash

log = logging.getLogger(__name__)


@dataclass
class Summary:
    """What a batch did."""

    read: int = 0
    new: int = 0
    existing: int = 0
    duplicate: int = 0
    rejected: int = 0
    events: int = 0
    rejects: list[Reject] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("read", "new", "existing", "duplicate", "rejected", "events")}


#: called after each item with the running summary
Progress = Callable[[Summary], None]


def extract(
    sources: Iterable[str],
    settings: Settings | None = None,
    date: str | None = None,
    summary: Summary | None = None,
    progress: Progress | None = None,
) -> Iterator[Record]:
    """Read and code every article of the sources; rejects are counted in ``summary``."""
    settings = settings or Settings()
    summary = summary if summary is not None else Summary()

    def articles() -> Iterator[Article]:
        for item in read_sources(sources, settings, date=date):
            summary.read += 1
            if isinstance(item, Reject):
                summary.rejected += 1
                summary.rejects.append(item)
                log.warning("rejected %s", item)
                if progress:
                    progress(summary)
                continue
            yield item

    for record in Pipeline(settings).process(articles()):
        summary.new += 1
        summary.events += len(record.events)
        if progress:
            progress(summary)
        yield record


def ingest(
    sources: list[str],
    store: Store,
    settings: Settings | None = None,
    date: str | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Read, code and store every new article of the sources; returns what was done."""
    settings = settings or Settings()
    summary = Summary()
    run_id = store.start_run("ingest", list(sources), coder_version())
    hashes: dict[str, str] = {}

    def fresh() -> Iterator[Article]:
        for item in read_sources(sources, settings, date=date):
            summary.read += 1
            if isinstance(item, Reject):
                summary.rejected += 1
                summary.rejects.append(item)
                store.add_reject(item, run_id)
            elif item.id and store.has_article(item.id):
                summary.existing += 1
            else:
                digest = text_hash(item.text)
                canonical = hashes.get(digest) or store.find_hash(digest)
                if canonical:
                    store.add_record(
                        Record(article=item, coder_version=coder_version()), run_id, duplicate_of=canonical
                    )
                    summary.duplicate += 1
                else:
                    hashes[digest] = item.id or ""
                    yield item
                    continue
            if progress:
                progress(summary)

    status = "failed"
    try:
        for record in Pipeline(settings).process(fresh()):
            if store.add_record(record, run_id):
                summary.new += 1
                summary.events += len(record.events)
            else:
                summary.existing += 1
            if progress:
                progress(summary)
        status = "done"
    finally:
        store.finish_run(run_id, summary.as_dict(), status)
    return summary
