"""Undo the last merge or import, without destroying what the user did since.

After a merge, meetings, promises, ledger entries and edits made since stay with the
person they were made with (the kept person is restored, and keeps them). After an
import, the same holds for people the import updated; work done since with people the
import *created* has nowhere to go, so undo refuses and lists it, unless forced.
A `dedupe --apply` is journalled in chunks that share a group: one undo reverses them all.
A "not the same person" mark (`dedupe --dismiss`) is undone by forgetting it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from amity.errors import AmityError
from amity.service.relationships import refresh_people
from amity.store import Store
from amity.store import imports as import_store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store import settings as settings_store
from amity.store.dismissals import undismiss
from amity.store.restore import (
    check_payload,
    later_work,
    owned,
    restore_people,
    snapshots_of,
)
from amity.store.search import delete_doc, interaction_doc_id
from amity.store.snapshots import UnsafeChange, last_change, mark_undone

SHOWN = 20  # later work listed in full; the rest is counted


class LaterWork(AmityError):
    """Undo would delete what the user did since; they must say --force."""

    exit_code = 1
    code = "later_work"


@dataclass(slots=True)
class Undone:
    summary: str
    steps: int = 1
    deleted: list[str] = field(default_factory=list)  # later work that --force removed

    def message(self) -> str:
        text = f"Undone: {self.summary}"
        if self.steps > 1:
            text += f" ({self.steps} steps)"
        if self.deleted:
            text += "\nAlso deleted, as --force asked:\n" + _listing(self.deleted)
        return text


def undo_change(store: Store, today: date, *, force: bool = False) -> Undone:
    """Reverse the last merge or import (all chunks of a `dedupe --apply`)."""
    change = last_change(store)
    if change is None:
        raise AmityError("nothing to undo: no merge, import or dismissal since the last undo")
    group = change["payload"].get("group")
    done = Undone(str(change["payload"].get("group_summary") or change["summary"])[:200], 0)
    while change is not None:
        done.deleted += _undo_one(store, change, today, force)
        done.steps += 1
        if group is None:
            break
        change = last_change(store)
        if change is not None and change["payload"].get("group") != group:
            break
    return done


def _undo_one(store: Store, change: dict[str, Any], today: date, force: bool) -> list[str]:
    payload = change["payload"]
    check_payload(store.owner_id, payload)
    if change["kind"] == "dismiss" and "dismissed" in payload:
        with store.db.transaction():
            undismiss(store, *payload["dismissed"])
            mark_undone(store, int(change["id"]))
        return []
    if change["kind"] not in ("import", "merge"):
        raise UnsafeChange(f"an undo record of an unknown kind: {str(change['kind'])[:40]!r}")
    lost = later_work(store, payload) if change["kind"] == "import" else []
    if lost and not force:
        raise LaterWork(
            f"undoing {change['summary']} would delete what you did since with people it "
            f"created:\n{_listing(lost)}\nNothing was changed. `amity undo --force` undoes "
            "it anyway and deletes that work too."
        )
    after = snapshots_of(payload, "after") if "after" in payload else None
    with store.db.transaction():
        if change["kind"] == "import":
            _undo_import_extras(store, payload)
        restored, later = restore_people(store, snapshots_of(payload), after)
        if change["kind"] == "import":
            _drop_new_organizations(store, int(payload.get("organizations_before", 0)))
        refresh_people(store, later, today)  # the others are back exactly as they were
        for person_id in restored:
            people_store.refresh_current_position(store, person_id)
            people_store.reindex_person(store, person_id)
        mark_undone(store, int(change["id"]))
    return lost


def _listing(lines: list[str]) -> str:
    shown = "\n".join(f"  {line}" for line in lines[:SHOWN])
    if len(lines) > SHOWN:
        shown += f"\n  ... and {len(lines) - SHOWN} more"
    return shown


def _undo_import_extras(store: Store, payload: dict[str, Any]) -> None:
    """The account's own profile, and everything the import created."""
    owner = payload.get("owner_before")
    if owner is not None:
        from amity.service.settings import preferences

        if owner.get("profile") is None:
            preferences.remove(store, "profile")
        else:
            preferences.put(store, "profile", owner["profile"])
        settings_store.set_account_contact(store, owner["name"], owner["email"])
    for interaction_id in owned(store, "interaction", payload.get("created_interactions", [])):
        delete_doc(store, interaction_doc_id(interaction_id))
        interaction_store.delete_interaction(store, interaction_id)
    for person_id in owned(store, "person", payload.get("created_people", [])):
        people_store.delete_person(store, person_id)


def _drop_new_organizations(store: Store, organizations_before: int) -> None:
    import_store.drop_unused_organizations_after(store, organizations_before)
