"""Give and take: ledger entries (favours, intros, asks) and life events."""

from __future__ import annotations

from datetime import date

from amity.store.database import Row
from amity.store.handle import Store


def add_ledger_entry(
    store: Store, person_id: int, direction: str, kind: str, what: str, occurred_on: date
) -> int:
    """One entry of what was given, received or asked; its id."""
    return store.db.insert(
        "INSERT INTO ledger_entry (owner_id, person_id, direction, kind, what, occurred_on) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (store.owner_id, person_id, direction, kind, what, occurred_on.isoformat()),
    )


def add_life_event(
    store: Store,
    person_id: int,
    kind: str,
    occurred_on: date,
    detail: str,
    *,
    source: str = "manual",
) -> int:
    """One life event of a person (a new job, a move, a baby...); its id."""
    return store.db.insert(
        "INSERT INTO life_event (owner_id, person_id, kind, occurred_on, detail, source) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (store.owner_id, person_id, kind, occurred_on.isoformat(), detail, source),
    )


def life_events(store: Store, person_id: int, limit: int = 20) -> list[Row]:
    """A person's life events, newest first: `kind`, `occurred_on`, `detail`."""
    return store.db.query(
        "SELECT kind, occurred_on, detail FROM life_event WHERE owner_id = ? AND person_id = ? "
        "ORDER BY occurred_on DESC, id DESC LIMIT ?",
        (store.owner_id, person_id, limit),
    )
