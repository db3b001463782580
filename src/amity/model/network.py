"""Ties between people, introductions and opportunities."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from amity.model.enums import IntroductionState, OpportunityKind, ReferralRole, TieKind


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
    # The day each step happened (None: not yet).
    asked_a_on: date | None = None
    a_agreed_on: date | None = None
    asked_b_on: date | None = None
    b_agreed_on: date | None = None
    introduced_on: date | None = None
    done_on: date | None = None
    declined_on: date | None = None
    declined_by: str = ""  # "a", "b" or "you"
    outcome: str = ""
    id: int | None = None


@dataclass(slots=True)
class Opportunity:
    title: str
    description: str = ""
    organization: str = ""
    person_id: int | None = None
    created_on: date | None = None
    closed: bool = False
    kind: OpportunityKind = OpportunityKind.JOB
    for_me: bool = False
    outcome: str = ""
    id: int | None = None


@dataclass(slots=True)
class Referral:
    opportunity_id: int
    person_id: int
    role: ReferralRole
    on_date: date
    outcome: str = ""
    id: int | None = None
