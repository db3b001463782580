"""What the report and the coach read: everyone's maintained columns, ledger entries and
recent follow-ups, each in one query over the whole account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from amity.store.database import Row
from amity.store.handle import Store

Days = NDArray[np.datetime64]
Floats = NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class LivingPeople:
    """Everyone alive and not archived, as columns in one order: the dates as `datetime64[D]`
    (NaT where there is none), the maintained counts as floats."""

    ids: NDArray[np.int64]
    names: list[str]
    how_met: list[str]
    first_contact_on: Days
    last_contact_on: Days
    next_due_on: Days
    interaction_count: Floats
    inbound_count: Floats
    outbound_count: Floats
    depth_total: Floats


def living_people(store: Store) -> LivingPeople:
    """Everyone alive and not archived with the maintained relationship columns, streamed as
    tuples into columns: no dict, `date` or score per person (numpy reads the dates)."""
    db = store.db
    dates = ", ".join(
        db.iso_date(column) for column in ("first_contact_on", "last_contact_on", "next_due_on")
    )
    rows = list(
        db.rows(
            f"SELECT id, name, how_met, {dates}, interaction_count, inbound_count, "
            "outbound_count, depth_total FROM person "
            "WHERE owner_id = ? AND deleted_on IS NULL AND archived = ?",
            (store.owner_id, False),
        )
    )
    columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) if rows else [()] * 10

    def days(n: int) -> Days:
        return np.array(columns[n], dtype="datetime64[D]")

    def floats(n: int) -> Floats:
        return np.array(columns[n], dtype=np.float64)

    return LivingPeople(
        np.array(columns[0], dtype=np.int64),
        list(columns[1]),
        list(columns[2]),
        days(3),
        days(4),
        days(5),
        floats(6),
        floats(7),
        floats(8),
        floats(9),
    )


def events_met_by_person(store: Store) -> dict[int, list[str]]:
    """The names of the events each person was met at."""
    events: dict[int, list[str]] = {}
    for person_id, name in store.db.rows(
        "SELECT a.person_id, e.name FROM event_attendance a JOIN event e ON e.id = a.event_id "
        "WHERE a.owner_id = ? AND a.role = 'met'",
        (store.owner_id,),
    ):
        events.setdefault(int(person_id), []).append(name)
    return events


def ledger_entries(store: Store, person_id: int | None = None) -> list[Row]:
    """Every ledger entry (or one person's), oldest first: `person_id`, `direction`, `kind`,
    `occurred_on`, `what`."""
    extra, params = ("AND person_id = ?", (person_id,)) if person_id else ("", ())
    return store.db.query(
        "SELECT person_id, direction, kind, occurred_on, what FROM ledger_entry "
        f"WHERE owner_id = ? {extra} ORDER BY occurred_on, id",
        (store.owner_id, *params),
    )


def follow_ups_since(store: Store, since: date) -> list[Row]:
    """Follow-ups of meetings on or after `since`: `person_id`, `state`, `closed_on`, and the
    meeting's `occurred_on`."""
    return store.db.query(
        "SELECT r.person_id, r.state, r.closed_on, i.occurred_on FROM reminder r "
        "JOIN interaction i ON i.id = r.interaction_id "
        "WHERE r.owner_id = ? AND r.kind = 'follow_up' AND i.occurred_on >= ?",
        (store.owner_id, since.isoformat()),
    )
