"""The network as arrays, for the warm-path search: who you know, who knows whom, who is out.

Everything is streamed with `Database.rows` (plain tuples) straight into numpy arrays: no
dict per person or tie. Strengths come back as stored (0-100); the service decides what
they mean as links. Finding the people at a company or in a role, and the detail of the
few ties a path uses, are small reads next to them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from amity.engines.strength_arrays import StatsColumns
from amity.model.enums import IntroductionState
from amity.store.database import Row
from amity.store.handle import Store

Ints = NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class NetworkArrays:
    """One account's network, as columns."""

    people: Ints  # every living person (not archived, not in the trash)
    stats: StatsColumns  # your relationship with each of them, in `people` order
    excluded: Ints  # archived people and people in the trash: never on a path
    tie_a: Ints
    tie_b: Ints
    tie_strength: Ints  # 0-100, one per tie
    declined_a: Ints  # introductions declined: the pairs never used as a link
    declined_b: Ints


def network_arrays(store: Store, today: date) -> NetworkArrays:
    """The account's people with their relationship columns as of `today`, the ties (hidden
    ones left out) and the declined introductions."""
    people, stats = _people(store, today)
    (excluded,) = _columns(
        store.db.rows(
            "SELECT id FROM person WHERE owner_id = ? AND (archived = ? OR deleted_on IS NOT NULL)",
            (store.owner_id, True),
        ),
        1,
    )
    tie_a, tie_b, tie_strength = _columns(
        store.db.rows(
            "SELECT person_a_id, person_b_id, strength FROM tie WHERE owner_id = ? AND state <> ?",
            (store.owner_id, "hidden"),
        ),
        3,
    )
    declined_a, declined_b = _columns(
        store.db.rows(
            # A declined introduction blocks the pair, unless a later one of the same pair
            # (in either order) was made after all.
            "SELECT person_a_id, person_b_id FROM introduction i WHERE owner_id = ? AND state = ? "
            "AND NOT EXISTS (SELECT 1 FROM introduction later WHERE later.owner_id = i.owner_id "
            "AND later.id > i.id AND later.state IN (?, ?) AND ((later.person_a_id = "
            "i.person_a_id AND later.person_b_id = i.person_b_id) OR (later.person_a_id = "
            "i.person_b_id AND later.person_b_id = i.person_a_id)))",
            (
                store.owner_id,
                IntroductionState.DECLINED.value,
                IntroductionState.INTRODUCED.value,
                IntroductionState.DONE.value,
            ),
        ),
        2,
    )
    return NetworkArrays(
        people, stats, excluded, tie_a, tie_b, tie_strength, declined_a, declined_b
    )


def _people(store: Store, today: date) -> tuple[Ints, StatsColumns]:
    """Living people and the strength engine's inputs, the dates as days before `today`
    (worked out by the database: no date object per person)."""
    first = _days_before("coalesce(first_contact_on, last_contact_on)", store)
    last = _days_before("last_contact_on", store)
    day = today.isoformat()
    flat = np.fromiter(
        itertools.chain.from_iterable(
            store.db.rows(
                "SELECT id, CASE WHEN last_contact_on IS NULL THEN 0 ELSE interaction_count "
                f"END, inbound_count, outbound_count, depth_total, coalesce({first}, 0), "
                f"coalesce({last}, 0) FROM person WHERE owner_id = ? AND archived = ? "
                "AND deleted_on IS NULL",
                (day, day, store.owner_id, False),
            )
        ),
        dtype=np.float64,
    )
    table = flat.reshape(-1, 7).T.copy()
    known, since = table[5], table[6]
    stats = StatsColumns(
        count=table[1],
        inbound=table[2],
        outbound=table[3],
        depth_total=table[4],
        known=known,
        since=since,
        spread=known - since,
    )
    return table[0].astype(np.int64), stats


def _days_before(column: str, store: Store) -> str:
    """SQL for the whole days from `column` to the day given as a parameter."""
    if store.db.dialect == "sqlite":
        return f"CAST(round(julianday(?) - julianday({column})) AS INTEGER)"
    return f"(CAST(? AS date) - {column})"


def _columns(rows: Iterator[tuple[Any, ...]], width: int) -> list[Ints]:
    flat = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64)
    table = flat.reshape(-1, width)
    return [np.ascontiguousarray(table[:, i]) for i in range(width)]


def organizations(store: Store) -> list[tuple[int, str, str]]:
    """Every organisation of the account: id, name, domain."""
    return [
        (int(oid), str(name), str(domain or ""))
        for oid, name, domain in store.db.rows(
            "SELECT id, name, domain FROM organization WHERE owner_id = ? ORDER BY id",
            (store.owner_id,),
        )
    ]


@dataclass(frozen=True, slots=True)
class Employment:
    """Someone's time at one of the organisations asked about."""

    person_id: int
    organization: str
    title: str
    start_year: int | None
    end_year: int | None  # None: still there


def employments(store: Store, organization_ids: Iterable[int]) -> list[Employment]:
    """Every position at these organisations of a living person (neither archived nor in
    the trash)."""
    ids = sorted(set(organization_ids))
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return [
        Employment(int(pid), str(org), str(title or ""), _year(start), _year(end))
        for pid, org, title, start, end in store.db.rows(
            "SELECT pos.person_id, o.name, pos.title, pos.start_on, pos.end_on "
            "FROM position pos JOIN organization o ON o.id = pos.organization_id "
            "JOIN person p ON p.id = pos.person_id "
            f"WHERE pos.owner_id = ? AND pos.organization_id IN ({marks}) "
            "AND p.archived = ? AND p.deleted_on IS NULL ORDER BY pos.id",
            (store.owner_id, *ids, False),
        )
    ]


def _year(value: Any) -> int | None:
    return None if value is None or value == "" else int(str(value)[:4])


def current_titles(store: Store) -> Iterator[tuple[int, str]]:
    """(id, current title) of every living person who has one."""
    for pid, title in store.db.rows(
        "SELECT id, title FROM person WHERE owner_id = ? AND archived = ? "
        "AND deleted_on IS NULL AND title <> ''",
        (store.owner_id, False),
    ):
        yield int(pid), str(title)


def tie_between(store: Store, a: int, b: int) -> Row | None:
    """The strongest visible tie between two people, all its columns (`why` and `state`
    once the table has them)."""
    rows = store.db.query(
        "SELECT * FROM tie WHERE owner_id = ? AND ((person_a_id = ? AND person_b_id = ?) "
        "OR (person_a_id = ? AND person_b_id = ?)) ORDER BY strength DESC, id",
        (store.owner_id, a, b, b, a),
    )
    visible = [row for row in rows if row.get("state") != "hidden"]
    return visible[0] if visible else None


def names_of(store: Store, person_ids: Iterable[int]) -> dict[int, tuple[str, str, str]]:
    """id -> (name, organisation, title) of these people."""
    ids = sorted(set(person_ids))
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return {
        int(pid): (str(name), str(org or ""), str(title or ""))
        for pid, name, org, title in store.db.rows(
            f"SELECT id, name, organization, title FROM person WHERE owner_id = ? "
            f"AND id IN ({marks})",
            (store.owner_id, *ids),
        )
    }
