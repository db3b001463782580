"""Today's agenda: who to reach out to, why, and a draft to send."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amity.engines.agenda import (
    DRAFT_KIND,
    FROM_THE_AGENDA,
    Agenda,
    AgendaItem,
    Numbered,
    build_agenda,
)
from amity.engines.cadence import Habit, week_start, weekly_progress_from_counts
from amity.engines.drafts import DraftKind
from amity.engines.follow_ups import DEFAULT_FADE_DAYS, followed_up_reason
from amity.errors import NotFound, UsageError
from amity.model import (
    Direction,
    InteractionKind,
    LifeEventKind,
    ReminderKind,
    ReminderState,
)
from amity.model.enums import DONE, OPEN, SKIPPED
from amity.service import agenda_sources as sources
from amity.service.agenda_events import event_items, is_event_item
from amity.service.agenda_goals import goal_draft, goal_items
from amity.service.agenda_intros import introduction_draft, introduction_items
from amity.service.agenda_types import AgendaEntry, TodayView, check_budget
from amity.service.settings import preferences
from amity.store import Store, as_date, reminders
from amity.store import agenda as agenda_store

if TYPE_CHECKING:
    from amity.service.sending import Channel

ACTIONS = ("done", "skip", "snooze")
# The state each action leaves an item in (snooze leaves it open to act on again).
_STATE_OF = {"done": DONE, "skip": SKIPPED}
# Today's numbered list as it stood when the user first acted on it today, kept with the
# preferences (a key-value table that travels with a backup) so its numbers hold all day.
DAY_LIST_KEY = "agenda_day"
# The life event a congratulation is about, for the agenda's kinds that have one.
OCCASIONS = {
    ReminderKind.BIRTHDAY.value: LifeEventKind.BIRTHDAY,
    ReminderKind.ANNIVERSARY.value: LifeEventKind.WORK_ANNIVERSARY,
    ReminderKind.NEW_JOB.value: LifeEventKind.NEW_JOB,
}


def plan(store: Store, today: date, *, horizon: int = 0, budget: int | None = None) -> Agenda:
    """The ranked, budgeted agenda (engines only; no drafts)."""
    daily = daily_budget(store, budget)
    fade = int(preferences.get(store, "follow_up_fade_days") or DEFAULT_FADE_DAYS)
    cadences = preferences.circle_cadences(store)
    items: list[AgendaItem] = sources.stored_items(store, today, fade)
    items += sources.second_touches(store, today)
    items += sources.birthdays(store, today, horizon)
    items += sources.anniversaries(store, today, horizon)
    items += sources.new_jobs(store, today)
    keep, total_due = sources.keep_in_touch(store, today, horizon, cadences)
    items += keep
    items += introduction_items(store, today)
    items += event_items(store, today)
    items += goal_items(store, today)
    kept = numbered_earlier(store, today)
    states = sources.acted_states(store, [item.key for item in [*items, *kept]])
    done = {key for key, (state, _) in states.items() if state in (DONE, SKIPPED)}
    snoozed = {key: until for key, (_, until) in states.items() if until is not None}
    acted = {item.key: states[item.key][0] for item in kept if item.key in states}
    agenda = build_agenda(items, today, daily, snoozed, done, kept=kept, acted=acted)
    agenda.later += max(0, total_due - len(keep))  # beyond the planning cap
    return agenda


def daily_budget(store: Store, budget: int | None = None) -> int:
    check_budget(budget)
    return int(budget or preferences.get(store, "daily_budget") or 5)


def numbered_earlier(store: Store, today: date) -> list[AgendaItem]:
    """Today's list as it stood when the user first acted on it today (empty otherwise)."""
    saved = preferences.stored(store, DAY_LIST_KEY)
    if not isinstance(saved, dict) or saved.get("date") != today.isoformat():
        return []
    try:
        return [_item_from(raw) for raw in saved.get("items", [])]
    except (KeyError, TypeError, ValueError):
        return []  # a list from another version: today's numbers start afresh


def _keep_numbers(store: Store, today: date, lines: list[Numbered]) -> None:
    items = [_item_to(line.item) for line in lines]
    preferences.put(store, DAY_LIST_KEY, {"date": today.isoformat(), "items": items})


def _item_to(item: AgendaItem) -> dict[str, Any]:
    return {
        "key": item.key,
        "kind": item.kind,
        "person_id": item.person_id,
        "person_name": item.person_name,
        "due": item.due.isoformat(),
        "reason": item.reason,
        "draft_kind": item.draft_kind,
    }


def _item_from(raw: dict[str, Any]) -> AgendaItem:
    return AgendaItem(
        key=str(raw["key"]),
        kind=ReminderKind(raw["kind"]).value,
        person_id=int(raw["person_id"]),
        person_name=str(raw["person_name"]),
        due=date.fromisoformat(str(raw["due"])),
        reason=str(raw["reason"]),
        draft_kind=str(raw["draft_kind"]),
    )


def today_view(
    store: Store, today: date, home: Path, *, budget: int | None = None, with_drafts: bool = True
) -> TodayView:
    from amity.service.draft_facts import facts_for_many
    from amity.service.drafts import draft_for, parse_tone, writer_for

    agenda = plan(store, today, budget=budget)
    writer = writer_for(home) if with_drafts and agenda.items else None
    facts = facts_for_many(store, [i.person_id for i in agenda.items], today) if writer else {}
    tone = parse_tone(None, store)
    signature = str(preferences.get(store, "signature") or "")
    entries = []
    for line in agenda.numbered:
        item = line.item
        text = ""
        if writer is not None and line.state == OPEN and item.key.startswith(("intro:", "goal:")):
            text = introduction_draft(store, item.key, today) or ""
            text = text or goal_draft(store, item.key, today) or ""
        if writer is not None and line.state == OPEN and not text and not is_event_item(item.key):
            text = draft_for(
                store,
                home,
                item.person_id,
                DraftKind(item.draft_kind),
                today,
                tone,
                writer=writer,
                occasion=OCCASIONS.get(item.kind),
                facts=facts.get(item.person_id),
                signature=signature,
                promise=item.detail if item.kind == ReminderKind.PROMISE.value else "",
            )
        entries.append(
            AgendaEntry(
                line.number,
                item.key,
                item.shown_as,
                item.person_id,
                item.person_name,
                item.due,
                shown_reason(item, line.state),
                text,
                line.state,
            )
        )
    habit = habit_progress(store, today)
    first_run = not entries and not sources.has_people(store)
    return TodayView(today, entries, agenda.later, habit, daily_budget(store, budget), first_run)


# The habit's streak is counted back over at most this many weeks.
HABIT_WEEKS = 53


def habit_progress(store: Store, today: date) -> Habit:
    """This week's outbound contacts and the streak of weeks that met the goal.

    Only what the streak needs is read: this week's count, then one week at a time back
    from last week, each counted to at most `goal` (an index range that stops early), until
    a week fell short. The engine's rule decides, on the same counts a full count gives."""
    goal = int(preferences.get(store, "weekly_goal") or 3)
    since = today - timedelta(days=7 * HABIT_WEEKS)
    this_week = week_start(today)
    counts = {this_week: agenda_store.count_outbound(store, this_week, today)}
    week = this_week - timedelta(days=7)
    while week + timedelta(days=6) >= since and goal >= 1:
        counts[week] = agenda_store.count_outbound(
            store, max(week, since), week + timedelta(days=6), at_most=goal
        )
        if counts[week] < goal:
            break
        week -= timedelta(days=7)
    return weekly_progress_from_counts(counts, today, goal)


def outbound_per_day(store: Store, today: date, weeks: int) -> dict[date, int]:
    """Outbound contacts per day over the last `weeks` weeks (from an index, not the rows)."""
    rows = agenda_store.outbound_per_day(store, today - timedelta(days=7 * weeks), today)
    return {d: int(r["n"]) for r in rows if (d := as_date(r["occurred_on"])) is not None}


def act(
    store: Store,
    which: str,
    action: str,
    today: date,
    days: int | None = None,
    via: Channel | None = None,
) -> str:
    """Mark an item done, skip it, or snooze it; `which` is its number today, its id, or
    the person's name. Done logs that you reached out (a kept promise too), `via` says how
    (an email, a text, LinkedIn: the channel Today offers first next time).

    Today's numbers hold all day: an item acted on stays on today's list at its number.
    Doing the same again says so and changes nothing; another action on an item already
    done or skipped today is refused."""
    if action not in ACTIONS:
        raise UsageError(f"unknown action {action!r}; expected done, skip or snooze")
    if action == "snooze" and (days is None or days < 1 or days > 365):
        raise UsageError("snooze needs a number of days between 1 and 365")
    agenda = plan(store, today)
    line = _find(agenda, which)
    item = line.item
    if line.state in (DONE, SKIPPED):
        return _already(line, action)
    with store.db.transaction():
        if agenda.numbered:
            _keep_numbers(store, today, agenda.numbered)
        person_id = item.person_id or None  # an event's item is for no one
        reminders.add_reminder(
            store, item.key, ReminderKind(item.kind), person_id, item.due, reason=item.reason
        )
        if action == "snooze":
            until = today + timedelta(days=int(days or 1))
            reminders.set_state(store, item.key, ReminderState.SNOOZED, on=today, until=until)
            return f"Snoozed until {until.isoformat()}: {item.person_name} ({item.reason})"
        state = ReminderState.DONE if action == "done" else ReminderState.SKIPPED
        reminders.set_state(store, item.key, state, on=today)
        if action == "done" and person_id:  # a promise kept is a message sent: the follow-up
            _log_reached_out(store, item, today, via)
    verb = "Done" if action == "done" else "Skipped"
    return f"{verb}: {item.person_name} ({shown_reason(item, _STATE_OF[action])})"


def _already(line: Numbered, action: str) -> str:
    """The answer to acting on an item already done or skipped today."""
    item, past = line.item, "done" if line.state == DONE else "skipped"
    what = f"Item {line.number}" if line.number else "This item"
    if _STATE_OF.get(action) == line.state:
        reason = shown_reason(item, line.state)
        return f"{what} is already {past}: {item.person_name} ({reason}). Nothing changed."
    raise UsageError(f"{what} ({item.person_name}) was already {past} today; nothing changed")


def _log_reached_out(
    store: Store, item: AgendaItem, today: date, via: Channel | None = None
) -> None:
    from amity.model.interactions import Interaction  # the write path only
    from amity.service.sending import SENT_WORDS, Channel
    from amity.store import interactions as interaction_store

    note = {
        "follow_up": "followed up",
        "check_in": "checked in",
        "going_cold": "checked in",
        "birthday": "birthday wishes",
        "new_job": "congratulated",
        "anniversary": "congratulated",
        "promise": "kept a promise",
    }.get(item.kind, "reached out")
    if via is not None:
        note = f"{note} {SENT_WORDS[via]}"
    interaction_store.insert_interaction(
        store,
        Interaction(
            InteractionKind.EMAIL if via is Channel.MAIL else InteractionKind.MESSAGE,
            today,
            Direction.OUTBOUND,
            [item.person_id],
            summary=f"{note}{FROM_THE_AGENDA}",
        ),
    )
    reminders.close_follow_ups(store, item.person_id, today)
    from amity.service.relationships import refresh_people  # the write path only

    refresh_people(store, [item.person_id], today)


def _find(agenda: Agenda, which: str) -> Numbered:
    """The line of today's list `which` names: its number, its id, or the person's name
    (an open item before one already acted on); a later day's item by its id."""
    raw = which.strip()
    lines = agenda.numbered
    if raw.isdecimal():
        if 1 <= int(raw) <= len(lines):
            return lines[int(raw) - 1]
        count = f"{len(lines)} item{'s' * (len(lines) != 1)}"
        raise NotFound(f"no item {raw} today; today's list has {count} (`amity today`)")
    for line in lines:
        if line.item.key == raw:
            return line
    for item in agenda.deferred:
        if item.key == raw:
            return Numbered(0, item)
    from amity.engines.contact_points import name_key

    wanted = name_key(raw)
    named = [line for line in lines if wanted and _names(line.item.person_name, wanted)]
    still_open = [line for line in named if line.state == OPEN]
    if len(still_open) == 1 or (len(named) == 1 and not still_open):
        return (still_open or named)[0]
    if len(still_open) > 1:
        raise UsageError(f"{raw!r} matches {len(still_open)} items today; use the item's number")
    raise NotFound(f"no agenda item {raw!r} today; `amity today` lists them with numbers")


def _names(name: str, wanted: str) -> bool:
    """`ada`, `lovelace` and `ada love` all name Ada Lovelace."""
    from amity.engines.contact_points import name_key

    key = name_key(name)
    return key.startswith(wanted) or any(w.startswith(wanted) for w in key.split())


def shown_reason(item: AgendaItem, state: str) -> str:
    """Why the item is on today's list, as it reads in that state: a follow-up you did no
    longer says "no follow-up yet"."""
    if state == DONE and item.kind == ReminderKind.FOLLOW_UP.value:
        return followed_up_reason(item.reason)
    return item.reason


def draft_kind_for(kind: str) -> str:
    return DRAFT_KIND[ReminderKind(kind)]
