"""The whole data model: people, interactions, ties, reminders, events, ledger, provenance.

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


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer, primary_key=True, autoincrement=True)


def _owner() -> sa.Column[int]:
    return sa.Column(
        "owner_id", sa.Integer, sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False
    )


def _person(name: str = "person_id", nullable: bool = False) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey("person.id", ondelete="CASCADE"), nullable=nullable
    )


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text, nullable=False, server_default="")


def upgrade() -> None:
    op.create_table(
        "account",
        _id(),
        _text("name"),
        _text("email"),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_table(
        "setting",
        _owner(),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("owner_id", "key"),
    )
    op.create_table(
        "organization",
        _id(),
        _owner(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        _text("domain"),
        sa.UniqueConstraint("owner_id", "name_key"),
    )
    op.create_table(
        "person",
        _id(),
        _owner(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("name_key", sa.Text, nullable=False),
        _text("given_name"),
        _text("family_name"),
        _text("nickname"),
        _text("headline"),
        _text("location"),
        sa.Column("birthday_month", sa.Integer),
        sa.Column("birthday_day", sa.Integer),
        sa.Column("birthday_year", sa.Integer),
        _text("how_met"),
        _text("where_met"),
        sa.Column("met_through_id", sa.Integer, sa.ForeignKey("person.id", ondelete="SET NULL")),
        sa.Column("circle", sa.Text, nullable=False, server_default="acquaintance"),
        sa.Column("cadence_days", sa.Integer),
        _text("about"),
        _text("needs"),
        _text("offers"),
        _text("interests"),
        sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_on", sa.Date, nullable=False),
        sa.Column("deleted_on", sa.Date),  # in the trash since; purged after 30 days
        sa.Column("missing_since", sa.Date),  # absent from the latest import of its source
        # Derived values, maintained on every write so reads never aggregate interactions.
        _text("organization"),
        _text("title"),
        sa.Column("first_contact_on", sa.Date),
        sa.Column("last_contact_on", sa.Date),
        sa.Column("last_outbound_on", sa.Date),
        sa.Column("interaction_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("inbound_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("outbound_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("depth_total", sa.Float, nullable=False, server_default="0"),
        sa.Column("next_due_on", sa.Date),
        sa.Column("strength", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_person_owner_name", "person", ["owner_id", "name_key"])
    op.create_index("ix_person_owner_last", "person", ["owner_id", "last_contact_on"])
    op.create_index("ix_person_owner_due", "person", ["owner_id", "next_due_on"])
    op.create_index("ix_person_owner_strength", "person", ["owner_id", "strength"])
    op.create_index("ix_person_owner_org", "person", ["owner_id", "organization"])
    op.create_table(
        "contact_point",
        _id(),
        _owner(),
        _person(),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("normalized", sa.Text, nullable=False),
        _text("label"),
    )
    op.create_index("ix_contact_point_person", "contact_point", ["person_id"])
    op.create_index("ix_contact_point_norm", "contact_point", ["owner_id", "normalized"])
    op.create_table(
        "position",
        _id(),
        _owner(),
        _person(),
        sa.Column(
            "organization_id",
            sa.Integer,
            sa.ForeignKey("organization.id", ondelete="CASCADE"),
            nullable=False,
        ),
        _text("title"),
        sa.Column("start_on", sa.Date),
        sa.Column("end_on", sa.Date),
        sa.Column("source", sa.Text, nullable=False, server_default="manual"),
    )
    op.create_index("ix_position_person", "position", ["person_id"])
    op.create_index("ix_position_org", "position", ["organization_id"])
    op.create_table(
        "tag",
        _id(),
        _owner(),
        sa.Column("name", sa.Text, nullable=False),
        sa.UniqueConstraint("owner_id", "name"),
    )
    op.create_table(
        "person_tag",
        _owner(),
        _person(),
        sa.Column(
            "tag_id", sa.Integer, sa.ForeignKey("tag.id", ondelete="CASCADE"), nullable=False
        ),
        sa.PrimaryKeyConstraint("person_id", "tag_id"),
    )
    op.create_index("ix_person_tag_tag", "person_tag", ["tag_id"])
    op.create_table(
        "event",
        _id(),
        _owner(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("ends_on", sa.Date),
        _text("place"),
        _text("purpose"),
        _text("goals"),
        _text("pitch"),
        _text("notes"),
        sa.Column("status", sa.Text, nullable=False, server_default="planned"),
    )
    op.create_table(
        "interaction",
        _id(),
        _owner(),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("direction", sa.Text, nullable=False, server_default="mutual"),
        sa.Column("occurred_on", sa.Date, nullable=False),
        _text("summary"),
        _text("notes"),
        _text("learned"),
        _text("promises"),
        _text("place"),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("event.id", ondelete="SET NULL")),
        _text("source"),
        _text("source_key"),
        sa.Column("created_at", sa.Text, nullable=False),
    )
    op.create_index("ix_interaction_owner_day", "interaction", ["owner_id", "occurred_on"])
    op.create_index("ix_interaction_source", "interaction", ["owner_id", "source", "source_key"])
    op.create_table(
        "interaction_participant",
        sa.Column(
            "interaction_id",
            sa.Integer,
            sa.ForeignKey("interaction.id", ondelete="CASCADE"),
            nullable=False,
        ),
        _owner(),
        _person(),
        sa.PrimaryKeyConstraint("interaction_id", "person_id"),
    )
    op.create_index("ix_participant_person", "interaction_participant", ["person_id"])
    op.create_table(
        "tie",
        _id(),
        _owner(),
        _person("person_a_id"),
        _person("person_b_id"),
        sa.Column("kind", sa.Text, nullable=False, server_default="knows"),
        sa.Column("strength", sa.Integer, nullable=False, server_default="50"),
        sa.Column("source", sa.Text, nullable=False, server_default="manual"),
        sa.Column("since", sa.Date),
    )
    op.create_index("ix_tie_a", "tie", ["person_a_id"])
    op.create_index("ix_tie_b", "tie", ["person_b_id"])
    op.create_table(
        "life_event",
        _id(),
        _owner(),
        _person(),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("occurred_on", sa.Date, nullable=False),
        _text("detail"),
        sa.Column("source", sa.Text, nullable=False, server_default="manual"),
    )
    op.create_index("ix_life_event_person", "life_event", ["person_id"])
    op.create_index("ix_life_event_owner_day", "life_event", ["owner_id", "occurred_on"])
    op.create_table(
        "reminder",
        _id(),
        _owner(),
        _person(nullable=True),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),  # stable identity, e.g. "promise:812"
        _text("reason"),
        _text("detail"),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("state", sa.Text, nullable=False, server_default="open"),
        sa.Column("snoozed_until", sa.Date),
        sa.Column("closed_on", sa.Date),
        sa.Column(
            "interaction_id", sa.Integer, sa.ForeignKey("interaction.id", ondelete="CASCADE")
        ),
        sa.UniqueConstraint("owner_id", "key"),
    )
    op.create_index("ix_reminder_owner_state_due", "reminder", ["owner_id", "state", "due_on"])
    op.create_index("ix_reminder_person", "reminder", ["person_id"])
    op.create_table(
        "reminder_delivery",
        _id(),
        _owner(),
        sa.Column("channel", sa.Text, nullable=False),  # "email", "calendar"
        sa.Column("for_day", sa.Date, nullable=False),
        sa.Column("sent_at", sa.Text, nullable=False),
        _text("detail"),
        sa.UniqueConstraint("owner_id", "channel", "for_day"),
    )
    op.create_table(
        "ledger_entry",
        _id(),
        _owner(),
        _person(),
        sa.Column("direction", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        _text("what"),
        sa.Column("occurred_on", sa.Date, nullable=False),
    )
    op.create_index("ix_ledger_person", "ledger_entry", ["person_id"])
    op.create_table(
        "event_attendance",
        _id(),
        _owner(),
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("event.id", ondelete="CASCADE"), nullable=False
        ),
        _person(),
        sa.Column("role", sa.Text, nullable=False, server_default="met"),  # met, target, speaker
        _text("notes"),
        sa.UniqueConstraint("event_id", "person_id"),
    )
    op.create_table(
        "goal",
        _id(),
        _owner(),
        sa.Column("title", sa.Text, nullable=False),
        _text("detail"),
        _text("target_organization"),
        sa.Column("due_on", sa.Date),
        sa.Column("status", sa.Text, nullable=False, server_default="active"),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("event.id", ondelete="SET NULL")),
    )
    op.create_table(
        "opportunity",
        _id(),
        _owner(),
        sa.Column("title", sa.Text, nullable=False),
        _text("description"),
        _text("organization"),
        _person(nullable=True),
        sa.Column("created_on", sa.Date, nullable=False),
        sa.Column("closed", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "introduction",
        _id(),
        _owner(),
        _person("person_a_id"),
        _person("person_b_id"),
        _text("reason"),
        sa.Column("state", sa.Text, nullable=False, server_default="proposed"),
        sa.Column("created_on", sa.Date, nullable=False),
        sa.Column("updated_on", sa.Date, nullable=False),
    )
    op.create_table(
        "source_record",
        _id(),
        _owner(),
        _person(nullable=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_key", sa.Text, nullable=False),
        sa.Column("fingerprint", sa.Text, nullable=False),  # hash of the imported fields
        sa.Column("payload", sa.Text, nullable=False),  # the imported fields as JSON
        sa.Column("first_seen_on", sa.Date, nullable=False),
        sa.Column("last_seen_on", sa.Date, nullable=False),
        sa.Column("missing_since", sa.Date),
        sa.UniqueConstraint("owner_id", "source", "source_key"),
    )
    op.create_index("ix_source_record_person", "source_record", ["person_id"])
    op.create_table(
        "change_set",
        _id(),
        _owner(),
        sa.Column("kind", sa.Text, nullable=False),  # "import", "merge"
        _text("summary"),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("payload", sa.Text, nullable=False, server_default="{}"),  # JSON: how to undo
    )
    _create_search()


def _create_search() -> None:
    """Full-text search: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL.

    One document per person (rowid = 2 * person id) and per interaction
    (rowid = 2 * interaction id + 1), so a write replaces its document by rowid.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_doc USING fts5("
            "body, owner_id UNINDEXED, person_id UNINDEXED, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        op.execute("CREATE VIRTUAL TABLE search_vocab USING fts5vocab(search_doc, 'row')")
        return
    op.create_table(
        "search_doc",
        sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("owner_id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.execute(
        "ALTER TABLE search_doc ADD COLUMN tsv tsvector "
        "GENERATED ALWAYS AS (to_tsvector('english', body)) STORED"
    )
    op.execute("CREATE INDEX ix_search_doc_tsv ON search_doc USING gin (tsv)")
    op.create_index("ix_search_doc_person", "search_doc", ["person_id"])


def downgrade() -> None:
    for table in (
        "search_vocab",
        "search_doc",
        "change_set",
        "source_record",
        "introduction",
        "opportunity",
        "goal",
        "event_attendance",
        "ledger_entry",
        "reminder_delivery",
        "reminder",
        "life_event",
        "tie",
        "interaction_participant",
        "interaction",
        "event",
        "person_tag",
        "tag",
        "position",
        "contact_point",
        "person",
        "organization",
        "setting",
        "account",
    ):
        op.execute(f"DROP TABLE IF EXISTS {table}")
