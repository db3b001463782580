"""The service's write use cases take a person's id (the CLI, the web and the API resolve
what the user typed first); an id of another account is no one."""

from __future__ import annotations

import pytest

from amity.errors import NotFound
from amity.model import InteractionKind, Person
from amity.service.interactions import Happening, log
from amity.service.remind import remind
from amity.store import Store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from tests.conftest import TODAY
from tests.store.accounts import second_account


def test_log_and_remind_take_an_id_of_the_account_only(store: Store) -> None:
    with store.db.transaction():
        ana = people_store.insert_person(store, Person(name="Ana Lima"), TODAY)
        theirs = second_account(store)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
    logged = log(store, ana, Happening(InteractionKind.CALL, note="the offer"), TODAY)
    assert (logged.person_id, logged.person_name) == (ana, "Ana Lima")
    made = remind(store, ana, "2026-12-01", "ask about the offer", TODAY)
    assert (made.person_id, made.text) == (ana, "ask about the offer")
    for write in (
        lambda: log(store, bob, Happening(InteractionKind.CALL), TODAY),
        lambda: remind(store, bob, "2026-12-01", "call", TODAY),
    ):
        with pytest.raises(NotFound, match=f"no person has id {bob}"):
            write()
    assert interaction_store.count_for_person(theirs, bob) == 0
