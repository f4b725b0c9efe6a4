"""Events (PLOVER-coded, cited) and actor mentions.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _doc_fk() -> sa.Column:
    return sa.Column("doc_id", sa.String(24), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc_fk(),
        sa.Column("sent", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("trigger", sa.Text, nullable=False),
        sa.Column("type", sa.String(12), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("recipients", sa.JSON, nullable=False),
        sa.Column("actor_text", sa.JSON, nullable=False),
        sa.Column("recipient_text", sa.JSON, nullable=False),
        sa.Column("location", sa.Text),
        sa.Column("date", sa.String(24)),
        sa.Column("date_start", sa.String(10)),
        sa.Column("date_end", sa.String(10)),
        sa.Column("precision", sa.String(8)),
        sa.Column("date_source", sa.String(8)),
        sa.Column("modality", sa.String(12), nullable=False),
        sa.Column("claimed_by", sa.Text),
        sa.Column("sentence_start", sa.Integer, nullable=False),
        sa.Column("sentence_end", sa.Integer, nullable=False),
    )
    op.create_index("ix_events_doc", "events", ["doc_id"])
    op.create_index("ix_events_date", "events", ["date_start", "type"])
    op.create_table(
        "actor_mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc_fk(),
        sa.Column("sent", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("actor", sa.String(96), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("country", sa.String(3)),
        sa.Column("role", sa.Text),
        sa.Column("affiliation", sa.String(96)),
    )
    op.create_index("ix_actor_mentions_doc", "actor_mentions", ["doc_id"])
    op.create_index("ix_actor_mentions_actor", "actor_mentions", ["actor"])


def downgrade() -> None:
    op.drop_table("actor_mentions")
    op.drop_table("events")
