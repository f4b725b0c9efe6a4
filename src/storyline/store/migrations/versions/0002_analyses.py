"""Language-layer results: sentences, entities, time expressions, numbers, and the parsed Doc.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _doc_fk():
    return sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "analyses",
        sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("restored", sa.Boolean, nullable=False),
        sa.Column("docbin", sa.LargeBinary, nullable=False),
        sa.Column("analyzed_at", sa.String(32), nullable=False),
    )
    op.create_table("sentences", _doc_fk(), sa.Column("idx", sa.Integer, nullable=False),
                    sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint("doc_id", "idx"))
    op.create_table("entities", _doc_fk(), sa.Column("sent", sa.Integer, nullable=False),
                    sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
                    sa.Column("label", sa.String(16), nullable=False), sa.Column("text", sa.Text, nullable=False))
    op.create_index("ix_entities_doc", "entities", ["doc_id"])
    op.create_index("ix_entities_text", "entities", ["label", "text"])
    op.create_table("timexes", _doc_fk(), sa.Column("sent", sa.Integer, nullable=False),
                    sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
                    sa.Column("text", sa.Text, nullable=False), sa.Column("type", sa.String(10), nullable=False),
                    sa.Column("value", sa.String(40), nullable=False), sa.Column("mod", sa.String(16)),
                    sa.Column("anchor", sa.String(40)), sa.Column("first_day", sa.String(10)), sa.Column("last_day", sa.String(10)))
    op.create_index("ix_timexes_doc", "timexes", ["doc_id"])
    op.create_table("numbers", _doc_fk(), sa.Column("sent", sa.Integer, nullable=False),
                    sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
                    sa.Column("text", sa.Text, nullable=False), sa.Column("value", sa.Float, nullable=False),
                    sa.Column("low", sa.Float), sa.Column("high", sa.Float),
                    sa.Column("qualifier", sa.String(8), nullable=False), sa.Column("kind", sa.String(10), nullable=False),
                    sa.Column("unit", sa.String(16)))
    op.create_index("ix_numbers_doc", "numbers", ["doc_id"])


def downgrade() -> None:
    for table in ("numbers", "timexes", "entities", "sentences", "analyses"):
        op.drop_table(table)
