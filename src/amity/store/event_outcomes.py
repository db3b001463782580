"""What the "worth it?" ranking reads: past events, who was met at each, their interactions,
and, per person first met in a window, the interactions of their first 90 days."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.model.enums import Direction, InteractionKind
from amity.store.database import as_date
from amity.store.handle import Store

CHUNK = 500


@dataclass(frozen=True, slots=True)
class PastEvent:
    id: int
    name: str
    starts_on: date


@dataclass(frozen=True, slots=True)
class Touch:
    """One interaction of a person's, as the ranking sees it."""

    on: date
    kind: InteractionKind
    direction: Direction
    event_id: int | None


@dataclass(frozen=True, slots=True)
class EarlyStats:
    """A person's interactions from the first up to 90 days after it, aggregated as
    `strength.stats_of` does (the SQL follows that rule), and whether they took part in
    one after the first day."""

    person_id: int
    how_met: str
    first_on: date
    last_on: date
    last_outbound_on: date | None
    count: int
    inbound: int
    outbound: int
    depth_total: float
    answered_after: bool


def past_events(store: Store, today: date) -> list[PastEvent]:
    """Events on or before `today`, neither skipped nor cancelled, newest first."""
    rows = store.db.query(
        "SELECT id, name, starts_on FROM event WHERE owner_id = ? AND starts_on <= ? "
        "AND status NOT IN ('skipped', 'cancelled') ORDER BY starts_on DESC, id DESC",
        (store.owner_id, today.isoformat()),
    )
    return [PastEvent(int(r["id"]), r["name"], as_date(r["starts_on"]) or today) for r in rows]


def people_met(store: Store, event_ids: Sequence[int]) -> dict[int, set[int]]:
    """Who was met at each event: a `met` attendance row, or a participant of an
    interaction linked to the event. People in the trash are left out."""
    met: dict[int, set[int]] = {}
    for chunk in _chunks(event_ids):
        marks = ", ".join("?" * len(chunk))
        attended = store.db.rows(
            "SELECT a.event_id, a.person_id FROM event_attendance a "
            "JOIN person p ON p.id = a.person_id AND p.owner_id = a.owner_id "
            f"WHERE a.owner_id = ? AND a.role = 'met' AND a.event_id IN ({marks}) "
            "AND p.deleted_on IS NULL",
            (store.owner_id, *chunk),
        )
        for event_id, person_id in attended:
            met.setdefault(int(event_id), set()).add(int(person_id))
        logged = store.db.rows(
            "SELECT i.event_id, ip.person_id FROM interaction i "
            "JOIN interaction_participant ip ON ip.interaction_id = i.id "
            "JOIN person p ON p.id = ip.person_id AND p.owner_id = i.owner_id "
            f"WHERE i.event_id IN ({marks}) AND +i.owner_id = ? AND p.deleted_on IS NULL",
            (*chunk, store.owner_id),
        )
        for event_id, person_id in logged:
            met.setdefault(int(event_id), set()).add(int(person_id))
    return met


def touches_of(store: Store, person_ids: Iterable[int]) -> dict[int, list[Touch]]:
    """Every interaction of these people (in no particular order)."""
    read = _day_reader()
    found: dict[int, list[Touch]] = {}
    for chunk in _chunks(person_ids):
        rows = store.db.rows(
            "SELECT ip.person_id, i.occurred_on, i.kind, i.direction, i.event_id "
            "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE ip.person_id IN ({', '.join('?' * len(chunk))}) AND +ip.owner_id = ?",
            (*chunk, store.owner_id),
        )
        for person_id, on, kind, direction, event_id in rows:
            day = read(on)
            if day is None:
                continue
            found.setdefault(int(person_id), []).append(
                Touch(day, _kind(kind), _direction(direction), event_id)
            )
    return found


def first_months(
    store: Store, first_from: date, first_to: date, days: int, depth: Mapping[Any, float]
) -> list[EarlyStats]:
    """For everyone alive first in touch between `first_from` and `first_to`: their
    interactions up to `days` after that first day, aggregated."""
    case = " ".join(f"WHEN '{kind.value}' THEN {float(w)}" for kind, w in depth.items())
    until = store.db.plus_days("p.first_contact_on", days)
    rows = store.db.rows(
        "SELECT p.id, p.how_met, min(i.occurred_on), max(i.occurred_on), "
        "max(CASE WHEN i.direction = 'outbound' THEN i.occurred_on END), count(*), "
        "sum(CASE WHEN i.direction = 'inbound' THEN 1 ELSE 0 END), "
        "sum(CASE WHEN i.direction = 'outbound' THEN 1 ELSE 0 END), "
        f"sum(CASE i.kind {case} ELSE 1.0 END), "
        "sum(CASE WHEN i.occurred_on > p.first_contact_on AND i.direction <> 'outbound' "
        "THEN 1 ELSE 0 END) "
        "FROM person p JOIN interaction_participant ip ON ip.person_id = p.id "
        "JOIN interaction i ON i.id = ip.interaction_id "
        "WHERE p.owner_id = ? AND p.deleted_on IS NULL AND NOT p.archived "
        "AND p.first_contact_on >= ? AND p.first_contact_on <= ? "
        f"AND i.occurred_on <= {until} GROUP BY p.id, p.how_met",
        (store.owner_id, first_from.isoformat(), first_to.isoformat()),
    )
    read = _day_reader()
    found = []
    for pid, how, first, last, last_out, n, inbound, outbound, depth_sum, answered in rows:
        first_on, last_on = read(first), read(last)
        if first_on is None or last_on is None:
            continue
        found.append(
            EarlyStats(
                int(pid),
                how or "",
                first_on,
                last_on,
                read(last_out),
                int(n),
                int(inbound),
                int(outbound),
                float(depth_sum),
                int(answered) > 0,
            )
        )
    return found


_KINDS = {kind.value: kind for kind in InteractionKind}
_DIRECTIONS = {direction.value: direction for direction in Direction}


def first_met_labels(
    store: Store, first_from: date, first_to: date
) -> tuple[dict[int, str], dict[int, list[str]]]:
    """For the people first in touch between those days: the first source that imported
    each (alphabetically, as `sources.first_source_by_person`), and their tags."""
    window = (store.owner_id, first_from.isoformat(), first_to.isoformat())
    imported = {
        int(person_id): str(source)
        for person_id, source in store.db.rows(
            "SELECT s.person_id, min(s.source) FROM source_record s "
            "JOIN person p ON p.id = s.person_id AND p.owner_id = s.owner_id "
            "WHERE s.owner_id = ? AND p.first_contact_on >= ? AND p.first_contact_on <= ? "
            "GROUP BY s.person_id",
            window,
        )
    }
    tags: dict[int, list[str]] = {}
    for person_id, name in store.db.rows(
        "SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
        "JOIN person p ON p.id = pt.person_id AND p.owner_id = pt.owner_id "
        "WHERE pt.owner_id = ? AND p.first_contact_on >= ? AND p.first_contact_on <= ?",
        window,
    ):
        tags.setdefault(int(person_id), []).append(str(name))
    return imported, tags


def _kind(value: str) -> InteractionKind:
    return _KINDS.get(value, InteractionKind.OTHER)


def _direction(value: str) -> Direction:
    return _DIRECTIONS.get(value, Direction.MUTUAL)


def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _day_reader() -> Callable[[Any], date | None]:
    seen: dict[Any, date | None] = {}

    def read(value: Any) -> date | None:
        if value is None:
            return None
        try:
            return seen[value]
        except KeyError:
            day = seen[value] = as_date(value)
            return day

    return read
