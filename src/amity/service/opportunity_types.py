"""What `amity.service.opportunities` returns: frozen dataclasses, each with `as_dict()`, the
document `--json` prints (docs/cli.md, "amity opportunity")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from amity.model import OpportunityKind, ReferralRole
from amity.service.ledger import LedgerEntry
from amity.service.person_ref import PersonRef

if TYPE_CHECKING:
    from amity.service.paths import WarmPath


@dataclass(frozen=True, slots=True)
class OpportunityFacts:
    """One opportunity as recorded."""

    id: int
    title: str
    kind: OpportunityKind
    for_me: bool
    organization: str
    description: str
    source: PersonRef | None  # who it came from (None: no one, or someone in the trash)
    created_on: date
    closed: bool
    outcome: str
    referrals: int  # how many people it was passed to, or who referred you

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "kind": self.kind.value,
            "for_me": self.for_me,
            "organization": self.organization,
            "description": self.description,
            "from": self.source.as_dict() if self.source else None,
            "created_on": self.created_on.isoformat(),
            "closed": self.closed,
            "outcome": self.outcome,
            "referrals": self.referrals,
        }


@dataclass(frozen=True, slots=True)
class Suited:
    """A contact an opportunity for others suits: how well (0-100) and why."""

    person: PersonRef
    score: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"person": self.person.as_dict(), "score": self.score, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class ReferralFacts:
    """Whom you passed an opportunity to, or who referred you for one, and what came of it."""

    id: int
    person: PersonRef
    role: ReferralRole
    on: date
    outcome: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person.as_dict(),
            "role": self.role.value,
            "date": self.on.isoformat(),
            "outcome": self.outcome,
        }


@dataclass(frozen=True, slots=True)
class KnownThere:
    """Someone at the opportunity's organisation you are in touch with yourself."""

    person: PersonRef
    note: str  # "Engineer at Stripe", "former, at Stripe 2019-2022"
    strength: float  # your link, 0 to 1
    why: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.as_dict(),
            "note": self.note,
            "strength": self.strength,
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class OpportunityView:
    """An opportunity with what to do about it, computed when it is read: for others, the
    contacts it suits; for you, the warm paths into its organisation and who you know
    there. A closed one has neither."""

    opportunity: OpportunityFacts
    referrals: tuple[ReferralFacts, ...]
    suited: tuple[Suited, ...] = ()
    paths: tuple[WarmPath, ...] = ()
    known_there: tuple[KnownThere, ...] = ()
    people_there: int = 0  # everyone at the organisation in your contacts
    organization: str = ""  # its name as your contacts' positions spell it ("Plaid")
    suggestions: tuple[str, ...] = ()  # organisations named like it, when none is

    def as_dict(self) -> dict[str, Any]:
        return {
            "opportunity": self.opportunity.as_dict(),
            "referrals": [r.as_dict() for r in self.referrals],
            "suited": [s.as_dict() for s in self.suited],
            "paths": [
                {**p.as_dict(), "ask": p.ask.as_dict(), "draft": p.draft} for p in self.paths
            ],
            "known_there": [k.as_dict() for k in self.known_there],
            "people_there": self.people_there,
            "organization": self.organization or self.opportunity.organization,
        }


@dataclass(frozen=True, slots=True)
class OpportunityList:
    opportunities: tuple[OpportunityFacts, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"opportunities": [o.as_dict() for o in self.opportunities]}


@dataclass(frozen=True, slots=True)
class ReferralRecorded:
    """A referral just recorded, and the give-and-take entry it made."""

    opportunity: OpportunityFacts
    referral: ReferralFacts
    ledger: LedgerEntry

    def as_dict(self) -> dict[str, Any]:
        return {
            "opportunity": self.opportunity.as_dict(),
            "referral": self.referral.as_dict(),
            "ledger": self.ledger.as_dict(),
        }
