"""Where people came from: the source records an import keeps for each person."""

from __future__ import annotations

from datetime import date

from amity.store.database import as_date
from amity.store.session import Store


def missing_since(store: Store, person_id: int, source: str) -> date | None:
    """The day a newer full export of `source` no longer held this person (the earliest,
    when they had several records), or None while any of their records is still in it."""
    rows = store.db.query(
        "SELECT missing_since FROM source_record WHERE owner_id = ? AND person_id = ? "
        "AND source = ?",
        (store.owner_id, person_id, source),
    )
    days = [as_date(r["missing_since"]) for r in rows]
    if not days or any(day is None for day in days):
        return None
    return min(day for day in days if day is not None)
