"""Events planned with a purpose, goals with targets, captures from a phone, photos.

An event gets a start time (`starts_at`, "HH:MM" or empty), where it came from (`source`
"ics" and the calendar's `source_key`, so importing the same calendar twice changes
nothing), the day it was planned (`created_on`) and the day it was debriefed
(`debriefed_on`). What it aims at: `event_target` rows (a company or a role), people hoped
to be met (an `event_attendance` row with role `target`, as before) and the goals it
serves (`event_goal`).

A goal gets the day it was set (`created_on`: progress counts from it) and the day it was
reached or dropped (`closed_on`). Its targets are `goal_target` rows: a company, a role or
a person (then `person_id`, with the name as it was in `value`). The one
`target_organization` a goal had becomes its first company target.

An interaction may carry the id a phone gave it (`client_id`), unique in the account, so
a capture sent twice is stored once. `interaction.event_id` is indexed: an event's people
and an event's follow-ups are read by it.

A person may have one photo (`person_photo`): the resized image, its media type, size and
a digest, so the same picture imported again is stored once.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from amity.store.migrations.statistics import restudy

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _owner() -> sa.Column[int]:
    return sa.Column(
        "owner_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False
    )


def _refers(table: str, column: str, *, nullable: bool = False) -> sa.Column[int]:
    return sa.Column(
        column, sa.Integer, sa.ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=nullable
    )


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def upgrade() -> None:
    for column in ("starts_at", "source", "source_key"):
        op.add_column("event", _text(column))
    op.add_column("event", sa.Column("created_on", sa.Date))
    op.add_column("event", sa.Column("debriefed_on", sa.Date))
    op.create_index("ix_event_owner_day", "event", ["owner_id", "starts_on"])
    op.create_index("ix_event_source", "event", ["owner_id", "source", "source_key"])
    op.create_table(
        "event_target",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _owner(),
        _refers("event", "event_id"),
        sa.Column("kind", sa.Text, nullable=False),  # company, role
        _text("value"),
    )
    op.create_index("ix_event_target_event", "event_target", ["event_id"])
    op.add_column("goal", sa.Column("created_on", sa.Date))
    op.add_column("goal", sa.Column("closed_on", sa.Date))
    op.create_table(
        "goal_target",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _owner(),
        _refers("goal", "goal_id"),
        sa.Column("kind", sa.Text, nullable=False),  # company, role, person
        _text("value"),
        _refers("person", "person_id", nullable=True),
    )
    op.create_index("ix_goal_target_goal", "goal_target", ["goal_id"])
    op.create_index("ix_goal_target_person", "goal_target", ["person_id"])
    op.execute(
        "INSERT INTO goal_target (owner_id, goal_id, kind, value) "
        "SELECT owner_id, id, 'company', target_organization FROM goal "
        "WHERE target_organization <> ''"
    )
    op.execute("UPDATE goal SET target_organization = ''")
    op.create_table(
        "event_goal",
        _owner(),
        _refers("event", "event_id"),
        _refers("goal", "goal_id"),
        sa.PrimaryKeyConstraint("event_id", "goal_id"),
    )
    op.create_index("ix_event_goal_goal", "event_goal", ["goal_id"])
    op.add_column("interaction", sa.Column("client_id", sa.Text))
    op.create_index("ux_interaction_client", "interaction", ["owner_id", "client_id"], unique=True)
    # Partial: most interactions are at no event, and an index full of NULLs makes SQLite's
    # statistics say every event has all the interactions (the ranking then scanned them).
    linked = sa.text("event_id IS NOT NULL")
    op.create_index(
        "ix_interaction_event",
        "interaction",
        ["event_id"],
        sqlite_where=linked,
        postgresql_where=linked,
    )
    restudy("interaction")  # statistics for the new index
    op.create_table(
        "person_photo",
        _refers("person", "person_id"),
        _owner(),
        sa.Column("media_type", sa.Text, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("digest", sa.Text, nullable=False),
        _text("source"),
        sa.PrimaryKeyConstraint("person_id"),
    )


def downgrade() -> None:
    op.drop_table("person_photo")
    op.drop_index("ix_interaction_event", table_name="interaction")
    op.drop_index("ux_interaction_client", table_name="interaction")
    with op.batch_alter_table("interaction") as batch:
        batch.drop_column("client_id")
    op.drop_table("event_goal")
    op.execute(
        "UPDATE goal SET target_organization = coalesce((SELECT t.value FROM goal_target t "
        "WHERE t.goal_id = goal.id AND t.kind = 'company' ORDER BY t.id LIMIT 1), '')"
    )
    op.drop_table("goal_target")
    with op.batch_alter_table("goal") as batch:
        for column in ("closed_on", "created_on"):
            batch.drop_column(column)
    op.drop_table("event_target")
    op.drop_index("ix_event_source", table_name="event")
    op.drop_index("ix_event_owner_day", table_name="event")
    with op.batch_alter_table("event") as batch:
        for column in ("debriefed_on", "created_on", "source_key", "source", "starts_at"):
            batch.drop_column(column)
