"""Ties you can confirm or hide, each with its reason: one tie per pair of people.

`tie.state` is `inferred` (Amity found the evidence), `confirmed` (you said so: every
manual tie, and every tie written before this revision, which only a person or the demo
wrote) or `hidden` (you said it is wrong: the inference never brings it back);
`tie.why` says where the tie comes from ("colleagues at Acme 2019–2022"). Each pair is
stored once per account, the lower id first, so a unique index keeps "recording again
updates, never duplicates". Rows written before this revision are put in that order, a
pair given twice keeps its strongest row, and a tie of a person with themself goes.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("tie", sa.Column("state", sa.Text, nullable=False, server_default="confirmed"))
    op.add_column("tie", sa.Column("why", sa.Text, nullable=False, server_default=""))
    op.execute("DELETE FROM tie WHERE person_a_id = person_b_id")
    # Both engines read the old values on the right of SET: this swaps the two.
    op.execute(
        "UPDATE tie SET person_a_id = person_b_id, person_b_id = person_a_id "
        "WHERE person_a_id > person_b_id"
    )
    op.execute(
        "DELETE FROM tie WHERE EXISTS (SELECT 1 FROM tie t WHERE t.owner_id = tie.owner_id "
        "AND t.person_a_id = tie.person_a_id AND t.person_b_id = tie.person_b_id "
        "AND (t.strength > tie.strength OR (t.strength = tie.strength AND t.id < tie.id)))"
    )
    op.create_index("ux_tie_pair", "tie", ["owner_id", "person_a_id", "person_b_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_tie_pair", table_name="tie")
    with op.batch_alter_table("tie") as batch:
        batch.drop_column("why")
        batch.drop_column("state")
