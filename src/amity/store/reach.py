"""How to reach people: their contact points, and how the user last wrote to each."""

from __future__ import annotations

from collections.abc import Iterable

from amity.store.handle import Store

_CHUNK = 500
WRITTEN_KINDS = ("email", "message")  # the interactions a draft is sent as


def contact_points_of(
    store: Store, person_ids: Iterable[int]
) -> dict[int, list[tuple[str, str, str, str]]]:
    """Each person's contact points (kind, value, normalized, label), in the order added."""
    ids = sorted(set(person_ids))
    found: dict[int, list[tuple[str, str, str, str]]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for person_id, kind, value, normalized, label in store.db.rows(
            "SELECT person_id, kind, value, normalized, label FROM contact_point "
            f"WHERE owner_id = ? AND person_id IN ({marks}) ORDER BY id",
            (store.owner_id, *chunk),
        ):
            found.setdefault(int(person_id), []).append(
                (str(kind), str(value), str(normalized), str(label or ""))
            )
    return found


def last_written(store: Store, person_id: int) -> tuple[str, str, str] | None:
    """The kind, source and words (summary and notes) of the newest email or message with
    this person."""
    row = store.db.one(
        "SELECT i.kind, i.source, i.summary, i.notes FROM interaction_participant ip "
        "JOIN interaction i ON i.id = ip.interaction_id "
        "WHERE ip.person_id = ? AND +ip.owner_id = ? AND i.kind IN (?, ?) "
        "ORDER BY i.occurred_on DESC, i.id DESC LIMIT 1",
        (person_id, store.owner_id, *WRITTEN_KINDS),
    )
    if row is None:
        return None
    words = f"{row['summary'] or ''} {row['notes'] or ''}".strip()
    return str(row["kind"]), str(row["source"] or ""), words
