"""The database schema (SQLAlchemy Core). Alembic migrations in `migrations/` create it."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(24), primary_key=True),
    Column("ref", Text, nullable=False, index=True),
    Column("format", String(16), nullable=False),
    Column("title", Text),
    Column("outlet", Text, index=True),
    Column("outlet_source", String(32)),
    Column("kind", String(16), nullable=False),
    Column("published", String(40), index=True),  # ISO 8601, as precise as the source
    Column("pub_date", String(10), index=True),  # YYYY-MM-DD (or shorter), for filtering
    Column("date_source", String(40)),
    Column("date_precision", String(10), nullable=False),
    Column("language", String(8)),
    Column("url", Text),
    Column("author", Text),
    Column("text", Text, nullable=False),
    Column("original", Text, nullable=False),
    Column("furniture", JSON, nullable=False),
    Column("meta", JSON, nullable=False),
    Column("source_path", Text),
    Column("source_line", Integer),
    Column("text_hash", String(64), nullable=False, index=True),
    Column("duplicate_of", String(24), ForeignKey("documents.id"), index=True),
    Column("duplicate_kind", String(8)),  # exact | near
    Column("duplicate_score", JSON),  # containment and Jaccard estimate
    Column("ingested_at", String(32), nullable=False),
)

# MinHash LSH band keys: one row per (document, band); candidates share a key (the band is hashed in).
doc_bands = Table(
    "doc_bands",
    metadata,
    Column("doc_id", String(24), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("band", Integer, nullable=False),
    Column("key", BigInteger, nullable=False),
    Index("ix_doc_bands_key", "key"),
    Index("ix_doc_bands_doc", "doc_id"),
)


def _doc_fk() -> Column:
    return Column("doc_id", String(24), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


analyses = Table(
    "analyses",
    metadata,
    Column("doc_id", String(24), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("restored", Boolean, nullable=False),
    Column("docbin", LargeBinary, nullable=False),  # the parsed spaCy Doc (DocBin bytes)
    Column("analyzed_at", String(32), nullable=False),
)
sentences = Table(
    "sentences", metadata, _doc_fk(), Column("idx", Integer, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    PrimaryKeyConstraint("doc_id", "idx"),
)
entities = Table(
    "entities", metadata, _doc_fk(), Column("sent", Integer, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("label", String(16), nullable=False), Column("text", Text, nullable=False),
    Index("ix_entities_doc", "doc_id"), Index("ix_entities_text", "label", "text"),
)
timexes = Table(
    "timexes", metadata, _doc_fk(), Column("sent", Integer, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("type", String(10), nullable=False),
    Column("value", String(40), nullable=False), Column("mod", String(16)), Column("anchor", String(40)),
    Column("first_day", String(10)), Column("last_day", String(10)),
    Index("ix_timexes_doc", "doc_id"),
)
numbers = Table(
    "numbers", metadata, _doc_fk(), Column("sent", Integer, nullable=False),
    Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("value", Float, nullable=False),
    Column("low", Float), Column("high", Float), Column("qualifier", String(8), nullable=False),
    Column("kind", String(10), nullable=False), Column("unit", String(16)),
    Index("ix_numbers_doc", "doc_id"),
)

figures = Table(
    "figures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("sent", Integer, nullable=False), Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("value_text", Text, nullable=False), Column("value", Float, nullable=False), Column("high", Float),
    Column("qualifier", String(8), nullable=False), Column("unit", String(32), nullable=False),
    Column("status", String(16), nullable=False), Column("measure", String(48), nullable=False),
    Column("group", String(48)), Column("place", Text), Column("time", String(24)),
    Column("time_start", String(10)), Column("time_end", String(10)), Column("source", Text),
    Column("modality", String(12), nullable=False),
    Column("sentence_start", Integer, nullable=False), Column("sentence_end", Integer, nullable=False),
    Index("ix_figures_doc", "doc_id"), Index("ix_figures_measure", "measure", "time_end"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("sent", Integer, nullable=False), Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("trigger", Text, nullable=False), Column("type", String(12), nullable=False), Column("mode", String(32)),
    Column("actors", JSON, nullable=False), Column("recipients", JSON, nullable=False),
    Column("actor_text", JSON, nullable=False), Column("recipient_text", JSON, nullable=False),
    Column("location", Text), Column("date", String(24)),
    Column("date_start", String(10)), Column("date_end", String(10)),
    Column("precision", String(8)), Column("date_source", String(8)),
    Column("modality", String(12), nullable=False), Column("claimed_by", Text),
    Column("sentence_start", Integer, nullable=False), Column("sentence_end", Integer, nullable=False),
    Column("confidence", Float),
    Index("ix_events_doc", "doc_id"), Index("ix_events_date", "date_start", "type"),
)
actor_mentions = Table(
    "actor_mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _doc_fk(),
    Column("sent", Integer, nullable=False), Column("start", Integer, nullable=False), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False), Column("actor", String(96), nullable=False), Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False), Column("country", String(3)),
    Column("role", Text), Column("affiliation", String(96)),
    Index("ix_actor_mentions_doc", "doc_id"), Index("ix_actor_mentions_actor", "actor"),
)
