"""Dates as people type them: `2026-11-20`, `today`, `yesterday`, `tuesday`, `3 days ago`."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from amity.errors import UsageError
from amity.model.limits import EARLIEST_DAY

if TYPE_CHECKING:
    from amity.model.people import Birthday

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AGO = re.compile(r"^(\d{1,4})\s+(day|days|week|weeks)\s+ago$")
_EXPECTED = "expected YYYY-MM-DD, today, yesterday, a weekday or 'N days ago'"


def parse_day(text: str, today: date) -> date:
    """A day the user typed, relative to `today`; past weekdays ("tuesday" = the last one)."""
    raw = " ".join(text.strip().lower().split())
    if raw in ("today", "now"):
        return today
    if raw == "yesterday":
        return today - timedelta(days=1)
    if raw == "tomorrow":
        return today + timedelta(days=1)
    if raw in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS.index(raw)) % 7 or 7
        return today - timedelta(days=back)
    ago = _AGO.match(raw)
    if ago:
        n = int(ago.group(1)) * (7 if ago.group(2).startswith("week") else 1)
        return today - timedelta(days=n)
    return parse_iso(text)


def happened_on(text: str | None, today: date) -> date:
    """The day something happened (`--on` of log, met, gave, got, asked, life): today
    unless given; never in the future (tomorrow included), never before 1900, and an
    empty `--on ''` is a mistake, not today."""
    return today if text is None else check_happened(parse_day(text, today), today)


def check_happened(day: date, today: date) -> date:
    """`day`, when something can have happened then: not after `today`, not before 1900."""
    if day > today:
        raise UsageError(f"{day.isoformat()} is in the future; log what already happened")
    if day < EARLIEST_DAY:
        raise UsageError(f"{day.isoformat()} is too long ago; give a day from {EARLIEST_DAY}")
    return day


def parse_iso(text: str) -> date:
    raw = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise UsageError(f"{_shown(text)} is not a date; {_EXPECTED}")
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise UsageError(f"{_shown(text)} is not a real date; {_EXPECTED}") from None


def _shown(text: str) -> str:
    """The text as typed, quoted, and cut to a readable length (a 100 KB `--on` is one
    line, not a screenful)."""
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def parse_birthday(text: str) -> Birthday:
    """`1990-04-15`, or `--04-15` / `04-15` when the year is unknown."""
    raw = text.strip()
    match = re.fullmatch(r"(?:(\d{4})-|--)?(\d{2})-(\d{2})", raw)
    if not match:
        raise UsageError(f"{_shown(text)} is not a birthday; expected YYYY-MM-DD or --MM-DD")
    year = int(match.group(1)) if match.group(1) else None
    month, day = int(match.group(2)), int(match.group(3))
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: --02-29 is a real birthday
    except ValueError:
        raise UsageError(f"{_shown(text)} is not a real birthday") from None
    from amity.model.people import Birthday  # the people model, only when a birthday is read

    return Birthday(month, day, year)
