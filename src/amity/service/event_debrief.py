"""After an event: who you met, their follow-ups, the goals it moved; then it is debriefed.

A debrief lists everyone met there: each meeting linked to the event (`amity met --at`)
and anyone whose attendance says `met` without one. Each gets their follow-up, due the day
after the meeting as `amity met` schedules it; a missing one is created, dated from the
meeting, so the agenda treats it as any other (fresh, then a reconnect, then gone). The
people you hoped to meet and did not are listed, for another time.

The goals the event moved are written in the event's notes ("2026-12-04: moved Backend
role at a fintech"), and a goal not yet linked to the event is linked: the goals' own
progress is theirs to count. The event is marked attended (or skipped) and debriefed
today. Running it again changes nothing it already did.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from amity.engines.follow_ups import follow_up_due, follow_up_key
from amity.errors import NotFound
from amity.model.enums import AttendanceRole, EventStatus, ReminderKind, ReminderState
from amity.service.event_types import Debrief, DebriefLine
from amity.service.events import show_event
from amity.store import Store, reminders
from amity.store import events as event_store


def event_follow_up_key(event_id: int, person_id: int) -> str:
    """The follow-up of someone met at an event with no meeting logged."""
    return f"follow_up:event:{event_id}:{person_id}"


def debrief(
    store: Store,
    event_id: int,
    today: date,
    *,
    status: EventStatus = EventStatus.ATTENDED,
    goals_moved: tuple[int, ...] = (),
) -> Debrief:
    """Debrief the event: follow-ups for everyone met, the goals moved, the status."""
    event = event_store.get_event(store, event_id)
    if event is None:
        raise NotFound(f"no event has id {event_id}")
    with store.db.transaction():
        lines, created = _follow_ups(store, event_id, event.name, event.starts_on)
        event_store.add_goals(store, event_id, goals_moved)
        titles = dict(event_store.goals_of(store, event_id))
        moved = tuple(titles[g] for g in goals_moved if g in titles)
        notes = event.notes
        for title in moved:
            line = f"{today.isoformat()}: moved {title}"
            if line not in notes:
                notes = f"{notes}\n{line}".strip()
        event_store.update_event(
            store, replace(event, status=status, notes=notes, debriefed_on=today)
        )
    view = show_event(store, event_id, today)
    return Debrief(
        event_id,
        view.name,
        view.status,
        lines,
        view.people_as(AttendanceRole.TARGET.value),
        view.goals,
        moved,
        today,
        created,
    )


def _follow_ups(
    store: Store, event_id: int, name: str, day: date
) -> tuple[tuple[DebriefLine, ...], int]:
    lines: list[DebriefLine] = []
    created = 0
    seen: set[int] = set()
    for row in event_store.meetings_at(store, event_id):
        person_id = int(row["person_id"])
        if person_id in seen:
            continue
        seen.add(person_id)
        met_on = date.fromisoformat(str(row["occurred_on"])[:10])
        line, new = _ensure(store, follow_up_key(int(row["id"])), person_id, str(row["name"]),
                            met_on, name, int(row["id"]))  # fmt: skip
        lines.append(line)
        created += new
    for person in event_store.attendance_of(store, event_id):
        person_id = int(person["person_id"])
        if person["role"] != AttendanceRole.MET.value or person_id in seen:
            continue
        seen.add(person_id)
        key = event_follow_up_key(event_id, person_id)
        line, new = _ensure(store, key, person_id, str(person["name"]), day, name, None)
        lines.append(line)
        created += new
    return tuple(lines), created


def _ensure(
    store: Store,
    key: str,
    person_id: int,
    person_name: str,
    met_on: date,
    event_name: str,
    interaction_id: int | None,
) -> tuple[DebriefLine, bool]:
    """The follow-up of this meeting, created if it is missing."""
    found = reminders.get_by_key(store, key)
    due = follow_up_due(met_on)
    if found is None:
        reminders.add_reminder(store, key, ReminderKind.FOLLOW_UP, person_id, due,
                               reason=event_name, interaction_id=interaction_id)  # fmt: skip
        return DebriefLine(person_id, person_name, met_on, due, True), True
    done = found["state"] in (ReminderState.DONE.value, ReminderState.SKIPPED.value)
    shown = date.fromisoformat(str(found["due_on"])[:10])
    return DebriefLine(person_id, person_name, met_on, shown, False, done), False
