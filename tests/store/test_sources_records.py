from __future__ import annotations

from datetime import date

from amity.model import Person
from amity.store import Store, as_date
from amity.store import people as people_store
from amity.store import sources as sources_store
from tests.store.accounts import second_account

TODAY, LATER = date(2026, 3, 2), date(2026, 4, 6)


def _records(store: Store) -> list[tuple[object, ...]]:
    return [
        (
            r["person_id"],
            r["source_key"],
            r["fingerprint"],
            r["payload"],
            as_date(r["missing_since"]),
        )
        for r in sources_store.records_of(store, "linkedin")
    ]


def test_a_record_is_added_updated_and_marked_for_its_account_only(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        grace = people_store.insert_person(store, Person(name="Grace"), TODAY)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
        sources_store.add_bare_record(store, ada, "linkedin", "url:ada", TODAY)
        sources_store.add_bare_record(theirs, bob, "linkedin", "url:bob", TODAY)
        theirs_id = int(sources_store.records_of(theirs, "linkedin")[0]["id"])
        record = int(sources_store.records_of(store, "linkedin")[0]["id"])
        sources_store.record_seen(store, record, "d1", '{"a": 1}', LATER)
        sources_store.rekey_record(store, record, "url:ada2")
        sources_store.mark_record_missing(store, record, LATER)
        sources_store.relink_record(store, record, grace, "d2", '{"b": 2}', LATER)
        # this account cannot touch the other's record
        sources_store.record_seen(store, theirs_id, "x", "{}", LATER)
        sources_store.rekey_record(store, theirs_id, "x")
        sources_store.mark_record_missing(store, theirs_id, LATER)
    assert _records(store) == [(grace, "url:ada2", "d2", '{"b": 2}', LATER)]
    assert _records(theirs) == [(bob, "url:bob", "", "{}", None)]
    with store.db.transaction():
        sources_store.mark_record_missing(store, record, None)
    assert _records(store)[0][4] is None


def test_people_by_key_and_first_source_are_the_accounts_own(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
        sources_store.add_bare_record(store, ada, "vcard", "v:ada", TODAY)
        sources_store.add_bare_record(store, ada, "linkedin", "url:ada", TODAY)
        sources_store.add_bare_record(store, ada, "csv", "c:ada", TODAY)
        sources_store.add_bare_record(theirs, bob, "linkedin", "url:bob", TODAY)
    assert sources_store.people_by_key(store, ("linkedin", "vcard")) == {
        "url:ada": ada,
        "v:ada": ada,
    }
    assert sources_store.first_source_by_person(store) == {ada: "csv"}
    assert sources_store.first_source_by_person(theirs) == {bob: "linkedin"}
