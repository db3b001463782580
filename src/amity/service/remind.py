"""One-off reminders ("ask about the offer on 15 Jan"), and the list of what the user
committed to: open promises and reminders, each with its day.

A reminder is a row of kind 'reminder' in the reminder table, keyed `reminder:<person>:<n>`
with a number never given twice for that person; the agenda shows it on its day, over the
budget, like a promise. Done from the agenda or cancelled here, it stays in the table (as
done or skipped), so its number is not reused. A promise made on its own, not while logging
an interaction (`promise`), is a row of kind 'promise' numbered the same way; one made in
an interaction is keyed by it (`amity.engines.follow_ups.promise_key`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from amity.engines.dates import happened_on
from amity.engines.promise_dates import (
    LONGEST_AHEAD,
    date_phrase,
    due_words,
    without_date_words,
)
from amity.errors import NotFound, UsageError
from amity.model import ReminderKind, ReminderState
from amity.model.limits import LATEST_DAY, is_storable
from amity.service.natural_dates import promise_due_for, read_day
from amity.service.resolve import person_by_id
from amity.store import Row, Store, as_date
from amity.store import commitments as store_commitments
from amity.store import reminders as store_reminders

TEXT_MAX = 1000  # characters in a reminder's text: a sentence, not a document
_EXPECTED = "give a day such as 2027-01-15, '15 Jan', 'next friday' or 'in 3 days'"


@dataclass(frozen=True, slots=True)
class Commitment:
    """An open promise or reminder, as the user sees it."""

    id: int
    key: str
    kind: str  # "promise" | "reminder"
    person_id: int
    person_name: str
    due: date
    text: str  # what to do, without the date words it was given with
    when: str  # "due Friday 4 Dec, 3 days overdue"
    state: str
    promised_on: date | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "kind": self.kind,
            "person": {"id": self.person_id, "name": self.person_name},
            "due": self.due.isoformat(),
            "text": self.text,
            "when": self.when,
            "state": self.state,
            "promised_on": self.promised_on.isoformat() if self.promised_on else None,
        }


@dataclass(frozen=True, slots=True)
class Promised:
    """A promise just written, and the day it was made."""

    commitment: Commitment
    made_on: date

    @property
    def when(self) -> str:
        """`due Friday 27 Nov` when its words name a later day; "" when due the day it was
        made (on the agenda at once)."""
        return "" if self.commitment.due == self.made_on else self.commitment.when


def parse_remind_day(text: str, today: date) -> date:
    """The day of a reminder: ISO, or words ("15 Jan", "next friday", "in 3 days") read
    from `today` on; today or later, never in the past."""
    raw = " ".join(text.split())
    if not raw:
        raise UsageError(f"a reminder needs a day; {_EXPECTED}")
    if iso := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw):
        try:
            day = date(*(int(part) for part in iso.groups()))
        except ValueError:
            raise UsageError(f"{_shown(raw)} is not a real day; {_EXPECTED}") from None
    else:
        day = _day_in_words(raw, today)
    if day < today:
        raise UsageError(
            f"{day.isoformat()} is in the past; a reminder is for today or a day to come"
        )
    if day > LATEST_DAY:
        raise UsageError(f"{day.isoformat()} is too far ahead; give a day up to {LATEST_DAY}")
    return day


def _day_in_words(raw: str, today: date) -> date:
    """Words, not figures ("1/2/2027" is January to some and February to others), read no
    further than two years ahead: beyond that, the parser more likely misread them."""
    readable = is_storable(raw) and re.search(r"[^\W\d_]", raw) is not None
    found = read_day(raw, today) if readable else None
    if found is None:
        raise UsageError(f"{_shown(raw)} is not a day Amity can read; {_EXPECTED}")
    if found > today + LONGEST_AHEAD:
        raise UsageError(
            f"{_shown(raw)} reads as {found.isoformat()}, more than two years ahead; "
            "give the day as YYYY-MM-DD if you mean it"
        )
    return found


def _day_in_text(words: str, today: date) -> tuple[date, str]:
    """The day named in the text itself, and the text without it."""
    phrase = date_phrase(words)
    if phrase is None:
        raise UsageError(
            "give the day with --on DATE, or in the text: “ask about the offer on 15 Jan”"
        )
    day = parse_remind_day(phrase.date_text, today)
    if phrase.before:
        day = max(today, day - timedelta(days=1))
    rest = without_date_words(words)
    if rest == words:  # the day was all there was
        raise UsageError("say what to be reminded of, e.g. “ask about the offer on 15 Jan”")
    return day, clean_text(rest)


def clean_text(text: str, what: str = "a reminder") -> str:
    """The reminder's (or promise's) text on one line; refused when empty, too long or
    unstorable."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise UsageError("say what to be reminded of, e.g. “ask about the offer”")
    if not is_storable(cleaned):
        raise UsageError(f"{what} cannot hold control characters or invalid text")
    if len(cleaned) > TEXT_MAX:
        raise UsageError(f"{what} can be at most {TEXT_MAX} characters; shorten it")
    return cleaned


def remind(store: Store, person_id: int, on: str | None, text: str, today: date) -> Commitment:
    """Set a one-off reminder about a person on a day: `on`, or else the day the text
    names ("ask about the offer on 15 Jan"); nothing is written on bad input."""
    words = clean_text(text)
    if on is None:
        day, words = _day_in_text(words, today)
    else:
        day = parse_remind_day(on, today)
    return remind_person(store, person_id, day, words, today)


def promise(store: Store, person_id: int, text: str, on: str | None, today: date) -> Promised:
    """A promise made on its own (the person page's "I promised…", `amity promise`): made
    `on` a day (default today, never ahead), due the day its words name ("by Friday"),
    else on the agenda at once."""
    if not text.strip():
        raise UsageError("write what you promised, e.g. “send the deck”")
    words = clean_text(text, "a promise")
    day = happened_on(on, today)
    due = promise_due_for(words, day, default=day)
    made = remind_person(store, person_id, due, words, today, kind=ReminderKind.PROMISE)
    return Promised(made, day)


def remind_person(
    store: Store,
    person_id: int,
    day: date,
    words: str,
    today: date,
    *,
    kind: ReminderKind = ReminderKind.REMINDER,
) -> Commitment:
    """Write the reminder (or a promise made on its own) under the person's next free
    number (a number taken meanwhile by another writer is skipped, never shared)."""
    person_by_id(store, person_id)
    with store.db.transaction():
        number = store_commitments.next_reminder_number(store, person_id)
        for attempt in range(number, number + 20):
            key = store_commitments.reminder_key(person_id, attempt)
            before = store_commitments.commitment_by_key(store, key)
            if before is not None:
                continue
            store_reminders.add_reminder(store, key, kind, person_id, day, reason=words)
            row = store_commitments.commitment_by_key(store, key)
            if row is not None:
                return commitment(row, today)
    raise UsageError("the reminder could not be numbered; try again")


def commitments(store: Store, today: date, person_id: int | None = None) -> list[Commitment]:
    """Open promises and reminders, soonest first: of one person, or of everyone."""
    return [commitment(row, today) for row in store_commitments.open_commitments(store, person_id)]


def cancel(
    store: Store, reminder_id: int, today: date, *, person_id: int | None = None
) -> Commitment:
    """Cancel an open promise or reminder (kept as skipped, so its number is never reused);
    with `person_id`, only one of that person's."""
    row = store_commitments.commitment_by_id(store, reminder_id)
    if row is None or (person_id is not None and int(row["person_id"]) != person_id):
        raise NotFound(
            f"no promise or reminder has id {reminder_id}; `amity remind --list` shows them"
        )
    if row["state"] not in store_reminders.OPEN_STATES:
        raise UsageError(f"reminder {reminder_id} is already {row['state']}; nothing to cancel")
    with store.db.transaction():
        store_reminders.set_state(store, row["key"], ReminderState.SKIPPED, on=today)
    return commitment(row, today)


def commitment(row: Row, today: date) -> Commitment:
    due = as_date(row["due_on"]) or today
    reason = str(row["reason"] or "")
    dated = row["kind"] == ReminderKind.REMINDER.value or date_phrase(reason) is not None
    when = due_words(due, today) if dated else _waiting(due, today)
    return Commitment(
        id=int(row["id"]),
        key=str(row["key"]),
        kind=str(row["kind"]),
        person_id=int(row["person_id"]),
        person_name=str(row["person_name"]),
        due=due,
        text=without_date_words(reason) if row["kind"] == ReminderKind.PROMISE.value else reason,
        when=when,
        state=str(row["state"]),
        promised_on=as_date(row["occurred_on"]),
    )


def _waiting(due: date, today: date) -> str:
    """An undated promise has no deadline: it waits on the agenda from its day."""
    day = due_words(due, today).removeprefix("due ").split(",")[0]
    return f"on the agenda since {day}" if due < today else f"on the agenda from {day}"


def _shown(text: str) -> str:
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:57] + "..."
