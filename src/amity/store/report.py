"""What the report and the coach read: everyone's maintained columns, ledger entries and
recent follow-ups, each in one query over the whole account."""

from __future__ import annotations

from datetime import date

from amity.store.database import Row
from amity.store.handle import Store


def living_stats(store: Store) -> list[Row]:
    """Everyone alive and not archived: `id`, `name`, `how_met`, `next_due_on` and the
    maintained relationship columns (contacts, counts, depth)."""
    return store.db.query(
        "SELECT id, name, how_met, first_contact_on, last_contact_on, last_outbound_on, "
        "interaction_count, inbound_count, outbound_count, depth_total, next_due_on FROM person "
        "WHERE owner_id = ? AND deleted_on IS NULL AND archived = ?",
        (store.owner_id, False),
    )


def events_met_by_person(store: Store) -> dict[int, list[str]]:
    """The names of the events each person was met at."""
    events: dict[int, list[str]] = {}
    for r in store.db.query(
        "SELECT a.person_id, e.name FROM event_attendance a JOIN event e ON e.id = a.event_id "
        "WHERE a.owner_id = ? AND a.role = 'met'",
        (store.owner_id,),
    ):
        events.setdefault(int(r["person_id"]), []).append(r["name"])
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
