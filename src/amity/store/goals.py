"""Your goals and what they aim at: the `goal` and `goal_target` rows (migration 0009).

A goal is a title, why (`detail`), a due day, a status (active, done, dropped), the day it
was set (`created_on`, NULL for a goal set before 0009) and the day it was closed. Its
targets are `goal_target` rows, one per company, role or person; a person's row keeps the
name as typed in `value` beside `person_id`. `target_organization` is always '' now: its
value became a company target. The events that serve a goal are `event_goal` rows, written
by `amity event plan --goal`; here they are only read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from amity.model.enums import GoalStatus, TargetKind
from amity.model.events import Goal, Target
from amity.store.database import Row, as_date
from amity.store.handle import Store

_COLUMNS = "id, title, detail, due_on, status, created_on, closed_on"


def insert_goal(store: Store, goal: Goal) -> int:
    """A new goal with its targets; its id."""
    goal_id = store.db.insert(
        "INSERT INTO goal (owner_id, title, detail, target_organization, due_on, status, "
        "created_on) VALUES (?, ?, ?, '', ?, ?, ?)",
        (
            store.owner_id,
            goal.title,
            goal.detail,
            _day(goal.due_on),
            goal.status.value,
            _day(goal.created_on),
        ),
    )
    add_targets(store, goal_id, goal.targets)
    return goal_id


def add_targets(store: Store, goal_id: int, targets: Iterable[Target]) -> None:
    rows = [
        (store.owner_id, goal_id, target.kind.value, target.value, target.person_id)
        for target in targets
    ]
    if rows:
        store.db.executemany(
            "INSERT INTO goal_target (owner_id, goal_id, kind, value, person_id) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )


def remove_target(store: Store, target_id: int) -> None:
    store.db.execute(
        "DELETE FROM goal_target WHERE owner_id = ? AND id = ?", (store.owner_id, target_id)
    )


def goal_row(store: Store, goal_id: int) -> Row | None:
    return store.db.one(
        f"SELECT {_COLUMNS} FROM goal WHERE owner_id = ? AND id = ?", (store.owner_id, goal_id)
    )


def goal_rows(store: Store, *, closed: bool = False) -> list[Row]:
    """The active goals, soonest due first (then the oldest); with `closed`, the done and
    dropped ones after them."""
    only = "" if closed else "AND status = ? "
    order = "CASE WHEN status = ? THEN 0 ELSE 1 END, "
    return store.db.query(
        f"SELECT {_COLUMNS} FROM goal WHERE owner_id = ? {only}ORDER BY {order}"
        "CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, id",
        (store.owner_id, *(() if closed else (GoalStatus.ACTIVE.value,)), "active"),
    )


def target_rows(store: Store, goal_ids: Sequence[int]) -> list[Row]:
    """The targets of these goals, in the order they were given: `id`, `goal_id`, `kind`,
    `value`, `person_id` and the person's name now (`person_name`, NULL when they are
    forgotten or in the trash)."""
    ids = sorted(set(goal_ids))
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    return store.db.query(
        "SELECT t.id, t.goal_id, t.kind, t.value, t.person_id, p.name AS person_name "
        "FROM goal_target t LEFT JOIN person p ON p.id = t.person_id "
        "AND p.owner_id = t.owner_id AND p.deleted_on IS NULL "
        f"WHERE t.owner_id = ? AND t.goal_id IN ({marks}) ORDER BY t.id",
        (store.owner_id, *ids),
    )


def to_goal(row: Row, targets: Iterable[Row] = ()) -> Goal:
    return Goal(
        title=str(row["title"]),
        detail=str(row["detail"] or ""),
        due_on=as_date(row["due_on"]),
        status=GoalStatus(row["status"]),
        created_on=as_date(row["created_on"]),
        closed_on=as_date(row["closed_on"]),
        targets=tuple(
            Target(TargetKind(t["kind"]), str(t["person_name"] or t["value"]), t["person_id"])
            for t in targets
        ),
        id=int(row["id"]),
    )


def goals(store: Store, *, closed: bool = False) -> list[Goal]:
    """The goals with their targets (see `goal_rows` for the order)."""
    rows = goal_rows(store, closed=closed)
    targets = target_rows(store, [int(row["id"]) for row in rows])
    return [to_goal(row, [t for t in targets if t["goal_id"] == row["id"]]) for row in rows]


def goal(store: Store, goal_id: int) -> Goal | None:
    row = goal_row(store, goal_id)
    return None if row is None else to_goal(row, target_rows(store, [goal_id]))


def set_status(store: Store, goal_id: int, status: GoalStatus, closed_on: date | None) -> None:
    store.db.execute(
        "UPDATE goal SET status = ?, closed_on = ? WHERE owner_id = ? AND id = ?",
        (status.value, _day(closed_on), store.owner_id, goal_id),
    )


def update_goal(
    store: Store, goal_id: int, *, title: str, detail: str, due_on: date | None
) -> None:
    store.db.execute(
        "UPDATE goal SET title = ?, detail = ?, due_on = ? WHERE owner_id = ? AND id = ?",
        (title, detail, _day(due_on), store.owner_id, goal_id),
    )


def titles(store: Store) -> list[tuple[int, str, str]]:
    """(id, title, status) of every goal, for finding one by its title."""
    return [
        (int(gid), str(title), str(status))
        for gid, title, status in store.db.rows(
            "SELECT id, title, status FROM goal WHERE owner_id = ? ORDER BY id",
            (store.owner_id,),
        )
    ]


def events_serving(store: Store, goal_id: int) -> list[Row]:
    """The events that serve a goal (`event_goal`): `id`, `name`, `starts_on`, `status`,
    soonest first."""
    return store.db.query(
        "SELECT e.id, e.name, e.starts_on, e.status FROM event_goal eg "
        "JOIN event e ON e.id = eg.event_id AND e.owner_id = eg.owner_id "
        "WHERE eg.owner_id = ? AND eg.goal_id = ? ORDER BY e.starts_on, e.id",
        (store.owner_id, goal_id),
    )


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
