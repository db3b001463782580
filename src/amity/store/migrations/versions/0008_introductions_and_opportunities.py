"""Double opt-in introductions with each step dated, and opportunities with referrals.

An introduction moves proposed → asked_a → a_agreed → asked_b → b_agreed → introduced →
done (its outcome written down), or to declined from any step before it is made. Each
step's date is a column of the introduction (`asked_a_on`, ... `declined_on`), so one row
carries the whole story and a person's snapshot (undo, trash) keeps it whole;
`declined_by` says who said no (`a`, `b` or `you`) and `outcome` what came of it. The old
`accepted` state (both agreed) becomes `b_agreed`.

An opportunity gets its kind (job, project, speaking, podcast, collab), whether it is for
you, and its outcome. A referral links an opportunity to a person: for one of yours, who
referred you (`referred_me`); for someone else's, whom you passed it to (`passed_to`).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

STEP_DATES = (
    "asked_a_on",
    "a_agreed_on",
    "asked_b_on",
    "b_agreed_on",
    "introduced_on",
    "done_on",
    "declined_on",
)


def upgrade() -> None:
    for column in STEP_DATES:
        op.add_column("introduction", sa.Column(column, sa.Date))
    op.add_column(
        "introduction", sa.Column("declined_by", sa.Text, nullable=False, server_default="")
    )
    op.add_column("introduction", sa.Column("outcome", sa.Text, nullable=False, server_default=""))
    op.execute("UPDATE introduction SET state = 'b_agreed' WHERE state = 'accepted'")
    op.create_index("ix_introduction_owner_state", "introduction", ["owner_id", "state"])
    op.add_column("opportunity", sa.Column("kind", sa.Text, nullable=False, server_default="job"))
    op.add_column(
        "opportunity", sa.Column("for_me", sa.Boolean, nullable=False, server_default=sa.false())
    )
    op.add_column("opportunity", sa.Column("outcome", sa.Text, nullable=False, server_default=""))
    op.create_table(
        "referral",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "owner_id",
            sa.Integer,
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "opportunity_id",
            sa.Integer,
            sa.ForeignKey("opportunity.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "person_id",
            sa.Integer,
            sa.ForeignKey("person.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("role", sa.Text, nullable=False),  # referred_me, passed_to
        sa.Column("on_date", sa.Date, nullable=False),
        sa.Column("outcome", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("opportunity_id", "person_id", "role"),
    )


def downgrade() -> None:
    op.drop_table("referral")
    with op.batch_alter_table("opportunity") as batch:
        for column in ("outcome", "for_me", "kind"):
            batch.drop_column(column)
    op.drop_index("ix_introduction_owner_state", table_name="introduction")
    op.execute("UPDATE introduction SET state = 'accepted' WHERE state = 'b_agreed'")
    with op.batch_alter_table("introduction") as batch:
        for column in ("outcome", "declined_by", *STEP_DATES):
            batch.drop_column(column)
