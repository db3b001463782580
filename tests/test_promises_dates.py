"""The day a promise is due, from its own words, met on Tuesday 1 December 2026.

`date_phrase` (pure) finds the words; `promise_due_for` hands them to dateparser and keeps
what is sensible. The table is what a person would expect each promise to mean."""

from __future__ import annotations

from datetime import date

import pytest

from amity.engines.follow_ups import promise_reason
from amity.engines.promise_dates import (
    DatePhrase,
    date_phrase,
    due_words,
    sensible_due,
    without_date_words,
)
from amity.service.natural_dates import promise_due_for, read_day

MET = date(2026, 12, 1)  # a Tuesday
NEXT_DAY = date(2026, 12, 2)

# (promise, the date words found or None, the day it is due)
TABLE = [
    ("send my resume by Friday", "by Friday", date(2026, 12, 4)),
    ("send the deck", None, NEXT_DAY),
    ("share my notes on Friday's talk", None, NEXT_DAY),
    ("intro to Bo next week", "next week", date(2026, 12, 8)),
    ("send the slides on 15 Jan", "on 15 Jan", date(2027, 1, 15)),
    ("call her tomorrow", "tomorrow", NEXT_DAY),
    ("follow up in 3 days", "in 3 days", date(2026, 12, 4)),
    ("send the contract before the 20th", "before the 20th", date(2026, 12, 19)),
    ("send it today", "today", MET),
    ("mail the book within a week", "within a week", date(2026, 12, 8)),
    ("check back in two weeks", "in two weeks", date(2026, 12, 15)),
    ("send the photos from Friday", None, NEXT_DAY),
    ("pick the 3rd option", None, NEXT_DAY),
    ("review the draft by the end of the week", "by the end of the week", date(2026, 12, 4)),
    ("read her paper over the weekend", "over the weekend", date(2026, 12, 5)),
    ("send the invite on Tuesday", "on Tuesday", date(2026, 12, 8)),  # today's is past
    ("share the slides for next week's offsite", None, NEXT_DAY),
    ("send the recap January 15th", "January 15th", date(2027, 1, 15)),
    ("book the room by 2026-12-24", "by 2026-12-24", date(2026, 12, 24)),
    ("send the report by 2026-11-20", "by 2026-11-20", NEXT_DAY),  # before the meeting
    ("write the foreword by 2030-01-01", "by 2030-01-01", NEXT_DAY),  # years away
    ("email Dana on 1 Dec", "on 1 Dec", MET),  # today, not next year
    ("send the pitch by 15 Jan 2027", "by 15 Jan 2027", date(2027, 1, 15)),
    ("send the pitch by January 15, 2028", "by January 15, 2028", date(2028, 1, 15)),
    ("send the pitch by 15 Jan 2020", "by 15 Jan 2020", NEXT_DAY),  # a past year
    ("I may send it", None, NEXT_DAY),
    ("intro to Sam NEXT FRIDAY", "NEXT FRIDAY", date(2026, 12, 4)),
]


@pytest.mark.parametrize(("promise", "words", "due"), TABLE, ids=[t[0] for t in TABLE])
def test_a_promise_is_due_when_its_words_say(promise: str, words: str | None, due: date) -> None:
    phrase = date_phrase(promise)
    assert (phrase.words if phrase else None) == words
    assert promise_due_for(promise, MET) == due


def test_a_promise_without_date_words_is_due_the_next_day_or_the_default() -> None:
    assert promise_due_for("send the deck", MET) == NEXT_DAY
    assert promise_due_for("send the deck", MET, default=MET) == MET
    assert promise_due_for("send the deck by Friday", MET, default=MET) == date(2026, 12, 4)


def test_the_parsers_surprises_fall_back_to_the_default() -> None:
    friday = DatePhrase("by Friday", "friday")
    assert sensible_due(friday, None, MET) == NEXT_DAY
    assert sensible_due(friday, date(2026, 11, 27), MET) == NEXT_DAY  # before the promise
    assert sensible_due(friday, date(2029, 1, 1), MET) == NEXT_DAY  # more than two years
    assert sensible_due(friday, date(2026, 12, 4), MET) == date(2026, 12, 4)
    before = DatePhrase("before tomorrow", "tomorrow", before=True)
    assert sensible_due(before, NEXT_DAY, MET) == MET  # the day before, never before MET
    assert sensible_due(None, date(2026, 12, 4), MET) == NEXT_DAY


def test_read_day_counts_from_the_day_given() -> None:
    assert read_day("friday", date(2026, 12, 5)) == date(2026, 12, 11)  # a Saturday
    assert read_day("15 Jan", date(2027, 1, 16)) == date(2028, 1, 15)
    assert read_day("in 12 months", MET) == date(2027, 12, 1)
    assert read_day("no day here", MET) is None
    assert read_day("", MET) is None
    assert read_day("x" * 500, MET) is None


def test_the_promise_is_shown_without_its_date_words() -> None:
    assert without_date_words("send my resume by Friday") == "send my resume"
    assert without_date_words("by Friday, send my resume") == "send my resume"
    assert without_date_words("send the deck") == "send the deck"
    assert without_date_words("tomorrow") == "tomorrow"  # nothing else to show


def test_an_overdue_dated_promise_says_so() -> None:
    what, friday = "send my resume by Friday", date(2026, 12, 4)
    assert promise_reason(what, MET, MET, friday) == (
        "promised today: send my resume (due Friday 4 Dec)"
    )
    assert promise_reason(what, MET, date(2026, 12, 3), friday) == (
        "promised 2 days ago: send my resume (due tomorrow)"
    )
    assert promise_reason(what, MET, friday, friday) == (
        "promised 3 days ago: send my resume (due today)"
    )
    assert promise_reason(what, MET, date(2026, 12, 5), friday) == (
        "promised on 1 Dec: send my resume (due Friday 4 Dec, 1 day overdue)"
    )
    assert promise_reason(what, MET, date(2026, 12, 7), friday) == (
        "promised on 1 Dec: send my resume (due Friday 4 Dec, 3 days overdue)"
    )


def test_an_undated_promise_is_never_called_overdue() -> None:
    reason = promise_reason("send the deck", MET, date(2026, 12, 7), NEXT_DAY)
    assert reason == "promised 6 days ago: send the deck"
    assert promise_reason("send the deck", MET, date(2026, 12, 7)) == reason


def test_a_promise_whose_day_is_unknown_does_not_invent_one() -> None:
    """A promise from the person page has no interaction: only its due day is stored."""
    friday = date(2026, 12, 4)
    assert promise_reason("send it by Friday", friday, date(2026, 12, 7), friday) == (
        "promised: send it (due Friday 4 Dec, 3 days overdue)"
    )


def test_due_words_name_the_year_when_it_is_not_this_one() -> None:
    assert due_words(date(2027, 1, 15), MET) == "due Friday 15 Jan 2027"
    assert due_words(MET, MET) == "due today"
    assert due_words(NEXT_DAY, MET) == "due tomorrow"
    assert due_words(date(2026, 11, 30), MET) == "due Monday 30 Nov, 1 day overdue"


@pytest.mark.parametrize("junk", ["from friday " * 10000, "friday's " * 12000, "1 " * 50000])
def test_a_huge_promise_is_read_quickly(junk: str) -> None:
    import time

    start = time.perf_counter()
    assert date_phrase(junk) is None
    assert promise_due_for(junk, MET) == NEXT_DAY
    assert time.perf_counter() - start < 2.0
