from __future__ import annotations

from amity.store import Store
from amity.store import backup as backup_store
from tests.store.conftest import add_person

COLUMNS = ("id", "name", "name_key", "circle", "created_on")


def test_a_backup_reads_only_the_account(store: Store, other: Store) -> None:
    mine = add_person(store, "Priya Raman")
    theirs = add_person(other, "Tom Becker")
    rows = backup_store.rows_of(store, "person", ("id", "name"), ("id",))
    assert rows == [{"id": mine, "name": "Priya Raman"}]
    assert backup_store.has_rows(store, "person")
    assert not backup_store.has_rows(store, "ledger_entry")
    me, them = backup_store.account_of(store), backup_store.account_of(other)
    assert me is not None and them is not None and them["name"] == "someone else"
    for owner, pid in ((store, mine), (other, theirs)):
        owner.db.execute(
            "INSERT INTO source_record (owner_id, person_id, source, source_key, fingerprint, "
            "payload, first_seen_on, last_seen_on) "
            "VALUES (?, ?, 'vcard', ?, '', ?, '2026-11-22', '2026-11-22')",
            (owner.owner_id, pid, str(pid), '{"extra": ["X-A:1"]}'),
        )
    assert [r["person_id"] for r in backup_store.vcard_records(store)] == [mine]


def test_a_restore_writes_into_the_account_only(store: Store, other: Store) -> None:
    theirs = add_person(other, "Tom Becker")
    backup_store.put_account(store, "Aisha", "aisha@example.com", "2026-01-02T00:00:00+00:00")
    account = backup_store.account_of(store)
    assert account is not None and account["name"] == "Aisha"
    assert backup_store.account_of(other) != account
    backup_store.insert_rows(
        store,
        "person",
        COLUMNS,
        [(theirs + 10, "Priya Raman", "priya raman", "friend", "2026-11-22"),
         (theirs + 11, "Sam Okafor", "sam okafor", "friend", "2026-11-22")],
    )  # fmt: skip
    backup_store.link_met_through(store, [(theirs + 11, theirs + 10), (theirs, theirs + 10)])
    backup_store.move_id_sequences(store, ["person"])
    through = store.db.query("SELECT id, owner_id, met_through_id FROM person ORDER BY id")
    assert [(r["owner_id"], r["met_through_id"]) for r in through] == [
        (other.owner_id, None),  # another account's person is never linked
        (store.owner_id, None),
        (store.owner_id, theirs + 10),
    ]
    assert add_person(store, "Next One") > theirs + 11  # the id sequence moved past them
    backup_store.insert_rows(store, "setting", ("key", "value"), [("tone", '"warm"')])
    backup_store.insert_rows(
        store, "setting", ("key", "value"), [("tone", '"brief"')], replace_settings=True
    )

    def preferences(owner: Store) -> list[dict[str, object]]:  # the revision counter aside
        rows = backup_store.rows_of(owner, "setting", ("key", "value"), ("key",))
        return [dict(r) for r in rows if r["key"] != "revision"]

    assert preferences(store) == [{"key": "tone", "value": '"brief"'}]
    assert preferences(other) == []
