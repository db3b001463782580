"""Amity's domain as plain dataclasses and enums. No I/O, no frameworks."""

from amity.model.drafts import (
    ContactDraft,
    InteractionDraft,
    PersonDraft,
    PositionDraft,
    SkippedRow,
)
from amity.model.enums import (
    DEFAULT_CADENCE_DAYS,
    INTRODUCTION_TRANSITIONS,
    Circle,
    ContactKind,
    Direction,
    EventStatus,
    GoalStatus,
    InteractionKind,
    IntroductionState,
    LedgerDirection,
    LedgerKind,
    LifeEventKind,
    ReminderKind,
    ReminderState,
    TieKind,
)
from amity.model.events import Event, Goal
from amity.model.interactions import Interaction, LedgerEntry, LifeEvent
from amity.model.network import Introduction, Opportunity, Tie
from amity.model.people import Birthday, ContactPoint, Organization, Person, Position

__all__ = [
    "DEFAULT_CADENCE_DAYS",
    "INTRODUCTION_TRANSITIONS",
    "Birthday",
    "Circle",
    "ContactDraft",
    "ContactKind",
    "ContactPoint",
    "Direction",
    "Event",
    "EventStatus",
    "Goal",
    "GoalStatus",
    "Interaction",
    "InteractionDraft",
    "InteractionKind",
    "Introduction",
    "IntroductionState",
    "LedgerDirection",
    "LedgerEntry",
    "LedgerKind",
    "LifeEvent",
    "LifeEventKind",
    "Opportunity",
    "Organization",
    "Person",
    "PersonDraft",
    "Position",
    "PositionDraft",
    "ReminderKind",
    "ReminderState",
    "SkippedRow",
    "Tie",
    "TieKind",
]
