"""The account table: the home's account, found or created (`amity init`, a first write)."""

from __future__ import annotations

from datetime import UTC, datetime

from amity.store.handle import Store

NO_ACCOUNT = 0  # a new home, before its first write: every scoped read finds nothing


# The account table is the one table not scoped by an account: these statements find the
# home's account itself.
def find_account(store: Store) -> int:
    """The home's account, or NO_ACCOUNT on a home nothing has been written to."""
    found = store.db.scalar("SELECT min(id) FROM account")
    return NO_ACCOUNT if found is None else int(found)


def create_account(store: Store) -> int:
    """The home's account, created if there is none yet (once, whoever else writes)."""
    found = find_account(store)  # the common case: no write at all
    if found != NO_ACCOUNT:
        return found
    with store.db.transaction():
        found = find_account(store)
        if found != NO_ACCOUNT:
            return found
        now = datetime.now(UTC).isoformat(timespec="seconds")
        return store.db.insert(
            "INSERT INTO account (name, email, created_at) VALUES (?, ?, ?)", ("me", "", now)
        )
