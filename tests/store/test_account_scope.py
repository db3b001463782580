"""The statements that named no account before: a second account's rows are never returned
or changed (tests/test_architecture.py checks that every store statement names one)."""

from __future__ import annotations

import contextlib
from datetime import date

from amity.errors import StoreError
from amity.model import ContactKind, ContactPoint, Interaction, InteractionKind, Person
from amity.store import Store, people_query
from amity.store import people as people_store
from amity.store import search as search_store
from amity.store.bulk import NewPeople
from amity.store.interactions import insert_interaction
from amity.store.restore import later_work, restore_people
from amity.store.snapshots import capture_people, high_water_marks
from tests.store.conftest import add_person

TODAY = date(2026, 11, 22)


def _owners(store: Store, table: str) -> list[tuple[int, int]]:
    rows = store.db.query(f"SELECT person_id, owner_id FROM {table} ORDER BY person_id")
    return [(int(r["person_id"]), int(r["owner_id"])) for r in rows]


def test_new_people_in_bulk_are_the_accounts_and_get_fresh_ids(store: Store, other: Store) -> None:
    theirs = add_person(other, "Tom Becker")
    with store.db.transaction():
        new = NewPeople(store, TODAY)
        email = ContactPoint(ContactKind.EMAIL, "ada@example.org", "ada@example.org")
        ada = new.add(Person(name="Ada Lovelace", tags=["math"], contact_points=[email]))
        grace = new.add(Person(name="Grace Hopper"))
        new.flush()
    assert theirs < ada < grace  # ids are shared by every account: past the other's people
    people = store.db.query("SELECT id, owner_id FROM person ORDER BY id")
    assert [(r["id"], r["owner_id"]) for r in people] == [
        (theirs, other.owner_id),
        (ada, store.owner_id),
        (grace, store.owner_id),
    ]
    assert _owners(store, "person_tag") == [(ada, store.owner_id)]
    assert _owners(store, "contact_point") == [(ada, store.owner_id)]
    assert search_store.search_people(store, "Grace").person_ids == [grace]
    assert search_store.search_people(other, "Grace").person_ids == []


def test_lists_and_filters_never_show_another_accounts_people(store: Store, other: Store) -> None:
    mine = add_person(store, "Ana Lima")
    theirs = add_person(other, "Ana Souza")
    people_store.add_tags(store, mine, ["climbing"])
    people_store.add_tags(other, theirs, ["climbing"])
    for where in (
        people_query.PeopleFilter(),
        people_query.PeopleFilter(name="ana", tags=["climbing"]),
        people_query.PeopleFilter(ids=[mine, theirs]),
    ):
        rows, total = people_query.list_people(store, where)
        assert ([r["id"] for r in rows], total) == ([mine], 1)
        assert people_query.matching_ids(store, where) == [mine]
        assert people_query.matching_ids(other, where) == [theirs]


def test_search_documents_are_written_and_deleted_in_the_account_only(
    store: Store, other: Store
) -> None:
    mine = add_person(store, "Ada Lovelace")
    theirs = add_person(other, "Tom Becker")
    their_doc = search_store.person_doc_id(theirs)
    search_store.put_doc(other, their_doc, theirs, "Tom Becker", new=True)
    search_store.delete_doc(store, their_doc)
    with contextlib.suppress(StoreError):  # SQLite refuses the id taken; PostgreSQL skips it
        search_store.put_doc(store, their_doc, mine, "sourdough")
    assert search_store.search_people(other, "Becker").person_ids == [theirs]
    assert search_store.search_people(other, "sourdough").person_ids == []
    search_store.put_doc(store, search_store.person_doc_id(mine), mine, "Ada Lovelace climbing")
    assert search_store.search_people(store, "climbing").person_ids == [mine]
    search_store.delete_person_doc(store, mine)
    assert search_store.search_people(store, "Lovelace").person_ids == []
    assert search_store.search_people(other, "Becker").person_ids == [theirs]


def _meet(owner: Store, person_id: int, summary: str) -> None:
    """A meeting of `owner`'s account filed under `person_id`, whoever's person that is."""
    meeting = Interaction(InteractionKind.COFFEE, TODAY, person_ids=[person_id], summary=summary)
    insert_interaction(owner, meeting)


def test_snapshots_and_later_work_leave_out_another_accounts_rows(
    store: Store, other: Store
) -> None:
    ada = add_person(store, "Ada Lovelace")
    marks = high_water_marks(store)
    _meet(store, ada, "coffee")
    _meet(other, ada, "a row of the other account that names Ada")
    snapshot = capture_people(store, [ada])[ada]
    assert {table for table, _row in snapshot["rows"]} == {"interaction_participant"}
    assert [row["owner_id"] for _table, row in snapshot["rows"]] == [store.owner_id]
    payload = {"created_people": [ada], "marks": marks, "created_prints": {}}
    assert later_work(store, payload) == [f"a coffee on 2026-11-22 with Ada Lovelace (#{ada})"]


def test_a_restored_row_goes_into_the_account(store: Store, other: Store) -> None:
    ada = add_person(store, "Ada Lovelace")
    people_store.add_contact_point(store, ada, ContactKind.EMAIL, "ada@example.org")
    before = [capture_people(store, [ada])[ada]]
    store.db.execute("DELETE FROM contact_point WHERE person_id = ?", (ada,))
    restored, _later = restore_people(store, before, None)
    assert restored == [ada]
    assert _owners(store, "contact_point") == [(ada, store.owner_id)]
    assert people_store.count_people(other) == 0
