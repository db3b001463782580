"""Index every column that points at a person, so deleting a person never scans a table.

Deleting (or merging away) a person makes the database check each table that references
people: without an index on `person.met_through_id` that check read every person, 18 ms a
delete at 40,000 people, and `dedupe --apply` of 20,000 pairs took minutes. Attendance,
opportunities and introductions had the same gap.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_person_met_through", "person", "met_through_id"),
    ("ix_event_attendance_person", "event_attendance", "person_id"),
    ("ix_opportunity_person", "opportunity", "person_id"),
    ("ix_introduction_a", "introduction", "person_a_id"),
    ("ix_introduction_b", "introduction", "person_b_id"),
)


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column])


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
