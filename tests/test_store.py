"""The store on both engines: migrations, scoping, transactions, derived columns."""

from __future__ import annotations

from datetime import date

import pytest

from amity.errors import StoreError
from amity.model import ContactKind, ContactPoint, Direction, Interaction, InteractionKind, Person
from amity.service.home import open_for_reading
from amity.store import Store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store import people_query as q
from amity.store.migrate import HEAD, current_version
from tests.conftest import TODAY


def test_migration_reaches_head(store: Store) -> None:
    assert current_version(store) == HEAD
    for table in (
        "person",
        "interaction",
        "tie",
        "reminder",
        "ledger_entry",
        "event",
        "event_attendance",
        "goal",
        "opportunity",
        "introduction",
        "source_record",
        "life_event",
        "contact_point",
        "position",
        "organization",
        "tag",
        "change_set",
        "reminder_delivery",
        "setting",
        "account",
    ):
        assert store.db.scalar(f"SELECT count(*) FROM {table}") is not None


def test_reopening_does_not_migrate_again(database_url: str) -> None:
    open_for_reading(database_url).close()
    again = open_for_reading(database_url)
    assert current_version(again) == HEAD
    again.close()


def test_contact_points_are_normalised(store: Store) -> None:
    with store.db.transaction():
        pid = people_store.insert_person(
            store,
            Person(
                name="Ada",
                contact_points=[
                    ContactPoint(ContactKind.EMAIL, " Ada@Example.ORG ", ""),
                    ContactPoint(ContactKind.PHONE, "(415) 555-0100", ""),
                    ContactPoint(ContactKind.URL, "https://linkedin.com/in/Ada%C3%A9/", ""),
                ],
            ),
            TODAY,
        )
    rows = store.db.query(
        "SELECT kind, normalized FROM contact_point WHERE person_id = ? ORDER BY id", (pid,)
    )
    assert [(r["kind"], r["normalized"]) for r in rows] == [
        ("email", "ada@example.org"),
        ("phone", "+14155550100"),
        ("url", "https://www.linkedin.com/in/adaé"),
    ]


def test_a_failed_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.db.transaction():
        people_store.insert_person(store, Person(name="Half Written"), TODAY)
        raise RuntimeError("crash mid-command")
    assert q.by_exact_name(store, "half written") == []


def test_derived_dates_are_maintained_on_write(store: Store) -> None:
    from amity.service.relationships import refresh_people

    with store.db.transaction():
        pid = people_store.insert_person(store, Person(name="Tim"), TODAY)
        for day, direction in (
            (date(2026, 1, 5), Direction.INBOUND),
            (date(2026, 10, 1), Direction.OUTBOUND),
        ):
            interaction_store.insert_interaction(
                store, Interaction(InteractionKind.CALL, day, direction, [pid])
            )
        refresh_people(store, [pid], TODAY)
    row = store.db.one("SELECT * FROM person WHERE id = ?", (pid,))
    assert row is not None
    assert str(row["last_contact_on"])[:10] == "2026-10-01"
    assert str(row["first_contact_on"])[:10] == "2026-01-05"
    assert str(row["next_due_on"])[:10] == "2027-03-30"  # acquaintance: 180 days
    assert row["interaction_count"] == 2
    assert row["inbound_count"] == 1 and row["outbound_count"] == 1
    assert row["strength"] > 0


def test_rows_are_scoped_to_their_account(store: Store) -> None:
    with store.db.transaction():
        other = store.db.insert(
            "INSERT INTO account (name, email, created_at) VALUES (?, ?, ?)",
            ("team", "", "2026-01-01"),
        )
        people_store.insert_person(store, Person(name="Mine"), TODAY)
        people_store.insert_person(Store(store.db, other), Person(name="Theirs"), TODAY)
    rows, total = q.list_people(store, q.PeopleFilter())
    assert [r["name"] for r in rows] == ["Mine"] and total == 1


def test_unreachable_postgres_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        open_for_reading("postgresql://nobody@127.0.0.1:1/none")
