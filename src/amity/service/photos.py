"""People's photos: kept from an import, shown as avatars, written back in a vCard export.

A photo is never fetched: only the bytes a file holds are kept, checked and resized by
`amity.io.photos` (which loads Pillow, so it is imported only when there is a photo). The
same picture imported again changes nothing (its digest is the source bytes'); a new one
from the record that gave the first replaces it; a merge from another source fills only a
person who has none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from amity.errors import NotFound
from amity.store import Store
from amity.store import photos as photo_store
from amity.store.photos import StoredPhoto


class Kept(StrEnum):
    KEPT = "kept"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class PhotoOutcome:
    kept: Kept
    reason: str = ""  # why a photo was refused, as the import report says it


@dataclass(frozen=True, slots=True)
class Photo:
    media_type: str
    data: bytes
    digest: str


def keep_photo(
    store: Store, person_id: int, data: bytes, source: str, *, replace: bool = True
) -> PhotoOutcome:
    """Give the person this picture, resized; `replace=False` keeps a photo they have."""
    from amity.io.photos import PhotoRefused, avatar_from, photo_digest

    current = photo_store.digest_of(store, person_id)
    if current is not None and (not replace or current == photo_digest(data)):
        return PhotoOutcome(Kept.UNCHANGED)
    try:
        avatar = avatar_from(data)
    except PhotoRefused as refused:
        return PhotoOutcome(Kept.REFUSED, str(refused))
    photo_store.put_photo(
        store,
        StoredPhoto(
            person_id,
            avatar.media_type,
            avatar.data,
            avatar.width,
            avatar.height,
            avatar.digest,
            source,
        ),
    )
    return PhotoOutcome(Kept.KEPT)


def photo_for(store: Store, person_id: int) -> Photo:
    """The person's avatar, or NotFound when they have none."""
    stored = photo_store.photo_of(store, person_id)
    if stored is None:
        raise NotFound(f"person {person_id} has no photo")
    return Photo(stored.media_type, stored.data, stored.digest)


def photo_versions(store: Store, person_ids: Iterable[int]) -> dict[int, str]:
    """A short version of each of these people's photos (for the avatar's URL): people
    without a photo are left out, and get their initials."""
    return {pid: digest[:12] for pid, digest in photo_store.digests_of(store, person_ids).items()}
