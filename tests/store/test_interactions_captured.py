"""A phone's captures: stored once per client id in an account, and found by it."""

from __future__ import annotations

from datetime import date

from amity.model import Interaction, InteractionKind, Person
from amity.store import Store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from tests.store.accounts import second_account

TODAY = date(2026, 3, 2)
PHONE_ID = "0b7f3c2e-8a1d-4e55-9c0a-6f2d1e4b7a90"


def _met(person_id: int) -> Interaction:
    return Interaction(InteractionKind.MET, TODAY, person_ids=[person_id], notes="Rust at scale")


def test_a_client_id_is_stored_once_per_account(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
        first = interaction_store.insert_captured(store, _met(ada), PHONE_ID)
        again = interaction_store.insert_captured(store, _met(ada), PHONE_ID)
        # Another account's phone may happen to use the same id: it is theirs.
        their_own = interaction_store.insert_captured(theirs, _met(bob), PHONE_ID)
    assert first is not None and again is None and their_own is not None
    assert interaction_store.count_for_person(store, ada) == 1
    assert interaction_store.captured(store, PHONE_ID) == (first, ada, "Ada")
    assert interaction_store.captured(theirs, PHONE_ID) == (their_own, bob, "Bob")
    assert interaction_store.captured(store, "never-sent-id") is None


def test_interactions_without_a_client_id_never_collide(store: Store) -> None:
    with store.db.transaction():
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        interaction_store.insert_interaction(store, _met(ada))
        interaction_store.insert_interaction(store, _met(ada))
    assert interaction_store.count_for_person(store, ada) == 2
