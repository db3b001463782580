"""The account's saved preferences (one JSON value per key) and its own name and email."""

from __future__ import annotations

from amity.store.database import Row
from amity.store.handle import Store


def setting_value(store: Store, key: str) -> str | None:
    """The JSON text saved under `key`, or None when the home never saved one."""
    raw = store.db.scalar(
        "SELECT value FROM setting WHERE owner_id = ? AND key = ?", (store.owner_id, key)
    )
    return None if raw is None else str(raw)


def put_setting(store: Store, key: str, value: str) -> None:
    store.db.execute(
        "INSERT INTO setting (owner_id, key, value) VALUES (?, ?, ?) "
        "ON CONFLICT (owner_id, key) DO UPDATE SET value = excluded.value",
        (store.owner_id, key, value),
    )


def delete_setting(store: Store, key: str) -> None:
    store.db.execute("DELETE FROM setting WHERE owner_id = ? AND key = ?", (store.owner_id, key))


def account_contact(store: Store) -> Row | None:
    """The account's own `name` and `email`."""
    # The account table is keyed by the owner id itself.
    return store.db.one("SELECT name, email FROM account WHERE id = ?", (store.owner_id,))


def set_account_contact(store: Store, name: str, email: str) -> None:
    store.db.execute(
        "UPDATE account SET name = ?, email = ? WHERE id = ?", (name, email, store.owner_id)
    )
