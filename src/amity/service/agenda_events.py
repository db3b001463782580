"""The agenda's events: read the brief the day before, debrief the days after.

The day before a planned event: "Read your brief for Fintech Fair (tomorrow 18:30)". From
the day after an event you went to (attended, or still planned: you may not have said)
until a week after, while it is not debriefed: "Debrief Fintech Fair: you met 6 people".
A skipped or cancelled event asks nothing. Both are reminders to yourself, keyed
`event:ID:brief` and `event:ID:debrief`, so `amity done` and `amity snooze` act on them, and
shown whatever fills the day's budget on their day. One indexed read of the events of these
eight days.
"""

from __future__ import annotations

from datetime import date, timedelta

from amity.engines.agenda import AgendaItem, make_item
from amity.model.enums import ReminderKind
from amity.store import Store
from amity.store import events as event_store
from amity.store.database import as_date

DEBRIEF_FOR_DAYS = 7  # a debrief not done a week after is no longer asked for
_ASKING = ("planned", "attended")
REMINDER = ReminderKind.REMINDER


def event_items(store: Store, today: date) -> list[AgendaItem]:
    """Today's brief and debrief items."""
    first = today - timedelta(days=DEBRIEF_FOR_DAYS)
    items = []
    for row in event_store.between(store, first, today + timedelta(days=1)):
        day = as_date(row["starts_on"]) or today
        if row["status"] == "planned" and day > today:
            items.append(_brief_item(int(row["id"]), str(row["name"]), str(row["starts_at"]), day))
        elif row["status"] in _ASKING and day < today and row["debriefed_on"] is None:
            met = int(row["met"] or 0)
            items.append(_debrief_item(int(row["id"]), str(row["name"]), met, day))
    return items


def _brief_item(event_id: int, name: str, at: str, day: date) -> AgendaItem:
    when = f"tomorrow at {at}" if at else "tomorrow"
    reason = f"Read your brief for {name}, {when}"
    due = day - timedelta(days=1)
    return make_item(REMINDER, f"event:{event_id}:brief", 0, name, due, reason,
                     expires=due, show_by=due)  # fmt: skip


def _debrief_item(event_id: int, name: str, met: int, day: date) -> AgendaItem:
    said = f"you met {'1 person' if met == 1 else f'{met} people'}" if met else "who did you meet?"
    due = day + timedelta(days=1)
    return make_item(REMINDER, f"event:{event_id}:debrief", 0, name, due, f"Debrief {name}: {said}",
                     expires=day + timedelta(days=DEBRIEF_FOR_DAYS), show_by=due)  # fmt: skip


def is_event_item(key: str) -> bool:
    """An event's item has no person and needs no draft."""
    return key.startswith("event:")
