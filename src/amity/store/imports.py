"""What an import matches by and the marks it leaves on people: the living names and profile
URLs it finds people by, "missing from the newer export", and the organizations it added."""

from __future__ import annotations

from datetime import date

from amity.store.database import Row
from amity.store.handle import Store


def mark_missing(store: Store, person_id: int, day: date | None) -> None:
    """A newer full export no longer has them since `day` (None: they are back)."""
    if day is None:
        store.db.execute(
            "UPDATE person SET missing_since = NULL WHERE owner_id = ? AND id = ?",
            (store.owner_id, person_id),
        )
        return
    store.db.execute(
        "UPDATE person SET missing_since = ? WHERE owner_id = ? AND id = ? "
        "AND missing_since IS NULL",
        (day.isoformat(), store.owner_id, person_id),
    )


def living_name_keys(store: Store) -> list[Row]:
    """`id` and `name_key` of everyone not in the trash, oldest first."""
    return store.db.query(
        "SELECT id, name_key FROM person WHERE owner_id = ? AND deleted_on IS NULL ORDER BY id",
        (store.owner_id,),
    )


def profile_urls(store: Store) -> list[Row]:
    """Every `url` and `social` contact point: `normalized` and `person_id`."""
    return store.db.query(
        "SELECT normalized, person_id FROM contact_point WHERE owner_id = ? "
        "AND kind IN ('url', 'social')",
        (store.owner_id,),
    )


def last_organization_id(store: Store) -> int:
    """The newest organization's id (0 without any): an import drops those after it on undo."""
    found = store.db.scalar(
        "SELECT coalesce(max(id), 0) FROM organization WHERE owner_id = ?", (store.owner_id,)
    )
    return int(found or 0)


def drop_unused_organizations_after(store: Store, organization_id: int) -> None:
    """Organizations newer than `organization_id` that no position names any more."""
    store.db.execute(
        "DELETE FROM organization WHERE owner_id = ? AND id > ? AND NOT EXISTS "
        "(SELECT 1 FROM position p WHERE p.organization_id = organization.id)",
        (store.owner_id, organization_id),
    )
