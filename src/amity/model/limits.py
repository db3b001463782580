"""What a stored person may hold: one definition of each limit, used wherever a value comes in.

The CLI and the web check typed values against these (through `amity.service.people`), an
import fits what it reads into them, and `amity restore` refuses a backup that breaks them,
so whatever is stored can always be backed up and restored, and every page can show it.
"""

from __future__ import annotations

import re
from datetime import date

EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(9000, 12, 31)
"""The days Amity plans around (`--today`, a logged day, a restored date): every date it
computes from them (a year back, a cadence of ten years ahead, a birthday's next
occurrence) stays inside what Python's dates can hold."""

LATEST_STORED_DAY = date(9100, 12, 31)
"""The latest date a backup may hold: past any day Amity itself writes (the last `--today`
plus the longest cadence), and early enough that every date computed from it (a follow-up,
a check-in, a life event's window) stays inside the calendar."""

MAX_INTEGER = 2**63 - 1
"""The largest id or number a store holds: SQLite's integer and PostgreSQL's bigint."""

NAME_MAX = 200
"""Characters in a person's name."""

CADENCE_MIN_DAYS, CADENCE_MAX_DAYS = 1, 3650
"""A keep-in-touch cadence: every day at most, every ten years at least."""

INDEXED_MAX = 500
"""Characters in an email, phone, web address, organisation or tag: values PostgreSQL
indexes, whose index entries cannot pass about 2,700 bytes."""

DAILY_MIN, DAILY_MAX = 1, 50
"""The setting `daily_budget`: how many agenda items a day."""

WEEKLY_MIN, WEEKLY_MAX = 1, 50
"""The setting `weekly_goal`: check-ins a week."""

FADE_MIN, FADE_MAX = 1, 60
"""The setting `follow_up_fade_days`: days a follow-up stays one before it fades."""

TONES = ("casual", "formal")
SIGNATURE_MAX = 500

UNNAMED = "(no name)"
"""The name of an imported record that has nothing to call it by."""

# NUL (PostgreSQL text cannot hold it), the other C0 controls but tab and newlines, DEL, and
# lone surrogates (not encodable as UTF-8, so no database or file can hold them).
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def is_storable(text: str) -> bool:
    return _UNSTORABLE.search(text) is None


def storable(text: str) -> str:
    """`text` without the characters no store, backup or page can hold."""
    return _UNSTORABLE.sub("", text) if _UNSTORABLE.search(text) else text


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a person's name, or None when it can."""
    if not name.strip():
        return "a name is needed and it cannot be empty"
    if len(name) > NAME_MAX:
        return f"a name can be at most {NAME_MAX} characters"
    if _UNSTORABLE.search(name):
        return "a name cannot hold control characters or invalid text"
    return None


def fit_name(name: str, fallback: str = "") -> str:
    """An imported name made storable: spaces collapsed, cut to `NAME_MAX` characters;
    `fallback` (or `UNNAMED`) when nothing is left."""
    cleaned = " ".join(storable(name).split())
    if not cleaned:
        cleaned = " ".join(storable(fallback).split()) or UNNAMED
    return cleaned[:NAME_MAX].rstrip()


def indexed_problem(value: str, what: str) -> str | None:
    if len(value) > INDEXED_MAX:
        return f"{what} can be at most {INDEXED_MAX} characters"
    return None


def indexable_key(key: str) -> str:
    """A lookup key (a normalised address, a source record's key) short enough to index:
    itself, or a digest of it when it is longer than `INDEXED_MAX` (equal keys stay equal)."""
    if len(key) <= INDEXED_MAX:
        return key
    import hashlib  # rare: only a key longer than INDEXED_MAX

    return "sha256:" + hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()


def fit_indexed(value: str) -> str:
    """An imported value for an indexed column: storable, cut to `INDEXED_MAX` characters."""
    return storable(value)[:INDEXED_MAX]


def cadence_problem(days: int) -> str | None:
    if CADENCE_MIN_DAYS <= days <= CADENCE_MAX_DAYS:
        return None
    return f"must be between {CADENCE_MIN_DAYS} and {CADENCE_MAX_DAYS} days, not {days}"


def birthday_problem(month: int | None, day: int | None, year: int | None) -> str | None:
    """A birthday is a real day of the year (29 February included), with or without a year."""
    if month is None and day is None and year is None:
        return None
    if month is None or day is None:
        return "a birthday needs both a month and a day"
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: --02-29 is a real birthday
    except ValueError:
        return f"{year or '--'}-{month:02}-{day:02} is not a real birthday"
    return None


_WHOLE = {
    "daily_budget": (DAILY_MIN, DAILY_MAX),
    "weekly_goal": (WEEKLY_MIN, WEEKLY_MAX),
    "follow_up_fade_days": (FADE_MIN, FADE_MAX),
}


def setting_problem(key: str, value: object) -> str | None:
    """Why a stored preference (as `amity settings` sets it) is not one, or None."""
    if key in _WHOLE:
        low, high = _WHOLE[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"should be a whole number from {low} to {high}"
    elif key == "tone" and value not in TONES:
        return "should be " + " or ".join(TONES)
    elif key == "signature" and not (isinstance(value, str) and len(value) <= SIGNATURE_MAX):
        return f"should be text of at most {SIGNATURE_MAX} characters"
    elif key == "cadence":
        return _cadences_problem(value)
    return None


def _cadences_problem(value: object) -> str | None:
    if not isinstance(value, dict):
        return "should map circles to days"
    for days in value.values():
        if days is None:
            continue
        if isinstance(days, bool) or not isinstance(days, int):
            return "should give whole numbers of days"
        if problem := cadence_problem(days):
            return f"should give a cadence that {problem}"
    return None
