"""`amity event import FILE.ics`: a conference or meetup calendar as planned events.

Each calendar event (each occurrence of a recurring one in the window `amity.io.
icalendar_import` reads) is an event with source `ics` and its calendar key. Importing the
same file again changes nothing; a newer file updates the name, day, time and place and
keeps what you added (purpose, pitch, notes, status, goals, who you met). An ORGANIZER or
ATTENDEE whose email is a known person's becomes an `attending` participant (one email
that two people share links neither: it says nothing about which one goes). All of it is
one transaction: a file that fails to read writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path
from typing import Any

from amity.io.icalendar_import import CalendarEvent, read_calendar_path
from amity.store import Store
from amity.store import calendar_events as calendar_store

SOURCE = "ics"


@dataclass(frozen=True, slots=True)
class CalendarImport:
    created: int
    updated: int
    unchanged: int
    attendees_linked: int
    events: int  # in the file's window

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "attendees_linked": self.attendees_linked,
        }


def import_calendar(
    store: Store, path: Path, today: date, zone: tzinfo | None = None
) -> CalendarImport:
    """Read the calendar at `path` and write its events (see the module's docstring)."""
    found = read_calendar_path(path, today, zone)
    with store.db.transaction():
        return _write(store, found, today)


def _write(store: Store, found: list[CalendarEvent], today: date) -> CalendarImport:
    stored = calendar_store.events_of_source(store, SOURCE)
    people = calendar_store.people_by_email(store, {e for ev in found for e in ev.emails})
    created = updated = unchanged = linked = 0
    for event in found:
        known = stored.get(event.key)
        if known is None:
            event_id = calendar_store.insert_calendar_event(
                store,
                SOURCE,
                event.key,
                event.name,
                event.starts_on,
                event.starts_at,
                event.ends_on,
                event.place,
                today,
            )
            created += 1
        else:
            event_id = known.id
            if _changed(known, event):
                calendar_store.update_calendar_fields(
                    store,
                    event_id,
                    event.name,
                    event.starts_on,
                    event.starts_at,
                    event.ends_on,
                    event.place,
                )
                updated += 1
            else:
                unchanged += 1
        linked += _link(store, event_id, event, people)
    return CalendarImport(created, updated, unchanged, linked, len(found))


def _changed(known: calendar_store.StoredCalendarEvent, event: CalendarEvent) -> bool:
    return (known.name, known.starts_on, known.starts_at, known.ends_on, known.place) != (
        event.name,
        event.starts_on,
        event.starts_at,
        event.ends_on,
        event.place,
    )


def _link(store: Store, event_id: int, event: CalendarEvent, people: dict[str, set[int]]) -> int:
    wanted = {next(iter(ids)) for email in event.emails if len(ids := people.get(email, ())) == 1}
    if not wanted:
        return 0
    already = calendar_store.attending_ids(store, event_id)
    added = 0
    for person_id in sorted(wanted - already):
        calendar_store.add_attending(store, event_id, person_id)
        added += 1
    return added
