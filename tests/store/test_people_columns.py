from __future__ import annotations

from datetime import date

from amity.model import Circle, Person, Position
from amity.store import Store, as_date
from amity.store import derived as derived_store
from amity.store import ledger as ledger_store
from amity.store import people as people_store
from amity.store import tags as tags_store
from amity.store import ties as ties_store
from tests.store.accounts import second_account

TODAY = date(2026, 3, 2)


def test_counts_rows_and_circles_are_the_accounts_own(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada", circle=Circle.CLOSE), TODAY)
        own_cadence = Person(name="Grace", circle=Circle.CLOSE, cadence_days=10)
        people_store.insert_person(store, own_cadence, TODAY)
        bob = people_store.insert_person(theirs, Person(name="Bob", circle=Circle.CLOSE), TODAY)
    assert people_store.count_people(store) == 2
    assert people_store.count_people(theirs) == 1
    assert derived_store.ids_on_circle_default(store, Circle.CLOSE.value) == [ada]
    row = people_store.person_row(store, ada)
    assert row is not None and row["name"] == "Ada"
    assert people_store.person_row(store, bob) is None
    assert [int(r["id"]) for r in derived_store.derived_inputs(store, [ada, bob])] == [ada]


def test_derived_columns_and_titles_are_written_in_the_account_only(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
        day = TODAY.isoformat()
        for person in (ada, bob):  # Bob belongs to the other account: left alone
            derived_store.set_derived(store, [(day, day, day, 3, 1, 2, 4.5, day, 61, person)])
        mine = people_store.add_position(store, ada, Position("Acme", "Engineer", TODAY))
        their_job = people_store.add_position(theirs, bob, Position("Other", "Chef", TODAY))
        people_store.set_position_title(store, mine, "CTO")
        people_store.set_position_title(store, their_job, "CTO")
    ada_row, bob_row = people_store.person_row(store, ada), people_store.person_row(theirs, bob)
    assert ada_row is not None and bob_row is not None
    assert (ada_row["interaction_count"], ada_row["strength"]) == (3, 61)
    assert as_date(ada_row["next_due_on"]) == TODAY
    assert (bob_row["interaction_count"], bob_row["next_due_on"]) == (0, None)
    titles = store.db.query("SELECT title FROM position ORDER BY id")
    assert [r["title"] for r in titles] == ["CTO", "Chef"]


def test_tags_life_events_and_ties_are_the_accounts_own(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        grace = people_store.insert_person(store, Person(name="Grace"), TODAY)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
        people_store.add_tags(store, ada, ["rust", "climbing"])
        people_store.add_tags(theirs, bob, ["secret"])
        ledger_store.add_life_event(store, ada, "new_job", TODAY, "CTO at Acme", source="linkedin")
        ledger_store.add_life_event(theirs, bob, "new_job", TODAY, "Chef", source="linkedin")
        for owner, a, b in ((store, ada, grace), (theirs, bob, ada)):
            owner.db.execute(
                "INSERT INTO tie (owner_id, person_a_id, person_b_id, strength) "
                "VALUES (?, ?, ?, 70)",
                (owner.owner_id, a, b),
            )
    assert tags_store.tag_names(store) == ["climbing", "rust"]
    assert {k: sorted(v) for k, v in tags_store.tags_by_person(store).items()} == {
        ada: ["climbing", "rust"]
    }
    events = ledger_store.life_events(store, ada)
    assert [(r["kind"], as_date(r["occurred_on"]), r["detail"]) for r in events] == [
        ("new_job", TODAY, "CTO at Acme")
    ]
    assert ledger_store.life_events(store, bob) == []
    assert [(r["id"], r["strength"]) for r in ties_store.ties_of(store, grace)] == [(ada, 70)]
    assert [int(r["id"]) for r in ties_store.ties_of(store, ada)] == [grace]
