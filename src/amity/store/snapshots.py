"""Exact copies of everything that hangs off a person, for undoing merges and imports.

A snapshot holds every row that references the person, table by table, with its id;
restoring deletes what references the person now and puts the rows back as they were.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from amity.store.database import Row
from amity.store.session import Store

# Tables whose rows belong to one person, and the column that says which person.
PERSON_TABLES: tuple[tuple[str, str], ...] = (
    ("contact_point", "person_id"),
    ("position", "person_id"),
    ("person_tag", "person_id"),
    ("interaction_participant", "person_id"),
    ("source_record", "person_id"),
    ("ledger_entry", "person_id"),
    ("life_event", "person_id"),
    ("reminder", "person_id"),
    ("event_attendance", "person_id"),
    ("tie", "person_a_id"),
    ("tie", "person_b_id"),
    ("introduction", "person_a_id"),
    ("introduction", "person_b_id"),
    ("opportunity", "person_id"),
)


def _plain(row: Row) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}


def capture_person(store: Store, person_id: int) -> dict[str, Any]:
    person = store.db.one("SELECT * FROM person WHERE id = ?", (person_id,))
    if person is None:
        return {}
    snapshot: dict[str, Any] = {"person": _plain(person), "rows": []}
    for table, column in PERSON_TABLES:
        for row in store.db.query(f"SELECT * FROM {table} WHERE {column} = ?", (person_id,)):
            snapshot["rows"].append([table, _plain(row)])
    return snapshot


def restore_people(store: Store, snapshots: list[dict[str, Any]]) -> None:
    """Put people back exactly as captured (same ids), whatever happened since.

    All person rows first, then the rows that hang off them, so a tie between two
    restored people finds both ends."""
    from amity.store.people import reindex_person

    taken = [s for s in snapshots if s]
    for snapshot in taken:
        _put_person_row(store, snapshot["person"])
    seen: set[tuple[str, Any]] = set()
    for snapshot in taken:
        for table, row in snapshot["rows"]:
            key = (table, row.get("id", json.dumps(row, sort_keys=True)))
            if key in seen:  # a tie or introduction between two captured people
                continue
            seen.add(key)
            _insert(store, table, row, ignore_conflict=True)
    for snapshot in taken:
        reindex_person(store, int(snapshot["person"]["id"]))


def _put_person_row(store: Store, person: dict[str, Any]) -> None:
    person_id = int(person["id"])
    if not store.db.scalar("SELECT count(*) FROM person WHERE id = ?", (person_id,)):
        _insert(store, "person", person)
        return
    for table, column in PERSON_TABLES:
        store.db.execute(f"DELETE FROM {table} WHERE {column} = ?", (person_id,))
    columns = [c for c in person if c != "id"]
    store.db.execute(
        f"UPDATE person SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
        (*[person[c] for c in columns], person_id),
    )


def _insert(
    store: Store, table: str, row: dict[str, Any], *, ignore_conflict: bool = False
) -> None:
    columns = list(row)
    store.db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        + (" ON CONFLICT DO NOTHING" if ignore_conflict else ""),
        [row[c] for c in columns],
    )


# -- the journal of undoable changes -------------------------------------------------------


def record_change(store: Store, kind: str, summary: str, payload: dict[str, Any]) -> int:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return store.db.insert(
        "INSERT INTO change_set (owner_id, kind, summary, created_at, undone, payload) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (store.owner_id, kind, summary, now, False, json.dumps(payload, sort_keys=True)),
    )


def last_change(store: Store) -> Row | None:
    row = store.db.one(
        "SELECT * FROM change_set WHERE owner_id = ? AND undone = ? ORDER BY id DESC LIMIT 1",
        (store.owner_id, False),
    )
    if row is not None:
        row["payload"] = json.loads(row["payload"])
    return row


def mark_undone(store: Store, change_id: int) -> None:
    store.db.execute("UPDATE change_set SET undone = ? WHERE id = ?", (True, change_id))
