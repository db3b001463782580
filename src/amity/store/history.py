"""The history the coach and the report read: first meetings, touches, who joined when.

A person's *first meeting* is their first interaction that was not imported (an imported
LinkedIn message or connection is not a meeting, and an import is not growth).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.model import Direction
from amity.store.database import as_date
from amity.store.handle import Store

CHUNK = 500
_NOT_IMPORTED = "(i.source IS NULL OR i.source = '')"
_DIRECTIONS = {d.value: d for d in Direction}


@dataclass(frozen=True, slots=True)
class FirstMeeting:
    person_id: int
    name: str
    on: date
    kind: str  # the interaction kind of that first meeting (met, coffee, call, ...)
    place: str  # the event's name, else the interaction's place, else where you met
    imported: bool = False  # the person came from an import: known before this meeting


Touches = dict[int, list[tuple[date, Direction]]]


def fresh_since(store: Store, since: date) -> list[int]:
    """Everyone alive whose first non-imported interaction, if any, is on or after `since`
    and who was in touch since then, by id.

    Only people in touch since then can qualify (the maintained, indexed last contact). Of
    those, anyone first in touch since then qualifies at once (the maintained first contact);
    the others only with no non-imported interaction before it: an `EXISTS` that stops at
    the first earlier row, instead of a minimum over every interaction."""
    day = since.isoformat()
    return [
        int(pid)
        for (pid,) in store.db.rows(
            "SELECT p.id FROM person p WHERE p.owner_id = ? AND p.deleted_on IS NULL "
            "AND p.last_contact_on >= ? AND (p.first_contact_on >= ? OR NOT EXISTS "
            "(SELECT 1 FROM interaction_participant ip JOIN interaction i "
            "ON i.id = ip.interaction_id WHERE ip.person_id = p.id AND i.occurred_on < ? "
            f"AND {_NOT_IMPORTED})) ORDER BY p.id",
            (store.owner_id, day, day, day),
        )
    ]


def first_meetings_since(store: Store, since: date) -> tuple[list[FirstMeeting], Touches]:
    """Everyone alive whose first non-imported interaction is on or after `since`, oldest
    id first, with every interaction with them since then (`touches_since`): read together,
    each interaction once."""
    day = since.isoformat()
    people = _people(store, fresh_since(store, since))
    meetings: list[FirstMeeting] = []
    touches: Touches = {}
    read = _day_reader()
    for chunk in _chunks(sorted(people)):
        first: dict[int, tuple[Any, ...]] = {}
        for row in store.db.rows(
            "SELECT ip.person_id, i.occurred_on, i.direction, i.kind, i.place, e.name, i.source "
            "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
            "LEFT JOIN event e ON e.id = i.event_id "
            f"WHERE i.owner_id = ? AND ip.person_id IN ({', '.join('?' * len(chunk))}) "
            "AND i.occurred_on >= ? ORDER BY i.occurred_on, i.id",
            (store.owner_id, *chunk, day),
        ):
            pid, on = int(row[0]), read(row[1])
            if on is None:
                continue
            touches.setdefault(pid, []).append((on, _DIRECTIONS[row[2]]))
            if not row[6] and pid not in first:  # the first one not imported
                first[pid] = (on, *row[3:6])
        for pid in sorted(first):
            on, kind, place, event = first[pid]
            name, where_met, imported = people[pid]
            meetings.append(_meeting(pid, name, on, kind, event or place or where_met, imported))
    return meetings, {m.person_id: touches[m.person_id] for m in meetings}


def _people(store: Store, person_ids: list[int]) -> dict[int, tuple[str, str, bool]]:
    """Each person's name, where you met, and whether an import brought them."""
    found: dict[int, tuple[str, str, bool]] = {}
    for chunk in _chunks(person_ids):
        for pid, name, where_met, imported in store.db.rows(
            "SELECT p.id, p.name, p.where_met, "
            "EXISTS (SELECT 1 FROM source_record s WHERE s.person_id = p.id) "
            f"FROM person p WHERE p.owner_id = ? AND p.id IN ({', '.join('?' * len(chunk))})",
            (store.owner_id, *chunk),
        ):
            found[int(pid)] = (name, where_met, bool(imported))
    return found


def _meeting(
    pid: int, name: str, on: date, kind: str, place: str | None, imported: bool
) -> FirstMeeting:
    return FirstMeeting(pid, name, on, kind, " ".join((place or "").split()), imported)


def first_meetings_of(store: Store, person_ids: Sequence[int]) -> list[FirstMeeting]:
    """The first non-imported interaction of each of these people (who have one), one row
    per person from the database."""
    found: list[FirstMeeting] = []
    read = _day_reader()
    for chunk in _chunks(sorted(set(person_ids))):
        for pid, name, where_met, on, kind, place, event, imported in store.db.rows(
            "SELECT f.id, f.name, f.where_met, f.occurred_on, f.kind, f.place, f.event, "
            "EXISTS (SELECT 1 FROM source_record s WHERE s.person_id = f.id) AS imported "
            "FROM (SELECT p.id, p.name, p.where_met, i.occurred_on, i.kind, i.place, "
            "e.name AS event, ROW_NUMBER() OVER "
            "(PARTITION BY p.id ORDER BY i.occurred_on, i.id) AS n "
            "FROM person p JOIN interaction_participant ip ON ip.person_id = p.id "
            "JOIN interaction i ON i.id = ip.interaction_id "
            "LEFT JOIN event e ON e.id = i.event_id "
            f"WHERE p.owner_id = ? AND p.deleted_on IS NULL AND {_NOT_IMPORTED} "
            f"AND p.id IN ({', '.join('?' * len(chunk))})) f WHERE f.n = 1 ORDER BY f.id",
            (store.owner_id, *chunk),
        ):
            day = read(on)
            if day is not None:
                found.append(
                    _meeting(int(pid), name, day, kind, event or place or where_met, bool(imported))
                )
    return found


def touches_since(store: Store, person_ids: Sequence[int], since: date) -> Touches:
    """Every interaction with these people on or after `since`, of any kind, direction and
    source (an imported message is contact too), oldest first."""
    found: Touches = {}
    read = _day_reader()
    for chunk in _chunks(person_ids):
        for pid, occurred_on, direction in store.db.rows(
            "SELECT ip.person_id, i.occurred_on, i.direction FROM interaction_participant ip "
            "JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE i.owner_id = ? AND ip.person_id IN ({', '.join('?' * len(chunk))}) "
            "AND i.occurred_on >= ? ORDER BY i.occurred_on, i.id",
            (store.owner_id, *chunk, since.isoformat()),
        ):
            day = read(occurred_on)
            if day is not None:
                found.setdefault(int(pid), []).append((day, _DIRECTIONS[direction]))
    return found


def new_people_per_day(store: Store, since: date) -> dict[date, int]:
    """How many alive people had their first non-imported interaction on each day since."""
    counts: dict[date, int] = {}
    read = _day_reader()
    for chunk in _chunks(fresh_since(store, since)):
        for (first,) in store.db.rows(
            "SELECT min(i.occurred_on) FROM interaction_participant ip "
            "JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE i.owner_id = ? AND ip.person_id IN ({', '.join('?' * len(chunk))}) "
            f"AND i.occurred_on >= ? AND {_NOT_IMPORTED} GROUP BY ip.person_id",
            (store.owner_id, *chunk, since.isoformat()),
        ):
            day = read(first)
            if day is not None:
                counts[day] = counts.get(day, 0) + 1
    return counts


def imported_since(store: Store, since: date) -> int:
    """People an import created on or after `since` who have no non-imported interaction."""
    return int(
        store.db.scalar(
            "SELECT count(*) FROM person p WHERE p.owner_id = ? AND p.deleted_on IS NULL "
            "AND p.created_on >= ? AND EXISTS (SELECT 1 FROM source_record s "
            "WHERE s.person_id = p.id) AND NOT EXISTS (SELECT 1 FROM interaction_participant ip "
            f"JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = p.id "
            f"AND {_NOT_IMPORTED})",
            (store.owner_id, since.isoformat()),
        )
        or 0
    )


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = list(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _day_reader() -> Callable[[Any], date | None]:
    """`as_date`, remembering each value read: many rows share a few hundred days."""
    seen: dict[Any, date | None] = {}

    def read(value: Any) -> date | None:
        try:
            return seen[value]
        except KeyError:
            day = seen[value] = as_date(value)
            return day

    return read
