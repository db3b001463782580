"""Today's agenda: who to reach out to, why, and a draft to send."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from amity.engines.agenda import DRAFT_KIND, Agenda, AgendaItem, build_agenda
from amity.engines.cadence import Habit, weekly_progress_from_counts
from amity.engines.drafts import DraftKind
from amity.errors import NotFound, UsageError
from amity.model import (
    Direction,
    Interaction,
    InteractionKind,
    LifeEventKind,
    ReminderKind,
    ReminderState,
)
from amity.service import agenda_sources as sources
from amity.service import preferences
from amity.service.relationships import refresh_people
from amity.store import Store, as_date, reminders
from amity.store import interactions as interaction_store

ACTIONS = ("done", "skip", "snooze")
# The life event a congratulation is about, for the agenda's kinds that have one.
OCCASIONS = {
    ReminderKind.BIRTHDAY.value: LifeEventKind.BIRTHDAY,
    ReminderKind.ANNIVERSARY.value: LifeEventKind.WORK_ANNIVERSARY,
    ReminderKind.NEW_JOB.value: LifeEventKind.NEW_JOB,
}


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    number: int
    key: str
    kind: str
    person_id: int
    person_name: str
    due: date
    reason: str
    draft: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "number": self.number,
            "kind": self.kind,
            "person": {"id": self.person_id, "name": self.person_name},
            "due": self.due.isoformat(),
            "reason": self.reason,
            "draft": self.draft,
        }


@dataclass(frozen=True, slots=True)
class TodayView:
    date: date
    items: list[AgendaEntry]
    later: int
    habit: Habit
    budget: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "items": [item.as_dict() for item in self.items],
            "later": self.later,
            "habit": {
                "done": self.habit.done_this_week,
                "goal": self.habit.goal,
                "streak_weeks": self.habit.streak_weeks,
            },
            "budget": self.budget,
        }


def plan(store: Store, today: date, *, horizon: int = 0, budget: int | None = None) -> Agenda:
    """The ranked, budgeted agenda (engines only; no drafts)."""
    daily = int(budget or preferences.get(store, "daily_budget") or 5)
    cadences = preferences.circle_cadences(store)
    items: list[AgendaItem] = sources.stored_items(store, today)
    items += sources.birthdays(store, today, horizon)
    items += sources.anniversaries(store, today, horizon)
    items += sources.new_jobs(store, today)
    keep, total_due = sources.keep_in_touch(store, today, horizon, cadences)
    items += keep
    done, snoozed = sources.acted_on(store, [item.key for item in items])
    agenda = build_agenda(items, today, daily, snoozed, done)
    agenda.later += max(0, total_due - len(keep))  # beyond the planning cap
    return agenda


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
    for number, item in enumerate(agenda.items, start=1):
        text = ""
        if writer is not None:
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
                number,
                item.key,
                item.kind,
                item.person_id,
                item.person_name,
                item.due,
                item.reason,
                text,
            )
        )
    habit = habit_progress(store, today)
    daily = int(budget or preferences.get(store, "daily_budget") or 5)
    return TodayView(today, entries, agenda.later, habit, daily)


def habit_progress(store: Store, today: date) -> Habit:
    goal = int(preferences.get(store, "weekly_goal") or 3)
    return weekly_progress_from_counts(outbound_per_day(store, today, 53), today, goal)


def outbound_per_day(store: Store, today: date, weeks: int) -> dict[date, int]:
    """Outbound contacts per day over the last `weeks` weeks (from an index, not the rows)."""
    since = (today - timedelta(days=7 * weeks)).isoformat()
    rows = store.db.query(
        "SELECT occurred_on, count(*) AS n FROM interaction WHERE owner_id = ? "
        "AND direction = 'outbound' AND occurred_on >= ? AND occurred_on <= ? "
        "GROUP BY occurred_on",
        (store.owner_id, since, today.isoformat()),
    )
    return {d: int(r["n"]) for r in rows if (d := as_date(r["occurred_on"])) is not None}


def act(store: Store, which: str, action: str, today: date, days: int | None = None) -> str:
    """Mark an item done, skip it, or snooze it; `which` is its number today, its id, or
    the person's name. Done on anything but a promise logs that you reached out."""
    if action not in ACTIONS:
        raise UsageError(f"unknown action {action!r}; expected done, skip or snooze")
    if action == "snooze" and (days is None or days < 1 or days > 365):
        raise UsageError("snooze needs a number of days between 1 and 365")
    item = _find(store, which, today)
    with store.db.transaction():
        reminders.add_reminder(
            store, item.key, ReminderKind(item.kind), item.person_id, item.due, reason=item.reason
        )
        if action == "snooze":
            until = today + timedelta(days=int(days or 1))
            reminders.set_state(store, item.key, ReminderState.SNOOZED, on=today, until=until)
            return f"Snoozed until {until.isoformat()}: {item.person_name} ({item.reason})"
        state = ReminderState.DONE if action == "done" else ReminderState.SKIPPED
        reminders.set_state(store, item.key, state, on=today)
        if action == "done" and item.kind != ReminderKind.PROMISE.value:
            _log_reached_out(store, item, today)
    verb = "Done" if action == "done" else "Skipped"
    return f"{verb}: {item.person_name} ({item.reason})"


def _log_reached_out(store: Store, item: AgendaItem, today: date) -> None:
    note = {
        "follow_up": "followed up",
        "check_in": "checked in",
        "going_cold": "checked in",
        "birthday": "birthday wishes",
        "new_job": "congratulated",
        "anniversary": "congratulated",
    }.get(item.kind, "reached out")
    interaction_store.insert_interaction(
        store,
        Interaction(
            InteractionKind.MESSAGE,
            today,
            Direction.OUTBOUND,
            [item.person_id],
            summary=f"{note} (from the agenda)",
        ),
    )
    reminders.close_follow_ups(store, item.person_id, today)
    refresh_people(store, [item.person_id], today)


def _find(store: Store, which: str, today: date) -> AgendaItem:
    raw = which.strip()
    agenda = plan(store, today)
    if raw.isdecimal() and 1 <= int(raw) <= len(agenda.items):
        return agenda.items[int(raw) - 1]
    pool = agenda.items + agenda.deferred
    for item in pool:
        if item.key == raw:
            return item
    from amity.engines.contact_points import name_key

    wanted = name_key(raw)
    named = [i for i in agenda.items if wanted and _names(i.person_name, wanted)]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise UsageError(f"{raw!r} matches {len(named)} items today; use the item's number")
    raise NotFound(f"no agenda item {raw!r} today; `amity today` lists them with numbers")


def _names(name: str, wanted: str) -> bool:
    """`ada`, `lovelace` and `ada love` all name Ada Lovelace."""
    from amity.engines.contact_points import name_key

    key = name_key(name)
    return key.startswith(wanted) or any(w.startswith(wanted) for w in key.split())


def draft_kind_for(kind: str) -> str:
    return DRAFT_KIND[ReminderKind(kind)]
