"""How a debrief says each follow-up: a day gone by is said as late, never as still to come."""

from __future__ import annotations

from datetime import date

from amity.service.event_types import DebriefLine

MET = date(2026, 11, 20)  # a Friday
DUE = date(2026, 11, 21)


def _line(*, created: bool = False, done: bool = False, due: date | None = DUE) -> DebriefLine:
    return DebriefLine(1, "Lee Park", MET, due, created, done)


def test_a_follow_up_added_by_a_late_debrief_says_how_late_it_is() -> None:
    words = _line(created=True).follow_up_words(date(2026, 11, 24))
    assert words == "follow-up due Saturday 21 Nov, 3 days overdue (just added)"


def test_a_follow_up_still_to_come_or_due_today() -> None:
    assert _line().follow_up_words(MET) == "follow-up due tomorrow"
    assert _line(created=True).follow_up_words(DUE) == "follow-up due today (just added)"


def test_done_and_none() -> None:
    assert _line(done=True).follow_up_words(date(2026, 12, 1)) == "followed up"
    assert _line(due=None).follow_up_words(MET) == "no follow-up needed"
