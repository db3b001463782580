"""The daily email digest: which days one was sent for."""

from __future__ import annotations

from datetime import date

from amity.store.database import as_date
from amity.store.handle import Store


def last_digest_day(store: Store) -> date | None:
    """The latest day an email digest went out for, if any."""
    return as_date(
        store.db.scalar(
            "SELECT max(for_day) FROM reminder_delivery WHERE owner_id = ? AND channel = 'email'",
            (store.owner_id,),
        )
    )


def record_digest(store: Store, day: date, sent_at: str, subject: str) -> None:
    """The digest for this day went out; recording it twice changes nothing."""
    store.db.execute(
        "INSERT INTO reminder_delivery (owner_id, channel, for_day, sent_at, detail) "
        "VALUES (?, 'email', ?, ?, ?) ON CONFLICT DO NOTHING",
        (store.owner_id, day.isoformat(), sent_at, subject),
    )
