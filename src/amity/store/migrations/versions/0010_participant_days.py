"""Each participant row carries its interaction's day, indexed with the person.

`interaction_participant.occurred_on` is the day of the interaction the row links (an
interaction's day never changes after it is written). With the index on (person_id,
occurred_on, interaction_id, owner_id), a person's latest interactions, and their
interactions since a day, are a short range of one index: the agenda's drafts and second
touches read only those rows, where they used to read every interaction of the person to
sort them. The index replaces the one on person_id alone, which it starts with.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa
from alembic import op

from amity.store.migrations.statistics import restudy

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("interaction_participant", sa.Column("occurred_on", sa.Date))
    op.execute(
        "UPDATE interaction_participant SET occurred_on = (SELECT i.occurred_on "
        "FROM interaction i WHERE i.id = interaction_participant.interaction_id)"
    )
    with warnings.catch_warnings():  # SQLite rebuilds the table, reflecting the schema:
        # SQLAlchemy warns it cannot reflect the person table's expression index, which a
        # rebuild of this table never touches. Not for the user's terminal.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        with op.batch_alter_table("interaction_participant") as batch:
            batch.alter_column("occurred_on", existing_type=sa.Date, nullable=False)
    op.drop_index("ix_participant_person", table_name="interaction_participant")
    op.create_index(
        "ix_participant_person_day",
        "interaction_participant",
        ["person_id", "occurred_on", "interaction_id", "owner_id"],
    )
    restudy("interaction_participant")  # statistics for the new index


def downgrade() -> None:
    op.drop_index("ix_participant_person_day", table_name="interaction_participant")
    op.create_index("ix_participant_person", "interaction_participant", ["person_id"])
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", sa.exc.SAWarning)
        with op.batch_alter_table("interaction_participant") as batch:
            batch.drop_column("occurred_on")
