"""Indexes for what recurs every year: birthdays and work anniversaries.

The agenda asks "whose birthday or work anniversary falls in these few days?"; without
these it reads every person and every position.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_person_owner_birthday ON person "
        "(owner_id, (birthday_month * 100 + birthday_day))"
    )
    if op.get_bind().dialect.name == "sqlite":
        # Must match amity.store.database.Database.month_day for SQLite.
        op.execute(
            "CREATE INDEX ix_position_owner_anniversary ON position "
            "(owner_id, substr(start_on, 6, 5)) WHERE end_on IS NULL"
        )
    else:
        op.execute(
            "CREATE INDEX ix_position_owner_anniversary ON position "
            "(owner_id, (EXTRACT(MONTH FROM start_on) * 100 + EXTRACT(DAY FROM start_on))) "
            "WHERE end_on IS NULL"
        )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_position_owner_anniversary")
    op.execute("DROP INDEX IF EXISTS ix_person_owner_birthday")
