"""Indexes for the agenda's hot reads: outbound activity by day, and the trash.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The weekly habit counts outbound contacts per day: answered from the index alone.
    op.create_index(
        "ix_interaction_owner_direction_day",
        "interaction",
        ["owner_id", "direction", "occurred_on"],
    )
    op.create_index("ix_person_owner_deleted", "person", ["owner_id", "deleted_on"])


def downgrade() -> None:
    op.drop_index("ix_person_owner_deleted", table_name="person")
    op.drop_index("ix_interaction_owner_direction_day", table_name="interaction")
