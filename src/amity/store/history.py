"""The history the coach and the report read: first meetings, touches, who joined when.

A person's *first meeting* is their first interaction that was not imported (an imported
LinkedIn message or connection is not a meeting, and an import is not growth).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from amity.model import Direction
from amity.store.database import as_date
from amity.store.session import Store

CHUNK = 500
_NOT_IMPORTED = "(i.source IS NULL OR i.source = '')"


@dataclass(frozen=True, slots=True)
class FirstMeeting:
    person_id: int
    name: str
    on: date
    kind: str  # the interaction kind of that first meeting (met, coffee, call, ...)
    place: str  # the event's name, else the interaction's place, else where you met
    imported: bool = False  # the person came from an import: known before this meeting


def first_meetings_since(store: Store, since: date) -> list[FirstMeeting]:
    """Everyone alive whose first non-imported interaction is on or after `since`."""
    rows = store.db.query(
        "SELECT ip.person_id, min(i.occurred_on) AS first_on FROM interaction_participant ip "
        "JOIN interaction i ON i.id = ip.interaction_id "
        f"WHERE i.owner_id = ? AND {_NOT_IMPORTED} GROUP BY ip.person_id "
        "HAVING min(i.occurred_on) >= ?",
        (store.owner_id, since.isoformat()),
    )
    firsts = {int(r["person_id"]): as_date(r["first_on"]) for r in rows}
    return _meetings(store, firsts)


def first_meetings_of(store: Store, person_ids: Sequence[int]) -> list[FirstMeeting]:
    """The first non-imported interaction of each of these people (who have one)."""
    firsts: dict[int, date | None] = {}
    for chunk in _chunks(person_ids):
        for r in store.db.query(
            "SELECT ip.person_id, min(i.occurred_on) AS first_on FROM interaction_participant ip "
            "JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE i.owner_id = ? AND {_NOT_IMPORTED} "
            f"AND ip.person_id IN ({', '.join('?' * len(chunk))}) GROUP BY ip.person_id",
            (store.owner_id, *chunk),
        ):
            firsts[int(r["person_id"])] = as_date(r["first_on"])
    return _meetings(store, firsts)


def _meetings(store: Store, firsts: dict[int, date | None]) -> list[FirstMeeting]:
    found: dict[int, FirstMeeting] = {}
    ids = sorted(firsts)
    for chunk in _chunks(ids):
        rows = store.db.query(
            "SELECT p.id, p.name, p.where_met, i.occurred_on, i.kind, i.place, e.name AS event, "
            "EXISTS (SELECT 1 FROM source_record s WHERE s.person_id = p.id) AS imported "
            "FROM person p JOIN interaction_participant ip ON ip.person_id = p.id "
            "JOIN interaction i ON i.id = ip.interaction_id "
            "LEFT JOIN event e ON e.id = i.event_id "
            f"WHERE p.owner_id = ? AND p.deleted_on IS NULL AND {_NOT_IMPORTED} "
            f"AND p.id IN ({', '.join('?' * len(chunk))}) ORDER BY p.id, i.occurred_on, i.id",
            (store.owner_id, *chunk),
        )
        for r in rows:
            pid = int(r["id"])
            day = as_date(r["occurred_on"])
            if pid in found or day is None or day != firsts[pid]:
                continue
            place = r["event"] or r["place"] or r["where_met"] or ""
            found[pid] = FirstMeeting(
                pid, r["name"], day, r["kind"], " ".join(place.split()), bool(r["imported"])
            )
    return [found[pid] for pid in ids if pid in found]


def touches_since(
    store: Store, person_ids: Sequence[int], since: date
) -> dict[int, list[tuple[date, Direction]]]:
    """Every interaction with these people on or after `since`, of any kind, direction and
    source (an imported message is contact too), oldest first."""
    found: dict[int, list[tuple[date, Direction]]] = {}
    for chunk in _chunks(person_ids):
        for r in store.db.query(
            "SELECT ip.person_id, i.occurred_on, i.direction FROM interaction_participant ip "
            "JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE i.owner_id = ? AND ip.person_id IN ({', '.join('?' * len(chunk))}) "
            "AND i.occurred_on >= ? ORDER BY i.occurred_on, i.id",
            (store.owner_id, *chunk, since.isoformat()),
        ):
            day = as_date(r["occurred_on"])
            if day is not None:
                found.setdefault(int(r["person_id"]), []).append((day, Direction(r["direction"])))
    return found


def new_people_per_day(store: Store, since: date) -> dict[date, int]:
    """How many alive people had their first non-imported interaction on each day since."""
    counts: dict[date, int] = {}
    for meeting in first_meetings_since(store, since):
        counts[meeting.on] = counts.get(meeting.on, 0) + 1
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
