from datetime import date, timedelta

from amity.engines.agenda import build_agenda
from amity.engines.life_events import (
    anniversary_between,
    anniversary_item,
    anniversary_reason,
    birthday_between,
    birthday_item,
    birthday_reason,
    in_new_job_window,
    new_job_item,
    new_job_reason,
    yearly_on,
)
from amity.model.enums import LifeEventKind


def _birthday(month: int, day: int, year: int | None, today: date, window: int) -> date | None:
    """The birthday from today to `window` days ahead, if any."""
    return birthday_between(month, day, year, today, today + timedelta(days=window))


def _anniversary(start: date, today: date, window: int = 0) -> tuple[date, int] | None:
    """The work anniversary from today to `window` days ahead, with its years, if any."""
    return anniversary_between(start, today, today + timedelta(days=window))


def test_feb_29_birthday_is_feb_28_in_other_years() -> None:
    assert yearly_on(2, 29, 2027) == date(2027, 2, 28)
    assert yearly_on(2, 29, 2028) == date(2028, 2, 29)
    assert _birthday(2, 29, 2000, date(2027, 2, 28), 0) == date(2027, 2, 28)
    assert _birthday(2, 29, 2000, date(2027, 3, 1), 0) is None
    assert _birthday(2, 29, None, date(2028, 2, 28), 1) == date(2028, 2, 29)
    assert birthday_reason(date(2027, 2, 28), 2000, date(2027, 2, 28)) == "birthday today, turns 27"


def test_birthday_without_a_year() -> None:
    today = date(2026, 12, 30)
    assert _birthday(1, 2, None, today, 7) == date(2027, 1, 2)
    assert _birthday(1, 2, None, today, 2) is None
    assert birthday_reason(date(2027, 1, 2), None, today) == "birthday in 3 days (Jan 2)"
    assert birthday_reason(date(2026, 12, 31), None, today) == "birthday tomorrow"


def test_birthday_with_a_year_says_the_age() -> None:
    today = date(2026, 4, 15)
    assert _birthday(4, 15, 1996, today, 0) == today
    assert birthday_reason(today, 1996, today) == "birthday today, turns 30"
    assert birthday_reason(date(2026, 4, 13), 1996, today) == "birthday was 2 days ago, turned 30"


def test_no_birthday_before_birth_or_for_impossible_dates() -> None:
    assert _birthday(4, 15, 2026, date(2026, 4, 15), 0) is None
    assert _birthday(2, 30, None, date(2026, 2, 1), 60) is None
    assert _birthday(13, 1, None, date(2026, 2, 1), 400) is None


def test_birthday_item_shows_on_the_day_and_a_few_days_late() -> None:
    on_day = birthday_item(5, "Cleo", 3, 4, 1990, date(2026, 3, 4))
    assert on_day is not None
    assert on_day.key == "birthday:person:5:2026"
    assert on_day.kind == "birthday"
    assert on_day.draft_kind == "congrats"
    assert on_day.reason == "birthday today, turns 36"
    assert on_day.expires == date(2026, 3, 7)

    late = birthday_item(5, "Cleo", 3, 4, 1990, date(2026, 3, 7))
    assert late is not None and late.reason == "birthday was 3 days ago, turned 36"
    assert birthday_item(5, "Cleo", 3, 4, 1990, date(2026, 3, 8)) is None
    assert birthday_item(5, "Cleo", 3, 4, 1990, date(2026, 3, 1)) is None
    ahead = birthday_item(5, "Cleo", 3, 4, 1990, date(2026, 3, 1), window_days=7)
    assert ahead is not None and ahead.due == date(2026, 3, 4)

    # On the agenda from the day to the end of its grace days, then gone.
    assert [i.key for i in build_agenda([on_day], date(2026, 3, 7)).items] == [on_day.key]
    assert build_agenda([on_day], date(2026, 3, 8)).items == []


def test_anniversary_years() -> None:
    start = date(2023, 6, 12)
    assert _anniversary(start, date(2026, 6, 12)) == (date(2026, 6, 12), 3)
    assert _anniversary(start, date(2026, 6, 10), 5) == (date(2026, 6, 12), 3)
    assert _anniversary(start, date(2026, 6, 13), 5) is None
    assert _anniversary(start, date(2023, 6, 12), 5) is None  # the first day is not one
    assert _anniversary(date(2024, 2, 29), date(2025, 2, 28)) == (date(2025, 2, 28), 1)
    assert anniversary_reason("Stripe", 3, date(2026, 6, 12), date(2026, 6, 12)) == (
        "3 years at Stripe today"
    )
    assert anniversary_reason("Stripe", 1, date(2026, 6, 14), date(2026, 6, 12)) == (
        "1 year at Stripe in 2 days"
    )


def test_anniversary_item() -> None:
    item = anniversary_item(5, "Cleo", 12, "Stripe", date(2023, 6, 12), date(2026, 6, 12))
    assert item is not None
    assert item.key == "anniversary:position:12:2026"
    assert item.kind == "anniversary"
    assert item.reason == "3 years at Stripe today"
    assert anniversary_item(5, "Cleo", 12, "Stripe", date(2023, 6, 12), date(2026, 7, 1)) is None


def test_new_job_within_two_weeks() -> None:
    started = date(2026, 3, 2)
    assert in_new_job_window(started, started)
    assert in_new_job_window(started, date(2026, 3, 16))
    assert not in_new_job_window(started, date(2026, 3, 17))
    assert not in_new_job_window(started, date(2026, 3, 1))

    item = new_job_item(
        44, 5, "Cleo", "new_job", "Staff Engineer at Stripe", started, date(2026, 3, 5)
    )
    assert item is not None
    assert item.key == "new_job:life_event:44"
    assert item.kind == "new_job"
    assert item.draft_kind == "congrats"
    assert item.reason == "new job: Staff Engineer at Stripe, 3 days ago"
    assert item.expires == date(2026, 3, 16)
    assert new_job_item(44, 5, "Cleo", "new_job", "", started, date(2026, 3, 20)) is None
    assert new_job_item(45, 5, "Cleo", LifeEventKind.MOVED, "Berlin", started, started) is None


def test_promotion_reason() -> None:
    day = date(2026, 3, 2)
    assert new_job_reason(LifeEventKind.PROMOTION, "Staff Engineer", day, day) == (
        "promotion: Staff Engineer, today"
    )
    assert new_job_reason("new_job", "", day, date(2026, 3, 3)) == "new job, yesterday"


def test_occasions_say_by_when_they_must_show() -> None:
    """A birthday on the day itself; an anniversary or a new job within a few days."""
    bday = birthday_item(5, "Cleo", 3, 4, 1990, date(2026, 3, 4))
    assert bday is not None and bday.show_by == date(2026, 3, 4)
    belated = birthday_item(5, "Cleo", 3, 4, 1990, date(2026, 3, 6))
    assert belated is not None and belated.show_by == date(2026, 3, 4)
    anniversary = anniversary_item(5, "Cleo", 12, "Stripe", date(2023, 6, 12), date(2026, 6, 12))
    assert anniversary is not None and anniversary.show_by == date(2026, 6, 15)
    job = new_job_item(44, 5, "Cleo", "new_job", "", date(2026, 3, 1), date(2026, 3, 2))
    assert job is not None and job.show_by == date(2026, 3, 4)
    assert job.expires == date(2026, 3, 15)
