"""Documents and their MinHash band keys.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(24), primary_key=True),
        sa.Column("ref", sa.Text, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("outlet_source", sa.String(32)),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("published", sa.String(40)),
        sa.Column("pub_date", sa.String(10)),
        sa.Column("date_source", sa.String(40)),
        sa.Column("date_precision", sa.String(10), nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("url", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("original", sa.Text, nullable=False),
        sa.Column("furniture", sa.JSON, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
        sa.Column("source_path", sa.Text),
        sa.Column("source_line", sa.Integer),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("duplicate_of", sa.String(24), sa.ForeignKey("documents.id")),
        sa.Column("duplicate_kind", sa.String(8)),
        sa.Column("duplicate_score", sa.JSON),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    for col in ("ref", "outlet", "published", "pub_date", "text_hash", "duplicate_of"):
        op.create_index(f"ix_documents_{col}", "documents", [col])
    op.create_table(
        "doc_bands",
        sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("band", sa.Integer, nullable=False),
        sa.Column("key", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_doc_bands_key", "doc_bands", ["key"])
    op.create_index("ix_doc_bands_doc", "doc_bands", ["doc_id"])


def downgrade() -> None:
    op.drop_table("doc_bands")
    op.drop_table("documents")
