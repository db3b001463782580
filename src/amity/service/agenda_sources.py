"""Where agenda items come from: indexed queries over maintained columns, turned into
`AgendaItem`s by the engines. Nothing here aggregates over all interactions."""

from __future__ import annotations

from datetime import date, timedelta

from amity.engines.agenda import AgendaItem, make_item
from amity.engines.cadence import cadence_for, keep_in_touch_item, typical_gap
from amity.engines.follow_ups import (
    DEFAULT_FADE_DAYS,
    SECOND_TOUCH_AFTER_EXCHANGE,
    SECOND_TOUCH_AFTER_MEETING,
    SECOND_TOUCH_OFFERED,
    follow_up_item,
    needs_follow_up,
    promise_reason,
    second_touch_due,
    second_touch_item,
)
from amity.engines.life_events import (
    GRACE_DAYS,
    NEW_JOB_WINDOW_DAYS,
    anniversary_item,
    birthday_item,
    new_job_item,
)
from amity.engines.promise_dates import without_date_words
from amity.model import Circle, InteractionKind, LifeEventKind, ReminderKind
from amity.store import Row, Store, as_date
from amity.store import agenda as agenda_store

# At most this many due check-ins are planned at once (earliest due first); the rest are
# counted, so a neglected network of 100,000 people still gives an agenda in milliseconds.
KEEP_IN_TOUCH_CAP = 400


def stored_items(store: Store, today: date, fade_days: int = DEFAULT_FADE_DAYS) -> list[AgendaItem]:
    """Follow-ups and promises: rows in the reminder table until done or skipped. A
    follow-up an earlier version kept for a call or a message (the contact itself) is
    left out; one past its moment is a reconnect, then gone (`follow_up_item`)."""
    rows = agenda_store.open_reminders_with_people(store)
    items = []
    for row in rows:
        happened = as_date(row["occurred_on"]) or as_date(row["due_on"]) or today
        strength = int(row["strength"])
        if row["kind"] == ReminderKind.FOLLOW_UP.value:
            met_kind = InteractionKind(row["met_kind"] or InteractionKind.MET.value)
            if not needs_follow_up(met_kind, first_with_person=True):
                continue
            item = follow_up_item(
                int(row["interaction_id"] or 0),
                int(row["person_id"]),
                row["name"],
                row["place"] or row["reason"],
                happened,
                today,
                strength=strength,
                kind=met_kind,
                fade_days=fade_days,
            )
            items.append(_with_key(item, row["key"]))
        elif row["kind"] == ReminderKind.REMINDER.value:
            items.append(
                make_item(
                    ReminderKind.REMINDER,
                    row["key"],
                    int(row["person_id"]),
                    row["name"],
                    as_date(row["due_on"]) or today,
                    row["reason"] or "a reminder",
                    strength=strength,
                    detail=row["reason"] or "",
                )
            )
        else:
            items.append(
                make_item(
                    ReminderKind.PROMISE,
                    row["key"],
                    int(row["person_id"]),
                    row["name"],
                    as_date(row["due_on"]) or today,
                    promise_reason(row["reason"], happened, today, as_date(row["due_on"])),
                    strength=strength,
                    detail=without_date_words(row["reason"] or ""),  # the draft's "as promised"
                )
            )
    return items


# How far back a meeting may be and still lead to a second touch: its latest due day (an
# exchange late in the reconnect window) plus the weeks it is offered.
SECOND_TOUCH_LOOKBACK = timedelta(days=90)


def second_touches(store: Store, today: date, *, bounded: bool = True) -> list[AgendaItem]:
    """New ties who answered your follow-up, due a second touch (`second_touch_due`): from
    the follow-ups done in the last weeks (an index range) and those people's interactions
    since the meeting, for meetings that were the first contact with the person.

    A second touch is offered for SECOND_TOUCH_OFFERED after it is due, and it is due no
    sooner than SECOND_TOUCH_AFTER_MEETING after the meeting and
    SECOND_TOUCH_AFTER_EXCHANGE after the exchange: so a meeting older than the first two
    leads to one only with someone in touch within the last two (the maintained last
    contact), and only those meetings' people are read (`bounded`; the same items as all
    of them, which the tests check)."""
    since = today - SECOND_TOUCH_LOOKBACK
    meetings = agenda_store.first_meetings_followed_up(
        store,
        since,
        today - SECOND_TOUCH_AFTER_MEETING,
        met_since=today - SECOND_TOUCH_OFFERED - SECOND_TOUCH_AFTER_MEETING if bounded else None,
        in_touch_since=today - SECOND_TOUCH_OFFERED - SECOND_TOUCH_AFTER_EXCHANGE,
    )
    met_days = [day for m in meetings if (day := as_date(m["occurred_on"])) is not None]
    if not met_days:
        return []
    people = {int(m["person_id"]) for m in meetings}
    history = _contacts_since(store, people, max(since, min(met_days)))
    items = []
    for m in meetings:
        met_on = as_date(m["occurred_on"])
        if met_on is None:
            continue
        person_id, meeting_id = int(m["person_id"]), int(m["interaction_id"])
        later = [(d, w) for i, d, w in history.get(person_id, []) if i != meeting_id]
        due = second_touch_due(met_on, later, today)
        if due is None or due > today or today > due + SECOND_TOUCH_OFFERED:
            continue
        items.append(
            second_touch_item(
                meeting_id,
                person_id,
                m["name"],
                m["place"] or "",
                met_on,
                due,
                today,
                strength=int(m["strength"]),
                kind=InteractionKind(m["kind"]),
            )
        )
    return items


def _contacts_since(
    store: Store, person_ids: set[int], since: date
) -> dict[int, list[tuple[int, date, str]]]:
    """Each person's interactions since `since`: (interaction id, day, direction)."""
    found: dict[int, list[tuple[int, date, str]]] = {}
    for person_id, interaction_id, occurred_on, direction in agenda_store.contacts_since(
        store, sorted(person_ids), since
    ):
        if (day := as_date(occurred_on)) is not None:
            found.setdefault(person_id, []).append((interaction_id, day, direction))
    return found


def _with_key(item: AgendaItem, key: str) -> AgendaItem:
    if item.key == key:
        return item
    from dataclasses import replace

    return replace(item, key=key)


def _window(today: date, horizon: int) -> list[tuple[int, int]]:
    """The (month, day) pairs from GRACE_DAYS ago to `horizon` days ahead; in a year without
    29 February, its birthdays and anniversaries are kept on the 28th."""
    days = [today + timedelta(days=n) for n in range(-GRACE_DAYS, horizon + 1)]
    pairs = {(d.month, d.day) for d in days}
    if (2, 28) in pairs and not any(d.month == 2 and d.day == 29 for d in days):
        pairs.add((2, 29))
    return sorted(pairs)


def birthdays(store: Store, today: date, horizon: int) -> list[AgendaItem]:
    rows = agenda_store.birthdays_on(store, _window(today, horizon))
    items = []
    for row in rows:
        item = birthday_item(
            int(row["id"]),
            row["name"],
            int(row["birthday_month"]),
            int(row["birthday_day"]),
            row["birthday_year"],
            today,
            window_days=horizon,
            strength=int(row["strength"]),
        )
        if item is not None:
            items.append(item)
    return items


def anniversaries(store: Store, today: date, horizon: int) -> list[AgendaItem]:
    rows = agenda_store.positions_started_on(store, _window(today, horizon))
    items = []
    for row in rows:
        start = as_date(row["start_on"])
        if start is None:
            continue
        item = anniversary_item(
            int(row["id"]),
            row["name"],
            int(row["position_id"]),
            row["organization"],
            start,
            today,
            window_days=horizon,
            strength=int(row["strength"]),
        )
        if item is not None:
            items.append(item)
    return items


def new_jobs(store: Store, today: date) -> list[AgendaItem]:
    rows = agenda_store.job_changes_since(store, today - timedelta(days=NEW_JOB_WINDOW_DAYS))
    items = []
    for row in rows:
        item = new_job_item(
            int(row["event_id"]),
            int(row["id"]),
            row["name"],
            LifeEventKind(row["kind"]),
            row["detail"],
            as_date(row["occurred_on"]) or today,
            today,
            strength=int(row["strength"]),
        )
        if item is not None:
            items.append(item)
    return items


def keep_in_touch(
    store: Store, today: date, horizon: int, cadences: dict[Circle, int | None]
) -> tuple[list[AgendaItem], int]:
    """Check-ins and people going cold, from the maintained next-due date (indexed)."""
    until = today + timedelta(days=horizon)
    total = agenda_store.count_due_by(store, until)
    rows = agenda_store.due_by(store, until, KEEP_IN_TOUCH_CAP)
    return [item for row in rows if (item := _keep_in_touch(row, today, cadences))], total


def _keep_in_touch(row: Row, today: date, cadences: dict[Circle, int | None]) -> AgendaItem | None:
    cadence = cadence_for(Circle(row["circle"]), row["cadence_days"], cadences)
    if cadence is None:
        return None
    last = as_date(row["last_contact_on"])
    gap = typical_gap(
        as_date(row["first_contact_on"]), last, int(row["interaction_count"]), cadence
    )
    return keep_in_touch_item(
        int(row["id"]), row["name"], last, cadence, gap, today, strength=int(row["strength"])
    )


def acted_on(store: Store, keys: list[str]) -> tuple[set[str], dict[str, date]]:
    """Which of these items the user marked done or skipped, and which are snoozed (with
    the day they come back): keyed lookups, however long the history of reminders."""
    done: set[str] = set()
    snoozed: dict[str, date] = {}
    for key, (state, until) in acted_states(store, keys).items():
        if state in ("done", "skipped"):
            done.add(key)
        elif until is not None:
            snoozed[key] = until
    return done, snoozed


def acted_states(store: Store, keys: list[str]) -> dict[str, tuple[str, date | None]]:
    """What the user did with each of these items (done, skipped, snoozed), with the day a
    snoozed one comes back; items still open are left out."""
    return {
        r["key"]: (str(r["state"]), as_date(r["snoozed_until"]))
        for r in agenda_store.acted_reminders(store, keys)
    }


def has_people(store: Store) -> bool:
    """Whether the home holds anyone at all (an empty home gets a first-run agenda)."""
    return agenda_store.has_people(store)
