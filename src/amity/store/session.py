"""Open a store: connect, migrate when the schema is behind, and find the account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from amity.store.database import Database, DatabaseUrl

TRASH_DAYS = 30


@dataclass(slots=True)
class Store:
    """A database and the account whose rows every query is scoped to."""

    db: Database
    owner_id: int

    def close(self) -> None:
        self.db.close()


def open_store(url: str, today: date, *, migrate: bool = True) -> Store:
    from amity.store import migrate as migrations

    parsed = DatabaseUrl.parse(url)
    db = Database.open(parsed)
    if migrate and migrations.current_version(db) != migrations.HEAD:
        db.close()
        migrations.upgrade(url)
        db = Database.open(parsed)
    owner_id = _ensure_account(db)
    store = Store(db, owner_id)
    purge_trash(store, today)
    return store


def _ensure_account(db: Database) -> int:
    found = db.scalar("SELECT min(id) FROM account")
    if found is not None:
        return int(found)
    with db.transaction():
        now = datetime.now(UTC).isoformat(timespec="seconds")
        return db.insert(
            "INSERT INTO account (name, email, created_at) VALUES (?, ?, ?)", ("me", "", now)
        )


def purge_trash(store: Store, today: date) -> int:
    """People forgotten more than 30 days ago are deleted for good."""
    cutoff = (today - timedelta(days=TRASH_DAYS)).isoformat()
    doomed = store.db.query(
        "SELECT id FROM person WHERE owner_id = ? AND deleted_on IS NOT NULL AND deleted_on < ?",
        (store.owner_id, cutoff),
    )
    if not doomed:  # the common case: no write transaction at all
        return 0
    from amity.store.people import delete_person

    with store.db.transaction():
        for row in doomed:
            delete_person(store, int(row["id"]))
    return len(doomed)
