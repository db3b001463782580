"""Merging one person into another: every row of the one that goes moves to the one kept.

Person-keyed statements filter on `+owner_id`: the unary plus keeps the planner on the
person index (a merge touches a few rows), never on an index that reads the account."""

from __future__ import annotations

from collections.abc import Sequence

from amity.store import ties
from amity.store.database import Row
from amity.store.handle import Store
from amity.store.snapshots import PERSON_TABLES

# Link tables with a unique (thing, person) pair: the gone person's duplicate links go.
_LINKS = (
    ("contact_point", "EXISTS (SELECT 1 FROM contact_point k WHERE k.person_id = ? "
     "AND k.kind = contact_point.kind AND k.normalized = contact_point.normalized)"),
    ("person_tag", "tag_id IN (SELECT tag_id FROM person_tag WHERE person_id = ?)"),
    ("interaction_participant",
     "interaction_id IN (SELECT interaction_id FROM interaction_participant WHERE person_id = ?)"),
    ("event_attendance", "event_id IN (SELECT event_id FROM event_attendance WHERE person_id = ?)"),
    ("person_photo", "EXISTS (SELECT 1 FROM person_photo k WHERE k.person_id = ?)"),  # one photo
    ("referral", "EXISTS (SELECT 1 FROM referral k WHERE k.person_id = ? "
     "AND k.opportunity_id = referral.opportunity_id AND k.role = referral.role)"),
)  # fmt: skip


def move_rows(store: Store, keep: int, gone: int) -> None:
    """Give `keep` every row of `gone`: links both had go first, then the rest moves, and
    a tie of `keep` with itself (they knew each other) goes."""
    db = store.db
    ties.drop_merge_duplicates(store, keep, gone)  # one tie per pair of people
    _keep_referral_outcomes(store, keep, gone)
    for table, condition in _LINKS:
        db.execute(
            f"DELETE FROM {table} WHERE +owner_id = ? AND person_id = ? AND {condition}",
            (store.owner_id, gone, keep),
        )
    for table, column in PERSON_TABLES:
        db.execute(
            f"UPDATE {table} SET {column} = ? WHERE +owner_id = ? AND {column} = ?",
            (keep, store.owner_id, gone),
        )
    db.execute(
        "DELETE FROM tie WHERE +owner_id = ? AND person_a_id = ? AND person_b_id = ?",
        (store.owner_id, keep, keep),
    )
    ties.reorder_ties(store, keep)


def _keep_referral_outcomes(store: Store, keep: int, gone: int) -> None:
    """Both passed the same opportunity (or referred you to it): the one referral kept
    takes the earlier day, and the gone one's outcome when it has none of its own."""
    same = (
        "FROM referral g WHERE g.owner_id = referral.owner_id AND g.person_id = ? "
        "AND g.opportunity_id = referral.opportunity_id AND g.role = referral.role"
    )
    store.db.execute(
        f"UPDATE referral SET outcome = (SELECT g.outcome {same}) "
        f"WHERE +owner_id = ? AND person_id = ? AND outcome = '' "
        f"AND EXISTS (SELECT 1 {same} AND g.outcome <> '')",
        (gone, store.owner_id, keep, gone),
    )
    store.db.execute(
        f"UPDATE referral SET on_date = (SELECT g.on_date {same}) "
        f"WHERE +owner_id = ? AND person_id = ? "
        f"AND EXISTS (SELECT 1 {same} AND g.on_date < referral.on_date)",
        (gone, store.owner_id, keep, gone),
    )


def delete_merged(store: Store, gone: int) -> None:
    store.db.execute("DELETE FROM person WHERE id = ? AND owner_id = ?", (gone, store.owner_id))


def met_through_any(store: Store, person_ids: Sequence[int]) -> list[Row]:
    """The people met through any of these (id, met_through_id), by the met-through index."""
    rows: list[Row] = []
    ids = list(person_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows += store.db.query(
            "SELECT id, met_through_id FROM person WHERE +owner_id = ? AND met_through_id IN "
            f"({', '.join('?' * len(chunk))})",
            (store.owner_id, *chunk),
        )
    return rows


def set_met_through(store: Store, person_id: int, through: int | None) -> None:
    store.db.execute(
        "UPDATE person SET met_through_id = ? WHERE owner_id = ? AND id = ?",
        (through, store.owner_id, person_id),
    )
