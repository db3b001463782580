"""What the tier of each person was on a past day: their interactions up to then."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from amity.model import InteractionKind
from amity.store.database import Row
from amity.store.handle import Store


def aggregates_on(store: Store, day: date, depth: Mapping[InteractionKind, float]) -> list[Row]:
    """Per living, unarchived person known by `day` with an interaction up to it:
    `person_id`, `first_on`, `last_on`, `n`, `inbound`, `outbound`, `depth`."""
    case = " ".join(f"WHEN '{k.value}' THEN {float(w)}" for k, w in depth.items())
    return store.db.query(
        "SELECT ip.person_id, min(i.occurred_on) AS first_on, max(i.occurred_on) AS last_on, "
        "count(*) AS n, sum(CASE WHEN i.direction = 'inbound' THEN 1 ELSE 0 END) AS inbound, "
        "sum(CASE WHEN i.direction = 'outbound' THEN 1 ELSE 0 END) AS outbound, "
        f"sum(CASE i.kind {case} ELSE 1.0 END) AS depth "
        "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
        "JOIN person p ON p.id = ip.person_id "
        "WHERE i.owner_id = ? AND i.occurred_on <= ? AND p.deleted_on IS NULL "
        "AND p.archived = ? AND p.created_on <= ? GROUP BY ip.person_id",
        (store.owner_id, day.isoformat(), False, day.isoformat()),
    )


def known_on(store: Store, day: date) -> int:
    """How many living, unarchived people the account knew by `day`."""
    found = store.db.scalar(
        "SELECT count(*) FROM person WHERE owner_id = ? AND deleted_on IS NULL "
        "AND archived = ? AND created_on <= ?",
        (store.owner_id, False, day.isoformat()),
    )
    return int(found or 0)
