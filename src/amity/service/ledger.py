"""Give and take: what you gave, received and asked for, and life events."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from amity.engines.dates import check_happened
from amity.engines.health import Balance, balance
from amity.errors import UsageError
from amity.model import LedgerDirection, LedgerKind, LifeEventKind, Position
from amity.service.choices import parse_choice
from amity.service.person_ref import PersonRef
from amity.service.relationships import refresh_people
from amity.service.resolve import person_by_id
from amity.store import Store
from amity.store import ledger as ledger_store
from amity.store import people as people_store

LEDGER_KINDS = ", ".join(k.value for k in LedgerKind)
LIFE_KINDS = ", ".join(k.value for k in LifeEventKind)


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """Something given, received or asked for, and where the give and take with that person
    stands now."""

    id: int
    person: PersonRef
    direction: LedgerDirection
    kind: LedgerKind
    what: str
    on: date
    balance: Balance

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person.as_dict(),
            "direction": self.direction.value,
            "kind": self.kind.value,
            "what": self.what,
            "date": self.on.isoformat(),
            "balance": asdict(self.balance),  # gave, received, asked, net, phrase
        }


@dataclass(frozen=True, slots=True)
class LifeEvent:
    """A life event just recorded: a new job, a move, a birthday..."""

    id: int
    person: PersonRef
    kind: LifeEventKind
    on: date
    detail: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person.as_dict(),
            "kind": self.kind.value,
            "date": self.on.isoformat(),
            "detail": self.detail,
        }


def parse_ledger_kind(text: str) -> LedgerKind:
    return parse_choice(LedgerKind, text.replace("favor", "favour"), "kind")


def record(
    store: Store,
    person_id: int,
    direction: LedgerDirection,
    kind: LedgerKind,
    what: str,
    on: date,
    today: date,
) -> LedgerEntry:
    """Note what was given, received or asked for on the day `on` (not after `today`)."""
    person = PersonRef(*person_by_id(store, person_id))
    day = check_happened(on, today)
    if not what.strip():
        raise UsageError('say what it was, e.g. "intro to their CTO"')
    with store.db.transaction():
        entry_id = ledger_store.add_ledger_entry(
            store, person.id, direction.value, kind.value, what.strip(), day
        )
    from amity.service.report import ledger_rows

    now = balance(ledger_rows(store, person.id))
    return LedgerEntry(entry_id, person, direction, kind, what.strip(), day, now)


def parse_life_kind(text: str) -> LifeEventKind:
    return parse_choice(LifeEventKind, text, "life event")


def record_life_event(
    store: Store,
    person_id: int,
    kind: LifeEventKind,
    on: date,
    today: date,
    *,
    company: str = "",
    title: str = "",
    detail: str = "",
) -> LifeEvent:
    """A life event; a new job or promotion also becomes the person's current position."""
    person = PersonRef(*person_by_id(store, person_id))
    day = check_happened(on, today)
    job = kind in (LifeEventKind.NEW_JOB, LifeEventKind.PROMOTION)
    if job and not (company or title):
        raise UsageError(f"{kind.value} needs --company or --title")
    text = detail.strip() or " at ".join(x for x in (title.strip(), company.strip()) if x)
    with store.db.transaction():
        if job:
            _update_job(store, person.id, company.strip(), title.strip(), day)
        event_id = ledger_store.add_life_event(store, person.id, kind.value, day, text)
        people_store.reindex_person(store, person.id)
        refresh_people(store, [person.id], today)
    return LifeEvent(event_id, person, kind, day, text)


def _update_job(store: Store, person_id: int, company: str, title: str, day: date) -> None:
    person = people_store.load_person(store, person_id)
    current = person.current_position if person else None
    org = company or (current.organization if current else "")
    if not org:
        raise UsageError("--company is needed: Amity does not know where they work")
    if current and current.id is not None:
        people_store.end_position(store, current.id, day)
    people_store.add_position(store, person_id, Position(org, title, day, None, "manual"))
