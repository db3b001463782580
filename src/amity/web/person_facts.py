"""What the Person page shows beyond `show_person`: strength reasons, ledger, life events,
ties and drafts, gathered from the services and the engines (no SQL here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from amity.engines.drafts import DraftKind
from amity.engines.health import balance
from amity.engines.strength import Strength
from amity.service.people_views import LifeEventLine, TieLine
from amity.service.relationships import strength_now
from amity.service.report import ledger_rows
from amity.service.views import person_life_events, person_ties
from amity.store import Store

DRAFTS: tuple[tuple[DraftKind, str], ...] = (
    (DraftKind.CHECKIN, "Check in"),
    (DraftKind.FOLLOWUP, "Follow up"),
    (DraftKind.THANKS, "Thank you"),
)


@dataclass(frozen=True, slots=True)
class PersonFacts:
    strength: Strength
    tier: str
    ledger: list[dict[str, Any]]
    balance: str
    life_events: list[LifeEventLine]
    ties: list[TieLine]
    drafts: list[tuple[str, str]]


def person_facts(store: Store, person_id: int, today: date, home: Path) -> PersonFacts:
    scored, level = strength_now(store, person_id, today)
    entries = ledger_rows(store, person_id)
    return PersonFacts(
        strength=scored,
        tier=level.value,
        ledger=[
            {
                "direction": e.direction.value,
                "kind": e.kind.value,
                "what": e.what,
                "on": e.occurred_on,
            }
            for e in reversed(entries)
        ],
        balance=balance(entries).phrase,
        life_events=person_life_events(store, person_id),
        ties=person_ties(store, person_id),
        drafts=drafts(store, person_id, today, home),
    )


def drafts(store: Store, person_id: int, today: date, home: Path) -> list[tuple[str, str]]:
    from amity.service.draft_facts import facts_for
    from amity.service.drafts import draft_for, writer_for

    writer = writer_for(home)
    facts = facts_for(store, person_id, today)  # once for every kind of draft
    return [
        (label, draft_for(store, home, person_id, kind, today, writer=writer, facts=facts))
        for kind, label in DRAFTS
    ]
