"""Amity's domain as plain dataclasses and enums. No I/O, no frameworks.

`from amity.model import Person` works as always, but each name is loaded from its module
on first use (PEP 562): importing `amity.model.enums` runs this file, and a command that
needs only the enums should not pay for creating every dataclass of the model.
"""

from __future__ import annotations

# Not `typing.TYPE_CHECKING`: see amity/__init__.py.
TYPE_CHECKING = False
if TYPE_CHECKING:  # the type checker sees the real names; the runtime loads them on use
    from typing import Any

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
        AttendanceRole,
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
        OpportunityKind,
        ReferralRole,
        ReminderKind,
        ReminderState,
        TargetKind,
        TieKind,
        TieSource,
        TieState,
    )
    from amity.model.events import Event, Goal, Target
    from amity.model.interactions import Interaction, LedgerEntry, LifeEvent
    from amity.model.network import Introduction, Opportunity, Referral, Tie
    from amity.model.people import Birthday, ContactPoint, Organization, Person, Position

__all__ = [
    "DEFAULT_CADENCE_DAYS",
    "INTRODUCTION_TRANSITIONS",
    "AttendanceRole",
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
    "OpportunityKind",
    "Organization",
    "Person",
    "PersonDraft",
    "Position",
    "PositionDraft",
    "Referral",
    "ReferralRole",
    "ReminderKind",
    "ReminderState",
    "SkippedRow",
    "Target",
    "TargetKind",
    "Tie",
    "TieKind",
    "TieSource",
    "TieState",
]

# Where each name lives: its module is imported when the name is first asked for.
_HOME: dict[str, str] = {
    "Birthday": "people",
    "Circle": "enums",
    "ContactDraft": "drafts",
    "ContactKind": "enums",
    "ContactPoint": "people",
    "DEFAULT_CADENCE_DAYS": "enums",
    "Direction": "enums",
    "AttendanceRole": "enums",
    "Event": "events",
    "EventStatus": "enums",
    "Goal": "events",
    "GoalStatus": "enums",
    "INTRODUCTION_TRANSITIONS": "enums",
    "Interaction": "interactions",
    "InteractionDraft": "drafts",
    "InteractionKind": "enums",
    "Introduction": "network",
    "IntroductionState": "enums",
    "LedgerDirection": "enums",
    "LedgerEntry": "interactions",
    "LedgerKind": "enums",
    "LifeEvent": "interactions",
    "LifeEventKind": "enums",
    "Opportunity": "network",
    "OpportunityKind": "enums",
    "Organization": "people",
    "Person": "people",
    "PersonDraft": "drafts",
    "Position": "people",
    "PositionDraft": "drafts",
    "Referral": "network",
    "ReferralRole": "enums",
    "ReminderKind": "enums",
    "ReminderState": "enums",
    "SkippedRow": "drafts",
    "Tie": "network",
    "Target": "events",
    "TargetKind": "enums",
    "TieKind": "enums",
    "TieSource": "enums",
    "TieState": "enums",
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'amity.model' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"amity.model.{module}"), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
