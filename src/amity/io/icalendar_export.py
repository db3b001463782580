"""The agenda as an iCalendar file (RFC 5545), for any calendar app.

Each planned item becomes one all-day VEVENT on the day it is planned for (events rather
than VTODOs: every calendar shows events, few show tasks). The UID is derived from the
item's stable key, so importing a newer export moves or updates an event instead of adding
a second one. Events are transparent: they never block time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from amity.engines.agenda import AgendaItem
from amity.model.enums import ReminderKind

PRODID = "-//Amity//Agenda//EN"
UID_DOMAIN = "amity.local"

_SUMMARY: dict[ReminderKind, str] = {
    ReminderKind.FOLLOW_UP: "Follow up with {name}",
    ReminderKind.PROMISE: "Keep your promise to {name}",
    ReminderKind.REMINDER: "Reminder about {name}",
    ReminderKind.BIRTHDAY: "Wish {name} a happy birthday",
    ReminderKind.NEW_JOB: "Congratulate {name}",
    ReminderKind.ANNIVERSARY: "Congratulate {name} on the work anniversary",
    ReminderKind.CHECK_IN: "Check in with {name}",
    ReminderKind.GOING_COLD: "Reconnect with {name}",
}


def event_uid(key: str) -> str:
    """`follow_up:interaction:812@amity.local`: the same item always has the same UID."""
    return f"{key}@{UID_DOMAIN}"


def event_summary(item: AgendaItem) -> str:
    return _SUMMARY[item.reminder_kind].format(name=item.person_name)


def event_description(item: AgendaItem, draft: str = "") -> str:
    text = item.reason[:1].upper() + item.reason[1:]
    if draft.strip():
        text += "\n\nDraft:\n" + draft.strip()
    return text


def agenda_to_ics(
    items_with_dates: Iterable[tuple[date, AgendaItem]],
    calendar_name: str,
    now: datetime,
    drafts: Mapping[str, str] | None = None,
) -> bytes:
    """A VCALENDAR with one all-day event per (planned day, item); `drafts` maps an item's
    key to the drafted message to include. `now` stamps every event (naive means UTC)."""
    stamp = _utc(now)
    calendar = _calendar(calendar_name)
    for day, item in sorted(items_with_dates, key=lambda pair: (pair[0], pair[1].key)):
        calendar.add_component(_event(day, item, stamp, (drafts or {}).get(item.key, "")))
    return bytes(calendar.to_ical())


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(day: date, item: AgendaItem, stamp: datetime, draft: str) -> Event:
    event = Event()
    event.add("uid", event_uid(item.key))
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", event_summary(item))
    event.add("description", event_description(item, draft))
    event.add("categories", [item.kind])
    event.add("transp", "TRANSPARENT")
    return event
