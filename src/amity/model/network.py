"""Ties between people, introductions and opportunities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from amity.model.enums import IntroductionState, TieKind


@dataclass(slots=True)
class Tie:
    person_a_id: int
    person_b_id: int
    kind: TieKind = TieKind.KNOWS
    strength: int = 50
    source: str = "manual"
    since: date | None = None
    id: int | None = None


@dataclass(slots=True)
class Introduction:
    person_a_id: int
    person_b_id: int
    reason: str
    state: IntroductionState = IntroductionState.PROPOSED
    created_on: date | None = None
    updated_on: date | None = None
    id: int | None = None


@dataclass(slots=True)
class Opportunity:
    title: str
    description: str = ""
    organization: str = ""
    person_id: int | None = None
    created_on: date | None = None
    closed: bool = False
    id: int | None = None
