"""The few writes only the demo network needs: events, ties and fixed-up dates (its goal
is written by `amity.store.goals`, as any goal)."""

from __future__ import annotations

from datetime import date

from amity.store.database import Row
from amity.store.handle import Store


def count_interactions(store: Store) -> int:
    n = store.db.scalar("SELECT count(*) FROM interaction WHERE owner_id = ?", (store.owner_id,))
    return int(n or 0)


def current_job(store: Store, person_id: int) -> Row | None:
    """The person's organization and title."""
    return store.db.one(
        "SELECT organization, title FROM person WHERE owner_id = ? AND id = ?",
        (store.owner_id, person_id),
    )


def start_current_position(store: Store, person_id: int, day: date) -> None:
    """Date the person's open position(s) from this day (by the person index: `+owner_id`
    only filters)."""
    store.db.execute(
        "UPDATE position SET start_on = ? WHERE +owner_id = ? AND person_id = ? AND end_on IS NULL",
        (day.isoformat(), store.owner_id, person_id),
    )


def set_birthday(store: Store, person_id: int, month: int, day: int) -> None:
    store.db.execute(
        "UPDATE person SET birthday_month = ?, birthday_day = ? WHERE owner_id = ? AND id = ?",
        (month, day, store.owner_id, person_id),
    )


def add_event(
    store: Store, name: str, starts_on: date, place: str, purpose: str, goals: str, status: str
) -> int:
    return store.db.insert(
        "INSERT INTO event (owner_id, name, starts_on, place, purpose, goals, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (store.owner_id, name, starts_on.isoformat(), place, purpose, goals, status),
    )


def add_attendance(store: Store, event_id: int, person_id: int, role: str) -> None:
    """The person at the event; once only."""
    store.db.execute(
        "INSERT INTO event_attendance (owner_id, event_id, person_id, role) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (store.owner_id, event_id, person_id, role),
    )


def add_tie(
    store: Store, person_a: int, person_b: int, kind: str, strength: int, source: str
) -> None:
    store.db.execute(
        "INSERT INTO tie (owner_id, person_a_id, person_b_id, kind, strength, source) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (store.owner_id, person_a, person_b, kind, strength, source),
    )
