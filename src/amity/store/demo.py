"""The few writes only the demo network needs: events, goals, ties and fixed-up dates."""

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


def add_goal(
    store: Store, title: str, detail: str, organization: str, due_on: date, created_on: date
) -> int:
    """A goal with one target company."""
    goal_id = store.db.insert(
        "INSERT INTO goal (owner_id, title, detail, due_on, created_on) VALUES (?, ?, ?, ?, ?)",
        (store.owner_id, title, detail, due_on.isoformat(), created_on.isoformat()),
    )
    store.db.execute(
        "INSERT INTO goal_target (owner_id, goal_id, kind, value) VALUES (?, ?, 'company', ?)",
        (store.owner_id, goal_id, organization),
    )
    return goal_id


def add_tie(
    store: Store, person_a: int, person_b: int, kind: str, strength: int, source: str
) -> None:
    store.db.execute(
        "INSERT INTO tie (owner_id, person_a_id, person_b_id, kind, strength, source) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (store.owner_id, person_a, person_b, kind, strength, source),
    )
