"""store/events.py: an event and every field read back; targets, goals and people added
once; a met row stays met; the agenda's day range; and a second account's events never
read, on both engines."""

from __future__ import annotations

from datetime import timedelta

from amity.model import Interaction, InteractionKind
from amity.model.enums import AttendanceRole, EventStatus, TargetKind
from amity.model.events import Event, Target
from amity.store import Store
from amity.store import events as event_store
from amity.store import interactions as interaction_store
from tests.conftest import TODAY
from tests.store.conftest import add_person

FAIR = Event(
    name="Fintech Fair",
    starts_on=TODAY,
    starts_at="18:30",
    place="https://lu.ma/fair",
    purpose="meet payments engineers",
    goals="a backend role",
    pitch="I'm Maya.",
    notes="bring cards",
    status=EventStatus.PLANNED,
    ends_on=TODAY + timedelta(days=1),
    source="ics",
    source_key="uid-1",
    created_on=TODAY - timedelta(days=9),
)


def _goal(store: Store, title: str, status: str = "active") -> int:
    return store.db.insert(
        "INSERT INTO goal (owner_id, title, status) VALUES (?, ?, ?)",
        (store.owner_id, title, status),
    )


def test_an_event_reads_back_as_written_and_changes(store: Store, other: Store) -> None:
    event_id = event_store.insert_event(store, FAIR)
    got = event_store.get_event(store, event_id)
    assert got is not None
    FAIR.id = event_id
    assert got == FAIR
    got.status, got.debriefed_on, got.notes = EventStatus.ATTENDED, TODAY, ""
    event_store.update_event(store, got)
    assert event_store.get_event(store, event_id) == got
    assert event_store.get_event(other, event_id) is None
    other_id = event_store.insert_event(other, Event("Fintech Fair", TODAY))
    got.name = "renamed"
    event_store.update_event(other, got)  # another account's id: nothing changes
    assert event_store.get_event(store, event_id) is not None
    assert event_store.get_event(store, other_id) is None
    FAIR.id = None


def test_names_days_and_the_agenda_range(store: Store, other: Store) -> None:
    first = event_store.insert_event(store, Event("PyCon", TODAY - timedelta(days=200)))
    second = event_store.insert_event(store, Event("pycon", TODAY + timedelta(days=3)))
    event_store.insert_event(other, Event("PyCon", TODAY))
    assert [e.id for e in event_store.events_named(store, "pycon")] == [first, second]
    assert event_store.names_like(store, "py") == ["PyCon", "pycon"]
    assert [e.id for e in event_store.list_events(store, TODAY)] == [second]
    assert len(event_store.list_events(store)) == 2
    rows = event_store.between(store, TODAY - timedelta(days=1), TODAY + timedelta(days=3))
    assert [int(r["id"]) for r in rows] == [second]
    assert rows[0]["met"] == 0


def test_targets_and_goals_are_added_once(store: Store, other: Store) -> None:
    event_id = event_store.insert_event(store, Event("Fair", TODAY))
    stripe = Target(TargetKind.COMPANY, "Stripe")
    event_store.add_targets(store, event_id, [stripe, Target(TargetKind.ROLE, "manager")])
    event_store.add_targets(store, event_id, [Target(TargetKind.COMPANY, "stripe")])
    assert event_store.targets_of(store, event_id) == [stripe, Target(TargetKind.ROLE, "manager")]
    assert event_store.targets_of(other, event_id) == []
    goal = _goal(store, "Backend role at a fintech")
    _goal(store, "Old backend goal", "done")
    theirs = _goal(other, "Backend role at a fintech")
    event_store.add_goals(store, event_id, [goal])
    event_store.add_goals(store, event_id, [goal])
    assert event_store.goals_of(store, event_id) == [(goal, "Backend role at a fintech")]
    assert event_store.goal_titled(store, "backend role at a fintech") == [
        (goal, "Backend role at a fintech")
    ]
    assert event_store.goal_titled(store, "backend") == [(goal, "Backend role at a fintech")]
    assert event_store.goal_titled(store, f"#{goal}") == [(goal, "Backend role at a fintech")]
    assert event_store.goal_titled(store, str(theirs)) == []


def test_a_met_row_stays_met_and_meetings_are_read_by_event(store: Store, other: Store) -> None:
    event_id = event_store.insert_event(store, Event("Fair", TODAY))
    lee = add_person(store, "Lee Park")
    ana = add_person(store, "Ana Reyes")
    event_store.set_attendance(store, event_id, lee, AttendanceRole.TARGET)
    event_store.set_attendance(store, event_id, lee, AttendanceRole.MET, "talked Go")
    event_store.set_attendance(store, event_id, lee, AttendanceRole.TARGET)
    event_store.set_attendance(store, event_id, ana, AttendanceRole.SPEAKER)
    people = [
        (r["name"], r["role"], r["notes"]) for r in event_store.attendance_of(store, event_id)
    ]
    assert people == [("Lee Park", "met", "talked Go"), ("Ana Reyes", "speaker", "")]
    assert event_store.attendance_of(other, event_id) == []
    met = Interaction(InteractionKind.MET, TODAY, person_ids=[lee], notes="Go", event_id=event_id)
    interaction_id = interaction_store.insert_interaction(store, met)
    rows = event_store.meetings_at(store, event_id)
    assert [(r["id"], r["person_id"], r["name"]) for r in rows] == [
        (interaction_id, lee, "Lee Park")
    ]
    assert event_store.meetings_at(other, event_id) == []
    rows = event_store.between(store, TODAY, TODAY)
    assert rows[0]["met"] == 1
