from __future__ import annotations

from datetime import date

from amity.engines.strength import DEPTH_WEIGHTS
from amity.model import Direction, Interaction, InteractionKind, Person
from amity.store import Store, as_date
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store import tiers as tiers_store
from tests.store.accounts import second_account

JAN, FEB, MAR = date(2026, 1, 5), date(2026, 2, 2), date(2026, 3, 2)


def _meet(store: Store, person_id: int, day: date, direction: Direction) -> None:
    interaction_store.insert_interaction(
        store, Interaction(InteractionKind.COFFEE, day, direction, [person_id])
    )


def test_aggregates_count_the_interactions_up_to_the_day_of_the_account_only(
    store: Store,
) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), JAN)
        _meet(store, ada, JAN, Direction.OUTBOUND)
        _meet(store, ada, FEB, Direction.INBOUND)
        _meet(store, ada, MAR, Direction.OUTBOUND)  # after the day asked about
        bob = people_store.insert_person(theirs, Person(name="Bob"), JAN)
        _meet(theirs, bob, JAN, Direction.OUTBOUND)
    rows = tiers_store.aggregates_on(store, FEB, DEPTH_WEIGHTS)
    assert [
        (
            r["person_id"],
            as_date(r["first_on"]),
            as_date(r["last_on"]),
            r["n"],
            r["inbound"],
            r["outbound"],
        )
        for r in rows
    ] == [(ada, JAN, FEB, 2, 1, 1)]
    assert float(rows[0]["depth"]) == 2 * DEPTH_WEIGHTS[InteractionKind.COFFEE]


def test_known_on_counts_the_living_people_created_by_then(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        people_store.insert_person(store, Person(name="Ada"), JAN)
        people_store.insert_person(store, Person(name="Later"), MAR)
        people_store.insert_person(theirs, Person(name="Bob"), JAN)
    assert tiers_store.known_on(store, FEB) == 1
    assert tiers_store.known_on(store, MAR) == 2
    assert tiers_store.known_on(theirs, MAR) == 1
