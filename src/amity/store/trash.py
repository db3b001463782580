"""Emptying the trash: people forgotten more than 30 days ago are deleted for good."""

from __future__ import annotations

from datetime import date, timedelta

from amity.store.handle import Store
from amity.store.people import delete_person

TRASH_DAYS = 30


def purge_trash(store: Store, today: date) -> int:
    """Delete the account's people forgotten more than 30 days before `today`; return how
    many. Callers pass the real clock's day (`amity.service.home.prepare_for_write`): a
    what-if day never purges."""
    cutoff = (today - timedelta(days=TRASH_DAYS)).isoformat()
    doomed = store.db.query(
        "SELECT id FROM person WHERE owner_id = ? AND deleted_on IS NOT NULL AND deleted_on < ?",
        (store.owner_id, cutoff),
    )
    if not doomed:  # the common case: no write transaction at all
        return 0
    with store.db.transaction():
        for row in doomed:
            delete_person(store, int(row["id"]))
    return len(doomed)
