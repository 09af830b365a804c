"""Batch jobs over sources: ``extract`` (records out, no database) and ``ingest`` (into a store).

Both read with ``dragoman.ingest``, code with one ``Pipeline`` (``--workers N`` processes) and
never stop on a bad item: it is counted (and, when ingesting, kept in the store with its
reason). ``ingest`` also sorts out duplicates, in input order:

- an article whose id is stored already is skipped (re-running adds nothing);
- an exact duplicate (same normalised text) or near duplicate (MinHash LSH, Jaccard of word
  5-shingles >= ``near_duplicate_threshold``) of a canonical article is not coded again: it is
  stored as a duplicate, and each event of the canonical article gains a mention from it;
- any other article is coded and stored with its events, quotes, places and mentions.

Writes are batched: each transaction holds whole articles (an article is never written in
part), so a run killed at any moment and run again ends with the database of an
uninterrupted run. Canonical articles are written in input order; a duplicate is written
once its canonical article is.

Example:
    >>> from dragoman.batch import ingest
    >>> summary = ingest(["articles/"], store=open_store("dragoman.db"))
    >>> summary.new, summary.events
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .config import Settings
from .ingest import Fetcher, read_sources
from .ingest import duplicates as dup
from .models import Article, Record, Reject
from .pipeline import Pipeline, coder_version, record_from_doc
from .store.store import Store, Write

log = logging.getLogger(__name__)

#: seconds after which buffered writes are committed even when the batch is not full
FLUSH_SECONDS = 1.0
#: signatures of stored articles kept in memory for near-duplicate checks
SIGNATURE_CACHE = 4096
#: articles whose store lookups are made together: three queries a chunk, not three an article
LOOKAHEAD = 64


@dataclass
class Summary:
    """What a batch did."""

    read: int = 0
    new: int = 0
    existing: int = 0
    duplicate: int = 0
    near: int = 0  # of the duplicates, those that are near (not exact) copies
    rejected: int = 0
    events: int = 0
    seconds: float = 0.0
    rejects: list[Reject] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        keys = ("read", "new", "existing", "duplicate", "near", "rejected", "events")
        return {k: getattr(self, k) for k in keys}

    @property
    def rate(self) -> float:
        """Articles handled (new, duplicate or already stored) per second."""
        done = self.new + self.duplicate + self.existing
        return done / self.seconds if self.seconds > 0 else 0.0


#: called after each item with the running summary
Progress = Callable[[Summary], None]


def extract(
    sources: Iterable[str],
    settings: Settings | None = None,
    date: str | None = None,
    summary: Summary | None = None,
    progress: Progress | None = None,
    fetch: bool = True,
) -> Iterator[Record]:
    """Read and code every article of the sources; rejects are counted in ``summary``."""
    settings = settings or Settings()
    summary = summary if summary is not None else Summary()
    started = time.monotonic()

    def articles() -> Iterator[Article]:
        for item in read_sources(sources, settings, date=date, fetch=fetch):
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
        summary.seconds = time.monotonic() - started
        if progress:
            progress(summary)
        yield record


def ingest(
    sources: list[str],
    store: Store,
    settings: Settings | None = None,
    date: str | None = None,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
    fetch: bool = True,
) -> Summary:
    """Read, code and store every new article of the sources; returns what was done."""
    settings = settings or Settings()
    items = read_sources(sources, settings, date=date, fetcher=fetcher, fetch=fetch)
    with _Job(store, settings, "ingest", list(sources), progress) as job:
        pipeline = Pipeline(settings)
        for article, doc in pipeline.docs(job.to_code(items)):
            job.coded(record_from_doc(article, doc))
    return job.summary


def store_records(
    items: Iterable[Record | Article | Reject],
    store: Store,
    settings: Settings | None = None,
    command: str = "load",
    inputs: list[str] | None = None,
    progress: Progress | None = None,
) -> Summary:
    """Store records coded elsewhere (the Spark job's output), in order, with the same rules.

    An item that is an Article without its coding (the Spark job does not code exact
    copies) is coded here in the rare case that it must be stored as a new article.
    """
    settings = settings or Settings()
    with _Job(store, settings, command, inputs or [], progress) as job:
        for item in items:
            if isinstance(item, Record):
                job.triage_record(item)
                continue
            for article in job.to_code([item]):
                log.warning("%s was not coded by the Spark job: coding it now", article.origin or article.id)
                job.coded(Pipeline(settings).read(article))
    return job.summary


@dataclass
class _Decision:
    kind: str  # new | existing | exact | near
    canonical: str | None = None
    similarity: float | None = None
    bands: list[str] = field(default_factory=list)


class Deduplicator:
    """Decides, in input order, whether an article is new, stored already, or a duplicate.

    It looks in the store and in an overlay of the articles of this run that are not yet
    committed, so the decision is the same whether an earlier article is committed or not.
    """

    def __init__(self, store: Store, threshold: float):
        self.store = store
        self.threshold = threshold
        self.ids: set[str] = set()
        self.hashes: dict[str, str] = {}
        self.digests: dict[str, str] = {}
        self.index = dup.BandIndex()
        self.signatures: dict[str, dup.Signature] = {}
        self.stored: OrderedDict[str, dup.Signature | None] = OrderedDict()  # signatures of stored articles
        # the store's answers for the articles of the current chunk (see ``prefetch``)
        self.known: dict[str, bool] = {}
        self.canon: dict[str, str | None] = {}
        self.members: dict[str, set[str]] = {}
        self.keys: dict[int, tuple[str, dup.Signature | None, list[str]]] = {}
        self.settled: list[str] = []  # committed articles, left in the overlay until the next prefetch

    def prefetch(self, articles: list[Article]) -> None:
        """Ask the store about a chunk of articles at once (ids, text hashes, LSH bands).

        Until the next prefetch, the overlay keeps the articles committed meanwhile, so the
        answers plus the overlay are what the store alone would answer at each decision.
        """
        self._forget(self.settled)
        self.settled = []
        ids = [a.id or "" for a in articles]
        stored = self.store.stored_ids(ids) if ids else set()
        self.known = {aid: aid in stored for aid in ids}
        self.keys = {}
        for a in articles:
            if (a.id or "") not in stored:
                sig = dup.minhash(a.text)
                bands = dup.bands(sig, self.threshold) if sig is not None else []
                self.keys[id(a)] = (dup.text_hash(a.text), sig, bands)
        digests = sorted({k[0] for k in self.keys.values()})
        found = self.store.canonicals(digests) if digests else {}
        self.canon = {d: found.get(d) for d in digests}
        all_bands = sorted({b for k in self.keys.values() for b in k[2]})
        members = self.store.band_members(all_bands) if all_bands else {}
        self.members = {b: members.get(b, set()) for b in all_bands}

    def classify(self, article: Article) -> _Decision:
        """The decision for one article; a new article joins the overlay."""
        aid = article.id or ""
        if aid in self.ids or self._is_stored(aid):
            return _Decision("existing")
        self.ids.add(aid)
        digest, sig, bands = self._keys(article)
        canonical = self.hashes.get(digest) or self._canonical(digest)
        if canonical:
            return _Decision("exact", canonical, 1.0)
        near = self._nearest(sig, bands) if sig is not None else None
        if near:
            return _Decision("near", near[1], near[0])
        self.hashes[digest] = aid
        self.digests[aid] = digest
        if sig is not None:
            self.index.insert(aid, bands)
            self.signatures[aid] = sig
        return _Decision("new", bands=bands)

    def _is_stored(self, aid: str) -> bool:
        known = self.known.get(aid)
        return self.store.has_article(aid) if known is None else known

    def _keys(self, article: Article) -> tuple[str, dup.Signature | None, list[str]]:
        """The text hash, MinHash signature and LSH bands of an article (prefetched or made now)."""
        keys = self.keys.pop(id(article), None)
        if keys is not None:
            return keys
        sig = dup.minhash(article.text)
        return dup.text_hash(article.text), sig, dup.bands(sig, self.threshold) if sig is not None else []

    def _canonical(self, digest: str) -> str | None:
        return self.canon[digest] if digest in self.canon else self.store.find_canonical(digest)

    def _band_candidates(self, bands: list[str]) -> set[str]:
        if all(b in self.members for b in bands):
            return set().union(*(self.members[b] for b in bands))
        return set(self.store.band_candidates(bands))

    def _nearest(self, sig: dup.Signature, bands: list[str]) -> tuple[float, str] | None:
        """(similarity, id) of the most similar canonical article over the threshold."""
        candidates = self.index.query(bands) | self._band_candidates(bands)
        best: tuple[float, str] | None = None
        for cid in sorted(candidates):
            other = self.signatures.get(cid)
            if other is None:
                other = self._stored_signature(cid)
            if other is None:
                continue
            sim = dup.similarity(sig, other)
            if sim >= self.threshold and (best is None or sim > best[0]):
                best = (sim, cid)
        return best

    def _stored_signature(self, article_id: str) -> dup.Signature | None:
        """The signature of a stored article, from its text (a few thousand kept)."""
        if article_id in self.stored:
            self.stored.move_to_end(article_id)
            return self.stored[article_id]
        text = self.store.article_text(article_id)
        sig = dup.minhash(text) if text else None
        self.stored[article_id] = sig
        if len(self.stored) > SIGNATURE_CACHE:
            self.stored.popitem(last=False)
        return sig

    def committed(self, ids: Iterable[str]) -> None:
        """Articles now in the store: forgotten by the overlay at the next prefetch."""
        self.settled.extend(ids)

    def _forget(self, ids: Iterable[str]) -> None:
        for aid in ids:
            self.ids.discard(aid)
            digest = self.digests.pop(aid, None)
            if digest is not None:
                self.hashes.pop(digest, None)


class _Job:
    """One run: triage in input order, buffered writes, counts, the run's record."""

    def __init__(self, store: Store, settings: Settings, command: str, inputs: list[str], progress: Progress | None):
        self.store = store
        self.settings = settings
        self.progress = progress
        self.summary = Summary()
        self.dedup = Deduplicator(store, settings.near_duplicate_threshold)
        self.run_id = store.start_run(command, inputs, coder_version())
        self.buffer: list[Write] = []
        self.inflight: dict[str, list[str]] = {}  # coding: id -> its LSH bands
        self.waiting: dict[str, list[Write]] = defaultdict(list)  # canonical id -> its duplicates
        self.started = time.monotonic()
        self.last_flush = self.started

    def __enter__(self) -> _Job:
        return self

    def __exit__(self, kind: Any, exc: Any, tb: Any) -> None:
        status = "failed"
        if kind is None:
            for writes in self.waiting.values():  # cannot happen: a canonical always comes out
                self.buffer.extend(writes)
            self.flush()
            status = "done"
        self.summary.seconds = time.monotonic() - self.started
        self.store.finish_run(self.run_id, self.summary.as_dict(), status)

    def to_code(self, items: Iterable[Article | Reject]) -> Iterator[Article]:
        """The new articles of the items, to be coded; rejects and duplicates are handled here."""
        chunk: list[Article | Reject] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == LOOKAHEAD:
                yield from self._code_chunk(chunk)
                chunk = []
        yield from self._code_chunk(chunk)

    def _code_chunk(self, chunk: list[Article | Reject]) -> Iterator[Article]:
        self.dedup.prefetch([a for a in chunk if isinstance(a, Article)])
        for item in chunk:
            article = self._triage(item)
            if article is not None:
                yield article

    def triage_record(self, record: Record) -> None:
        """A record coded elsewhere: stored if new, as a duplicate if one."""
        if self._triage(record.article) is not None:
            self.coded(record)

    def _triage(self, item: Article | Reject) -> Article | None:
        self.summary.read += 1
        if isinstance(item, Reject):
            self.summary.rejected += 1
            self.summary.rejects.append(item)
            self.store.add_reject(item, self.run_id)
            log.info("rejected %s", item)
            self._tick()
            return None
        d = self.dedup.classify(item)
        if d.kind == "existing":
            self.summary.existing += 1
            self._tick()
            return None
        if d.kind == "new":
            self.inflight[item.id or ""] = d.bands
            return item
        write = Write(Record(article=item, coder_version=coder_version()), d.canonical, d.kind, d.similarity)
        if d.canonical in self.inflight:
            self.waiting[d.canonical or ""].append(write)
        else:
            self._add(write)
        return None

    def coded(self, record: Record) -> None:
        """A new article has been coded: write it, then the duplicates that waited for it."""
        bands = self.inflight.pop(record.id, [])
        self._add(Write(record, bands=bands))
        for write in self.waiting.pop(record.id, []):
            self._add(write)

    def _add(self, write: Write) -> None:
        self.buffer.append(write)
        now = time.monotonic()
        if len(self.buffer) >= self.settings.batch_size or now - self.last_flush >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Commit the buffered articles (one transaction) and count them."""
        if not self.buffer:
            return
        written = self.store.write(self.buffer, self.run_id)
        s = self.summary
        for w, ok in zip(self.buffer, written, strict=True):
            if not ok:
                s.existing += 1
            elif w.duplicate_of is None:
                s.new += 1
                s.events += len(w.record.events)
            else:
                s.duplicate += 1
                s.near += w.kind == "near"
        self.dedup.committed(w.record.id for w in self.buffer)
        self.buffer = []
        self.last_flush = time.monotonic()
        self._tick()

    def _tick(self) -> None:
        self.summary.seconds = time.monotonic() - self.started
        if self.progress:
            self.progress(self.summary)
