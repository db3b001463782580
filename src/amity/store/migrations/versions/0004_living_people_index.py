"""Count and list living people from an index: (owner, archived, in the trash since).

Every list and every page of People counts the people it could show; with this index the
count reads the index alone instead of every row. It replaces the trash-only index.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_person_owner_deleted", table_name="person")
    op.create_index("ix_person_owner_living", "person", ["owner_id", "archived", "deleted_on"])
    # The denormalised organisation is filtered with LIKE, which this index never served.
    op.drop_index("ix_person_owner_org", table_name="person")


def downgrade() -> None:
    op.create_index("ix_person_owner_org", "person", ["owner_id", "organization"])
    op.drop_index("ix_person_owner_living", table_name="person")
    op.create_index("ix_person_owner_deleted", "person", ["owner_id", "deleted_on"])
