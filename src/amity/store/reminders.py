"""Reminders the user acts on: follow-ups, promises, and their done/snooze/skip state."""

from __future__ import annotations

from datetime import date

from amity.model import ReminderKind, ReminderState
from amity.store.database import Row
from amity.store.handle import Store

OPEN_STATES = (ReminderState.OPEN.value, ReminderState.SNOOZED.value)


def add_reminder(
    store: Store,
    key: str,
    kind: ReminderKind,
    person_id: int | None,
    due_on: date,
    *,
    reason: str = "",
    detail: str = "",
    interaction_id: int | None = None,
) -> None:
    """Create the reminder once; a second call with the same key changes nothing."""
    store.db.execute(
        "INSERT INTO reminder (owner_id, person_id, kind, key, reason, detail, due_on, state, "
        "interaction_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (owner_id, key) DO NOTHING",
        (
            store.owner_id,
            person_id,
            kind.value,
            key,
            reason,
            detail,
            due_on.isoformat(),
            ReminderState.OPEN.value,
            interaction_id,
        ),
    )


def close_follow_ups(store: Store, person_id: int, contacted_on: date) -> int:
    """Contact after a meeting settles the follow-ups of meetings up to that day."""
    return store.db.execute(
        "UPDATE reminder SET state = ?, closed_on = ? WHERE owner_id = ? AND person_id = ? "
        "AND kind = ? AND state IN (?, ?) AND due_on <= ?",
        (
            ReminderState.DONE.value,
            contacted_on.isoformat(),
            store.owner_id,
            person_id,
            ReminderKind.FOLLOW_UP.value,
            *OPEN_STATES,
            date.fromordinal(contacted_on.toordinal() + 1).isoformat(),
        ),
    )


def get_by_key(store: Store, key: str) -> Row | None:
    return store.db.one(
        "SELECT * FROM reminder WHERE owner_id = ? AND key = ?", (store.owner_id, key)
    )


def get_by_id(store: Store, reminder_id: int) -> Row | None:
    return store.db.one(
        "SELECT * FROM reminder WHERE owner_id = ? AND id = ?", (store.owner_id, reminder_id)
    )


def set_state(
    store: Store, key: str, state: ReminderState, *, on: date, until: date | None = None
) -> None:
    store.db.execute(
        "UPDATE reminder SET state = ?, closed_on = ?, snoozed_until = ? "
        "WHERE owner_id = ? AND key = ?",
        (
            state.value,
            None if state is ReminderState.SNOOZED else on.isoformat(),
            until.isoformat() if until else None,
            store.owner_id,
            key,
        ),
    )


def open_reminders(store: Store) -> list[Row]:
    return store.db.query(
        "SELECT r.*, p.name AS person_name, p.strength FROM reminder r "
        "LEFT JOIN person p ON p.id = r.person_id "
        "WHERE r.owner_id = ? AND r.state IN (?, ?) "
        "AND (p.id IS NULL OR (p.deleted_on IS NULL AND p.archived = ?)) ORDER BY r.due_on, r.id",
        (store.owner_id, *OPEN_STATES, False),
    )
