"""Give and take: ledger entries (favours, intros, asks) and life events."""

from __future__ import annotations

from datetime import date

from amity.store.session import Store


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
