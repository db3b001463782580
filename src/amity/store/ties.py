"""Who knows whom: the ties between people of one account, and what they are inferred from.

One row per pair of people and account, the lower id first (`person_a_id < person_b_id`,
enforced by a unique index since migration 0007). `state` says whose word the tie rests
on: `inferred` (Amity's evidence, rewritten by each refresh), `confirmed` (the user's) or
`hidden` (the user said no: kept so the inference never brings it back).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from amity.store.database import Row
from amity.store.handle import Store

FRESH_KEY = "ties_revision"
"""The `setting` key of the revision the inferred ties were last refreshed at. Internal:
never exported in a backup (it belongs to this database)."""
_LIVING = "archived = ? AND deleted_on IS NULL"


def _pair(a: int, b: int) -> tuple[int, int]:
    return (a, b) if a < b else (b, a)


def ties_of(store: Store, person_id: int, limit: int = 30) -> list[Row]:
    """The people in the account's living set tied to this one: those shown first,
    strongest first, then the hidden ones. `id`, `name`, `kind`, `strength`, `source`,
    `state`, `why`."""
    return store.db.query(
        "SELECT p.id, p.name, t.kind, t.strength, t.source, t.state, t.why FROM tie t "
        "JOIN person p ON p.id = "
        "CASE WHEN t.person_a_id = ? THEN t.person_b_id ELSE t.person_a_id END "
        "WHERE t.owner_id = ? AND (t.person_a_id = ? OR t.person_b_id = ?) "
        "AND p.deleted_on IS NULL "
        "ORDER BY CASE WHEN t.state = 'hidden' THEN 1 ELSE 0 END, t.strength DESC, p.name "
        "LIMIT ?",
        (person_id, store.owner_id, person_id, person_id, limit),
    )


def tie_between(store: Store, a: int, b: int) -> Row | None:
    """The tie of these two people (either order), or None."""
    lo, hi = _pair(a, b)
    return store.db.one(
        "SELECT id, person_a_id, person_b_id, kind, strength, source, state, why FROM tie "
        "WHERE owner_id = ? AND person_a_id = ? AND person_b_id = ?",
        (store.owner_id, lo, hi),
    )


@dataclass(frozen=True, slots=True)
class TieRow:
    """A tie as written: the pair in any order (stored lower id first)."""

    a: int
    b: int
    kind: str
    strength: int
    source: str
    state: str
    why: str


def put_tie(store: Store, tie: TieRow) -> None:
    """Record this tie, replacing what the pair had (one row per pair)."""
    lo, hi = _pair(tie.a, tie.b)
    store.db.execute(
        "INSERT INTO tie (owner_id, person_a_id, person_b_id, kind, strength, source, state, why) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (owner_id, person_a_id, person_b_id) DO UPDATE SET kind = excluded.kind, "
        "strength = excluded.strength, source = excluded.source, state = excluded.state, "
        "why = excluded.why",
        (store.owner_id, lo, hi, tie.kind, tie.strength, tie.source, tie.state, tie.why),
    )


def set_state(store: Store, a: int, b: int, state: str) -> int:
    """Confirm or hide the pair's tie; the number of rows changed (0: no such tie)."""
    lo, hi = _pair(a, b)
    return store.db.execute(
        "UPDATE tie SET state = ? WHERE owner_id = ? AND person_a_id = ? AND person_b_id = ?",
        (state, store.owner_id, lo, hi),
    )


def all_ties(store: Store) -> list[Row]:
    """Every tie of the account: `person_a_id`, `person_b_id`, `kind`, `strength`, `source`,
    `state`, `why` (what a refresh compares its findings with)."""
    return store.db.query(
        "SELECT person_a_id, person_b_id, kind, strength, source, state, why FROM tie "
        "WHERE owner_id = ?",
        (store.owner_id,),
    )


def write_inferred(store: Store, put: Sequence[TieRow], gone: Iterable[tuple[int, int]]) -> None:
    """Apply a refresh: `put` inserts or rewrites inferred ties (never a confirmed or hidden
    one), `gone` deletes inferred ties whose evidence is gone."""
    db, owner = store.db, store.owner_id
    db.executemany(
        "INSERT INTO tie (owner_id, person_a_id, person_b_id, kind, strength, source, state, why) "
        "VALUES (?, ?, ?, ?, ?, ?, 'inferred', ?) "
        "ON CONFLICT (owner_id, person_a_id, person_b_id) DO UPDATE SET kind = excluded.kind, "
        "strength = excluded.strength, source = excluded.source, why = excluded.why "
        "WHERE tie.state = 'inferred'",
        [(owner, *_pair(t.a, t.b), t.kind, t.strength, t.source, t.why) for t in put],
    )
    db.executemany(
        "DELETE FROM tie WHERE owner_id = ? AND person_a_id = ? AND person_b_id = ? "
        "AND state = 'inferred'",
        [(owner, *_pair(a, b)) for a, b in gone],
    )


# --- the evidence ties are inferred from (living people only) ------------------------------


def positions(store: Store) -> list[Row]:
    """Every position of a living person: `person_id`, `organization`, `start_on`, `end_on`."""
    return store.db.query(
        "SELECT po.person_id, o.name AS organization, po.start_on, po.end_on FROM position po "
        "JOIN organization o ON o.id = po.organization_id AND o.owner_id = po.owner_id "
        "JOIN person p ON p.id = po.person_id AND p.archived = ? AND p.deleted_on IS NULL "
        "WHERE po.owner_id = ?",
        (False, store.owner_id),
    )


def met_through(store: Store) -> list[Row]:
    """Living people met through another living person: `id`, `name`, `met_through_id`,
    `through_name`."""
    return store.db.query(
        "SELECT p.id, p.name, p.met_through_id, m.name AS through_name FROM person p "
        "JOIN person m ON m.id = p.met_through_id "
        "AND m.owner_id = p.owner_id AND m.archived = ? AND m.deleted_on IS NULL "
        "WHERE p.owner_id = ? AND p.met_through_id IS NOT NULL AND p.archived = ? "
        "AND p.deleted_on IS NULL",
        (False, store.owner_id, False),
    )


def introductions(store: Store, states: Sequence[str]) -> list[Row]:
    """Introductions in these states: `person_a_id`, `person_b_id`, `updated_on`."""
    marks = ", ".join("?" * len(states))
    return store.db.query(
        "SELECT person_a_id, person_b_id, updated_on FROM introduction "
        f"WHERE owner_id = ? AND state IN ({marks})",
        (store.owner_id, *states),
    )


def event_people(store: Store) -> list[Row]:
    """Who was at each event: participants of its interactions and its attendance list,
    `event_id`, `name`, `person_id` (a person may appear twice)."""
    return store.db.query(
        "SELECT i.event_id, e.name, ip.person_id FROM interaction i "
        "JOIN event e ON e.id = i.event_id AND e.owner_id = i.owner_id "
        "JOIN interaction_participant ip ON ip.interaction_id = i.id "
        "WHERE i.owner_id = ? AND i.event_id IS NOT NULL "
        "UNION SELECT a.event_id, e.name, a.person_id FROM event_attendance a "
        "JOIN event e ON e.id = a.event_id AND e.owner_id = a.owner_id WHERE a.owner_id = ?",
        (store.owner_id, store.owner_id),
    )


def tag_people(store: Store) -> list[Row]:
    """Who carries each tag: `name`, `person_id`."""
    return store.db.query(
        "SELECT t.name, pt.person_id FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
        "WHERE pt.owner_id = ?",
        (store.owner_id,),
    )


def message_people(store: Store, source: str) -> list[Row]:
    """Who took part in each imported message of this source: `source_key`, `person_id`
    (the conversation is the key's first part)."""
    return store.db.query(
        "SELECT i.source_key, ip.person_id FROM interaction i "
        "JOIN interaction_participant ip ON ip.interaction_id = i.id "
        "WHERE i.owner_id = ? AND i.source = ? AND i.kind = ?",
        (store.owner_id, source, "message"),
    )


def living_ids(store: Store) -> set[int]:
    """The ids of the account's people neither archived nor in the trash."""
    rows = store.db.query(
        f"SELECT id FROM person WHERE owner_id = ? AND {_LIVING}", (store.owner_id, False)
    )
    return {int(r["id"]) for r in rows}


# --- merging two people --------------------------------------------------------------------

_OTHER = "CASE WHEN tie.person_a_id = ? THEN tie.person_b_id ELSE tie.person_a_id END"
_TIED_TO = (
    "EXISTS (SELECT 1 FROM tie t WHERE t.owner_id = tie.owner_id{state} AND "
    f"((t.person_a_id = ? AND t.person_b_id = {_OTHER}) "
    f"OR (t.person_b_id = ? AND t.person_a_id = {_OTHER})))"
)


def drop_merge_duplicates(store: Store, keep: int, gone: int) -> None:
    """Before `gone` is merged into `keep`: of the two ties each has with the same person,
    one goes. The user's word (confirmed, hidden) wins over an inference; else keep's."""
    owner = store.owner_id
    store.db.execute(
        "DELETE FROM tie WHERE +owner_id = ? AND state = 'inferred' "
        "AND (person_a_id = ? OR person_b_id = ?) AND "
        + _TIED_TO.format(state=" AND t.state <> 'inferred'"),
        (owner, keep, keep, gone, keep, gone, keep),
    )
    store.db.execute(
        "DELETE FROM tie WHERE +owner_id = ? AND (person_a_id = ? OR person_b_id = ?) AND "
        + _TIED_TO.format(state=""),
        (owner, gone, gone, keep, gone, keep, gone),
    )


def reorder_ties(store: Store, person_id: int) -> None:
    """Put this person's ties back in pair order (the lower id first) after a merge."""
    store.db.execute(
        "UPDATE tie SET person_a_id = person_b_id, person_b_id = person_a_id "
        "WHERE +owner_id = ? AND person_a_id > person_b_id "
        "AND (person_a_id = ? OR person_b_id = ?)",
        (store.owner_id, person_id, person_id),
    )


def evidence_signature(store: Store, message_source: str) -> str:
    """A fingerprint of everything ties are inferred from, cheap to read (aggregates, no
    rows): it changes when a position, tag, attendance, event interaction, imported message
    or introduction is added or removed, when a position ends, and when someone is
    archived, trashed, restored or met through someone else."""
    o = store.owner_id
    row = store.db.one(
        "SELECT "
        "(SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || count(end_on) FROM position "
        "WHERE owner_id = ?) AS positions, "
        "(SELECT count(*) || ':' || count(deleted_on) || ':' || coalesce(sum(met_through_id), 0) "
        "|| ':' || sum(CASE WHEN archived = ? THEN id ELSE 0 END) FROM person WHERE owner_id = ?)"
        " AS people, "
        "(SELECT count(*) || ':' || coalesce(sum(tag_id + 7 * person_id), 0) FROM person_tag "
        "WHERE owner_id = ?) AS tags, "
        "(SELECT count(*) || ':' || coalesce(sum(id), 0) FROM event_attendance "
        "WHERE owner_id = ?) AS attendance, "
        "(SELECT count(event_id) || ':' || coalesce(sum(event_id), 0) FROM interaction "
        "WHERE owner_id = ?) AS events, "
        "(SELECT count(*) || ':' || coalesce(max(id), 0) FROM interaction "
        "WHERE owner_id = ? AND source = ?) AS messages, "
        "(SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || "
        "count(CASE WHEN state IN ('introduced', 'done') THEN 1 END) FROM introduction "
        "WHERE owner_id = ?) AS introductions",
        (o, True, o, o, o, o, o, message_source, o),
    )
    return "|".join(str(v) for v in (row or {}).values())
