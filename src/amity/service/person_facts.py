"""What a person's page shows beyond their profile: the strength and its reasons, the give
and take, life events, ties and ready drafts, gathered once into one typed result."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from amity.engines.drafts import DraftKind
from amity.engines.health import balance
from amity.engines.strength import Strength
from amity.service.relationships import strength_now
from amity.service.report import ledger_rows
from amity.store import Store, as_date
from amity.store import ledger as ledger_store

DRAFTS: tuple[tuple[DraftKind, str], ...] = (
    (DraftKind.CHECKIN, "Check in"),
    (DraftKind.FOLLOWUP, "Follow up"),
    (DraftKind.THANKS, "Thank you"),
)


@dataclass(frozen=True, slots=True)
class GiveAndTake:
    """One ledger entry: what was given, received or asked for."""

    direction: str  # gave | received | asked
    kind: str
    what: str
    on: date


@dataclass(frozen=True, slots=True)
class LifeEventLine:
    kind: str
    on: date | None
    detail: str


@dataclass(frozen=True, slots=True)
class TieLine:
    """Someone this person knows, how well, from where (`source`), whose word (`state`:
    inferred, confirmed, hidden) and why."""

    id: int
    name: str
    kind: str
    strength: int
    source: str
    state: str
    why: str


@dataclass(frozen=True, slots=True)
class Draft:
    label: str  # "Check in"
    text: str
    kind: str = ""  # "checkin": what the draft is for (a mail's subject says it)


@dataclass(frozen=True, slots=True)
class PersonFacts:
    strength: Strength
    tier: str
    ledger: tuple[GiveAndTake, ...]  # newest first
    balance: str  # "you have given more than you received"
    life_events: tuple[LifeEventLine, ...]
    ties: tuple[TieLine, ...]
    drafts: tuple[Draft, ...]


def person_facts(store: Store, person_id: int, today: date, home: Path) -> PersonFacts:
    scored, level = strength_now(store, person_id, today)
    entries = ledger_rows(store, person_id)
    return PersonFacts(
        strength=scored,
        tier=level.value,
        ledger=tuple(
            GiveAndTake(e.direction.value, e.kind.value, e.what, e.occurred_on)
            for e in reversed(entries)
        ),
        balance=balance(entries).phrase,
        life_events=life_events(store, person_id),
        ties=ties(store, person_id, today),
        drafts=drafts(store, person_id, today, home),
    )


def life_events(store: Store, person_id: int) -> tuple[LifeEventLine, ...]:
    """The person's last 20 life events, newest first."""
    return tuple(
        LifeEventLine(str(r["kind"]), as_date(r["occurred_on"]), str(r["detail"] or ""))
        for r in ledger_store.life_events(store, person_id)
    )


def ties(store: Store, person_id: int, today: date) -> tuple[TieLine, ...]:
    """The person's 30 strongest ties to people not in the trash (inferred ones refreshed
    when the database changed), the hidden ones last."""
    from amity.service.ties import acquaintances

    return tuple(
        TieLine(t.other.id, t.other.name, str(t.kind), t.strength, t.source, str(t.state), t.why)
        for t in acquaintances(store, person_id, today, limit=30).ties
    )


def drafts(store: Store, person_id: int, today: date, home: Path) -> tuple[Draft, ...]:
    from amity.service.draft_facts import facts_for
    from amity.service.drafts import draft_for, writer_for

    writer = writer_for(home)
    facts = facts_for(store, person_id, today)  # once for every kind of draft
    return tuple(
        Draft(
            label,
            draft_for(store, home, person_id, kind, today, writer=writer, facts=facts),
            kind.value,
        )
        for kind, label in DRAFTS
    )
