"""Putting people back as a change found them, keeping what the user did since.

Each row is compared three ways: as it was before the change (B), as the change left it
(A), and as it is now (C). A row the user added or edited since (in C, not as A left it)
stays; a row the user deleted since (in A, not in C) stays deleted; everything else goes
back to B: rows the change deleted come back, rows it made go. Person fields likewise,
column by column. Later meetings, promises and ledger entries with a restored person are
so kept with that person (after a merge: with the person they were logged with).

A change's journal is data from the database or from a backup, never code: every table,
column and value is checked before any SQL is built from it (`check_payload`), and every
row must belong to this account and to the person it is filed under.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from amity.store.handle import Store
from amity.store.snapshots import (
    COLUMNS,
    DERIVED,
    PERSON_COLUMNS,
    REFERENCES,
    UnsafeChange,
    capture_people,
    stored_value,
)

Snapshot = dict[str, Any]
Key = tuple[str, str]
_SCALARS = (str, int, float, bool, type(None))


def snapshots_of(payload: dict[str, Any], key: str = "snapshots") -> list[Snapshot]:
    found = payload.get(key) or []
    items = list(found.values()) if isinstance(found, dict) else found
    if not isinstance(items, list):
        raise UnsafeChange(f"an undo record's {key} is not a list")
    return [s for s in items if s]


def check_payload(owner_id: int | None, payload: dict[str, Any]) -> None:
    """Refuse, before anything runs, a journal that names an unknown table or column, holds
    a non-scalar value, or files a row under another account (`owner_id`; None when
    checking a backup, whose account gets its id on restore) or another person."""
    for key in ("created_people", "created_interactions", "missing_marked"):
        _ids(payload.get(key, []), key)
    if len(_ids(payload.get("dismissed", [0, 1]), "dismissed")) != 2:
        raise UnsafeChange("an undo record's dismissed pair is not two ids")
    if not isinstance(payload.get("organizations_before", 0), int):
        raise UnsafeChange("an undo record's organizations_before is not a number")
    owner = payload.get("owner_before")
    if owner is not None and not (
        isinstance(owner, dict) and all(isinstance(owner.get(k), str) for k in ("name", "email"))
    ):
        raise UnsafeChange("an undo record's owner_before is malformed")
    for key in ("snapshots", "after"):
        for snapshot in snapshots_of(payload, key):
            _check_snapshot(owner_id, snapshot)
    for key, kind in (("marks", int), ("created_prints", str)):
        value = payload.get(key, {})
        if not isinstance(value, dict) or not all(
            isinstance(v, kind) and not isinstance(v, bool) for v in value.values()
        ):
            raise UnsafeChange(f"an undo record's {key} is malformed")


def _ids(value: Any, where: str) -> list[int]:
    if not isinstance(value, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in value
    ):
        raise UnsafeChange(f"an undo record's {where} is not a list of ids")
    return value


def _check_snapshot(owner_id: int | None, snapshot: Any) -> None:
    if not isinstance(snapshot, dict) or not isinstance(snapshot.get("rows"), list):
        raise UnsafeChange("an undo record holds a malformed snapshot")
    person = _check_row(owner_id, "person", snapshot.get("person"))
    person_id = person.get("id")
    if not isinstance(person_id, int) or isinstance(person_id, bool):
        raise UnsafeChange("an undo record's person has no id")
    for item in snapshot["rows"]:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
            raise UnsafeChange("an undo record holds a malformed row")
        table, row = item
        if table not in PERSON_COLUMNS:
            raise UnsafeChange(f"an undo record names a table it may not: {table[:40]!r}")
        _check_row(owner_id, table, row)
        if person_id not in (row.get(c) for c in PERSON_COLUMNS[table]):
            raise UnsafeChange(f"an undo record files a {table} row under another person")


def _check_row(owner_id: int | None, table: str, row: Any) -> dict[str, Any]:
    if not isinstance(row, dict) or not row:
        raise UnsafeChange(f"an undo record holds a malformed {table} row")
    unknown = [c for c in row if c not in COLUMNS[table]]
    if unknown:
        raise UnsafeChange(f"an undo record names a {table} column it may not: {unknown[0][:40]!r}")
    if owner_id is not None and row.get("owner_id") != owner_id:
        raise UnsafeChange(f"an undo record holds a {table} row of another account")
    if not all(isinstance(v, _SCALARS) for v in row.values()):
        raise UnsafeChange(f"an undo record holds a {table} value that is not plain data")
    for column, value in row.items():
        if (column == "id" or column.endswith("_id")) and not (
            value is None or (isinstance(value, int) and not isinstance(value, bool))
        ):
            raise UnsafeChange(f"an undo record holds a {table}.{column} that is not an id")
    return row


# -- three-way restore ----------------------------------------------------------------------


def restore_people(
    store: Store, before: list[Snapshot], after: list[Snapshot] | None
) -> tuple[list[int], set[int]]:
    """Put the people of `before` back, keeping later work. Returns the restored ids and
    those of them with later work kept (their derived columns need recomputing). Without
    `after` (journals written by older versions) the restore is exact."""
    ids = [int(s["person"]["id"]) for s in before]
    _refuse_other_accounts(store, ids)
    current = list(capture_people(store, ids).values())
    then = current if after is None else after
    b_people, a_people, c_people = (_people(s) for s in (before, then, current))
    skip = {pid for pid in ids if pid in a_people and pid not in c_people}  # deleted since
    later: set[int] = set()
    for pid in ids:
        if pid not in skip and _put_person(
            store, b_people[pid], a_people.get(pid), c_people.get(pid)
        ):
            later.add(pid)
    b_rows, a_rows, c_rows = (_rows(s) for s in (before, then, current))
    for key in list(c_rows):
        if key not in b_rows and a_rows.get(key) == c_rows[key]:
            _delete(store, *c_rows.pop(key))  # made by the change, untouched since
        elif c_rows[key] != a_rows.get(key):  # made or changed since: it stays
            table, row = c_rows[key]
            later.update(int(row[c]) for c in PERSON_COLUMNS[table] if row.get(c) is not None)
    for key, (table, row) in b_rows.items():
        if key in a_rows and key not in c_rows:
            continue  # the user deleted it since
        if key in c_rows and c_rows[key] != a_rows.get(key):
            continue  # the user changed it since: theirs wins
        if any(row.get(c) in skip for c in PERSON_COLUMNS[table]):
            continue
        if key in c_rows:
            _delete(store, *c_rows[key])
        if _targets_exist(store, row):
            _insert(store, table, row)
    restored = [pid for pid in ids if pid not in skip]
    return restored, later & set(restored)


def owned(store: Store, table: str, ids: list[int]) -> list[int]:
    """Those of `ids` that are rows of `table` in this account (`table` is a fixed name)."""
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = store.db.query(
            f"SELECT id FROM {table} WHERE owner_id = ? AND id IN ({marks})",
            (store.owner_id, *chunk),
        )
        found.update(int(r["id"]) for r in rows)
    return [i for i in ids if i in found]


def _refuse_other_accounts(store: Store, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        if store.db.scalar(
            f"SELECT count(*) FROM person WHERE owner_id <> ? AND id IN ({marks})",
            (store.owner_id, *chunk),
        ):
            raise UnsafeChange("an undo record names a person of another account")


def _people(snapshots: Iterable[Snapshot]) -> dict[int, dict[str, Any]]:
    return {int(s["person"]["id"]): s["person"] for s in snapshots}


def _rows(snapshots: Iterable[Snapshot]) -> dict[Key, tuple[str, dict[str, Any]]]:
    """The rows of the snapshots by table and id, but inferred ties: those are Amity's own,
    inferred again from the restored evidence after the change (`amity.service.tie_freshness`),
    never your later work to keep nor rows to put back."""
    out: dict[Key, tuple[str, dict[str, Any]]] = {}
    for snapshot in snapshots:
        for table, row in snapshot["rows"]:
            if table == "tie" and row.get("state") == "inferred":
                continue
            ident = str(row["id"]) if "id" in row else json.dumps(row, sort_keys=True)
            out[(table, ident)] = (table, row)
    return out


def _put_person(
    store: Store, was: dict[str, Any], left: dict[str, Any] | None, now: dict[str, Any] | None
) -> bool:
    """The person's row as it was, but for fields edited since; True if any was."""
    if now is None:
        _insert(store, "person", {**was, "met_through_id": _living(store, was)})
        return False
    edited = {c for c in was if c not in DERIVED and left is not None and now.get(c) != left.get(c)}
    values = {c: (now[c] if c in edited else was[c]) for c in was if c not in ("id", "owner_id")}
    values["met_through_id"] = _living(store, values)
    store.db.execute(
        f"UPDATE person SET {', '.join(f'{c} = ?' for c in values)} WHERE id = ? AND owner_id = ?",
        (*values.values(), was["id"], store.owner_id),
    )
    return bool(edited)


def _living(store: Store, person: dict[str, Any]) -> Any:
    through = person.get("met_through_id")
    if through is None or _exists(store, "person", through):
        return through
    return None


def _targets_exist(store: Store, row: dict[str, Any]) -> bool:
    return all(
        row[column] is None or _exists(store, table, row[column])
        for column, table in REFERENCES.items()
        if column in row
    )


def _exists(store: Store, table: str, row_id: Any) -> bool:
    return bool(
        store.db.scalar(
            f"SELECT count(*) FROM {table} WHERE id = ? AND owner_id = ?",
            (row_id, store.owner_id),
        )
    )


def _insert(store: Store, table: str, row: dict[str, Any]) -> None:
    # Checked before; checked again. The row goes into this account whatever it says.
    columns = [c for c in row if c in COLUMNS[table] and c != "owner_id"]
    if table == "interaction_participant":  # its day is the interaction's (COPIED)
        store.db.execute(
            "INSERT INTO interaction_participant (owner_id, interaction_id, person_id, "
            "occurred_on) SELECT owner_id, id, ?, occurred_on FROM interaction "
            "WHERE id = ? AND owner_id = ? ON CONFLICT DO NOTHING",
            (row["person_id"], row["interaction_id"], store.owner_id),
        )
        return
    store.db.execute(
        f"INSERT INTO {table} (owner_id, {', '.join(columns)}) "
        f"VALUES (?, {', '.join('?' * len(columns))}) ON CONFLICT DO NOTHING",
        [store.owner_id, *(stored_value(table, c, row[c]) for c in columns)],
    )


def _delete(store: Store, table: str, row: dict[str, Any]) -> None:
    if "id" in row:
        where, params = "id = ?", [row["id"]]
    else:
        where = " AND ".join(f"{c} = ?" for c in row if c in COLUMNS[table])
        params = [stored_value(table, c, row[c]) for c in row if c in COLUMNS[table]]
    store.db.execute(
        f"DELETE FROM {table} WHERE {where} AND owner_id = ?", (*params, store.owner_id)
    )


# -- later work on people a change created ------------------------------------------------


def later_work(store: Store, payload: dict[str, Any]) -> list[str]:
    """What the user did since an import with the people it created (undo would delete
    it): one line each, in the user's words."""
    created = payload.get("created_people", [])
    marks: dict[str, int] = payload.get("marks") or {}
    prints: dict[str, str] = payload.get("created_prints") or {}
    if not created or not marks:
        return []
    from amity.store.snapshots import fingerprints

    names = _names(store, created)
    lines = []
    now = fingerprints(store, created)
    for pid in created:
        if str(pid) in prints and now.get(str(pid), prints[str(pid)]) != prints[str(pid)]:
            lines.append(f"edits to {names.get(pid, '?')} (#{pid})")
    for table, column, row in _rows_of(store, created):
        if table == "tie" and row.get("state") == "inferred":
            continue  # Amity's own inference, not your work: inferred again after the undo
        mark_table, ident = (
            ("interaction", row["interaction_id"])
            if table == "interaction_participant"
            else (table, row.get("id"))
        )
        if ident is not None and int(ident) > int(marks.get(mark_table, 0)):
            pid = int(row[column])
            lines.append(f"{_describe(store, table, row)} with {names.get(pid, '?')} (#{pid})")
    return sorted(set(lines))


def _rows_of(store: Store, ids: list[int]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for table, columns in PERSON_COLUMNS.items():
            for column in columns:
                for row in store.db.query(
                    f"SELECT * FROM {table} WHERE {column} IN ({marks}) AND +owner_id = ?",
                    (*chunk, store.owner_id),
                ):  # by the person's index, as capture_people reads
                    yield table, column, row


def _names(store: Store, ids: list[int]) -> dict[int, str]:
    out = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        for row in store.db.query(
            f"SELECT id, name FROM person WHERE owner_id = ? AND id IN ({marks})",
            (store.owner_id, *chunk),
        ):
            out[int(row["id"])] = str(row["name"])
    return out


def _describe(store: Store, table: str, row: dict[str, Any]) -> str:
    if table == "interaction_participant":
        found = store.db.one(
            "SELECT kind, occurred_on FROM interaction WHERE id = ? AND owner_id = ?",
            (row["interaction_id"], store.owner_id),
        )
        if found:
            kind = str(found["kind"])
            return f"{_INTERACTION_NOUNS.get(kind, kind)} on {str(found['occurred_on'])[:10]}"
        return "an interaction"
    if table == "dismissed_pair":
        return 'a "not the same person" mark'
    if table == "ledger_entry":
        return f"a ledger entry ({row['direction']} {row['kind']}: {row['what']})"
    if table == "reminder":
        if row["kind"] == "promise" and row.get("reason"):
            return f'the promise "{row["reason"]}"'
        if row["kind"] == "reminder":
            return f'the reminder "{row["reason"]}"' if row.get("reason") else "a reminder"
        return f"a {row['kind'].replace('_', '-')} reminder"
    return f"a {table.replace('_', ' ')}"


# How the undo listing names a logged interaction ("a met on ..." read oddly).
_INTERACTION_NOUNS = {
    "met": "a first meeting",
    "coffee": "a coffee",
    "call": "a call",
    "video": "a video call",
    "message": "a message",
    "email": "an email",
    "meeting": "a meeting",
    "event": "an event",
    "intro": "an introduction",
}
