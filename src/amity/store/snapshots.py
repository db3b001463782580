"""Exact copies of everything that hangs off a person, for undoing merges and imports.

A snapshot holds a person's row and every row that references the person, table by table,
with its id. A change (a merge, an import) keeps the snapshots of the people it touched as
they were before and as it left them, so `amity undo` can tell its own work from what the
user did since (see `amity.store.restore`). Snapshots live in the database and travel in
backups: every table and column they name is checked against `COLUMNS` before any SQL is
written with it.
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from amity.errors import AmityError
from amity.store.database import Row
from amity.store.handle import Store


class UnsafeChange(AmityError):
    """A journal entry (maybe from a crafted backup) names something it must not."""

    code = "unsafe_change"


def parse_payload(text: Any) -> dict[str, Any]:
    """A change's journal, as stored (JSON text, or already a dict on PostgreSQL)."""
    try:
        payload = json.loads(text) if isinstance(text, str) else text
    except (ValueError, RecursionError) as exc:  # RecursionError: nested a million deep
        raise UnsafeChange(f"an undo record is not valid JSON: {str(exc)[:80]}") from None
    if not isinstance(payload, dict):
        raise UnsafeChange("an undo record is not a JSON object")
    return payload


# Tables whose rows belong to one person, and the column that says which person.
PERSON_TABLES: tuple[tuple[str, str], ...] = (
    ("contact_point", "person_id"),
    ("position", "person_id"),
    ("person_tag", "person_id"),
    ("interaction_participant", "person_id"),
    ("source_record", "person_id"),
    ("ledger_entry", "person_id"),
    ("life_event", "person_id"),
    ("reminder", "person_id"),
    ("event_attendance", "person_id"),
    ("goal_target", "person_id"),
    ("person_photo", "person_id"),
    ("tie", "person_a_id"),
    ("tie", "person_b_id"),
    ("introduction", "person_a_id"),
    ("introduction", "person_b_id"),
    ("opportunity", "person_id"),
    ("referral", "person_id"),
    ("dismissed_pair", "person_a_id"),
    ("dismissed_pair", "person_b_id"),
)

# Every column of every table a snapshot may name: the only names ever put into SQL from a
# stored snapshot. tests/hostile/test_undo_and_trash.py checks it against the live schema.
COLUMNS: dict[str, frozenset[str]] = {
    name: frozenset(spec.split())
    for name, spec in {
        "person": "id owner_id name name_key given_name family_name nickname headline location "
        "birthday_month birthday_day birthday_year how_met where_met met_through_id circle "
        "cadence_days about needs offers interests archived created_on deleted_on "
        "missing_since organization title first_contact_on last_contact_on last_outbound_on "
        "interaction_count inbound_count outbound_count depth_total next_due_on strength",
        "contact_point": "id owner_id person_id kind value normalized label",
        "position": "id owner_id person_id organization_id title start_on end_on source",
        "person_tag": "owner_id person_id tag_id",
        "interaction_participant": "interaction_id owner_id person_id",
        "source_record": "id owner_id person_id source source_key fingerprint payload "
        "first_seen_on last_seen_on missing_since",
        "ledger_entry": "id owner_id person_id direction kind what occurred_on",
        "life_event": "id owner_id person_id kind occurred_on detail source",
        "reminder": "id owner_id person_id kind key reason detail due_on state snoozed_until "
        "closed_on interaction_id",
        "event_attendance": "id owner_id event_id person_id role notes",
        "goal_target": "id owner_id goal_id kind value person_id",
        "person_photo": "person_id owner_id media_type data width height digest source",
        "tie": "id owner_id person_a_id person_b_id kind strength source since state why",
        "introduction": "id owner_id person_a_id person_b_id reason state created_on updated_on "
        "asked_a_on a_agreed_on asked_b_on b_agreed_on introduced_on done_on declined_on "
        "declined_by outcome",
        "opportunity": "id owner_id title description organization person_id created_on closed "
        "kind for_me outcome",
        "referral": "id owner_id opportunity_id person_id role on_date outcome",
        "dismissed_pair": "id owner_id person_a_id person_b_id dismissed_on",
    }.items()
}
PERSON_COLUMNS: dict[str, tuple[str, ...]] = {}
for _table, _column in PERSON_TABLES:
    PERSON_COLUMNS[_table] = (*PERSON_COLUMNS.get(_table, ()), _column)
# Rows of other tables a person's rows point at, which must be the same account's.
REFERENCES: dict[str, str] = {
    "organization_id": "organization",
    "tag_id": "tag",
    "interaction_id": "interaction",
    "event_id": "event",
    "opportunity_id": "opportunity",
    "goal_id": "goal",
    "met_through_id": "person",
}
# Person columns a user (or an import) sets; the rest are derived on every write.
DERIVED = frozenset(
    {
        "organization", "title", "first_contact_on", "last_contact_on", "last_outbound_on",
        "interaction_count", "inbound_count", "outbound_count", "depth_total", "next_due_on",
        "strength", "name_key",
    }
)  # fmt: skip
_CHUNK = 500


# Columns that hold bytes: a snapshot (JSON) carries them as base64 text.
BINARY: dict[str, frozenset[str]] = {"person_photo": frozenset({"data"})}


# Columns a snapshot leaves out: copies of another row's value, put back from that row
# (a participant row's day is its interaction's: `restore._insert`).
COPIED: dict[str, frozenset[str]] = {"interaction_participant": frozenset({"occurred_on"})}


def _plain(row: Row, table: str = "") -> dict[str, Any]:
    binary = BINARY.get(table, frozenset())
    copied = COPIED.get(table, frozenset())
    return {
        k: (
            v.isoformat()
            if isinstance(v, date)
            else base64.b64encode(bytes(v)).decode("ascii")
            if k in binary and v is not None
            else v
        )
        for k, v in row.items()
        if k not in copied
    }


def stored_value(table: str, column: str, value: Any) -> Any:
    """A snapshot's value as the database takes it: base64 text back to bytes."""
    if column in BINARY.get(table, ()) and isinstance(value, str):
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (ValueError, UnicodeEncodeError):
            raise UnsafeChange(
                f"an undo record holds a {table}.{column} that is not base64"
            ) from None
    return value


def capture_person(store: Store, person_id: int) -> dict[str, Any]:
    return capture_people(store, [person_id]).get(person_id, {})


def capture_people(store: Store, person_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Snapshots of many people at once, a few queries per 500 people."""
    ids = sorted(set(person_ids))
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for person in store.db.query(
            f"SELECT * FROM person WHERE owner_id = ? AND id IN ({marks})",
            (store.owner_id, *chunk),
        ):
            found[int(person["id"])] = {"person": _plain(person), "rows": []}
        for table, column in PERSON_TABLES:
            # By the person column's index: a plain `owner_id = ?` may make SQLite pick the
            # owner's index and read every row of the account, so `+owner_id` keeps the
            # predicate without that index.
            for row in store.db.query(
                f"SELECT * FROM {table} WHERE {column} IN ({marks}) AND +owner_id = ?",
                (*chunk, store.owner_id),
            ):
                owner = found.get(int(row[column]))
                if owner is not None:
                    owner["rows"].append([table, _plain(row, table)])
    return found


# -- what a change leaves, to tell it from later work ------------------------------------


def high_water_marks(store: Store) -> dict[str, int]:
    """The largest id of each table with ids: rows above it were made after the change."""
    marks = {}
    for table in (*COLUMNS, "interaction"):
        if table == "interaction" or "id" in COLUMNS[table]:
            # Ids are shared by every account: the largest id of all is the mark (and the
            # primary key answers it at once, where a per-account max reads the account).
            found = store.db.scalar(f"SELECT coalesce(max(id), 0) FROM {table}")
            marks[table] = int(found or 0)
    return marks


# What a user edits about a person (`amity edit`, forget, archive); the import's own
# bookkeeping (missing_since) and the derived columns are left out.
EDITED = (
    "name", "given_name", "family_name", "nickname", "headline", "location",
    "birthday_month", "birthday_day", "birthday_year", "how_met", "where_met",
    "met_through_id", "circle", "cadence_days", "about", "needs", "offers", "interests",
    "archived", "deleted_on",
)  # fmt: skip


def fingerprints(store: Store, person_ids: Iterable[int]) -> dict[str, str]:
    """A short checksum of what the user can edit about each person (fields and tags),
    the same on SQLite and PostgreSQL; the fields are joined in SQL, so the 100,000 people
    of a large import cost one query and a checksum each."""
    wanted = set(person_ids)
    if not wanted:
        return {}
    low = min(wanted)
    tags: dict[int, list[int]] = {}
    for row in store.db.query(
        "SELECT person_id, tag_id FROM person_tag WHERE owner_id = ? AND person_id >= ?",
        (store.owner_id, low),
    ):
        tags.setdefault(int(row["person_id"]), []).append(int(row["tag_id"]))
    out = {}
    for person in store.db.query(
        f"SELECT id, {_EDITED_TEXT} AS fields FROM person WHERE owner_id = ? AND id >= ?",
        (store.owner_id, low),
    ):
        pid = int(person["id"])
        if pid in wanted:
            text = f"{person['fields']}|{sorted(tags.get(pid, ()))}"
            out[str(pid)] = f"{zlib.crc32(text.encode()):08x}"
    return out


_EDITED_TEXT = " || '|' || ".join(
    "(CASE WHEN archived THEN '1' ELSE '0' END)"
    if column == "archived"
    else f"coalesce(CAST({column} AS TEXT), '~')"
    for column in EDITED
)


# -- the journal of undoable changes -------------------------------------------------------


def record_change(store: Store, kind: str, summary: str, payload: dict[str, Any]) -> int:
    """Journal a change, with what it left behind: the touched people as they are now,
    fingerprints of the people it created, and each table's high-water mark."""
    before = payload.get("snapshots", [])
    captured = before.values() if isinstance(before, dict) else before
    touched = [int(s["person"]["id"]) for s in captured if s]
    payload = {
        **payload,
        "after": list(capture_people(store, touched).values()),
        "marks": high_water_marks(store),
        "created_prints": fingerprints(store, payload.get("created_people", [])),
    }
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return store.db.insert(
        "INSERT INTO change_set (owner_id, kind, summary, created_at, undone, payload) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (store.owner_id, kind, summary, now, False, json.dumps(payload, sort_keys=True)),
    )


def last_change(store: Store) -> Row | None:
    row = store.db.one(
        "SELECT * FROM change_set WHERE owner_id = ? AND undone = ? ORDER BY id DESC LIMIT 1",
        (store.owner_id, False),
    )
    if row is not None:
        row["payload"] = parse_payload(row["payload"])
    return row


def mark_undone(store: Store, change_id: int) -> None:
    store.db.execute(
        "UPDATE change_set SET undone = ? WHERE id = ? AND owner_id = ?",
        (True, change_id, store.owner_id),
    )
