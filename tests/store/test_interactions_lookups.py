from __future__ import annotations

from datetime import date

from amity.model import Direction, Interaction, InteractionKind, Person
from amity.store import Store
from amity.store import events as event_store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from tests.store.accounts import second_account

TODAY = date(2026, 3, 2)


def _meeting(store: Store, person_id: int, key: str) -> int:
    return interaction_store.insert_interaction(
        store,
        Interaction(InteractionKind.MESSAGE, TODAY, Direction.INBOUND, [person_id]),
        source="linkedin",
        source_key=key,
    )


def test_source_keys_counts_and_deletes_stay_in_the_account(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
        mine = _meeting(store, ada, "m:1")
        _meeting(store, ada, "m:2")
        their_meeting = _meeting(theirs, bob, "m:3")
        interaction_store.delete_interaction(store, their_meeting)  # not this account's
        interaction_store.delete_interaction(store, mine)
    assert interaction_store.source_keys(store, "linkedin") == {"m:2"}
    assert interaction_store.source_keys(theirs, "linkedin") == {"m:3"}
    assert interaction_store.count_for_person(store, ada) == 1
    assert interaction_store.count_for_person(store, bob) == 0
    assert interaction_store.count_for_person(theirs, bob) == 1


def test_events_named_finds_the_accounts_events_by_day(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ids = [
            owner.db.insert(
                "INSERT INTO event (owner_id, name, starts_on) VALUES (?, ?, ?)",
                (owner.owner_id, "PyCon", day),
            )
            for owner, day in ((store, "2025-05-01"), (store, "2026-05-01"), (theirs, "2027-05-01"))
        ]
    assert [e.id for e in event_store.events_named(store, "pycon")] == ids[:2]
    assert [e.id for e in event_store.events_named(theirs, "pycon")] == [ids[2]]
    assert event_store.events_named(store, "rustconf") == []
