"""The database schema, one definition for SQLite and PostgreSQL (SQLAlchemy Core)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)

from ..models import EVENT_ROW_COLUMNS

#: bumped with each step in ``migrate.STEPS`` (additive changes to the tables below need no bump)
SCHEMA_VERSION = 3

metadata = MetaData()

#: ISO dates compare as strings: byte order (collation "C") on PostgreSQL whatever the server locale
DateText = String(10).with_variant(String(10, collation="C"), "postgresql")

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String(32), nullable=False),
    Column("finished", String(32)),
    Column("command", String(32), nullable=False),
    Column("inputs", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("read", Integer, nullable=False, default=0),
    Column("new", Integer, nullable=False, default=0),
    Column("duplicate", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
    Column("events", Integer, nullable=False, default=0),
    Column("coder_version", String(128), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("title", Text),
    Column("date", DateText),
    Column("url", Text),
    Column("source", Text),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("text_hash", String(40), nullable=False),
    #: the canonical article this one duplicates (null for canonical articles)
    Column("duplicate_of", String(128)),
    Column("record", Text),  # the article JSON (actors, contexts, issues) for the web view
    Column("coder_version", String(128)),
    Column("run_id", Integer),
    Index("ix_articles_hash", "text_hash"),
    Index("ix_articles_date", "date"),
)

_FLOAT = {"goldstein", "lat", "lon", "confidence"}
_INT = {
    "quad_class",
    "sentence",
    "trigger_start",
    "trigger_end",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "place_geonameid",
    "num_mentions",
    "num_sources",
    "num_articles",
}


def _event_column(name: str) -> Column:
    if name in ("date", "article_date"):
        return Column(name, DateText)
    if name == "event_id":
        return Column(name, String(40), primary_key=True)
    if name == "article_id":
        return Column(name, String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    if name in _FLOAT:
        return Column(name, Float)
    if name in _INT:
        return Column(name, Integer)
    if name in ("sentence_text", "rule", "source_text", "target_text", "source_name", "target_name", "topics"):
        return Column(name, Text)
    return Column(name, String(255))


events = Table(
    "events",
    metadata,
    *[_event_column(c) for c in EVENT_ROW_COLUMNS],
    #: counts of the reported event (all rows with this event_key), as GDELT's NumMentions,
    #: NumSources, NumArticles: kept up to date in the transaction that adds a mention
    *[_event_column(c) for c in ("num_mentions", "num_sources", "num_articles")],
    Index("ix_events_key", "event_key"),
    #: store-only: the scoring key of each side (country, else IGO), for dyads and networks
    Column("source_key", String(64)),
    Column("target_key", String(64)),
    Index("ix_events_article", "article_id"),
    Index("ix_events_dyad", "source_country", "target_country", "date"),
    Index("ix_events_source_code", "source_code", "date"),
    Index("ix_events_target_code", "target_code", "date"),
    Index("ix_events_root", "root", "date"),
    Index("ix_events_date", "date"),
    #: covers the dyad series and the network (no table look-ups)
    Index("ix_events_dyad_keys", "source_key", "target_key", "date", "quad_class", "goldstein"),
    Index("ix_events_target_key", "target_key", "date"),
    Index("ix_events_code", "code", "date"),
    Index("ix_events_source_name_date", "source_name", "date"),
    Index("ix_events_target_name_date", "target_name", "date"),
    Index(
        "ix_events_source_igo",
        "source_igo",
        sqlite_where=text("source_igo IS NOT NULL"),
        postgresql_where=text("source_igo IS NOT NULL"),
    ),
    Index(
        "ix_events_target_igo",
        "target_igo",
        sqlite_where=text("target_igo IS NOT NULL"),
        postgresql_where=text("target_igo IS NOT NULL"),
    ),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("speaker_text", Text),
    Column("speaker_name", Text),
    Column("speaker_code", String(64)),
    Column("speaker_country", String(8)),
    Column("speaker_igo", String(32)),
    Column("start", Integer),
    Column("end", Integer),
    Index("ix_quotes_article", "article_id"),
    Index("ix_quotes_speaker", "speaker_code"),
    Index("ix_quotes_speaker_country", "speaker_country"),
)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("start", Integer),
    Column("end", Integer),
    Index("ix_places_article", "article_id"),
)

rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer),
    Column("origin", Text, nullable=False),
    Column("reason", String(64), nullable=False),
    Column("detail", Text),
    Column("at", String(32), nullable=False),
)

#: one row per report of an event: each coded event of an article, and each event of a
#: canonical article again for every duplicate of that article, with its own provenance
mentions = Table(
    "mentions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("event_key", String(40), nullable=False),
    Column("event_id", String(40), nullable=False),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(8), nullable=False),  # coded | exact | near
    Column("similarity", Float),
    Column("source", Text),
    Column("url", Text),
    Column("date", String(10)),
    Index("ix_mentions_key", "event_key"),
    Index("ix_mentions_article", "article_id"),
)

#: MinHash LSH bands of canonical articles, for near-duplicate look-ups across runs
article_bands = Table(
    "article_bands",
    metadata,
    Column("band", String(24), primary_key=True),
    Column("article_id", String(128), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
)
