"""Who knows whom: the ties between people of one account, and what they are inferred from.

One row per pair of people and account, the lower id first (`person_a_id < person_b_id`,
enforced by a unique index since migration 0007). `state` says whose word the tie rests
on: `inferred` (Amity's evidence, rewritten by each refresh), `confirmed` (the user's) or
`hidden` (the user said no: kept so the inference never brings it back).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

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


# --- the same evidence as plain tuples, for a refresh of the whole account ----------------


def tie_codes(
    store: Store, kinds: Sequence[str], sources: Sequence[str], states: Sequence[str]
) -> Iterator[tuple[Any, ...]]:
    """Every tie of the account as numbers: (a, b, kind, strength, source, state), kind,
    source and state as their positions in the sequences given (-1: another), in the
    table's own order (a plain scan). With `tie_reasons`, in the same order, what a
    refresh compares its findings with (in one transaction)."""

    def code(column: str, values: Sequence[str]) -> str:
        whens = " ".join(f"WHEN '{v}' THEN {n}" for n, v in enumerate(values))
        return f"CASE {column} {whens} ELSE -1 END"

    return store.db.rows(
        f"SELECT person_a_id, person_b_id, {code('kind', kinds)}, strength, "
        f"{code('source', sources)}, {code('state', states)} FROM tie "
        "WHERE owner_id = ? ORDER BY id",
        (store.owner_id,),
    )


def tie_reasons(store: Store) -> Iterator[tuple[Any, ...]]:
    """(why,) of every tie of the account, in the order of `tie_codes`."""
    return store.db.rows(
        "SELECT why FROM tie WHERE owner_id = ? ORDER BY id",
        (store.owner_id,),
    )


def living_rows(store: Store) -> Iterator[tuple[Any, ...]]:
    """(id,) of every living person (an index-only read)."""
    return store.db.rows(
        f"SELECT id FROM person WHERE owner_id = ? AND {_LIVING}", (store.owner_id, False)
    )


def position_rows(store: Store) -> Iterator[tuple[Any, ...]]:
    """(person_id, organization_id, start, end) of every position, living or not, the days
    as ordinals (`date.toordinal`; 0 where not known), in the order they were added."""
    if store.db.dialect == "sqlite":  # julianday('0001-01-01') is ordinal 1 + 1721424.5
        day = "coalesce(CAST(julianday({}) - 1721424.5 AS INTEGER), 0)"
    else:
        day = "coalesce({} - DATE '0001-01-01' + 1, 0)"
    return store.db.rows(
        f"SELECT person_id, organization_id, {day.format('start_on')}, {day.format('end_on')} "
        "FROM position WHERE owner_id = ? ORDER BY id",
        (store.owner_id,),
    )


def organization_rows(store: Store) -> Iterator[tuple[Any, ...]]:
    """(id, name) of every organisation."""
    return store.db.rows("SELECT id, name FROM organization WHERE owner_id = ?", (store.owner_id,))


def group_rows(store: Store) -> Iterator[tuple[Any, ...]]:
    """(kind, name, key, person_id) of the groups not read from interactions: `e` an event's
    attendance list (key the event's id), `t` a tag (key 0)."""
    o = store.owner_id
    return store.db.rows(
        "SELECT 'e', e.name, a.event_id, a.person_id FROM event_attendance a "
        "JOIN event e ON e.id = a.event_id AND e.owner_id = a.owner_id WHERE a.owner_id = ? "
        "UNION ALL SELECT 't', t.name, 0, pt.person_id FROM person_tag pt "
        "JOIN tag t ON t.id = pt.tag_id WHERE pt.owner_id = ?",
        (o, o),
    )


def event_names(store: Store) -> dict[int, str]:
    """Every event's name by id."""
    rows = store.db.rows("SELECT id, name FROM event WHERE owner_id = ?", (store.owner_id,))
    return {int(r[0]): str(r[1]) for r in rows}


def interaction_group_rows(store: Store, message_source: str) -> Iterator[tuple[Any, ...]]:
    """(event_id, conversation, person_id) of everyone in an interaction at an event
    (conversation None) or in a message imported from this source (event_id None; the
    conversation is the first part of its `source_key`; invitations and keys starting with
    `~` are not conversations). One pass over the interactions."""
    if store.db.dialect == "sqlite":
        conversation = "substr(i.source_key, 1, instr(i.source_key || '|', '|') - 1)"
    else:
        conversation = "split_part(i.source_key, '|', 1)"
    return store.db.rows(
        f"SELECT i.event_id, CASE WHEN i.event_id IS NULL THEN {conversation} END, "
        "ip.person_id FROM interaction i "
        "JOIN interaction_participant ip ON ip.interaction_id = i.id "
        "WHERE i.owner_id = ? AND (i.event_id IS NOT NULL OR (i.source = ? AND i.kind = ? "
        "AND substr(i.source_key, 1, 11) <> 'invitation|' AND substr(i.source_key, 1, 1) <> '~'))",
        (store.owner_id, message_source, "message"),
    )


# --- has the evidence changed? ----------------------------------------------------------


_PARTS = {
    "positions": "SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || count(end_on) "
    "FROM position WHERE owner_id = ?",
    "people": "SELECT count(*) || ':' || count(deleted_on) || ':' || "
    "coalesce(sum(CASE WHEN archived = ? THEN id ELSE 0 END), 0) FROM person WHERE owner_id = ?",
    "met": "SELECT count(*) || ':' || coalesce(sum(met_through_id * 3 + id), 0) FROM person "
    "WHERE +owner_id = ? AND met_through_id > 0",
    "tags": "SELECT count(*) || ':' || coalesce(sum(tag_id + 7 * person_id), 0) FROM person_tag "
    "WHERE owner_id = ?",
    "attendance": "SELECT count(*) || ':' || coalesce(sum(id), 0) FROM event_attendance "
    "WHERE owner_id = ?",
    "introductions": "SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || "
    "count(CASE WHEN state IN ('introduced', 'done') THEN 1 END) FROM introduction "
    "WHERE owner_id = ?",
}
SIGNATURE_PARTS = tuple(_PARTS)
"""The parts of the fingerprint, in the order `signature_parts` gives them."""

PART_TABLES = {
    "positions": ("position", "organization", "person"),
    "people": ("person", "person.archived", "person.deleted_on"),
    "met": ("person", "person.met_through_id"),
    "tags": ("person_tag", "tag", "person"),
    "attendance": ("event_attendance", "event", "person"),
    "introductions": ("introduction", "person"),
}
"""What a write must touch (`amity.store.touched`) to change each part: a table named alone
is an insert, a delete or an update of any column (a person: only an insert or a delete,
which deletes their positions, tags and attendance too), `table.column` an update of it."""


def signature_parts(store: Store, only: Iterable[str] = SIGNATURE_PARTS) -> dict[str, str]:
    """A fingerprint of the evidence that is not in interactions, part by part (`only`
    those named), cheap to read (aggregates over a narrow table or an index): it changes
    when a position, tag, attendance or introduction is added or removed, when a position
    ends, and when someone is added, archived, trashed, restored, deleted or met through
    someone else. (The interactions' part is `interactions_after`.)"""
    parts: dict[str, str] = {}
    for name in only:
        params = (True, store.owner_id) if name == "people" else (store.owner_id,)
        parts[name] = str(store.db.scalar(_PARTS[name], params))
    return parts


def replace_marker(store: Store, old: str, new: str) -> None:
    """Put the refresh marker `new` in place of `old`, unless it is no longer `old` (a
    refresh committed since keeps its own)."""
    store.db.execute(
        "UPDATE setting SET value = ? WHERE owner_id = ? AND key = ? AND value = ?",
        (new, store.owner_id, FRESH_KEY, old),
    )


def last_interaction(store: Store) -> int:
    """The highest interaction id (0 for none): one step down the primary key."""
    found = store.db.scalar(
        "SELECT id FROM interaction WHERE +owner_id = ? ORDER BY id DESC LIMIT 1",
        (store.owner_id,),
    )
    return int(found or 0)


def interactions_after(store: Store, after: int, message_source: str) -> tuple[int, int]:
    """Of the interactions with an id above `after`: how many are evidence (at an event, or
    a message imported from this source), and the highest id (`after` when there are none).
    A range of the primary key: as cheap as the rows are few."""
    row = store.db.one(
        "SELECT count(CASE WHEN event_id IS NOT NULL OR (source = ? AND kind = ?) THEN 1 END) "
        "AS evidence, coalesce(max(id), ?) AS last FROM interaction "
        "WHERE +owner_id = ? AND id > ?",
        (message_source, "message", after, store.owner_id, after),
    )
    if row is None:  # pragma: no cover - an aggregate always yields a row
        return (0, after)
    return (int(row["evidence"]), int(row["last"]))
