"""Give and take: what you gave, received and asked for, and life events."""

from __future__ import annotations

from datetime import date
from typing import Any

from amity.engines.dates import happened_on
from amity.engines.health import balance
from amity.errors import UsageError
from amity.model import LedgerDirection, LedgerKind, LifeEventKind, Position
from amity.service.choices import parse_choice
from amity.service.relationships import refresh_people
from amity.service.resolve import resolve_person
from amity.store import Store
from amity.store import ledger as ledger_store
from amity.store import people as people_store

LEDGER_KINDS = ", ".join(k.value for k in LedgerKind)
LIFE_KINDS = ", ".join(k.value for k in LifeEventKind)


def parse_ledger_kind(text: str) -> LedgerKind:
    return parse_choice(LedgerKind, text.replace("favor", "favour"), "kind")


def record(
    store: Store,
    who: str,
    direction: LedgerDirection,
    kind: str,
    what: str,
    on: str | None,
    today: date,
) -> dict[str, Any]:
    person_id, name = resolve_person(store, who)
    entry_kind = parse_ledger_kind(kind)
    day = happened_on(on, today)
    if not what.strip():
        raise UsageError('say what it was, e.g. "intro to their CTO"')
    with store.db.transaction():
        entry_id = ledger_store.add_ledger_entry(
            store, person_id, direction.value, entry_kind.value, what.strip(), day
        )
    from amity.service.report import ledger_rows

    b = balance(ledger_rows(store, person_id))
    return {
        "id": entry_id,
        "person": {"id": person_id, "name": name},
        "direction": direction.value,
        "kind": entry_kind.value,
        "what": what.strip(),
        "date": day.isoformat(),
        "balance": {
            "gave": b.gave,
            "received": b.received,
            "asked": b.asked,
            "net": b.net,
            "phrase": b.phrase,
        },
    }


def parse_life_kind(text: str) -> LifeEventKind:
    return parse_choice(LifeEventKind, text, "life event")


def record_life_event(
    store: Store,
    who: str,
    kind: str,
    today: date,
    *,
    company: str = "",
    title: str = "",
    detail: str = "",
    on: str | None = None,
) -> dict[str, Any]:
    """A life event; a new job or promotion also becomes the person's current position."""
    person_id, name = resolve_person(store, who)
    event_kind = parse_life_kind(kind)
    day = happened_on(on, today)
    job = event_kind in (LifeEventKind.NEW_JOB, LifeEventKind.PROMOTION)
    if job and not (company or title):
        raise UsageError(f"{event_kind.value} needs --company or --title")
    text = detail.strip() or " at ".join(x for x in (title.strip(), company.strip()) if x)
    with store.db.transaction():
        if job:
            _update_job(store, person_id, company.strip(), title.strip(), day)
        event_id = ledger_store.add_life_event(store, person_id, event_kind.value, day, text)
        people_store.reindex_person(store, person_id)
        refresh_people(store, [person_id], today)
    return {
        "id": event_id,
        "person": {"id": person_id, "name": name},
        "kind": event_kind.value,
        "date": day.isoformat(),
        "detail": text,
    }


def _update_job(store: Store, person_id: int, company: str, title: str, day: date) -> None:
    person = people_store.load_person(store, person_id)
    current = person.current_position if person else None
    org = company or (current.organization if current else "")
    if not org:
        raise UsageError("--company is needed: Amity does not know where they work")
    if current and current.id is not None:
        people_store.end_position(store, current.id, day)
    people_store.add_position(store, person_id, Position(org, title, day, None, "manual"))
