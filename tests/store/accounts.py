"""A second account in the same database, to prove a store function never crosses over."""

from __future__ import annotations

from amity.store import Store


def second_account(store: Store) -> Store:
    """The same database, scoped to a new account of its own."""
    other = store.db.insert(
        "INSERT INTO account (name, email, created_at) VALUES (?, ?, ?)",
        ("them", "them@example.com", "2026-01-01"),
    )
    return Store(store.db, other)
