"""A second account beside the test's own: store functions must never return its rows."""

from __future__ import annotations

import pytest

from amity.model import Person
from amity.store import Store
from amity.store import people as people_store
from tests.conftest import TODAY


@pytest.fixture
def other(store: Store) -> Store:
    """The same database, seen as a second account."""
    other_id = store.db.insert(
        "INSERT INTO account (name, email, created_at) VALUES (?, ?, ?)",
        ("someone else", "", "2026-01-01T00:00:00+00:00"),
    )
    return Store(store.db, other_id)


def add_person(store: Store, name: str, **fields: object) -> int:
    """A person of the store's account, with these columns set as given (maintained ones
    such as next_due_on included)."""
    person_id = people_store.insert_person(store, Person(name=name), TODAY)
    for column, value in fields.items():
        store.db.execute(f"UPDATE person SET {column} = ? WHERE id = ?", (value, person_id))
    return person_id
