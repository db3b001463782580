"""The events a calendar import wrote, found again by their calendar key, and the people
its attendees' emails name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from amity.store.database import as_date
from amity.store.handle import Store

CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredCalendarEvent:
    id: int
    key: str
    name: str
    starts_on: date
    starts_at: str
    ends_on: date | None
    place: str


def events_of_source(store: Store, source: str) -> dict[str, StoredCalendarEvent]:
    """Every event imported from `source`, by its key."""
    rows = store.db.query(
        "SELECT id, source_key, name, starts_on, starts_at, ends_on, place FROM event "
        "WHERE owner_id = ? AND source = ?",
        (store.owner_id, source),
    )
    return {
        r["source_key"]: StoredCalendarEvent(
            int(r["id"]),
            r["source_key"],
            r["name"],
            as_date(r["starts_on"]) or date.min,
            r["starts_at"] or "",
            as_date(r["ends_on"]),
            r["place"] or "",
        )
        for r in rows
    }


def insert_calendar_event(
    store: Store,
    source: str,
    key: str,
    name: str,
    starts_on: date,
    starts_at: str,
    ends_on: date | None,
    place: str,
    today: date,
) -> int:
    """A new planned event from a calendar (purpose, pitch and notes empty, for the user)."""
    return store.db.insert(
        "INSERT INTO event (owner_id, name, starts_on, starts_at, ends_on, place, status, "
        "source, source_key, created_on) VALUES (?, ?, ?, ?, ?, ?, 'planned', ?, ?, ?)",
        (
            store.owner_id,
            name,
            starts_on.isoformat(),
            starts_at,
            ends_on.isoformat() if ends_on else None,
            place,
            source,
            key,
            today.isoformat(),
        ),
    )


def update_calendar_fields(
    store: Store,
    event_id: int,
    name: str,
    starts_on: date,
    starts_at: str,
    ends_on: date | None,
    place: str,
) -> None:
    """What the calendar says of an event; the user's purpose, pitch, notes, status and
    goals are left as they are."""
    store.db.execute(
        "UPDATE event SET name = ?, starts_on = ?, starts_at = ?, ends_on = ?, place = ? "
        "WHERE owner_id = ? AND id = ?",
        (
            name,
            starts_on.isoformat(),
            starts_at,
            ends_on.isoformat() if ends_on else None,
            place,
            store.owner_id,
            event_id,
        ),
    )


def people_by_email(store: Store, emails: Iterable[str]) -> dict[str, set[int]]:
    """The living people each (normalized) email belongs to."""
    found: dict[str, set[int]] = {}
    ordered = sorted(set(emails))
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        rows = store.db.rows(
            "SELECT c.normalized, c.person_id FROM contact_point c "
            "JOIN person p ON p.id = c.person_id AND p.owner_id = c.owner_id "
            f"WHERE c.owner_id = ? AND c.kind = 'email' AND c.normalized IN "
            f"({', '.join('?' * len(chunk))}) AND p.deleted_on IS NULL",
            (store.owner_id, *chunk),
        )
        for email, person_id in rows:
            found.setdefault(str(email), set()).add(int(person_id))
    return found


def attending_ids(store: Store, event_id: int) -> set[int]:
    """Everyone already linked to the event, whatever their role."""
    rows = store.db.rows(
        "SELECT person_id FROM event_attendance WHERE owner_id = ? AND event_id = ?",
        (store.owner_id, event_id),
    )
    return {int(person_id) for (person_id,) in rows}


def add_attending(store: Store, event_id: int, person_id: int) -> None:
    store.db.execute(
        "INSERT INTO event_attendance (owner_id, event_id, person_id, role) "
        "VALUES (?, ?, ?, 'attending')",
        (store.owner_id, event_id, person_id),
    )
