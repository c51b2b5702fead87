"""The events table: one row per de-identified event, keyed by its id.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("home", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("hour", sa.BigInteger, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.Column("received", sa.Float, nullable=False),
    )
    op.create_index("events_kind_hour", "events", ["kind", "hour"])
    op.create_index("events_home", "events", ["home"])


def downgrade() -> None:
    op.drop_index("events_home", "events")
    op.drop_index("events_kind_hour", "events")
    op.drop_table("events")
