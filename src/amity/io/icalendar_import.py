"""A conference or meetup calendar (an `.ics` file, RFC 5545) as Amity's calendar events.

What is kept of each VEVENT: its SUMMARY (the name), its start (the day, and "HH:MM" for a
timed event, in the event's own time zone; a UTC time is shown in `zone`), the last day of a
multi-day event, its LOCATION (else its URL) and the email addresses of its ORGANIZER and
ATTENDEEs. Texts lose control characters and are cut to a sane length, so a hostile title
cannot reach a terminal or a page as anything but text.

Each one-off VEVENT becomes one event, whatever its day. A recurring one (RRULE, RDATE, a
moved occurrence) becomes one event per occurrence from `PAST_DAYS` before today to
`FUTURE_DAYS` after it, counted by `recurring-ical-events`; its key is the UID and the
occurrence's day (and time), so each occurrence keeps its identity across imports.

Refused, with a message and nothing read: a file larger than `MAX_CALENDAR_BYTES`, text
that is not UTF-8, anything that is not a VCALENDAR, a truncated file (no END:VCALENDAR),
a rule repeating more often than daily, and more than `MAX_EVENTS` events in the window.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from amity.errors import ImportFailed
from amity.io.limits import MiB, check_path, megabytes, read_file

MAX_CALENDAR_BYTES = 20 * MiB  # a year of a large conference's sessions is a few MB
MAX_EVENTS = 10_000
PAST_DAYS = 365
FUTURE_DAYS = 180
NAME_CHARS = 200
PLACE_CHARS = 300
MAX_EMAILS = 500  # attendees kept per event
MAX_TIMES_A_DAY = 4  # a session in the morning and one in the afternoon is fine
_SUB_DAILY = {"SECONDLY", "MINUTELY", "HOURLY"}
_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+$")


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    key: str  # the UID, and the occurrence for a recurring event
    name: str
    starts_on: date
    starts_at: str = ""  # "HH:MM", or "" for an all-day event
    ends_on: date | None = None  # the last day of a multi-day event
    place: str = ""
    emails: tuple[str, ...] = ()


def read_calendar_path(path: Path, today: date, zone: tzinfo | None = None) -> list[CalendarEvent]:
    """The events of the calendar file at `path` (see the module's docstring)."""
    check_path(path, folders=False)
    size = path.stat().st_size
    if size > MAX_CALENDAR_BYTES:
        raise ImportFailed(
            f"{path.name}: the file is {megabytes(size)}, more than the "
            f"{megabytes(MAX_CALENDAR_BYTES)} a calendar may be; export a shorter period"
        )
    return read_calendar(read_file(path, MAX_CALENDAR_BYTES, path.name), today, zone, path.name)


def read_calendar(
    data: bytes, today: date, zone: tzinfo | None = None, shown: str = "the file"
) -> list[CalendarEvent]:
    calendar = _parse(_text(data, shown), shown)
    recurring = _recurring_uids(calendar, shown)
    found: dict[str, CalendarEvent] = {}
    for component in _in_window(calendar, today, shown):
        event = _event(component, recurring, zone)
        if event is not None:
            found[event.key] = event
    for component in calendar.walk("VEVENT"):
        if str(component.get("UID", "")) not in recurring:
            event = _event(component, recurring, zone)
            if event is not None and event.key not in found:
                found[event.key] = event
        if len(found) > MAX_EVENTS:
            raise _too_many(shown)
    return sorted(found.values(), key=lambda e: (e.starts_on, e.starts_at, e.key))


def _text(data: bytes, shown: str) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(
            f"{shown}: not UTF-8 text (byte {exc.start}); a calendar file is UTF-8: "
            "export it again from the calendar app"
        ) from None
    head = text.lstrip()[:15].upper()
    if not head.startswith("BEGIN:VCALENDAR"):
        raise ImportFailed(f"{shown}: not an iCalendar file (it should begin BEGIN:VCALENDAR)")
    if not text.rstrip().upper().endswith("END:VCALENDAR"):
        raise ImportFailed(f"{shown}: the calendar is cut short (no END:VCALENDAR at its end)")
    return text


def _parse(text: str, shown: str) -> Any:
    from icalendar import Calendar

    try:
        return Calendar.from_ical(text)
    except Exception as exc:  # the library raises ValueError, KeyError, ...: all bad input
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise ImportFailed(f"{shown}: not a valid iCalendar file ({_clean(reason, 120)})") from None


def _recurring_uids(calendar: Any, shown: str) -> set[str]:
    uids = set()
    for component in calendar.walk("VEVENT"):
        uid = str(component.get("UID", ""))
        rules = component.get("RRULE")
        for rule in rules if isinstance(rules, list) else [rules] if rules else []:
            frequency = str((rule.get("FREQ") or [""])[0]).upper()
            if frequency in _SUB_DAILY or _times_a_day(rule) > MAX_TIMES_A_DAY:
                name = _clean(str(component.get("SUMMARY", "")), 60) or uid[:60]
                how = frequency.lower() if frequency in _SUB_DAILY else "many times a day"
                raise ImportFailed(
                    f"{shown}: {name!r} repeats {how}; Amity reads events that repeat daily at most"
                )
        if rules or component.get("RDATE") or component.get("RECURRENCE-ID"):
            uids.add(uid)
    return uids


def _times_a_day(rule: Any) -> int:
    """How many times a day BYHOUR, BYMINUTE and BYSECOND can make a rule fire."""
    times = 1
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        times *= max(len(rule.get(part) or ()), 1)
    return times


def _in_window(calendar: Any, today: date, shown: str) -> Iterator[Any]:
    import recurring_ical_events

    start = today - timedelta(days=PAST_DAYS)
    end = today + timedelta(days=FUTURE_DAYS)
    count = 0
    try:
        for occurrence in recurring_ical_events.of(calendar, components=["VEVENT"]).after(start):
            begins = _value(occurrence.get("DTSTART"))
            day = begins.date() if isinstance(begins, datetime) else begins
            if isinstance(day, date) and day > end:
                return  # in order of start: the rest is later still
            count += 1
            if count > MAX_EVENTS:
                raise _too_many(shown)
            yield occurrence
    except ImportFailed:
        raise
    except Exception as exc:
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise ImportFailed(
            f"{shown}: its repeating events cannot be read ({_clean(reason, 120)})"
        ) from None


def _too_many(shown: str) -> ImportFailed:
    return ImportFailed(
        f"{shown}: more than {MAX_EVENTS:,} events from {PAST_DAYS} days ago to "
        f"{FUTURE_DAYS} days ahead; export a shorter period"
    )


def _event(component: Any, recurring: set[str], zone: tzinfo | None) -> CalendarEvent | None:
    start = _value(component.get("DTSTART"))
    if not isinstance(start, date):
        return None
    uid = _clean(str(component.get("UID", "")), 255)
    starts_on, starts_at = _day_and_time(start, zone)
    key = uid or f"{starts_on.isoformat()} {_clean(str(component.get('SUMMARY', '')), 80)}"
    if uid in recurring:
        rid = _value(component.get("RECURRENCE-ID")) or start
        key = f"{uid}/{_stamp(rid)}"
    return CalendarEvent(
        key=key,
        name=_clean(str(component.get("SUMMARY", "")), NAME_CHARS) or "Untitled event",
        starts_on=starts_on,
        starts_at=starts_at,
        ends_on=_last_day(start, _value(component.get("DTEND")), starts_on, zone),
        place=_clean(str(component.get("LOCATION") or component.get("URL") or ""), PLACE_CHARS),
        emails=_emails(component),
    )


def _value(prop: Any) -> Any:
    return getattr(prop, "dt", None) if prop is not None else None


def _day_and_time(start: date, zone: tzinfo | None) -> tuple[date, str]:
    if not isinstance(start, datetime):
        return start, ""
    if start.tzinfo is not None and start.utcoffset() == timedelta(0) and zone is not None:
        start = start.astimezone(zone)
    return start.date(), f"{start.hour:02d}:{start.minute:02d}"


def _last_day(start: date, end: Any, starts_on: date, zone: tzinfo | None) -> date | None:
    if not isinstance(end, date):
        return None
    if isinstance(end, datetime):
        last, _ = _day_and_time(end, zone)
    else:
        last = end - timedelta(days=1)  # DTEND of an all-day event is the day after
    return last if last > starts_on else None


def _stamp(value: date) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.strftime("%Y%m%dT%H%M%S")
    return value.strftime("%Y%m%d")


def _emails(component: Any) -> tuple[str, ...]:
    found: list[str] = []
    for name in ("ORGANIZER", "ATTENDEE"):
        values = component.get(name)
        for value in values if isinstance(values, list) else [values] if values else []:
            email = str(value).strip()
            if email.lower().startswith("mailto:"):
                email = email[7:]
            email = email.strip().lower()
            if _EMAIL.match(email) and len(email) <= 254 and email not in found:
                found.append(email)
            if len(found) >= MAX_EMAILS:
                return tuple(found)
    return tuple(found)


def _clean(text: str, limit: int) -> str:
    """One line of printable text, at most `limit` characters."""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
        if unicodedata.category(ch) not in ("Cs", "Co", "Cn") and ch not in _BIDI
    )
    return " ".join(kept.split())[:limit]


_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
