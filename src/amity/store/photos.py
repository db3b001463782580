"""People's photos: one small avatar per person (`person_photo`), stored once by digest.

PostgreSQL hands a `bytea` back as a `memoryview`: every reader turns it into `bytes`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from amity.store.handle import Store

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredPhoto:
    person_id: int
    media_type: str
    data: bytes
    width: int
    height: int
    digest: str
    source: str


def photo_of(store: Store, person_id: int) -> StoredPhoto | None:
    row = store.db.one(
        "SELECT person_id, media_type, data, width, height, digest, source FROM person_photo "
        "WHERE owner_id = ? AND person_id = ?",
        (store.owner_id, person_id),
    )
    if row is None:
        return None
    return StoredPhoto(
        int(row["person_id"]),
        str(row["media_type"]),
        bytes(row["data"]),
        int(row["width"]),
        int(row["height"]),
        str(row["digest"]),
        str(row["source"] or ""),
    )


def digest_of(store: Store, person_id: int) -> str | None:
    value = store.db.scalar(
        "SELECT digest FROM person_photo WHERE owner_id = ? AND person_id = ?",
        (store.owner_id, person_id),
    )
    return None if value is None else str(value)


def put_photo(store: Store, photo: StoredPhoto) -> None:
    """The person's photo, replacing the one they had."""
    remove_photo(store, photo.person_id)
    store.db.execute(
        "INSERT INTO person_photo (owner_id, person_id, media_type, data, width, height, "
        "digest, source) SELECT ?, id, ?, ?, ?, ?, ?, ? FROM person WHERE owner_id = ? AND id = ?",
        (
            store.owner_id,
            photo.media_type,
            photo.data,
            photo.width,
            photo.height,
            photo.digest,
            photo.source,
            store.owner_id,
            photo.person_id,
        ),
    )


def remove_photo(store: Store, person_id: int) -> None:
    store.db.execute(
        "DELETE FROM person_photo WHERE owner_id = ? AND person_id = ?",
        (store.owner_id, person_id),
    )


def digests_of(store: Store, person_ids: Iterable[int]) -> dict[int, str]:
    """The digest of each of these people's photos (people without one are left out)."""
    ids = sorted(set(person_ids))
    found: dict[int, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for person_id, digest in store.db.rows(
            f"SELECT person_id, digest FROM person_photo WHERE owner_id = ? "
            f"AND person_id IN ({marks})",
            (store.owner_id, *chunk),
        ):
            found[int(person_id)] = str(digest)
    return found


def every_photo(store: Store) -> dict[int, tuple[str, bytes]]:
    """Every photo of the account: person id -> (media type, data), for an export."""
    return {
        int(person_id): (str(media_type), bytes(data))
        for person_id, media_type, data in store.db.rows(
            "SELECT person_id, media_type, data FROM person_photo WHERE owner_id = ?",
            (store.owner_id,),
        )
    }
