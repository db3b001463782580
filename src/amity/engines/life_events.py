"""Moments in people's lives worth a message: birthdays, work anniversaries, new jobs.

Birthdays and anniversaries recur each year; someone born on 29 February celebrates on
28 February in other years. A birthday or anniversary is due on the day and may still be
wished a few days late (`GRACE_DAYS`); a new job or promotion is worth a congratulation
for two weeks after it (`NEW_JOB_WINDOW_DAYS`).

A birthday is shown on the day whatever else fills the agenda (its `show_by` is the day
itself); a work anniversary or a new job takes its turn within the budget and is shown at
the latest `GRACE_DAYS` after the day (its `show_by`).
"""

from __future__ import annotations

from datetime import date, timedelta

from amity.engines.agenda import AgendaItem, make_item
from amity.model.enums import LifeEventKind, ReminderKind
from amity.model.wording import relative_day

GRACE_DAYS = 3
NEW_JOB_WINDOW_DAYS = 14

# The reminder each kind of life event raises; the others raise none.
LIFE_EVENT_REMINDER: dict[LifeEventKind, ReminderKind] = {
    LifeEventKind.BIRTHDAY: ReminderKind.BIRTHDAY,
    LifeEventKind.WORK_ANNIVERSARY: ReminderKind.ANNIVERSARY,
    LifeEventKind.NEW_JOB: ReminderKind.NEW_JOB,
    LifeEventKind.PROMOTION: ReminderKind.NEW_JOB,
}

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(day: date) -> str:
    """`Mar 1`, the same whatever the machine's locale."""
    return f"{_MONTHS[day.month - 1]} {day.day}"


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _is_valid(month: int, day: int) -> bool:
    try:
        date(2000, month, day)  # a leap year, so 29 February is valid
    except ValueError:
        return False
    return True


def yearly_on(month: int, day: int, year: int) -> date:
    """The day a yearly date falls on in `year`: 29 February is 28 February in other years."""
    if month == 2 and day == 29 and not _is_leap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def _yearly_between(
    month: int, day: int, since: int | None, first: date, last: date
) -> date | None:
    """The first yearly occurrence in [first, last], in a year after `since` if given."""
    if not _is_valid(month, day):
        return None
    for year in range(first.year, last.year + 1):
        if since is not None and year <= since:
            continue
        on = yearly_on(month, day, year)
        if first <= on <= last:
            return on
    return None


# Birthdays


def birthday_between(
    month: int, day: int, birth_year: int | None, first: date, last: date
) -> date | None:
    """The birthday falling in [first, last], if any."""
    return _yearly_between(month, day, birth_year, first, last)


def age_on(birth_year: int, on: date) -> int:
    return on.year - birth_year


def birthday_reason(on: date, birth_year: int | None, today: date) -> str:
    """`birthday today, turns 30`; `birthday in 3 days (Mar 1)`; `birthday was yesterday`."""
    delta = (on - today).days
    if delta < 0:
        text = f"birthday was {relative_day(delta)}"
        verb = "turned"
    else:
        text = f"birthday {relative_day(delta)}"
        text += f" ({short_date(on)})" if delta > 1 else ""
        verb = "turns"
    if birth_year is not None:
        text += f", {verb} {age_on(birth_year, on)}"
    return text


def birthday_key(person_id: int, year: int) -> str:
    return f"birthday:person:{person_id}:{year}"


def birthday_item(
    person_id: int,
    person_name: str,
    month: int,
    day: int,
    birth_year: int | None,
    today: date,
    *,
    window_days: int = 0,
    strength: int = 0,
) -> AgendaItem | None:
    """The birthday from `GRACE_DAYS` ago to `window_days` ahead, as an agenda item."""
    first = today - timedelta(days=GRACE_DAYS)
    on = birthday_between(month, day, birth_year, first, today + timedelta(days=window_days))
    if on is None:
        return None
    return make_item(
        ReminderKind.BIRTHDAY,
        birthday_key(person_id, on.year),
        person_id,
        person_name,
        on,
        birthday_reason(on, birth_year, today),
        strength=strength,
        expires=on + timedelta(days=GRACE_DAYS),
        show_by=on,
    )


# Work anniversaries


def anniversary_between(start: date, first: date, last: date) -> tuple[date, int] | None:
    """The work anniversary of a position started on `start` falling in [first, last],
    with the years completed."""
    on = _yearly_between(start.month, start.day, start.year, first, last)
    return None if on is None else (on, on.year - start.year)


def anniversary_reason(organization: str, years: int, on: date, today: date) -> str:
    """`3 years at Stripe today`; `1 year at Stripe in 2 days`."""
    unit = "year" if years == 1 else "years"
    return f"{years} {unit} at {organization} {relative_day((on - today).days)}"


def anniversary_key(position_id: int, year: int) -> str:
    return f"anniversary:position:{position_id}:{year}"


def anniversary_item(
    person_id: int,
    person_name: str,
    position_id: int,
    organization: str,
    start: date,
    today: date,
    *,
    window_days: int = 0,
    strength: int = 0,
) -> AgendaItem | None:
    """The work anniversary from `GRACE_DAYS` ago to `window_days` ahead, as an agenda item."""
    first = today - timedelta(days=GRACE_DAYS)
    found = anniversary_between(start, first, today + timedelta(days=window_days))
    if found is None:
        return None
    on, years = found
    return make_item(
        ReminderKind.ANNIVERSARY,
        anniversary_key(position_id, on.year),
        person_id,
        person_name,
        on,
        anniversary_reason(organization, years, on, today),
        strength=strength,
        expires=on + timedelta(days=GRACE_DAYS),
        show_by=on + timedelta(days=GRACE_DAYS),
    )


# New jobs and promotions


def in_new_job_window(occurred_on: date, today: date) -> bool:
    """From the day of the new job or promotion to `NEW_JOB_WINDOW_DAYS` after it."""
    return 0 <= (today - occurred_on).days <= NEW_JOB_WINDOW_DAYS


def new_job_reason(kind: LifeEventKind | str, detail: str, occurred_on: date, today: date) -> str:
    """`new job: Staff Engineer at Stripe, 3 days ago`; `promotion: Staff Engineer, today`."""
    label = "promotion" if LifeEventKind(kind) is LifeEventKind.PROMOTION else "new job"
    what = f"{label}: {detail.strip()}" if detail.strip() else label
    return f"{what}, {relative_day((occurred_on - today).days)}"


def new_job_key(life_event_id: int) -> str:
    return f"new_job:life_event:{life_event_id}"


def new_job_item(
    life_event_id: int,
    person_id: int,
    person_name: str,
    kind: LifeEventKind | str,
    detail: str,
    occurred_on: date,
    today: date,
    *,
    strength: int = 0,
) -> AgendaItem | None:
    """A new job or promotion within its window, as an agenda item."""
    if LIFE_EVENT_REMINDER.get(LifeEventKind(kind)) is not ReminderKind.NEW_JOB:
        return None
    if not in_new_job_window(occurred_on, today):
        return None
    return make_item(
        ReminderKind.NEW_JOB,
        new_job_key(life_event_id),
        person_id,
        person_name,
        occurred_on,
        new_job_reason(kind, detail, occurred_on, today),
        strength=strength,
        expires=occurred_on + timedelta(days=NEW_JOB_WINDOW_DAYS),
        show_by=occurred_on + timedelta(days=GRACE_DAYS),
    )
