"""Who knows whom: the ties between people of one account."""

from __future__ import annotations

from amity.store.database import Row
from amity.store.handle import Store


def ties_of(store: Store, person_id: int, limit: int = 30) -> list[Row]:
    """The living people tied to this one, strongest first: `id`, `name`, `kind`, `strength`."""
    return store.db.query(
        "SELECT p.id, p.name, t.kind, t.strength FROM tie t JOIN person p ON p.id = "
        "CASE WHEN t.person_a_id = ? THEN t.person_b_id ELSE t.person_a_id END "
        "WHERE t.owner_id = ? AND (t.person_a_id = ? OR t.person_b_id = ?) "
        "AND p.deleted_on IS NULL ORDER BY t.strength DESC, p.name LIMIT ?",
        (person_id, store.owner_id, person_id, person_id, limit),
    )
