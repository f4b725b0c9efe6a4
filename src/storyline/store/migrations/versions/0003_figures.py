"""Figures: reported numbers with measure, time, source, modality and citation.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "figures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sent", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("value_text", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("high", sa.Float),
        sa.Column("qualifier", sa.String(8), nullable=False),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("measure", sa.String(48), nullable=False),
        sa.Column("group", sa.String(48)),
        sa.Column("place", sa.Text),
        sa.Column("time", sa.String(24)),
        sa.Column("time_start", sa.String(10)),
        sa.Column("time_end", sa.String(10)),
        sa.Column("source", sa.Text),
        sa.Column("modality", sa.String(12), nullable=False),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_figures_doc", "figures", ["doc_id"])
    op.create_index("ix_figures_measure", "figures", ["measure", "time_end"])


def downgrade() -> None:
    op.drop_table("figures")
