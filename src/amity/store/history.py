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
from amity.store.handle import Store

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
    """Everyone alive whose first non-imported interaction is on or after `since`.

    Only people in touch since then can qualify (the maintained, indexed last contact),
    and of those only the ones with no non-imported interaction before it: an `EXISTS`
    that stops at the first earlier row, instead of a minimum over every interaction."""
    day = since.isoformat()
    recent = [
        int(r["id"])
        for r in store.db.query(
            "SELECT id FROM person WHERE owner_id = ? AND deleted_on IS NULL "
            "AND last_contact_on >= ?",
            (store.owner_id, day),
        )
    ]
    fresh: list[int] = []
    for chunk in _chunks(recent):
        fresh += [
            int(r["id"])
            for r in store.db.query(
                f"SELECT p.id FROM person p WHERE p.id IN ({', '.join('?' * len(chunk))}) "
                "AND +p.owner_id = ? AND NOT EXISTS (SELECT 1 FROM interaction_participant ip "
                "JOIN interaction i ON i.id = ip.interaction_id WHERE ip.person_id = p.id "
                f"AND i.occurred_on < ? AND {_NOT_IMPORTED})",
                (*chunk, store.owner_id, day),
            )
        ]
    return first_meetings_of(store, fresh, since)


def first_meetings_of(
    store: Store, person_ids: Sequence[int], since: date | None = None
) -> list[FirstMeeting]:
    """The first non-imported interaction of each of these people (who have one), one row
    per person from the database; with `since`, the caller knows none of them has one
    before that day, so only the interactions from then on are read."""
    after, bound = ("AND i.occurred_on >= ? ", (since.isoformat(),)) if since else ("", ())
    found: list[FirstMeeting] = []
    for chunk in _chunks(sorted(set(person_ids))):
        rows = store.db.query(
            "SELECT f.id, f.name, f.where_met, f.occurred_on, f.kind, f.place, f.event, "
            "EXISTS (SELECT 1 FROM source_record s WHERE s.person_id = f.id) AS imported "
            "FROM (SELECT p.id, p.name, p.where_met, i.occurred_on, i.kind, i.place, "
            "e.name AS event, ROW_NUMBER() OVER "
            "(PARTITION BY p.id ORDER BY i.occurred_on, i.id) AS n "
            "FROM person p JOIN interaction_participant ip ON ip.person_id = p.id "
            "JOIN interaction i ON i.id = ip.interaction_id "
            "LEFT JOIN event e ON e.id = i.event_id "
            f"WHERE p.owner_id = ? AND p.deleted_on IS NULL AND {_NOT_IMPORTED} {after}"
            f"AND p.id IN ({', '.join('?' * len(chunk))})) f WHERE f.n = 1 ORDER BY f.id",
            (store.owner_id, *bound, *chunk),
        )
        for r in rows:
            day = as_date(r["occurred_on"])
            if day is None:
                continue
            place = r["event"] or r["place"] or r["where_met"] or ""
            found.append(
                FirstMeeting(
                    int(r["id"]),
                    r["name"],
                    day,
                    r["kind"],
                    " ".join(place.split()),
                    bool(r["imported"]),
                )
            )
    return found


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
