"""Follow-ups after meeting someone, and the promises made along the way.

Meeting someone (an interaction of kind `met`, or the first interaction with a new person)
makes a follow-up due 24 hours later, the next day. Any outbound interaction with that
person on or after the meeting day closes it; until then it stays on the agenda, with its
age. A promise ("send the article") stays on the agenda from the next day, or from the day
its own words name ("by Friday", see `promise_dates`), until done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from amity.engines.agenda import AgendaItem, make_item, relative_day
from amity.engines.promise_dates import (
    PROMISE_AFTER,
    date_phrase,
    day_month,
    due_words,
    without_date_words,
)
from amity.model.enums import InteractionKind, ReminderKind

FOLLOW_UP_AFTER = timedelta(days=1)

_PROMISE_SPLIT = re.compile(r"\s*(?:\n|;)\s*")


def needs_follow_up(kind: InteractionKind | str, first_with_person: bool) -> bool:
    """A meeting, or the first interaction of any kind with someone new."""
    return first_with_person or InteractionKind(kind) is InteractionKind.MET


def follow_up_due(met_on: date) -> date:
    return met_on + FOLLOW_UP_AFTER


def is_follow_up_done(met_on: date, outbound_dates: Iterable[date]) -> bool:
    """Done once any outbound interaction with the person is logged on or after the meeting
    day (a message the same evening counts). Pass the dates of outbound interactions other
    than the meeting itself."""
    return any(day >= met_on for day in outbound_dates)


def follow_up_age(met_on: date, today: date) -> int:
    """Days since the meeting."""
    return max(0, (today - met_on).days)


def is_follow_up_overdue(met_on: date, today: date) -> bool:
    return today > follow_up_due(met_on)


def follow_up_reason(place: str, met_on: date, today: date) -> str:
    """`met at PyCon 2 days ago, no follow-up yet` (`met yesterday, ...` without a place)."""
    where = f" at {place.strip()}" if place.strip() else ""
    return f"met{where} {relative_day(-follow_up_age(met_on, today))}, no follow-up yet"


def follow_up_key(interaction_id: int) -> str:
    return f"follow_up:interaction:{interaction_id}"


def follow_up_item(
    interaction_id: int,
    person_id: int,
    person_name: str,
    place: str,
    met_on: date,
    today: date,
    *,
    strength: int = 0,
) -> AgendaItem:
    return make_item(
        ReminderKind.FOLLOW_UP,
        follow_up_key(interaction_id),
        person_id,
        person_name,
        follow_up_due(met_on),
        follow_up_reason(place, met_on, today),
        strength=strength,
    )


def parse_promises(text: str) -> list[str]:
    """The separate promises in an interaction's `promises` text (one a line, or `;`)."""
    return [part for part in _PROMISE_SPLIT.split(text.strip()) if part]


def promise_due(promised_on: date) -> date:
    return promised_on + PROMISE_AFTER


def promise_reason(what: str, promised_on: date, today: date, due: date | None = None) -> str:
    """`promised 3 days ago: send the article`. A promise with date words says when it is
    due instead, and how late it is, without repeating the words:
    `promised on 1 Dec: send my resume (due Friday 4 Dec, 3 days overdue)`. A promise
    without them has no deadline to be late for: it is never called overdue."""
    when = relative_day(-max(0, (today - promised_on).days))
    if due is None or date_phrase(what) is None:
        return f"promised {when}: {what.strip()}"
    if promised_on >= due:  # the day it was made is not known apart from its due day
        said = "promised"
    elif today > due:
        said = f"promised on {day_month(promised_on, today)}"
    else:
        said = f"promised {when}"
    return f"{said}: {without_date_words(what)} ({due_words(due, today)})"


def promise_key(interaction_id: int, index: int = 0) -> str:
    """`promise:interaction:812:0`, the index of the promise within its interaction."""
    return f"promise:interaction:{interaction_id}:{index}"


def promise_items(
    interaction_id: int,
    person_id: int,
    person_name: str,
    promises: str,
    promised_on: date,
    today: date,
    *,
    strength: int = 0,
) -> list[AgendaItem]:
    """One item per promise made in one interaction."""
    return [
        make_item(
            ReminderKind.PROMISE,
            promise_key(interaction_id, index),
            person_id,
            person_name,
            promise_due(promised_on),
            promise_reason(what, promised_on, today),
            strength=strength,
        )
        for index, what in enumerate(parse_promises(promises))
    ]
