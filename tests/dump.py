"""A canonical dump of a store's tables, to compare before and after (e.g. around undo)."""

from __future__ import annotations

from datetime import date
from typing import Any

from amity.store import Store

TABLES = (
    "person",
    "contact_point",
    "position",
    "organization",
    "tag",
    "person_tag",
    "interaction",
    "interaction_participant",
    "tie",
    "life_event",
    "reminder",
    "ledger_entry",
    "event",
    "event_attendance",
    "source_record",
)
# Columns that record when a row was written, not what it says.
VOLATILE = {"created_at"}


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in TABLES:
        rows = store.db.query(f"SELECT * FROM {table}")
        out[table] = sorted(
            (
                tuple((k, _plain(v)) for k, v in sorted(r.items()) if k not in VOLATILE)
                for r in rows
            ),
            key=repr,
        )
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
