"""The agenda's candidate queries: indexed reads over maintained columns, never an
aggregate over all interactions. The engines turn the rows into agenda items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from amity.model import LifeEventKind
from amity.model.limits import MAX_INTEGER
from amity.store.database import Row
from amity.store.handle import Store

_ALIVE = "p.deleted_on IS NULL AND p.archived = ?"
_CHUNK = 500
# Every due day: a range on it lets SQLite read the few open reminders by the (owner,
# state, due) index, where its statistics (three states, evenly spread) would scan them all.
_ANY_DAY = date.min.isoformat()


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def open_reminders_with_people(store: Store) -> list[Row]:
    """Open and snoozed follow-ups, promises and reminders of living people, with the
    person's name and strength and the meeting they came from."""
    return store.db.query(
        "SELECT r.key, r.kind, r.person_id, r.reason, r.due_on, r.interaction_id, "
        "p.name, p.strength, i.occurred_on, i.place, i.kind AS met_kind FROM reminder r "
        "JOIN person p ON p.id = r.person_id "
        "LEFT JOIN interaction i ON i.id = r.interaction_id "
        f"WHERE r.owner_id = ? AND r.state IN ('open', 'snoozed') AND r.due_on >= ? "
        f"AND {_ALIVE} AND r.kind IN ('follow_up', 'promise', 'reminder')",
        (store.owner_id, _ANY_DAY, False),
    )


def first_meetings_followed_up(
    store: Store,
    due_since: date,
    met_by: date,
    *,
    met_since: date | None = None,
    in_touch_since: date | None = None,
) -> list[Row]:
    """Follow-ups done, due since `due_since`, of meetings up to `met_by` that were the
    first contact with a living person; given `met_since` and `in_touch_since`, only
    meetings on or after `met_since` or with someone in touch since `in_touch_since` (the
    maintained last contact)."""
    recent, params = "", []
    if met_since is not None and in_touch_since is not None:
        recent = "AND (i.occurred_on >= ? OR p.last_contact_on >= ?) "
        params = [met_since.isoformat(), in_touch_since.isoformat()]
    return store.db.query(
        "SELECT r.interaction_id, r.person_id, p.name, p.strength, i.occurred_on, i.place, "
        "i.kind FROM reminder r JOIN person p ON p.id = r.person_id "
        "JOIN interaction i ON i.id = r.interaction_id "
        f"WHERE r.owner_id = ? AND r.state = 'done' AND r.due_on >= ? AND {_ALIVE} "
        "AND r.kind = 'follow_up' AND p.first_contact_on >= i.occurred_on "
        f"AND i.occurred_on <= ? {recent}",
        (store.owner_id, due_since.isoformat(), False, met_by.isoformat(), *params),
    )


def contacts_since(
    store: Store, person_ids: Sequence[int], since: date
) -> list[tuple[int, int, object, str]]:
    """These people's interactions since `since`, as plain tuples (person_id, id,
    occurred_on, direction): thousands of rows for a busy network's new ties."""
    ids = sorted(person_ids)
    rows: list[tuple[int, int, object, str]] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        rows += store.db.rows(  # a range of the (person, day) index: only those days' rows
            "SELECT ip.person_id, i.id, ip.occurred_on, i.direction "
            "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE ip.person_id IN ({_marks(chunk)}) AND ip.occurred_on >= ? "
            "AND ip.owner_id = ?",
            (*chunk, since.isoformat(), store.owner_id),
        )
    return rows


def birthdays_on(store: Store, days: Sequence[tuple[int, int]]) -> list[Row]:
    """Living people whose birthday falls on one of these (month, day) pairs."""
    codes = [month * 100 + day for month, day in days]
    return store.db.query(
        "SELECT p.id, p.name, p.birthday_month, p.birthday_day, p.birthday_year, p.strength "
        f"FROM person p WHERE p.owner_id = ? AND {_ALIVE} AND p.birthday_month IS NOT NULL "
        f"AND p.birthday_month * 100 + p.birthday_day IN ({_marks(codes)})",
        (store.owner_id, False, *codes),
    )


def positions_started_on(store: Store, days: Sequence[tuple[int, int]]) -> list[Row]:
    """Current positions of living people that started on one of these (month, day) pairs."""
    codes = [store.db.month_day_key(month, day) for month, day in days]
    month_day = store.db.month_day("pos.start_on")
    return store.db.query(
        "SELECT pos.id AS position_id, pos.start_on, o.name AS organization, p.id, p.name, "
        "p.strength FROM position pos JOIN person p ON p.id = pos.person_id "
        "JOIN organization o ON o.id = pos.organization_id "
        f"WHERE pos.owner_id = ? AND {_ALIVE} AND pos.end_on IS NULL "
        f"AND pos.start_on IS NOT NULL AND {month_day} IN ({_marks(codes)})",
        (store.owner_id, False, *codes),
    )


def job_changes_since(store: Store, since: date) -> list[Row]:
    """New jobs and promotions of living people since `since`."""
    return store.db.query(
        "SELECT e.id AS event_id, e.kind, e.detail, e.occurred_on, p.id, p.name, p.strength "
        "FROM life_event e JOIN person p ON p.id = e.person_id "
        f"WHERE e.owner_id = ? AND {_ALIVE} AND e.kind IN (?, ?) AND e.occurred_on >= ?",
        (
            store.owner_id,
            False,
            LifeEventKind.NEW_JOB.value,
            LifeEventKind.PROMOTION.value,
            since.isoformat(),
        ),
    )


def count_due_by(store: Store, until: date) -> int:
    """People due a check-in by `until`. Archived and forgotten people have no next-due
    date, so the index alone counts."""
    n = store.db.scalar(
        "SELECT count(*) FROM person WHERE owner_id = ? AND next_due_on <= ?",
        (store.owner_id, until.isoformat()),
    )
    return int(n or 0)


def due_by(store: Store, until: date, limit: int) -> list[Row]:
    """The first `limit` living people due a check-in by `until`, earliest due first."""
    return store.db.query(
        "SELECT p.id, p.name, p.circle, p.cadence_days, p.first_contact_on, p.last_contact_on, "
        f"p.interaction_count, p.strength FROM person p WHERE p.owner_id = ? "
        f"AND p.next_due_on <= ? AND {_ALIVE} ORDER BY p.next_due_on, p.id LIMIT ?",
        (store.owner_id, until.isoformat(), False, limit),
    )


def acted_reminders(store: Store, keys: Sequence[str]) -> list[Row]:
    """The reminders among these keys that are no longer open: key, state, snoozed_until."""
    rows: list[Row] = []
    for start in range(0, len(keys), _CHUNK):
        chunk = keys[start : start + _CHUNK]
        rows += store.db.query(
            "SELECT key, state, snoozed_until FROM reminder WHERE owner_id = ? AND key IN "
            f"({_marks(chunk)}) AND state <> 'open'",
            (store.owner_id, *chunk),
        )
    return rows


def has_people(store: Store) -> bool:
    """Whether the account holds anyone not in the trash."""
    found = store.db.scalar(
        "SELECT 1 FROM person WHERE owner_id = ? AND deleted_on IS NULL LIMIT 1",
        (store.owner_id,),
    )
    return found is not None


def outbound_per_day(store: Store, since: date, until: date) -> list[Row]:
    """Outbound contacts per day (occurred_on, n) from `since` to `until` (by the index)."""
    return store.db.query(
        "SELECT occurred_on, count(*) AS n FROM interaction WHERE owner_id = ? "
        "AND direction = 'outbound' AND occurred_on >= ? AND occurred_on <= ? "
        "GROUP BY occurred_on",
        (store.owner_id, since.isoformat(), until.isoformat()),
    )


def count_outbound(store: Store, first: date, last: date, *, at_most: int | None = None) -> int:
    """Outbound contacts from `first` to `last` (by the index), counted to at most
    `at_most` when given: the scan stops there."""
    limit = MAX_INTEGER if at_most is None else at_most
    n = store.db.scalar(
        "SELECT count(*) FROM (SELECT 1 FROM interaction WHERE owner_id = ? "
        "AND direction = 'outbound' AND occurred_on >= ? AND occurred_on <= ? LIMIT ?) found",
        (store.owner_id, first.isoformat(), last.isoformat(), limit),
    )
    return int(n or 0)
