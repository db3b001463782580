"""Networking events and the goals they serve."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from amity.model.enums import EventStatus, GoalStatus


@dataclass(slots=True)
class Event:
    name: str
    starts_on: date
    place: str = ""
    purpose: str = ""
    goals: str = ""
    pitch: str = ""
    notes: str = ""
    status: EventStatus = EventStatus.PLANNED
    id: int | None = None


@dataclass(slots=True)
class Goal:
    title: str
    detail: str = ""
    target_organization: str = ""
    due_on: date | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    id: int | None = None
