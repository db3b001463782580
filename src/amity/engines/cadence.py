"""Keep-in-touch cadence: when each person is due a check-in, who is going cold, and the
weekly check-in habit.

The store maintains `first_contact_on`, `last_contact_on` and the interaction count per
person, so everything here works from those few numbers (the per-contact history variant
is there for one person's page, not for 100 k people).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from amity.errors import UsageError
from amity.model.enums import DEFAULT_CADENCE_DAYS, Circle, ReminderKind
from amity.model.wording import every, plural, relative_day

if TYPE_CHECKING:
    from amity.engines.agenda import AgendaItem

# Going cold: silent for more than COLD_FACTOR times the usual gap, and past the cadence.
COLD_FACTOR = 1.5
# Fewer contacts than this and the past says too little: the cadence stands in for it.
MIN_CONTACTS_FOR_HISTORY = 4
DEFAULT_WEEKLY_GOAL = 3


def cadence_for(
    circle: Circle | str,
    cadence_days: int | None = None,
    defaults: Mapping[Circle, int | None] | None = None,
) -> int | None:
    """Days between check-ins: the person's own cadence, else their circle's default.

    None means no cadence (a dormant tie, or `cadence_days` of 0 or less to switch it off).
    """
    if cadence_days is not None:
        return cadence_days if cadence_days > 0 else None
    table = DEFAULT_CADENCE_DAYS if defaults is None else defaults
    return table.get(Circle(circle))


def next_due(last_contact_on: date | None, cadence: int | None) -> date | None:
    """The day a check-in is due: the last contact of any kind, either way, plus the cadence."""
    if last_contact_on is None or cadence is None:
        return None
    return last_contact_on + timedelta(days=cadence)


def silence_days(last_contact_on: date, today: date) -> int:
    return max(0, (today - last_contact_on).days)


def typical_gap(first: date | None, last: date | None, count: int, cadence: int) -> int:
    """The usual days between contacts, from maintained stats: the mean gap
    (last - first) / (count - 1) once there are at least 4 contacts, else the cadence."""
    if first is None or last is None or count < MIN_CONTACTS_FOR_HISTORY:
        return cadence
    return max(1, round((last - first).days / (count - 1)))


def going_cold(silence_days: int, typical_gap: int, cadence: int) -> bool:
    """Silent for well past what is usual for this tie, and past its cadence too."""
    return silence_days > COLD_FACTOR * typical_gap and silence_days > cadence


def cold_since(last_contact_on: date, typical_gap: int, cadence: int) -> date:
    """The first day on which `going_cold` holds for someone last seen on `last_contact_on`."""
    threshold = max(COLD_FACTOR * typical_gap, float(cadence))
    return last_contact_on + timedelta(days=math.floor(threshold) + 1)


def keep_in_touch_kind(
    last_contact_on: date, cadence: int, typical_gap: int, today: date
) -> ReminderKind | None:
    """GOING_COLD, CHECK_IN when due (silence reached the cadence), or None: never both."""
    silence = silence_days(last_contact_on, today)
    if going_cold(silence, typical_gap, cadence):
        return ReminderKind.GOING_COLD
    if silence >= cadence:
        return ReminderKind.CHECK_IN
    return None


def check_in_key(person_id: int, due: date) -> str:
    return f"check_in:person:{person_id}:{due.isoformat()}"


def going_cold_key(person_id: int, last_contact_on: date) -> str:
    return f"going_cold:person:{person_id}:{last_contact_on.isoformat()}"


def check_in_reason(last_contact_on: date, cadence: int, today: date) -> str:
    """`last in touch 45 days ago; you aim for every 30 days`."""
    since = relative_day(-silence_days(last_contact_on, today))
    return f"last in touch {since}; you aim for {every(cadence)}"


def going_cold_reason(last_contact_on: date, typical_gap: int, today: date) -> str:
    """`no contact for 140 days; you usually talk every 40 days`."""
    silence = silence_days(last_contact_on, today)
    return f"no contact for {plural(silence, 'day')}; you usually talk {every(typical_gap)}"


def keep_in_touch_item(
    person_id: int,
    person_name: str,
    last_contact_on: date | None,
    cadence: int | None,
    typical_gap: int | None,
    today: date,
    *,
    strength: int = 0,
) -> AgendaItem | None:
    """The check-in or going-cold item for one person today, if any."""
    if last_contact_on is None or cadence is None:
        return None
    usual = cadence if typical_gap is None else typical_gap
    kind = keep_in_touch_kind(last_contact_on, cadence, usual, today)
    if kind is ReminderKind.GOING_COLD:
        due = cold_since(last_contact_on, usual, cadence)
        key = going_cold_key(person_id, last_contact_on)
        reason = going_cold_reason(last_contact_on, usual, today)
    elif kind is ReminderKind.CHECK_IN:
        due = last_contact_on + timedelta(days=cadence)
        key = check_in_key(person_id, due)
        reason = check_in_reason(last_contact_on, cadence, today)
    else:
        return None
    from amity.engines.agenda import make_item  # the agenda's engine; not for `next_due`

    return make_item(kind, key, person_id, person_name, due, reason, strength=strength)


@dataclass(frozen=True, slots=True)
class Habit:
    """Progress toward a weekly goal of check-ins (weeks start on Monday)."""

    done_this_week: int
    goal: int
    streak_weeks: int
    week_start: date

    @property
    def met(self) -> bool:
        return self.done_this_week >= self.goal

    @property
    def remaining(self) -> int:
        return max(0, self.goal - self.done_this_week)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_progress(
    outbound_dates: Iterable[date], today: date, goal: int = DEFAULT_WEEKLY_GOAL
) -> Habit:
    """Check-ins this week and the streak of weeks that met the goal.

    Each date is one outbound interaction. The streak counts the weeks in a row, back from
    last week, that met the goal, plus this week once it has met it: a week still under
    way does not break the streak.
    """
    return weekly_progress_from_counts(Counter(d for d in outbound_dates), today, goal)


def weekly_progress_from_counts(
    per_day: Mapping[date, int], today: date, goal: int = DEFAULT_WEEKLY_GOAL
) -> Habit:
    """`weekly_progress` from outbound contacts counted per day (what a GROUP BY gives)."""
    if goal < 1:
        raise UsageError(f"a weekly goal must be at least 1 check-in, not {goal}")
    this_week = week_start(today)
    per_week: Counter[date] = Counter()
    for day, count in per_day.items():
        if day <= today:
            per_week[week_start(day)] += count
    done = per_week[this_week]
    streak = 1 if done >= goal else 0
    week = this_week - timedelta(days=7)
    while per_week[week] >= goal:
        streak += 1
        week -= timedelta(days=7)
    return Habit(done, goal, streak, this_week)
