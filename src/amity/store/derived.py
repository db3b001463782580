"""The columns Amity maintains on each person from their interactions (first and last
contact, counts, depth, next due, strength), and what else they depend on."""

from __future__ import annotations

from typing import Any

from amity.store.database import Row
from amity.store.handle import Store


def derived_inputs(store: Store, person_ids: list[int]) -> list[Row]:
    """What the derived columns depend on besides the interactions: `id`, `circle`,
    `cadence_days`, `archived`, `deleted_on`."""
    return store.db.query(
        "SELECT id, circle, cadence_days, archived, deleted_on FROM person "
        f"WHERE owner_id = ? AND id IN ({', '.join('?' * len(person_ids))})",
        [store.owner_id, *person_ids],
    )


def set_derived(store: Store, updates: list[tuple[Any, ...]]) -> None:
    """Each tuple: first contact, last contact, last outbound, count, inbound, outbound,
    depth, next due, strength, person id."""
    store.db.executemany(
        "UPDATE person SET first_contact_on = ?, last_contact_on = ?, last_outbound_on = ?, "
        "interaction_count = ?, inbound_count = ?, outbound_count = ?, depth_total = ?, "
        "next_due_on = ?, strength = ? WHERE owner_id = ? AND id = ?",
        [(*row[:-1], store.owner_id, row[-1]) for row in updates],
    )


def ids_on_circle_default(store: Store, circle: str) -> list[int]:
    """People of `circle` who follow its cadence (no cadence of their own)."""
    rows = store.db.query(
        "SELECT id FROM person WHERE owner_id = ? AND circle = ? AND cadence_days IS NULL",
        (store.owner_id, circle),
    )
    return [int(r["id"]) for r in rows]
