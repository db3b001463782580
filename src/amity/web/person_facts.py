"""What the Person page shows beyond `show_person`: strength reasons, ledger, life events,
ties and drafts. Thin reads of the store and calls of the engines and services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from amity.engines.drafts import DraftKind
from amity.engines.health import balance
from amity.engines.strength import Strength
from amity.service.relationships import strength_now
from amity.service.report import ledger_rows
from amity.store import Store, as_date

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
    life_events: list[dict[str, Any]]
    ties: list[dict[str, Any]]
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
        life_events=life_events(store, person_id),
        ties=ties(store, person_id),
        drafts=drafts(store, person_id, today, home),
    )


def life_events(store: Store, person_id: int) -> list[dict[str, Any]]:
    rows = store.db.query(
        "SELECT kind, occurred_on, detail FROM life_event WHERE owner_id = ? AND person_id = ? "
        "ORDER BY occurred_on DESC, id DESC LIMIT 20",
        (store.owner_id, person_id),
    )
    return [
        {"kind": r["kind"], "on": as_date(r["occurred_on"]), "detail": r["detail"]} for r in rows
    ]


def ties(store: Store, person_id: int) -> list[dict[str, Any]]:
    rows = store.db.query(
        "SELECT p.id, p.name, t.kind, t.strength FROM tie t JOIN person p ON p.id = "
        "CASE WHEN t.person_a_id = ? THEN t.person_b_id ELSE t.person_a_id END "
        "WHERE t.owner_id = ? AND (t.person_a_id = ? OR t.person_b_id = ?) "
        "AND p.deleted_on IS NULL ORDER BY t.strength DESC, p.name LIMIT 30",
        (person_id, store.owner_id, person_id, person_id),
    )
    return [
        {"id": int(r["id"]), "name": r["name"], "kind": r["kind"], "strength": int(r["strength"])}
        for r in rows
    ]


def drafts(store: Store, person_id: int, today: date, home: Path) -> list[tuple[str, str]]:
    from amity.service.draft_facts import facts_for
    from amity.service.drafts import draft_for, writer_for

    writer = writer_for(home)
    facts = facts_for(store, person_id, today)  # once for every kind of draft
    return [
        (label, draft_for(store, home, person_id, kind, today, writer=writer, facts=facts))
        for kind, label in DRAFTS
    ]
