from __future__ import annotations

from datetime import date

from amity.model import ContactKind, ContactPoint, Person, Position
from amity.store import Store, as_date
from amity.store import imports as import_store
from amity.store import people as people_store
from tests.store.accounts import second_account

TODAY = date(2026, 3, 2)


def _linkedin(url: str) -> list[ContactPoint]:
    return [ContactPoint(ContactKind.URL, url, url, "LinkedIn")]


def test_lookups_see_only_the_accounts_own_people(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(
            store,
            Person(name="Ada Lovelace", contact_points=_linkedin("linkedin.com/in/ada")),
            TODAY,
        )
        people_store.insert_person(
            theirs,
            Person(name="Bob Stone", contact_points=_linkedin("linkedin.com/in/bob")),
            TODAY,
        )
    assert [(r["id"], r["name_key"]) for r in import_store.living_name_keys(store)] == [
        (ada, "ada lovelace")
    ]
    assert [(r["normalized"], r["person_id"]) for r in import_store.profile_urls(store)] == [
        ("https://www.linkedin.com/in/ada", ada)
    ]


def test_missing_is_marked_once_and_cleared_for_the_account_only(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
        import_store.mark_missing(store, ada, TODAY)
        import_store.mark_missing(store, ada, date(2026, 4, 1))  # the first day stays
        import_store.mark_missing(store, bob, TODAY)  # not this account's person
    missing = store.db.query("SELECT id, missing_since FROM person ORDER BY id")
    assert [(r["id"], as_date(r["missing_since"])) for r in missing] == [
        (ada, TODAY),
        (bob, None),
    ]
    with store.db.transaction():
        import_store.mark_missing(store, ada, None)
    assert store.db.scalar("SELECT missing_since FROM person WHERE id = ?", (ada,)) is None


def test_undo_drops_only_the_accounts_new_unused_organizations(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = people_store.insert_person(store, Person(name="Ada"), TODAY)
        people_store.add_position(store, ada, Position("Acme", "CTO", TODAY))
        before = import_store.last_organization_id(store)
        people_store.organization_id(theirs, "Theirs Ltd")
        people_store.organization_id(store, "Unused Inc")
        assert import_store.last_organization_id(store) > before
        import_store.drop_unused_organizations_after(store, 0)
    names = store.db.query("SELECT name FROM organization ORDER BY name")
    assert [r["name"] for r in names] == ["Acme", "Theirs Ltd"]
    assert import_store.last_organization_id(theirs) > 0
