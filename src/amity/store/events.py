"""Events: what is planned, what it aims at, who is going, who was met there.

An event's people are `event_attendance` rows, one per person: `target` (hoped to be
met), `attending` or `speaker` (known to be there) and `met`. Meeting someone there
makes their row `met` whatever it was; planning never demotes a `met` row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from amity.model.enums import AttendanceRole, EventStatus, TargetKind
from amity.model.events import Event, Target
from amity.store.database import Row, as_date
from amity.store.handle import Store

_COLUMNS = (
    "name, starts_on, ends_on, starts_at, place, purpose, goals, pitch, notes, status, "
    "source, source_key, created_on, debriefed_on"
)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _values(event: Event) -> tuple[object, ...]:
    return (
        event.name,
        event.starts_on.isoformat(),
        _day(event.ends_on),
        event.starts_at,
        event.place,
        event.purpose,
        event.goals,
        event.pitch,
        event.notes,
        event.status.value,
        event.source,
        event.source_key,
        _day(event.created_on),
        _day(event.debriefed_on),
    )


def event_from_row(row: Row) -> Event:
    return Event(
        name=row["name"],
        starts_on=as_date(row["starts_on"]) or date.min,
        ends_on=as_date(row["ends_on"]),
        starts_at=row["starts_at"] or "",
        place=row["place"],
        purpose=row["purpose"],
        goals=row["goals"],
        pitch=row["pitch"],
        notes=row["notes"],
        status=EventStatus(row["status"]),
        source=row["source"] or "",
        source_key=row["source_key"] or "",
        created_on=as_date(row["created_on"]),
        debriefed_on=as_date(row["debriefed_on"]),
        id=int(row["id"]),
    )


def insert_event(store: Store, event: Event) -> int:
    marks = ", ".join("?" * 15)
    return store.db.insert(
        f"INSERT INTO event (owner_id, {_COLUMNS}) VALUES ({marks})",
        (store.owner_id, *_values(event)),
    )


def update_event(store: Store, event: Event) -> None:
    """Write every field of `event` (which has an id) back."""
    sets = ", ".join(f"{column.strip()} = ?" for column in _COLUMNS.split(","))
    store.db.execute(
        f"UPDATE event SET {sets} WHERE owner_id = ? AND id = ?",
        (*_values(event), store.owner_id, event.id),
    )


def get_event(store: Store, event_id: int) -> Event | None:
    row = store.db.one(
        f"SELECT id, {_COLUMNS} FROM event WHERE owner_id = ? AND id = ?",
        (store.owner_id, event_id),
    )
    return None if row is None else event_from_row(row)


def events_named(store: Store, lowered: str) -> list[Event]:
    """Every event of this name, compared without case (`lowered` is lowercased)."""
    rows = store.db.query(
        f"SELECT id, {_COLUMNS} FROM event WHERE owner_id = ? AND lower(name) = ? "
        "ORDER BY starts_on, id",
        (store.owner_id, lowered),
    )
    return [event_from_row(r) for r in rows]


def names_like(store: Store, lowered: str, limit: int = 5) -> list[str]:
    """Names of events containing `lowered`, for a suggestion."""
    rows = store.db.query(
        "SELECT DISTINCT name FROM event WHERE owner_id = ? AND lower(name) LIKE ? "
        f"ORDER BY name LIMIT {int(limit)}",
        (store.owner_id, f"%{lowered}%"),
    )
    return [str(r["name"]) for r in rows]


def list_events(store: Store, since: date | None = None) -> list[Event]:
    """Events from `since` on (all of them without), by day."""
    where, params = ("", ()) if since is None else (" AND starts_on >= ?", (since.isoformat(),))
    rows = store.db.query(
        f"SELECT id, {_COLUMNS} FROM event WHERE owner_id = ?{where} ORDER BY starts_on, id",
        (store.owner_id, *params),
    )
    return [event_from_row(r) for r in rows]


def between(store: Store, first: date, last: date) -> list[Row]:
    """Events starting from `first` to `last` (one index range), with how many people were
    met there: for the agenda."""
    return store.db.query(
        "SELECT e.id, e.name, e.starts_on, e.starts_at, e.status, e.debriefed_on, "
        "(SELECT count(*) FROM event_attendance a WHERE a.event_id = e.id "
        "AND a.owner_id = e.owner_id AND a.role = 'met') AS met "
        "FROM event e WHERE e.owner_id = ? AND e.starts_on >= ? AND e.starts_on <= ? "
        "ORDER BY e.starts_on, e.id",
        (store.owner_id, first.isoformat(), last.isoformat()),
    )


# -- targets, goals ------------------------------------------------------------------------


def add_targets(store: Store, event_id: int, targets: Iterable[Target]) -> None:
    """Add company and role targets the event does not have yet (compared without case)."""
    have = {(t.kind, t.value.lower()) for t in targets_of(store, event_id)}
    for target in targets:
        if (target.kind, target.value.lower()) in have or not target.value.strip():
            continue
        have.add((target.kind, target.value.lower()))
        store.db.execute(
            "INSERT INTO event_target (owner_id, event_id, kind, value) VALUES (?, ?, ?, ?)",
            (store.owner_id, event_id, target.kind.value, target.value),
        )


def targets_of(store: Store, event_id: int) -> list[Target]:
    rows = store.db.query(
        "SELECT kind, value FROM event_target WHERE owner_id = ? AND event_id = ? ORDER BY id",
        (store.owner_id, event_id),
    )
    return [Target(TargetKind(r["kind"]), str(r["value"])) for r in rows]


def add_goals(store: Store, event_id: int, goal_ids: Iterable[int]) -> None:
    store.db.executemany(
        "INSERT INTO event_goal (owner_id, event_id, goal_id) VALUES (?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        [(store.owner_id, event_id, goal_id) for goal_id in goal_ids],
    )


def goals_of(store: Store, event_id: int) -> list[tuple[int, str]]:
    """The goals the event serves: (id, title)."""
    rows = store.db.query(
        "SELECT g.id, g.title FROM event_goal eg JOIN goal g ON g.id = eg.goal_id "
        "WHERE eg.owner_id = ? AND eg.event_id = ? AND g.owner_id = eg.owner_id ORDER BY g.id",
        (store.owner_id, event_id),
    )
    return [(int(r["id"]), str(r["title"])) for r in rows]


def goal_titled(store: Store, text: str) -> list[tuple[int, str]]:
    """Goals whose id is `text`, or whose title is `text` (without case), else contains it."""
    if text.removeprefix("#").isdecimal():
        rows = store.db.query(
            "SELECT id, title FROM goal WHERE owner_id = ? AND id = ?",
            (store.owner_id, int(text.removeprefix("#"))),
        )
    else:
        lowered = text.lower()
        rows = store.db.query(
            "SELECT id, title FROM goal WHERE owner_id = ? AND lower(title) = ? ORDER BY id",
            (store.owner_id, lowered),
        ) or store.db.query(
            "SELECT id, title FROM goal WHERE owner_id = ? AND lower(title) LIKE ? "
            "AND status = 'active' ORDER BY id",
            (store.owner_id, f"%{lowered}%"),
        )
    return [(int(r["id"]), str(r["title"])) for r in rows]


# -- people --------------------------------------------------------------------------------


def set_attendance(
    store: Store, event_id: int, person_id: int, role: AttendanceRole, notes: str = ""
) -> None:
    """The person at the event in this role; a `met` row stays `met`."""
    store.db.execute(
        "INSERT INTO event_attendance (owner_id, event_id, person_id, role, notes) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id, person_id) DO UPDATE SET "
        "role = CASE WHEN event_attendance.role = 'met' THEN 'met' ELSE excluded.role END, "
        "notes = CASE WHEN excluded.notes = '' THEN event_attendance.notes "
        "ELSE excluded.notes END",
        (store.owner_id, event_id, person_id, role.value, notes),
    )


def attendance_of(store: Store, event_id: int) -> list[Row]:
    """The event's living people: person_id, name, role, notes, by role then name."""
    return store.db.query(
        "SELECT a.person_id, p.name, a.role, a.notes FROM event_attendance a "
        "JOIN person p ON p.id = a.person_id "
        "WHERE a.owner_id = ? AND a.event_id = ? AND p.owner_id = a.owner_id "
        "AND p.deleted_on IS NULL ORDER BY a.role, p.name, a.person_id",
        (store.owner_id, event_id),
    )


def meetings_at(store: Store, event_id: int) -> list[Row]:
    """The interactions linked to the event: id, person_id, name, occurred_on, summary,
    notes, oldest first."""
    return store.db.query(
        "SELECT i.id, ip.person_id, p.name, i.occurred_on, i.summary, i.notes, i.place "
        "FROM interaction i JOIN interaction_participant ip ON ip.interaction_id = i.id "
        "JOIN person p ON p.id = ip.person_id "
        "WHERE i.owner_id = ? AND i.event_id = ? AND ip.owner_id = i.owner_id "
        "AND p.owner_id = i.owner_id AND p.deleted_on IS NULL ORDER BY i.occurred_on, i.id",
        (store.owner_id, event_id),
    )
