"""The database schema (SQLAlchemy Core). Alembic migrations in `migrations/` create it."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

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
