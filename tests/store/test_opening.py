"""Opening a store connects and nothing else; migrating, finding or creating the account
and emptying the trash are named steps of their own, composed by `amity.service.home`.
On both engines, and on a database an older Amity left (schema at OLD_SCHEMA)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from amity.model import Person
from amity.service.home import open_for_reading, prepare_for_write, with_account
from amity.service.schema import schema_status, upgrade_schema
from amity.store import Store, open_store
from amity.store import people as people_store
from amity.store.accounts import NO_ACCOUNT, create_account, find_account
from amity.store.migrate import HEAD, current_version, schema_is_current
from amity.store.trash import TRASH_DAYS, purge_trash
from tests.conftest import OLD_SCHEMA, TODAY
from tests.dump import dump
from tests.store.accounts import second_account


def _version(url: str) -> str | None:
    store = open_store(url, account_id=NO_ACCOUNT)
    try:
        return current_version(store)
    finally:
        store.close()


def _forgotten(store: Store, name: str, days_ago: int) -> int:
    """Someone the store's account put in the trash `days_ago` real days ago."""
    with store.db.transaction():
        person_id = people_store.insert_person(store, Person(name=name), TODAY)
        people_store.set_deleted(store, person_id, date.today() - timedelta(days=days_ago))
    return person_id


def _names(store: Store) -> set[str]:
    return {r["name"] for r in store.db.query("SELECT name FROM person")}


# -- open_store: connect, nothing else ---------------------------------------------------


def test_open_store_does_not_migrate_an_old_schema(old_database_url: str) -> None:
    store = open_store(old_database_url, account_id=NO_ACCOUNT)
    assert current_version(store) == OLD_SCHEMA and not schema_is_current(store)
    store.close()
    assert _version(old_database_url) == OLD_SCHEMA  # still old after it closed


def test_open_store_writes_nothing(store: Store, database_url: str) -> None:
    _forgotten(store, "Dennis Ritchie", TRASH_DAYS + 15)  # long expired trash
    before = dump(store)
    opened = open_store(database_url, account_id=store.owner_id)
    try:
        assert opened.owner_id == store.owner_id
        assert dump(opened) == before
    finally:
        opened.close()


def test_open_store_is_for_the_account_it_is_given(store: Store, database_url: str) -> None:
    with store.db.transaction():
        people_store.insert_person(store, Person(name="Mine"), TODAY)
        other = second_account(store)
        people_store.insert_person(other, Person(name="Theirs"), TODAY)
    opened = open_store(database_url, account_id=other.owner_id)
    try:
        assert people_store.count_people(opened) == 1
        assert opened.owner_id == other.owner_id
    finally:
        opened.close()


# -- the account ---------------------------------------------------------------------------


def test_a_new_database_has_no_account_until_one_is_created(database_url: str) -> None:
    store = open_for_reading(database_url)
    try:
        assert store.owner_id == NO_ACCOUNT and find_account(store) == NO_ACCOUNT
        created = create_account(store)
        assert created != NO_ACCOUNT
        assert create_account(store) == created == find_account(store)  # once, not twice
        assert store.db.scalar("SELECT count(*) FROM account") == 1
    finally:
        store.close()


# -- the trash purge -----------------------------------------------------------------------


def test_the_purge_deletes_only_expired_trash_of_its_account(store: Store) -> None:
    _forgotten(store, "Expired", TRASH_DAYS + 1)
    _forgotten(store, "Recent", TRASH_DAYS - 1)
    with store.db.transaction():
        other = second_account(store)
    _forgotten(other, "Theirs", TRASH_DAYS + 1)
    assert purge_trash(store, date.today()) == 1
    assert _names(store) == {"Recent", "Theirs"}
    assert purge_trash(store, date.today()) == 0


def test_a_what_if_day_passed_to_the_purge_is_the_callers_choice(store: Store) -> None:
    """`purge_trash` counts from the day it is given; only the service decides it is the
    real clock's (see the next tests)."""
    _forgotten(store, "Dennis Ritchie", 5)
    assert purge_trash(store, date.today()) == 0
    assert purge_trash(store, date.today() + timedelta(days=400)) == 1


# -- the service's steps -------------------------------------------------------------------


def test_reading_a_home_migrates_a_schema_that_is_behind(old_database_url: str) -> None:
    store = open_for_reading(old_database_url)
    try:
        assert current_version(store) == HEAD
        assert store.owner_id == NO_ACCOUNT  # a read creates no account
        assert store.db.scalar("SELECT count(*) FROM account") == 0
    finally:
        store.close()


def test_reading_never_purges_and_a_dry_run_neither(store: Store, database_url: str) -> None:
    _forgotten(store, "Dennis Ritchie", TRASH_DAYS + 15)
    opened = open_for_reading(database_url)
    try:
        assert opened.owner_id == store.owner_id
        with_account(opened)  # a dry run's store: the account, nothing purged
        assert _names(opened) == {"Dennis Ritchie"}
        prepare_for_write(opened, TODAY)  # a write: purged by the real clock
        assert _names(opened) == set()
        assert opened.trash_purged_on == date.today()
    finally:
        opened.close()


def test_a_write_purges_by_the_real_clock_once_per_real_day(store: Store) -> None:
    _forgotten(store, "Recent", 10)
    far = date.today() + timedelta(days=400)  # a what-if day: nothing is expired by it
    prepare_for_write(store, far)
    assert _names(store) == {"Recent"}
    _forgotten(store, "Expired", TRASH_DAYS + 1)
    prepare_for_write(store, TODAY)  # the same real day: not purged again
    assert _names(store) == {"Recent", "Expired"}
    store.trash_purged_on = date.today() - timedelta(days=1)  # as if the store lived a day
    prepare_for_write(store, TODAY)
    assert _names(store) == {"Recent"}


def test_a_first_write_creates_the_account(database_url: str) -> None:
    store = open_for_reading(database_url)
    try:
        assert store.owner_id == NO_ACCOUNT
        prepare_for_write(store, TODAY)
        assert store.owner_id != NO_ACCOUNT and store.owner_id == find_account(store)
    finally:
        store.close()


# -- the schema ----------------------------------------------------------------------------


def test_upgrading_an_old_schema_says_from_where_to_where(old_database_url: str) -> None:
    assert schema_status(old_database_url).behind
    done = upgrade_schema(old_database_url)
    assert (done.before, done.after, done.changed) == (OLD_SCHEMA, HEAD, True)
    assert _version(old_database_url) == HEAD
    again = upgrade_schema(old_database_url)
    assert (again.before, again.after, again.changed) == (HEAD, HEAD, False)
    status = schema_status(old_database_url)
    assert (status.current, status.head, status.behind) == (HEAD, HEAD, False)


def test_a_new_database_is_created_at_head(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/new.db"
    assert schema_status(url).current is None
    done = upgrade_schema(url)
    assert (done.before, done.after) == (None, HEAD)


@pytest.mark.parametrize("step", [schema_status, upgrade_schema, open_for_reading])
def test_an_unreachable_database_is_a_store_error(step: object) -> None:
    from amity.errors import StoreError

    with pytest.raises(StoreError, match="cannot connect"):
        step("postgresql://nobody@127.0.0.1:1/none")  # type: ignore[operator]
