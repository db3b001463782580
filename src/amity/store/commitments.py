"""Promises and one-off reminders: what the user committed to, each with its day.

Listed for a person (their page) or for the whole account (`amity remind --list`), and
numbered per person for the keys of new reminders. Rows stay after they are done or
cancelled, so a number is never given twice."""

from __future__ import annotations

from amity.model import ReminderKind
from amity.store.database import Row
from amity.store.handle import Store
from amity.store.reminders import OPEN_STATES

KINDS = (ReminderKind.PROMISE.value, ReminderKind.REMINDER.value)
REMINDER_PREFIX = "reminder:"


def reminder_key(person_id: int, number: int) -> str:
    """`reminder:7:3`: the third one-off reminder ever set about person 7."""
    return f"{REMINDER_PREFIX}{person_id}:{number}"


def next_reminder_number(store: Store, person_id: int) -> int:
    """One more than the highest number among this person's reminders, done ones included."""
    rows = store.db.query(
        "SELECT key FROM reminder WHERE owner_id = ? AND key LIKE ?",
        (store.owner_id, f"{REMINDER_PREFIX}{person_id}:%"),
    )
    numbers = [int(tail) for r in rows if (tail := str(r["key"]).rpartition(":")[2]).isdecimal()]
    return max(numbers, default=0) + 1


def open_commitments(store: Store, person_id: int | None = None) -> list[Row]:
    """Open (or snoozed) promises and reminders, soonest first, of one person or all."""
    only = " AND r.person_id = ?" if person_id is not None else ""
    return store.db.query(
        "SELECT r.id, r.key, r.kind, r.person_id, r.reason, r.due_on, r.state, "
        "r.snoozed_until, p.name AS person_name, i.occurred_on FROM reminder r "
        "JOIN person p ON p.id = r.person_id "
        "LEFT JOIN interaction i ON i.id = r.interaction_id "
        "WHERE r.owner_id = ? AND r.kind IN (?, ?) AND r.state IN (?, ?) "
        f"AND p.deleted_on IS NULL AND p.archived = ?{only} ORDER BY r.due_on, r.id",
        (
            store.owner_id,
            *KINDS,
            *OPEN_STATES,
            False,
            *((person_id,) if person_id is not None else ()),
        ),
    )


_ONE = (
    "SELECT r.id, r.key, r.kind, r.person_id, r.reason, r.due_on, r.state, r.snoozed_until, "
    "p.name AS person_name, i.occurred_on FROM reminder r JOIN person p ON p.id = r.person_id "
    "LEFT JOIN interaction i ON i.id = r.interaction_id "
    "WHERE r.owner_id = ? AND r.kind IN (?, ?) AND p.deleted_on IS NULL AND "
)


def commitment_by_id(store: Store, reminder_id: int) -> Row | None:
    """A promise or reminder by its id, with the person's name, whatever its state."""
    return store.db.one(_ONE + "r.id = ?", (store.owner_id, *KINDS, reminder_id))


def commitment_by_key(store: Store, key: str) -> Row | None:
    return store.db.one(_ONE + "r.key = ?", (store.owner_id, *KINDS, key))
