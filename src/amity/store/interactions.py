"""Interactions: what happened, when, with whom."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

from amity.model import Direction, Interaction, InteractionKind
from amity.store.database import Row, as_date
from amity.store.handle import Store
from amity.store.search import interaction_doc_id, put_doc


def insert_interaction(
    store: Store, interaction: Interaction, *, source: str = "", source_key: str = ""
) -> int:
    new_id = store.db.insert(_INSERT, _values(store, interaction, source, source_key, None))
    _add_participants_and_text(store, new_id, interaction)
    return new_id


def insert_captured(store: Store, interaction: Interaction, client_id: str) -> int | None:
    """Insert an interaction a phone captured under its own `client_id`; None when the
    account holds one with that id already (the phone sent it twice), and nothing is written."""
    new_id = store.db.insert_new(
        _INSERT + " ON CONFLICT (owner_id, client_id) DO NOTHING",
        _values(store, interaction, "", "", client_id),
    )
    if new_id is not None:
        _add_participants_and_text(store, new_id, interaction)
    return new_id


def captured(store: Store, client_id: str) -> tuple[int, int, str] | None:
    """The interaction a phone captured under `client_id`: its id, and the id and name of
    the person it is with (in the trash, if they were forgotten since)."""
    row = store.db.one(
        "SELECT i.id, p.id AS person_id, p.name FROM interaction i "
        "JOIN interaction_participant ip ON ip.interaction_id = i.id AND ip.owner_id = i.owner_id "
        "JOIN person p ON p.id = ip.person_id AND p.owner_id = i.owner_id "
        "WHERE i.owner_id = ? AND i.client_id = ? ORDER BY p.id LIMIT 1",
        (store.owner_id, client_id),
    )
    return None if row is None else (int(row["id"]), int(row["person_id"]), str(row["name"]))


_INSERT = (
    "INSERT INTO interaction (owner_id, kind, direction, occurred_on, summary, notes, "
    "learned, promises, place, event_id, source, source_key, created_at, client_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _values(
    store: Store, interaction: Interaction, source: str, source_key: str, client_id: str | None
) -> tuple[object, ...]:
    return (
        store.owner_id,
        interaction.kind.value,
        interaction.direction.value,
        interaction.occurred_on.isoformat(),
        interaction.summary,
        interaction.notes,
        interaction.learned,
        interaction.promises,
        interaction.place,
        interaction.event_id,
        source,
        source_key,
        datetime.now(UTC).isoformat(timespec="seconds"),
        client_id,
    )


def _add_participants_and_text(store: Store, new_id: int, interaction: Interaction) -> None:
    day = interaction.occurred_on.isoformat()
    store.db.executemany(
        "INSERT INTO interaction_participant (interaction_id, owner_id, person_id, occurred_on) "
        "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [(new_id, store.owner_id, pid, day) for pid in interaction.person_ids],
    )
    body = "\n".join(
        part
        for part in (
            interaction.summary,
            interaction.notes,
            interaction.learned,
            interaction.promises,
            interaction.place,
        )
        if part
    )
    if body and interaction.person_ids:
        put_doc(store, interaction_doc_id(new_id), interaction.person_ids[0], body, new=True)


def interaction_from_row(row: Row, person_ids: list[int] | None = None) -> Interaction:
    return Interaction(
        kind=InteractionKind(row["kind"]),
        occurred_on=as_date(row["occurred_on"]) or date.min,
        direction=Direction(row["direction"]),
        person_ids=person_ids or [],
        summary=row["summary"],
        notes=row["notes"],
        learned=row["learned"],
        promises=row["promises"],
        place=row["place"],
        event_id=row["event_id"],
        id=int(row["id"]),
    )


def for_person(store: Store, person_id: int, limit: int | None = 50) -> list[Interaction]:
    """A person's interactions, newest first: the (person, day) index read backwards, so a
    page of a long history reads only that page."""
    page = f" LIMIT {int(limit)}" if limit is not None else ""
    rows = store.db.query(
        "SELECT i.* FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
        "WHERE ip.person_id = ? AND ip.owner_id = ? "
        "ORDER BY ip.occurred_on DESC, ip.interaction_id DESC" + page,
        (person_id, store.owner_id),
    )
    return [interaction_from_row(r, [person_id]) for r in rows]


def find_by_source(store: Store, source: str, source_key: str) -> int | None:
    found = store.db.scalar(
        "SELECT id FROM interaction WHERE owner_id = ? AND source = ? AND source_key = ?",
        (store.owner_id, source, source_key),
    )
    return None if found is None else int(found)


def aggregates_for(
    store: Store, person_ids: Sequence[int], depth: Mapping[InteractionKind, float]
) -> dict[int, Row]:
    """What the derived columns of `person` are computed from, for many people in one
    grouped, indexed query (people without any interaction are absent). Pass at most a few
    hundred ids at a time."""
    if not person_ids:
        return {}
    case = " ".join(f"WHEN '{kind.value}' THEN {float(w)}" for kind, w in depth.items())
    rows = store.db.query(
        "SELECT ip.person_id, min(i.occurred_on) AS first_on, max(i.occurred_on) AS last_on, "
        "count(*) AS n, "
        "sum(CASE WHEN i.direction = 'inbound' THEN 1 ELSE 0 END) AS inbound, "
        "sum(CASE WHEN i.direction = 'outbound' THEN 1 ELSE 0 END) AS outbound, "
        "max(CASE WHEN i.direction = 'outbound' THEN i.occurred_on END) AS last_outbound_on, "
        f"sum(CASE i.kind {case} ELSE 1.0 END) AS depth "
        "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
        f"WHERE ip.person_id IN ({', '.join('?' * len(person_ids))}) AND +ip.owner_id = ? "
        "GROUP BY ip.person_id",
        (*person_ids, store.owner_id),
    )
    return {int(r["person_id"]): r for r in rows}


def source_keys(store: Store, source: str) -> set[str]:
    """The keys of every interaction `source` imported."""
    rows = store.db.query(
        "SELECT source_key FROM interaction WHERE owner_id = ? AND source = ?",
        (store.owner_id, source),
    )
    return {r["source_key"] for r in rows}


def count_for_person(store: Store, person_id: int) -> int:
    """How many interactions this person took part in."""
    found = store.db.scalar(
        "SELECT count(*) FROM interaction_participant WHERE owner_id = ? AND person_id = ?",
        (store.owner_id, person_id),
    )
    return int(found or 0)


def delete_interaction(store: Store, interaction_id: int) -> None:
    store.db.execute(
        "DELETE FROM interaction WHERE id = ? AND owner_id = ?", (interaction_id, store.owner_id)
    )
