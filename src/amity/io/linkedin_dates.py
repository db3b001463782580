"""Dates as LinkedIn exports write them, in every year's layout.

- `Connected On` (2020-): `05 Mar 2024`; after an Excel round trip `6-Feb-26`.
- 2018 files, Invitations `Sent At`: `1/8/18, 6:14 PM` (US month/day/year).
- messages `DATE`, 2018 UTF-16 files: `2023-06-11 15:33:58 UTC`, `2018/08/18 17:16:55 UTC`.
- Profile `Birth Date`: `Apr 3, 1996`, `1815-12-10`.
- Positions `Started On` / `Finished On`: `Jun 2018`, `01 Oct 2022`, `2019` (the first of the
  month or year).

A two-digit year is put in the century that does not place the date more than a year after
`today` (`6-Feb-26` is 2026, `5-Mar-99` is 1999). Times are dropped: drafts carry dates.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{4}|\d{2})")
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T].*)?")
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:,?\s.*)?")
_MONTH_DAY_YEAR = re.compile(r"([a-z]{3,9})\.? (\d{1,2}),? (\d{4})")
_MONTH_YEAR = re.compile(r"([a-z]{3,9})\.? (\d{4})")
_YEAR = re.compile(r"(\d{4})")
_FUTURE_SLACK = timedelta(days=366)


def parse_date(text: str, today: date) -> date | None:
    """The date in a LinkedIn cell; None when the cell is empty.

    Raises ValueError when the text is not a date in any layout LinkedIn has used, or is
    more than a year after `today` (`31 Dec 9999` is damage, and no date kept near the end
    of the calendar can have a follow-up computed from it).
    """
    cleaned = " ".join(text.strip().strip('"').split()).lower()
    if not cleaned:
        return None
    day = _parse(cleaned, today)
    if day > today + _FUTURE_SLACK:
        raise ValueError(f"{text.strip()!r} is more than a year in the future")
    return day


@lru_cache(maxsize=16384)
def _parse(text: str, today: date) -> date:
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match.groups()
        return _make(year, _month(month), int(day), today)
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        return _make(year, int(month), int(day), today)
    if match := _US.fullmatch(text):
        month, day, year = match.groups()
        return _make(year, int(month), int(day), today)
    if match := _MONTH_DAY_YEAR.fullmatch(text):
        month, day, year = match.groups()
        return _make(year, _month(month), int(day), today)
    if match := _MONTH_YEAR.fullmatch(text):
        month, year = match.groups()
        return _make(year, _month(month), 1, today)
    if match := _YEAR.fullmatch(text):
        return _make(match.group(1), 1, 1, today)
    raise ValueError(f"not a date: {text!r}")


def _month(name: str) -> int:
    try:
        return _MONTHS[name]
    except KeyError:
        raise ValueError(f"unknown month {name!r}") from None


def _make(year_text: str, month: int, day: int, today: date) -> date:
    if len(year_text) == 4:
        return date(int(year_text), month, day)
    year = today.year // 100 * 100 + int(year_text)
    candidate = _safe_date(year, month, day)
    if candidate > today + _FUTURE_SLACK:
        return _safe_date(year - 100, month, day)
    return candidate


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        if month == 2 and day == 29:  # a leap day moved into a century without one
            return date(year, 2, 28)
        raise
