"""Where people came from: the source records an import keeps for each person."""

from __future__ import annotations

from datetime import date

from amity.store.database import Row, as_date
from amity.store.handle import Store


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


def records_of(store: Store, source: str) -> list[Row]:
    """Every record `source` imported: `id`, `person_id`, `source_key`, `fingerprint`,
    `payload`, `missing_since`."""
    return store.db.query(
        "SELECT id, person_id, source_key, fingerprint, payload, missing_since "
        "FROM source_record WHERE owner_id = ? AND source = ?",
        (store.owner_id, source),
    )


def mark_record_missing(store: Store, record_id: int, day: date | None) -> None:
    """The export no longer holds this record since `day` (None: it is back)."""
    store.db.execute(
        "UPDATE source_record SET missing_since = ? WHERE owner_id = ? AND id = ?",
        (day.isoformat() if day else None, store.owner_id, record_id),
    )


def record_seen(store: Store, record_id: int, digest: str, payload: str, day: date) -> None:
    """The record's new content, as the import of `day` read it."""
    store.db.execute(
        "UPDATE source_record SET fingerprint = ?, payload = ?, last_seen_on = ? "
        "WHERE owner_id = ? AND id = ?",
        (digest, payload, day.isoformat(), store.owner_id, record_id),
    )


def rekey_record(store: Store, record_id: int, source_key: str) -> None:
    store.db.execute(
        "UPDATE source_record SET source_key = ? WHERE owner_id = ? AND id = ?",
        (source_key, store.owner_id, record_id),
    )


def relink_record(
    store: Store, record_id: int, person_id: int, digest: str, payload: str, day: date
) -> None:
    """A record whose person was forgotten for good now belongs to `person_id`."""
    store.db.execute(
        "UPDATE source_record SET person_id = ?, fingerprint = ?, payload = ?, "
        "last_seen_on = ? WHERE owner_id = ? AND id = ?",
        (person_id, digest, payload, day.isoformat(), store.owner_id, record_id),
    )


def add_bare_record(store: Store, person_id: int, source: str, source_key: str, day: date) -> None:
    """A record with no content of its own (someone who only appears in messages)."""
    store.db.execute(
        "INSERT INTO source_record (owner_id, person_id, source, source_key, fingerprint, "
        "payload, first_seen_on, last_seen_on) VALUES (?, ?, ?, ?, '', '{}', ?, ?)",
        (store.owner_id, person_id, source, source_key, day.isoformat(), day.isoformat()),
    )


def people_by_key(store: Store, sources: tuple[str, str]) -> dict[str, int]:
    """The person each record of these two sources landed on, by its source key."""
    rows = store.db.query(
        "SELECT source_key, person_id FROM source_record WHERE owner_id = ? "
        "AND source IN (?, ?) AND person_id IS NOT NULL",
        (store.owner_id, *sources),
    )
    return {r["source_key"]: int(r["person_id"]) for r in rows}


def first_source_by_person(store: Store) -> dict[int, str]:
    """Each imported person's first source, alphabetically."""
    return {
        int(person_id): source
        for person_id, source in store.db.rows(
            "SELECT person_id, min(source) AS source FROM source_record WHERE owner_id = ? "
            "AND person_id IS NOT NULL GROUP BY person_id",
            (store.owner_id,),
        )
    }
