"""The account's tags, across people (a person's own tags are read with the person)."""

from __future__ import annotations

from amity.store.handle import Store


def tag_names(store: Store, limit: int = 500) -> list[str]:
    rows = store.db.query(
        "SELECT name FROM tag WHERE owner_id = ? ORDER BY name LIMIT ?", (store.owner_id, limit)
    )
    return [str(r["name"]) for r in rows]


def tags_by_person(store: Store) -> dict[int, list[str]]:
    """Every tagged person's tag names."""
    tags: dict[int, list[str]] = {}
    for person_id, name in store.db.rows(
        "SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
        "WHERE pt.owner_id = ?",
        (store.owner_id,),
    ):
        tags.setdefault(int(person_id), []).append(name)
    return tags
