"""Duplicates: find them, merge them (one person per human), and undo."""

from __future__ import annotations

from datetime import date
from typing import Any

from amity.engines.dedupe import find_duplicates
from amity.errors import AmityError, UsageError
from amity.model import Circle
from amity.service.relationships import refresh_people
from amity.service.resolve import resolve_person
from amity.store import Store
from amity.store import people as people_store
from amity.store.candidates import load_candidates
from amity.store.search import delete_doc, delete_person_doc, interaction_doc_id
from amity.store.snapshots import (
    PERSON_TABLES,
    capture_person,
    last_change,
    mark_undone,
    record_change,
    restore_people,
)

_CLOSENESS = [c.value for c in Circle]  # inner first
_FILLABLE = (
    "given_name",
    "family_name",
    "nickname",
    "headline",
    "location",
    "how_met",
    "where_met",
    "about",
    "needs",
    "offers",
    "interests",
)


def find_pairs(store: Store, min_score: float = 0.5) -> list[dict[str, Any]]:
    if not 0.0 <= min_score <= 1.0:
        raise UsageError("--min-score must be between 0 and 1")
    candidates = load_candidates(store)
    names = {c.id: c.name for c in candidates}
    return [
        {
            "a": m.a,
            "b": m.b,
            "a_name": names[m.a],
            "b_name": names[m.b],
            "score": round(m.score, 3),
            "reasons": list(m.reasons),
        }
        for m in find_duplicates(candidates, min_score)
    ]


def merge_people(store: Store, first: str, second: str, today: date) -> dict[str, Any]:
    keep, keep_name = resolve_person(store, first)
    gone, gone_name = resolve_person(store, second)
    if keep == gone:
        raise UsageError(f"{keep_name} (#{keep}) is one person already")
    with store.db.transaction():
        snapshots = [capture_person(store, keep), capture_person(store, gone)]
        _merge_into(store, keep, gone)
        refresh_people(store, [keep], today)
        record_change(
            store,
            "merge",
            f"merged {gone_name} (#{gone}) into {keep_name} (#{keep})",
            {"snapshots": snapshots},
        )
    return {"kept": {"id": keep, "name": keep_name}, "merged": {"id": gone, "name": gone_name}}


def apply_pairs(store: Store, min_score: float, today: date) -> dict[str, Any]:
    """Merge every pair at or above `min_score`, best first; one undo reverses them all."""
    pairs = find_pairs(store, min_score)
    into: dict[int, int] = {}
    snapshots: dict[int, dict[str, Any]] = {}
    merged = []
    with store.db.transaction():
        for pair in pairs:
            keep, gone = _root(into, pair["a"]), _root(into, pair["b"])
            if keep == gone:
                continue
            keep, gone = min(keep, gone), max(keep, gone)
            for pid in (keep, gone):
                snapshots.setdefault(pid, capture_person(store, pid))
            _merge_into(store, keep, gone)
            into[gone] = keep
            merged.append(
                {"kept": keep, "merged": gone, "score": pair["score"], "reasons": pair["reasons"]}
            )
        refresh_people(store, {_root(into, k) for k in into}, today)
        if merged:
            record_change(
                store,
                "merge",
                f"merged {len(merged)} duplicate pairs",
                {"snapshots": list(snapshots.values())},
            )
    return {"merged": merged, "count": len(merged)}


def _root(into: dict[int, int], pid: int) -> int:
    while pid in into:
        pid = into[pid]
    return pid


def _merge_into(store: Store, keep: int, gone: int) -> None:
    db = store.db
    a = db.one("SELECT * FROM person WHERE id = ?", (keep,)) or {}
    b = db.one("SELECT * FROM person WHERE id = ?", (gone,)) or {}
    fill: dict[str, Any] = {f: b[f] for f in _FILLABLE if b.get(f) and not a.get(f)}
    if b.get("birthday_month") and not a.get("birthday_month"):
        fill.update(
            birthday_month=b["birthday_month"],
            birthday_day=b["birthday_day"],
            birthday_year=b["birthday_year"],
        )
    if _CLOSENESS.index(b["circle"]) < _CLOSENESS.index(a["circle"]):
        fill["circle"] = b["circle"]
    if b.get("cadence_days") and not a.get("cadence_days"):
        fill["cadence_days"] = b["cadence_days"]
    people_store.update_person(store, keep, fill)
    db.execute(
        "DELETE FROM contact_point WHERE person_id = ? AND EXISTS (SELECT 1 FROM contact_point k "
        "WHERE k.person_id = ? AND k.kind = contact_point.kind "
        "AND k.normalized = contact_point.normalized)",
        (gone, keep),
    )
    db.execute(
        "DELETE FROM person_tag WHERE person_id = ? AND tag_id IN "
        "(SELECT tag_id FROM person_tag WHERE person_id = ?)",
        (gone, keep),
    )
    db.execute(
        "DELETE FROM interaction_participant WHERE person_id = ? AND interaction_id IN "
        "(SELECT interaction_id FROM interaction_participant WHERE person_id = ?)",
        (gone, keep),
    )
    db.execute(
        "DELETE FROM event_attendance WHERE person_id = ? AND event_id IN "
        "(SELECT event_id FROM event_attendance WHERE person_id = ?)",
        (gone, keep),
    )
    for table, column in PERSON_TABLES:
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (keep, gone))
    db.execute("DELETE FROM tie WHERE person_a_id = person_b_id")
    db.execute("UPDATE person SET met_through_id = ? WHERE met_through_id = ?", (keep, gone))
    delete_person_doc(store, gone)
    db.execute("DELETE FROM person WHERE id = ?", (gone,))
    people_store.refresh_current_position(store, keep)
    people_store.reindex_person(store, keep)


def undo_last(store: Store, today: date) -> str:
    """Reverse the last merge or import exactly."""
    change = last_change(store)
    if change is None:
        raise AmityError("nothing to undo: no merge or import since the last undo")
    payload = change["payload"]
    with store.db.transaction():
        if change["kind"] == "import":
            _undo_import(store, payload)
        else:
            restore_people(store, payload["snapshots"])
        mark_undone(store, int(change["id"]))
    return f"Undone: {change['summary']}"


def _snapshots(payload: dict[str, Any]) -> list[dict[str, Any]]:
    snaps = payload.get("snapshots", [])
    return list(snaps.values()) if isinstance(snaps, dict) else list(snaps)


def _undo_import(store: Store, payload: dict[str, Any]) -> None:
    owner = payload.get("owner_before")
    if owner is not None:
        from amity.service import preferences

        if owner["profile"] is None:
            store.db.execute(
                "DELETE FROM setting WHERE owner_id = ? AND key = 'profile'", (store.owner_id,)
            )
        else:
            preferences.put(store, "profile", owner["profile"])
        store.db.execute(
            "UPDATE account SET name = ?, email = ? WHERE id = ?",
            (owner["name"], owner["email"], store.owner_id),
        )
    for interaction_id in payload["created_interactions"]:
        delete_doc(store, interaction_doc_id(interaction_id))
        store.db.execute("DELETE FROM interaction WHERE id = ?", (interaction_id,))
    for person_id in payload["created_people"]:
        people_store.delete_person(store, person_id)
    restore_people(store, _snapshots(payload))
    store.db.execute(
        "DELETE FROM organization WHERE owner_id = ? AND id > ? AND NOT EXISTS "
        "(SELECT 1 FROM position p WHERE p.organization_id = organization.id)",
        (store.owner_id, payload["organizations_before"]),
    )
