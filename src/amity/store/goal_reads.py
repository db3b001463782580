"""What a goal's progress and its agenda item read: the people at its targets, what happened
with them since the goal was set, and the short warm paths to them.

Every read is indexed and bounded by the people a goal names: organisations by a range on
their `(owner_id, name_key)` index, positions by organisation, interactions, ties and
introductions by person. Only living people count (neither archived nor in the trash).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from amity.store.database import Row
from amity.store.handle import Store

_IN_CHUNK = 500  # ids per IN (...) list
_LIVING = "p.archived = ? AND p.deleted_on IS NULL"  # after `p.owner_id = ? AND`
PERSON_COLUMNS = (
    "p.id, p.name, p.organization, p.title, p.created_on, p.first_contact_on, "
    "p.last_contact_on, p.strength"
)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _IN_CHUNK):
        yield ordered[start : start + _IN_CHUNK]


def _marks(ids: list[int]) -> str:
    return ", ".join("?" * len(ids))


def organizations_starting(store: Store, prefix: str) -> list[tuple[int, str]]:
    """(id, name) of the organisations whose `name_key` begins with `prefix` (a name_key)."""
    if not prefix:
        return []
    params: tuple[str | int, ...]
    if store.db.dialect == "sqlite":  # binary order: a range on the unique index
        where, params = "name_key >= ? AND name_key < ?", (prefix, prefix + "\U0010ffff")
    else:  # a collation's order is not a prefix's: compare the beginning itself
        where, params = "substr(name_key, 1, ?) = ?", (len(prefix), prefix)
    return [
        (int(oid), str(name))
        for oid, name in store.db.rows(
            f"SELECT id, name FROM organization WHERE owner_id = ? AND {where} ORDER BY id",
            (store.owner_id, *params),
        )
    ]


def people_at(store: Store, organization_ids: Iterable[int], *, current: bool = True) -> list[Row]:
    """Living people with a position at these organisations (an open one with `current`),
    with `PERSON_COLUMNS` and the organisation's name as `at`."""
    found: dict[int, Row] = {}
    only = "AND pos.end_on IS NULL " if current else ""
    for chunk in _chunks(organization_ids):
        for row in store.db.query(
            f"SELECT {PERSON_COLUMNS}, o.name AS at, pos.title AS position_title "
            "FROM position pos JOIN organization o ON o.id = pos.organization_id "
            "AND o.owner_id = pos.owner_id JOIN person p ON p.id = pos.person_id "
            f"AND p.owner_id = pos.owner_id WHERE pos.owner_id = ? {only}"
            f"AND pos.organization_id IN ({_marks(chunk)}) AND p.owner_id = ? AND {_LIVING} "
            "ORDER BY p.id",
            (store.owner_id, *chunk, store.owner_id, False),
        ):
            found.setdefault(int(row["id"]), row)
    return [found[key] for key in sorted(found)]


def titles(store: Store) -> Iterator[tuple[int, str]]:
    """(id, current title) of every living person who has one (a role is matched on it)."""
    for pid, title in store.db.rows(
        f"SELECT p.id, p.title FROM person p WHERE p.owner_id = ? AND {_LIVING} AND p.title <> ''",
        (store.owner_id, False),
    ):
        yield int(pid), str(title)


def people(store: Store, person_ids: Iterable[int]) -> list[Row]:
    """`PERSON_COLUMNS` of these people, the living ones only."""
    rows: list[Row] = []
    for chunk in _chunks(person_ids):
        rows += store.db.query(
            f"SELECT {PERSON_COLUMNS} FROM person p WHERE p.owner_id = ? AND {_LIVING} "
            f"AND p.id IN ({_marks(chunk)}) ORDER BY p.id",
            (store.owner_id, False, *chunk),
        )
    return rows


def interactions_with(store: Store, person_ids: Iterable[int], since: date) -> list[Row]:
    """Interactions with these people on or after `since`: `id`, `occurred_on`, `kind`,
    `direction`, `summary`, `person_id` (one row per person in it), oldest first."""
    rows: list[Row] = []
    for chunk in _chunks(person_ids):
        rows += store.db.query(
            "SELECT i.id, i.occurred_on, i.kind, i.direction, i.summary, ip.person_id "
            "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
            f"AND i.owner_id = ip.owner_id WHERE ip.owner_id = ? AND ip.person_id IN "
            f"({_marks(chunk)}) AND i.occurred_on >= ?",
            (store.owner_id, *chunk, since.isoformat()),
        )
    rows.sort(key=lambda row: (str(row["occurred_on"]), int(row["id"])))
    return rows


def introductions_involving(store: Store, person_ids: Iterable[int]) -> list[Row]:
    """Introductions (yours, between two of your people) with one of these people in them:
    `id`, `person_a_id`, `person_b_id`, `state`, `created_on`, `asked_a_on`,
    `introduced_on`, `done_on`, `declined_on` and both names."""
    found: dict[int, Row] = {}
    for chunk in _chunks(person_ids):
        marks = _marks(chunk)
        for row in store.db.query(
            "SELECT i.id, i.person_a_id, i.person_b_id, i.state, i.created_on, i.asked_a_on, "
            "i.introduced_on, i.done_on, i.declined_on, pa.name AS a_name, pb.name AS b_name "
            "FROM introduction i JOIN person pa ON pa.id = i.person_a_id "
            "AND pa.owner_id = i.owner_id JOIN person pb ON pb.id = i.person_b_id "
            "AND pb.owner_id = i.owner_id WHERE i.owner_id = ? "
            f"AND (i.person_a_id IN ({marks}) OR i.person_b_id IN ({marks})) "
            "AND pa.deleted_on IS NULL AND pb.deleted_on IS NULL",
            (store.owner_id, *chunk, *chunk),
        ):
            found[int(row["id"])] = row
    return [found[key] for key in sorted(found)]


def ties_of(store: Store, person_ids: Iterable[int]) -> list[tuple[int, int, int, str, str]]:
    """The visible ties of these people: (person, other, strength, source, since or '')."""
    found: list[tuple[int, int, int, str, str]] = []
    for chunk in _chunks(person_ids):
        wanted = set(chunk)
        for side, other in (("person_a_id", "person_b_id"), ("person_b_id", "person_a_id")):
            for pid, oid, strength, source, since in store.db.rows(
                f"SELECT {side}, {other}, strength, source, since FROM tie WHERE owner_id = ? "
                f"AND {side} IN ({_marks(chunk)}) AND state <> ?",
                (store.owner_id, *chunk, "hidden"),
            ):
                if int(pid) in wanted:
                    found.append((int(pid), int(oid), int(strength), str(source), str(since or "")))
    return found


def strengths(store: Store, person_ids: Iterable[int]) -> dict[int, tuple[str, int]]:
    """id -> (name, your relationship's stored strength) of these living people."""
    found: dict[int, tuple[str, int]] = {}
    for chunk in _chunks(person_ids):
        for pid, name, strength in store.db.rows(
            f"SELECT p.id, p.name, p.strength FROM person p WHERE p.owner_id = ? AND {_LIVING} "
            f"AND p.id IN ({_marks(chunk)})",
            (store.owner_id, False, *chunk),
        ):
            found[int(pid)] = (str(name), int(strength or 0))
    return found


def last_contact(store: Store, person_ids: Iterable[int]) -> date | None:
    """The last day you were in touch with any of these people (their maintained column)."""
    latest: str | None = None
    for chunk in _chunks(person_ids):
        found = store.db.scalar(
            f"SELECT max(p.last_contact_on) FROM person p WHERE p.owner_id = ? "
            f"AND p.id IN ({_marks(chunk)})",
            (store.owner_id, *chunk),
        )
        if found is not None and (latest is None or str(found) > latest):
            latest = str(found)[:10]
    return date.fromisoformat(latest) if latest else None


# -- the agenda's short paths: bounded reads from the people you know best ----------------


def strongest(store: Store, limit: int) -> list[tuple[int, int]]:
    """(id, strength) of the `limit` living people you know best (strength above 0), from
    the (owner_id, strength) index."""
    return [
        (int(pid), int(strength))
        for pid, strength in store.db.rows(
            f"SELECT p.id, p.strength FROM person p WHERE p.owner_id = ? AND {_LIVING} "
            "AND p.strength > 0 ORDER BY p.strength DESC, p.id LIMIT ?",
            (store.owner_id, False, limit),
        )
    ]


def working_at(
    store: Store, person_ids: Iterable[int], organization_ids: Iterable[int]
) -> set[int]:
    """Which of these people hold an open position at one of these organisations."""
    organizations = sorted(set(organization_ids))
    found: set[int] = set()
    if not organizations:
        return found
    for chunk in _chunks(person_ids):
        for (pid,) in store.db.rows(
            f"SELECT pos.person_id FROM position pos WHERE pos.owner_id = ? "
            f"AND pos.person_id IN ({_marks(chunk)}) AND pos.end_on IS NULL "
            f"AND +pos.organization_id IN ({_marks(organizations)})",
            (store.owner_id, *chunk, *organizations),
        ):
            found.add(int(pid))
    return found


def last_contacts(store: Store, person_ids: Iterable[int]) -> dict[int, date]:
    """id -> the last day you were in touch, for these people (those ever in touch)."""
    found: dict[int, date] = {}
    for chunk in _chunks(person_ids):
        for pid, day in store.db.rows(
            f"SELECT p.id, p.last_contact_on FROM person p WHERE p.owner_id = ? "
            f"AND p.id IN ({_marks(chunk)}) AND p.last_contact_on IS NOT NULL",
            (store.owner_id, *chunk),
        ):
            found[int(pid)] = date.fromisoformat(str(day)[:10])
    return found


def active_targets(store: Store) -> list[Row]:
    """Each target of each active goal: `goal_id`, `title`, `detail`, `created_on`,
    `kind`, `value`, `person_id`, by goal then target."""
    return store.db.query(
        "SELECT g.id AS goal_id, g.title, g.detail, g.created_on, t.kind, t.value, t.person_id "
        "FROM goal g JOIN goal_target t ON t.goal_id = g.id AND t.owner_id = g.owner_id "
        "WHERE g.owner_id = ? AND g.status = ? ORDER BY g.id, t.id",
        (store.owner_id, "active"),
    )


def goal_item_states(store: Store) -> list[tuple[str, str, date | None]]:
    """(key, state, closed_on) of every agenda item of a goal (`goal:...`) acted on."""
    params: tuple[str, ...]
    if store.db.dialect == "sqlite":  # binary order: a range on the (owner_id, key) index
        where, params = "key >= ? AND key < ?", ("goal:", "goal;")
    else:
        where, params = "key LIKE ?", ("goal:%",)
    return [
        (str(key), str(state), date.fromisoformat(str(closed)[:10]) if closed else None)
        for key, state, closed in store.db.rows(
            f"SELECT key, state, closed_on FROM reminder WHERE owner_id = ? AND {where}",
            (store.owner_id, *params),
        )
    ]
