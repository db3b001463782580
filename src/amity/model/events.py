"""Networking events and the goals they serve."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from amity.model.enums import EventStatus, GoalStatus, TargetKind


@dataclass(frozen=True, slots=True)
class Target:
    """A company, a role or a person a goal or an event aims at. `person_id` is set for a
    person; `value` is the name as it was typed (kept if the person is forgotten)."""

    kind: TargetKind
    value: str
    person_id: int | None = None


@dataclass(slots=True)
class Event:
    name: str
    starts_on: date
    place: str = ""  # a place or a link
    purpose: str = ""
    goals: str = ""  # free text; the goals it serves are `event_goal` rows
    pitch: str = ""
    notes: str = ""
    status: EventStatus = EventStatus.PLANNED
    starts_at: str = ""  # "HH:MM", or empty for a day-long event
    ends_on: date | None = None
    source: str = ""  # "ics" when imported from a calendar
    source_key: str = ""  # the calendar's UID (and recurrence), for idempotent imports
    created_on: date | None = None
    debriefed_on: date | None = None
    id: int | None = None


@dataclass(slots=True)
class Goal:
    title: str
    detail: str = ""  # why
    target_organization: str = ""  # before 0009; its targets are `goal_target` rows now
    due_on: date | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    created_on: date | None = None
    closed_on: date | None = None
    targets: tuple[Target, ...] = field(default=())
    id: int | None = None
