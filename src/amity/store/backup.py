"""A whole account, table by table: what a JSON backup reads and what a restore writes.

The table and column names come from `amity.io.json_backup` (a fixed list), never from
the user."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from amity.store.database import Row
from amity.store.handle import Store


def account_of(store: Store) -> Row | None:
    """The account's name, email and created_at."""
    return store.db.one(
        "SELECT name, email, created_at FROM account WHERE id = ?", (store.owner_id,)
    )


def put_account(store: Store, name: str, email: str, created_at: str) -> None:
    store.db.execute(
        "UPDATE account SET name = ?, email = ?, created_at = ? WHERE id = ?",
        (name, email, created_at, store.owner_id),
    )


def rows_of(store: Store, table: str, columns: Sequence[str], order_by: Sequence[str]) -> list[Row]:
    """Every row of the account in this table, these columns, in this order."""
    return store.db.query(
        f"SELECT {', '.join(columns)} FROM {table} WHERE owner_id = ? "
        f"ORDER BY {', '.join(order_by)}",
        (store.owner_id,),
    )


def has_rows(store: Store, table: str) -> bool:
    """Whether the account has any row in this table."""
    found = store.db.scalar(f"SELECT 1 FROM {table} WHERE owner_id = ? LIMIT 1", (store.owner_id,))
    return bool(found)


def insert_rows(
    store: Store,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    replace_settings: bool = False,
) -> None:
    """Insert these rows (values in column order) into the account, ids kept; with
    `replace_settings`, a setting already there takes the row's value."""
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} (owner_id, {names}) VALUES (?, {marks})"
    if replace_settings:
        sql += " ON CONFLICT (owner_id, key) DO UPDATE SET value = excluded.value"
    store.db.executemany(sql, [(store.owner_id, *row) for row in rows])


def link_met_through(store: Store, links: Iterable[tuple[int, int]]) -> None:
    """Set who introduced whom: (person id, met-through id) pairs."""
    store.db.executemany(
        "UPDATE person SET met_through_id = ? WHERE owner_id = ? AND id = ?",
        [(through, store.owner_id, person) for person, through in links],
    )


def vcard_records(store: Store) -> list[Row]:
    """The account's vCard source records tied to a person (person_id, payload), in order."""
    return store.db.query(
        "SELECT person_id, payload FROM source_record WHERE owner_id = ? AND source = ? "
        "AND person_id IS NOT NULL ORDER BY id",
        (store.owner_id, "vcard"),
    )


def move_id_sequences(store: Store, tables: Iterable[str]) -> None:
    """PostgreSQL: move each table's id sequence past its highest id. A sequence is shared
    by every account, so this reads the whole table on purpose: the next id of any account
    must not collide with a restored one. SQLite needs nothing: its next id is max + 1."""
    if store.db.dialect != "postgresql":
        return
    for table in tables:
        store.db.scalar(
            "SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 0) + 1, "
            f"false) FROM {table}",
            (table,),
        )
