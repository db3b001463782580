"""Pairs the user said are not the same person, so `amity dedupe` never offers them again.

One row per pair and account, the two people in id order (`person_a_id < person_b_id`).
Forgetting a person for good takes their dismissals with them (the foreign keys cascade);
a merge moves the gone person's dismissals to the person kept (`amity.service.duplicates`).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _person(name: str) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey("person.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "dismissed_pair",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "owner_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        _person("person_a_id"),
        _person("person_b_id"),
        sa.Column("dismissed_on", sa.Date, nullable=False),
        sa.UniqueConstraint("owner_id", "person_a_id", "person_b_id"),
        sa.CheckConstraint("person_a_id < person_b_id", name="ck_dismissed_pair_order"),
    )
    # Deleting a person checks both columns: each has its own index (see 0005).
    op.create_index("ix_dismissed_pair_a", "dismissed_pair", ["person_a_id"])
    op.create_index("ix_dismissed_pair_b", "dismissed_pair", ["person_b_id"])


def downgrade() -> None:
    op.drop_index("ix_dismissed_pair_b", table_name="dismissed_pair")
    op.drop_index("ix_dismissed_pair_a", table_name="dismissed_pair")
    op.drop_table("dismissed_pair")
