"""What happened between the user and the people they know."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from amity.model.enums import (
    Direction,
    InteractionKind,
    LedgerDirection,
    LedgerKind,
    LifeEventKind,
)


@dataclass(slots=True)
class Interaction:
    kind: InteractionKind
    occurred_on: date
    direction: Direction = Direction.MUTUAL
    person_ids: list[int] = field(default_factory=list)
    summary: str = ""
    notes: str = ""
    learned: str = ""
    promises: str = ""
    place: str = ""
    event_id: int | None = None
    id: int | None = None


@dataclass(slots=True)
class LifeEvent:
    person_id: int
    kind: LifeEventKind
    occurred_on: date
    detail: str = ""
    source: str = "manual"
    id: int | None = None


@dataclass(slots=True)
class LedgerEntry:
    person_id: int
    direction: LedgerDirection
    kind: LedgerKind
    what: str
    occurred_on: date
    id: int | None = None
