"""Open a store: connect, migrate when the schema is behind, and find the account.

Opening writes nothing but a migration: a read (whatever day it pretends is today) never
creates or deletes a row. A command that writes calls `prepare_writes` first: it creates
the account on a new home and empties the trash of people forgotten more than 30 days
ago by the real clock, never by `--today`/`AMITY_TODAY` (a what-if day must not delete).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from amity.store.database import Database, DatabaseUrl

TRASH_DAYS = 30
NO_ACCOUNT = 0  # a new home, before its first write: every scoped read finds nothing


@dataclass(slots=True)
class Store:
    """A database and the account whose rows every query is scoped to."""

    db: Database
    owner_id: int
    writes_prepared_on: date | None = None  # the real day `prepare_writes` last ran

    def close(self) -> None:
        self.db.close()


def open_store(url: str, *, migrate: bool = True) -> Store:
    """Connect (and migrate a schema that is behind); write nothing else."""
    from amity.store import migrate as migrations

    parsed = DatabaseUrl.parse(url)
    db = Database.open(parsed)
    if migrate and migrations.current_version(db) != migrations.HEAD:
        db.close()
        migrations.upgrade(url)
        db = Database.open(parsed)
    return Store(db, find_account(db))


def find_account(db: Database) -> int:
    found = db.scalar("SELECT min(id) FROM account")
    return NO_ACCOUNT if found is None else int(found)


def prepare_writes(store: Store) -> Store:
    """Before a write: the account exists, and the trash is purged by the real clock.
    Runs once per real day on a long-lived store (the web's pooled ones)."""
    real_today = date.today()
    if store.owner_id == NO_ACCOUNT:
        store.owner_id = ensure_account(store.db)
    if store.writes_prepared_on != real_today:
        purge_trash(store, real_today)
        store.writes_prepared_on = real_today
    return store


def ensure_account(db: Database) -> int:
    found = db.scalar("SELECT min(id) FROM account")  # the common case: no write at all
    if found is not None:
        return int(found)
    with db.transaction():
        found = db.scalar("SELECT min(id) FROM account")
        if found is not None:
            return int(found)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        return db.insert(
            "INSERT INTO account (name, email, created_at) VALUES (?, ?, ?)", ("me", "", now)
        )


def purge_trash(store: Store, today: date) -> int:
    """People forgotten more than 30 days before `today` are deleted for good. Callers pass
    the real clock's day (`prepare_writes` does): a what-if day never purges."""
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
