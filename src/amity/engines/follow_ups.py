"""Follow-ups after meeting someone new, the second touch once they answer, and the
promises made along the way.

Meeting someone new in person (`met`, `coffee`, `meeting`, `event`, `video`) makes a
follow-up due the next day; `met` always does, even with someone already known ("good to
see you again"). A call or a message is itself the contact and needs none. Any outbound
interaction with that person on or after the meeting day closes it.

An unanswered follow-up is worth sending for about a week (`DEFAULT_FADE_DAYS`, the
setting `follow_up_fade_days`); after that it is a gentler *reconnect* for three times as
long again, ranked with the check-ins, and then it leaves the agenda. A new person who
answered gets a second touch two to four weeks later (`second_touch_due`); after that
their circle's cadence takes over. A promise ("send the article") stays on the agenda from
the next day, or from the day its own words name ("by Friday", see `promise_dates`),
until done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from amity.engines.agenda import RECONNECT_DRAFT, AgendaItem, make_item
from amity.engines.promise_dates import (
    date_phrase,
    day_month,
    due_words,
    without_date_words,
)
from amity.model.enums import Direction, InteractionKind, ReminderKind
from amity.model.wording import relative_day

FOLLOW_UP_AFTER = timedelta(days=1)
# Days after the meeting during which a follow-up is still a follow-up (a setting).
DEFAULT_FADE_DAYS = 7
# A faded follow-up is offered as a reconnect for this many times the fade days more.
RECONNECT_FACTOR = 3
# The second touch: two weeks after the exchange, and no sooner than three weeks after the
# meeting; a contact of yours a week or more after the exchange is that second touch; if
# nobody acts on it for four weeks, the circle's cadence takes over.
SECOND_TOUCH_AFTER_EXCHANGE = timedelta(days=14)
SECOND_TOUCH_AFTER_MEETING = timedelta(days=21)
SECOND_TOUCH_COUNTS_AFTER = timedelta(days=7)
SECOND_TOUCH_OFFERED = timedelta(days=28)

# Kinds that are meeting someone in person (a video call counts): these need a follow-up.
MEETING_KINDS: frozenset[InteractionKind] = frozenset(
    {
        InteractionKind.MET,
        InteractionKind.COFFEE,
        InteractionKind.MEETING,
        InteractionKind.EVENT,
        InteractionKind.VIDEO,
    }
)
_YOURS = (Direction.OUTBOUND, Direction.MUTUAL)
_THEIRS = (Direction.INBOUND, Direction.MUTUAL)

_PROMISE_SPLIT = re.compile(r"\s*(?:\n|;)\s*")


def needs_follow_up(
    kind: InteractionKind | str,
    first_with_person: bool,
    met_on: date | None = None,
    today: date | None = None,
    fade_days: int = DEFAULT_FADE_DAYS,
) -> bool:
    """Meeting someone new in person, or any `met`. A call or a message you made is the
    contact itself, and a call with someone you know is no meeting: neither needs one. A
    meeting logged after its follow-up would have faded (`--on` three weeks back) is
    history being written down, not a nudge to send: it needs none either."""
    if met_on is not None and today is not None and has_faded(met_on, today, fade_days):
        return False
    which = InteractionKind(kind)
    if which is InteractionKind.MET:
        return True
    return first_with_person and which in MEETING_KINDS


def follow_up_due(met_on: date) -> date:
    return met_on + FOLLOW_UP_AFTER


def is_follow_up_done(met_on: date, outbound_dates: Iterable[date]) -> bool:
    """Done once any outbound interaction with the person is logged on or after the meeting
    day (a message the same evening counts). Pass the dates of outbound interactions other
    than the meeting itself. The store settles follow-ups by this rule in SQL
    (`store.reminders.close_follow_ups`), tested against it."""
    return any(day >= met_on for day in outbound_dates)


def follow_up_age(met_on: date, today: date) -> int:
    """Days since the meeting."""
    return max(0, (today - met_on).days)


def has_faded(met_on: date, today: date, fade_days: int = DEFAULT_FADE_DAYS) -> bool:
    """More than `fade_days` since the meeting: "great to meet you" no longer fits."""
    return follow_up_age(met_on, today) > fade_days


def reconnect_until(met_on: date, fade_days: int = DEFAULT_FADE_DAYS) -> date:
    """The last day a faded follow-up is offered as a reconnect (day 28 by default)."""
    return met_on + timedelta(days=fade_days * (1 + RECONNECT_FACTOR))


def meeting_phrase(kind: InteractionKind | str, place: str) -> str:
    """`met at PyCon`, `had coffee at Blue Bottle`, `had a video call`: what happened, in
    words that never say "met" for what was not a meeting."""
    where = f" at {place.strip()}" if place.strip() else ""
    which = InteractionKind(kind)
    if which is InteractionKind.COFFEE:
        return f"had coffee{where}"
    if which is InteractionKind.VIDEO:
        return "had a video call"
    if which in MEETING_KINDS:
        return f"met{where}"
    return f"talked{where}"


def follow_up_reason(
    place: str,
    met_on: date,
    today: date,
    kind: InteractionKind | str = InteractionKind.MET,
    fade_days: int = DEFAULT_FADE_DAYS,
) -> str:
    """`met at PyCon 2 days ago, no follow-up yet` (`met yesterday, ...` without a place);
    once faded: `met at PyCon 10 days ago; not too late for a short hello`."""
    when = relative_day(-follow_up_age(met_on, today))
    if has_faded(met_on, today, fade_days):
        return f"{meeting_phrase(kind, place)} {when}{_FADED}"
    return f"{meeting_phrase(kind, place)} {when}{_NOT_YET}"


# What a follow-up's reason says is missing; gone once it is done.
_NOT_YET = ", no follow-up yet"
_FADED = "; not too late for a short hello"


def followed_up_reason(reason: str) -> str:
    """A follow-up's reason once you followed up: where and when you met (`met at PyCon
    yesterday`), without what it said was missing."""
    for tail in (_NOT_YET, _FADED):
        if reason.endswith(tail):
            return reason[: -len(tail)]
    return reason


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
    kind: InteractionKind | str = InteractionKind.MET,
    fade_days: int = DEFAULT_FADE_DAYS,
) -> AgendaItem:
    """The follow-up as it stands today: due the next day and shown whatever the budget
    for `fade_days` after the meeting; then a reconnect (drafted gently, ranked with the
    check-ins) until `reconnect_until`; after that it expires and leaves the agenda."""
    reason = follow_up_reason(place, met_on, today, kind, fade_days)
    key = follow_up_key(interaction_id)
    if not has_faded(met_on, today, fade_days):
        return make_item(
            ReminderKind.FOLLOW_UP,
            key,
            person_id,
            person_name,
            follow_up_due(met_on),
            reason,
            strength=strength,
        )
    return make_item(
        ReminderKind.FOLLOW_UP,
        key,
        person_id,
        person_name,
        met_on + timedelta(days=fade_days + 1),
        reason,
        strength=strength,
        expires=reconnect_until(met_on, fade_days),
        draft_kind=RECONNECT_DRAFT,
    )


# The second touch


def second_touch_due(
    met_on: date, contacts: Iterable[tuple[date, Direction | str]], today: date
) -> date | None:
    """When a new tie who answered should hear from you again, or None.

    `met_on` is the day you met someone new; `contacts` are the later interactions with
    them, as (day, direction), the meeting itself left out. The tie needs a second touch
    once you followed up (an outbound contact on or after the meeting day) and they
    answered (a contact from them, or one together, other than your follow-up). It is due
    two weeks after that exchange, and no sooner than three weeks after the meeting (the
    morning after a fair, the two who wrote back come up three weeks later). A contact of
    yours a week or more after the exchange is the second touch itself: None. Four weeks
    after it was due, None too: the circle's cadence takes over. The coach and the agenda
    both use this rule.
    """
    history = sorted((day, Direction(way)) for day, way in contacts if day >= met_on)
    followed = next((n for n, (_, way) in enumerate(history) if way in _YOURS), None)
    if followed is None:
        return None
    answered = next(
        (day for n, (day, way) in enumerate(history) if n != followed and way in _THEIRS), None
    )
    if answered is None:
        return None
    exchanged = max(history[followed][0], answered)
    settled = exchanged + SECOND_TOUCH_COUNTS_AFTER
    if any(day >= settled and way in _YOURS for day, way in history):
        return None
    due = max(exchanged + SECOND_TOUCH_AFTER_EXCHANGE, met_on + SECOND_TOUCH_AFTER_MEETING)
    if today > due + SECOND_TOUCH_OFFERED:
        return None
    return due


def second_touch_key(interaction_id: int) -> str:
    """`second_touch:interaction:812`: the meeting it follows on from."""
    return f"second_touch:interaction:{interaction_id}"


def second_touch_reason(
    place: str, met_on: date, today: date, kind: InteractionKind | str = InteractionKind.MET
) -> str:
    """`met at the career fair 21 days ago and they answered; time for a second hello`."""
    when = relative_day(-follow_up_age(met_on, today))
    return f"{meeting_phrase(kind, place)} {when} and they answered; time for a second hello"


def second_touch_item(
    interaction_id: int,
    person_id: int,
    person_name: str,
    place: str,
    met_on: date,
    due: date,
    today: date,
    *,
    strength: int = 0,
    kind: InteractionKind | str = InteractionKind.MET,
) -> AgendaItem:
    """The second touch as a check-in, offered for four weeks from its due day, ranked
    before routine check-ins: a new tie that answered is the one worth keeping warm."""
    item = make_item(
        ReminderKind.CHECK_IN,
        second_touch_key(interaction_id),
        person_id,
        person_name,
        due,
        second_touch_reason(place, met_on, today, kind),
        strength=strength,
        expires=due + SECOND_TOUCH_OFFERED,
    )
    return replace(item, new_tie=True)


def parse_promises(text: str) -> list[str]:
    """The separate promises in an interaction's `promises` text (one a line, or `;`)."""
    return [part for part in _PROMISE_SPLIT.split(text.strip()) if part]


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
