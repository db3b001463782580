from datetime import date, timedelta

import pytest

from amity.engines.cadence import (
    cadence_for,
    cold_since,
    going_cold,
    keep_in_touch_item,
    keep_in_touch_kind,
    next_due,
    typical_gap,
    weekly_progress,
)
from amity.errors import UsageError
from amity.model.enums import Circle, ReminderKind

LAST = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("circle", "days", "due"),
    [
        (Circle.INNER, 14, date(2026, 1, 15)),
        (Circle.CLOSE, 30, date(2026, 1, 31)),
        (Circle.ACTIVE, 90, date(2026, 4, 1)),
        (Circle.ACQUAINTANCE, 180, date(2026, 6, 30)),
    ],
)
def test_circle_defaults_and_due_dates(circle: Circle, days: int, due: date) -> None:
    assert cadence_for(circle) == days
    assert next_due(LAST, cadence_for(circle)) == due


def test_dormant_has_no_cadence_and_is_never_due() -> None:
    assert cadence_for(Circle.DORMANT) is None
    assert next_due(LAST, cadence_for("dormant")) is None


def test_own_cadence_overrides_the_circle() -> None:
    assert cadence_for(Circle.ACQUAINTANCE, 21) == 21
    assert next_due(LAST, cadence_for(Circle.ACQUAINTANCE, 21)) == date(2026, 1, 22)
    assert cadence_for(Circle.INNER, 0) is None  # 0 switches reminders off


def test_defaults_can_be_configured() -> None:
    mine = {Circle.INNER: 7, Circle.CLOSE: 21}
    assert cadence_for(Circle.INNER, None, mine) == 7
    assert cadence_for(Circle.ACTIVE, None, mine) is None


def test_never_contacted_is_never_due() -> None:
    assert next_due(None, 30) is None


def test_typical_gap_from_maintained_stats() -> None:
    # 5 contacts over 120 days: mean gap 30.
    assert typical_gap(date(2025, 1, 1), date(2025, 5, 1), 5, 90) == 30
    # Fewer than 4 contacts: the cadence stands in.
    assert typical_gap(date(2025, 1, 1), date(2025, 5, 1), 3, 90) == 90
    assert typical_gap(None, None, 0, 90) == 90


def test_going_cold_needs_both_conditions() -> None:
    # Usually every 20 days, cadence 30: cold past 30 days (1.5 x 20 = 30, and > 30).
    assert not going_cold(30, 20, 30)
    assert going_cold(31, 20, 30)
    # Usually every 60 days, cadence 30: cold only past 90 days.
    assert not going_cold(90, 60, 30)
    assert going_cold(91, 60, 30)


def test_cold_since_is_the_first_cold_day() -> None:
    first = cold_since(LAST, 60, 30)
    assert first == LAST + timedelta(days=91)
    silence = (first - LAST).days
    assert going_cold(silence, 60, 30)
    assert not going_cold(silence - 1, 60, 30)


def test_one_keep_in_touch_item_per_person() -> None:
    today = LAST + timedelta(days=45)
    assert keep_in_touch_kind(LAST, 30, 30, LAST + timedelta(days=29)) is None
    assert keep_in_touch_kind(LAST, 30, 30, LAST + timedelta(days=30)) is ReminderKind.CHECK_IN
    assert keep_in_touch_kind(LAST, 30, 30, today) is ReminderKind.CHECK_IN
    assert keep_in_touch_kind(LAST, 30, 30, today + timedelta(days=1)) is ReminderKind.GOING_COLD

    check_in = keep_in_touch_item(5, "Bo", LAST, 30, None, today, strength=40)
    assert check_in is not None
    assert check_in.key == "check_in:person:5:2026-01-31"
    assert check_in.due == date(2026, 1, 31)
    assert check_in.reason == "last in touch 45 days ago; you aim for every 30 days"
    assert check_in.draft_kind == "checkin"
    assert check_in.strength == 40

    cold = keep_in_touch_item(5, "Bo", LAST, 30, 40, LAST + timedelta(days=70))
    assert cold is not None
    assert cold.kind == "going_cold"
    assert cold.key == "going_cold:person:5:2026-01-01"
    assert cold.due == LAST + timedelta(days=61)
    assert cold.reason == "no contact for 70 days; you usually talk every 40 days"

    assert keep_in_touch_item(5, "Bo", LAST, None, None, today) is None
    assert keep_in_touch_item(5, "Bo", None, 30, None, today) is None


def test_weekly_progress_counts_monday_to_today() -> None:
    today = date(2026, 3, 5)  # Thursday
    dates = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6)]
    habit = weekly_progress(dates, today)
    assert habit.week_start == date(2026, 3, 2)
    assert habit.done_this_week == 2  # Sunday is last week; Friday is not yet
    assert habit.goal == 3
    assert habit.remaining == 1
    assert not habit.met


def test_streak_counts_full_weeks_and_this_week_once_met() -> None:
    weeks = [date(2026, 2, 9), date(2026, 2, 16), date(2026, 2, 23)]  # three Mondays
    dates = [monday + timedelta(days=d) for monday in weeks for d in (0, 1, 2)]
    thursday = date(2026, 3, 5)
    assert weekly_progress(dates, thursday).streak_weeks == 3
    this_week = [date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)]
    habit = weekly_progress(dates + this_week, thursday)
    assert habit.met
    assert habit.streak_weeks == 4
    # A short week two weeks ago breaks the streak.
    assert weekly_progress(dates[3:], thursday, goal=3).streak_weeks == 2
    assert weekly_progress(dates, thursday, goal=4).streak_weeks == 0


def test_weekly_goal_must_be_positive() -> None:
    with pytest.raises(UsageError):
        weekly_progress([], LAST, goal=0)
