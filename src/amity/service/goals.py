"""Your networking goals: set one with the companies, roles and people it aims at, list
them, find one by its number or title, change it, mark it done or drop it.

A person target must be someone in your contacts (the interfaces resolve the name first,
as everywhere): progress is counted from what you did with them, which needs the person.
Someone you have not met yet is added first (`amity add NAME --company X`), or named by
their company. Each write is one transaction. Progress is `amity.service.goal_report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from amity.engines.contact_points import name_key
from amity.engines.goal_progress import days_left
from amity.errors import Ambiguous, NotFound, UsageError
from amity.model.enums import GoalStatus, TargetKind
from amity.model.events import Goal, Target
from amity.model.limits import MAX_INTEGER
from amity.service.goal_types import GoalView, TargetView
from amity.service.resolve import person_by_id
from amity.store import Store
from amity.store import goals as goal_store

MAX_TITLE = 200
MAX_TEXT = 2_000


def add_goal(
    store: Store,
    title: str,
    today: date,
    *,
    due_on: date | None = None,
    why: str = "",
    companies: Sequence[str] = (),
    roles: Sequence[str] = (),
    person_ids: Sequence[int] = (),
) -> GoalView:
    """A new active goal, set today, with its targets."""
    clean = _title(title)
    if due_on is not None and due_on < today:
        raise UsageError(f"{due_on.isoformat()} is in the past; a goal is due today or later")
    _not_open_already(store, clean)
    targets = _targets(store, companies, roles, person_ids)
    goal = Goal(clean, _text(why, "why"), due_on=due_on, created_on=today, targets=targets)
    with store.db.transaction():
        goal_id = goal_store.insert_goal(store, goal)
    return get_goal(store, goal_id, today)


def _not_open_already(store: Store, title: str, *, but: int | None = None) -> None:
    """Two open goals of one title are one goal typed twice: say which is there (`but`:
    the goal being retitled, which may keep its own title)."""
    for goal in goal_store.goals(store, closed=False):
        if goal.id != but and goal.title.casefold() == title.casefold():
            raise UsageError(
                f'goal #{goal.id} "{goal.title}" is already open: change that one, or give '
                "this one another title"
            )


def list_goals(store: Store, today: date, *, include_closed: bool = False) -> list[GoalView]:
    """The active goals, soonest due first; with `include_closed`, done and dropped too."""
    return [_view(goal, today) for goal in goal_store.goals(store, closed=include_closed)]


def get_goal(store: Store, goal_id: int, today: date) -> GoalView:
    goal = goal_store.goal(store, goal_id)
    if goal is None:
        raise NotFound(f"no goal has number {goal_id}; `amity goal list --all` lists them")
    return _view(goal, today)


def resolve_goal(store: Store, text: str) -> int:
    """The goal `text` names: its number (`3`, `#3`), its title up to case and spacing, or
    the beginning of one title (an active goal before a closed one). Ambiguous lists the
    goals it could be; NotFound says how to list them."""
    raw = " ".join(text.split())
    number = raw.removeprefix("#")
    found = goal_store.titles(store)
    if number.isdecimal() and int(number) <= MAX_INTEGER:
        if any(gid == int(number) for gid, _, _ in found):
            return int(number)
        raise NotFound(f"no goal has number {number}; `amity goal list --all` lists them")
    wanted = name_key(raw)
    if not wanted:
        raise UsageError("say which goal: its number or its title")
    for matches in (
        [g for g in found if name_key(g[1]) == wanted],
        [g for g in found if name_key(g[1]).startswith(wanted)],
        [g for g in found if wanted in name_key(g[1])],
    ):
        active = [g for g in matches if g[2] == GoalStatus.ACTIVE.value]
        for group in (active, matches):
            if len(group) == 1:
                return group[0][0]
            if len(group) > 1:
                raise Ambiguous(
                    f"{raw!r} could be {len(group)} goals; give its number",
                    [(gid, title) for gid, title, _ in group],
                )
    raise NotFound(f"no goal called {raw!r}; `amity goal list --all` lists them")


def close_goal(store: Store, goal_id: int, status: GoalStatus, today: date) -> GoalView:
    """Mark a goal done or dropped today; done again (or dropped again) changes nothing."""
    goal = get_goal(store, goal_id, today)
    if status is GoalStatus.ACTIVE:
        raise UsageError("a goal is closed as done or dropped")
    if goal.status is not status:
        with store.db.transaction():
            goal_store.set_status(store, goal_id, status, today)
    return get_goal(store, goal_id, today)


def reopen_goal(store: Store, goal_id: int, today: date) -> GoalView:
    """A done or dropped goal, active again (its progress still counts from when set),
    unless an open goal has its title now."""
    view = get_goal(store, goal_id, today)
    _not_open_already(store, view.title, but=goal_id)
    with store.db.transaction():
        goal_store.set_status(store, goal_id, GoalStatus.ACTIVE, None)
    return get_goal(store, goal_id, today)


def edit_goal(
    store: Store,
    goal_id: int,
    today: date,
    *,
    title: str | None = None,
    why: str | None = None,
    due_on: date | None = None,
    clear_due: bool = False,
    companies: Sequence[str] = (),
    roles: Sequence[str] = (),
    person_ids: Sequence[int] = (),
    remove: Sequence[str] = (),
) -> GoalView:
    """Retitle a goal, change why or its due day, add targets, or remove the targets whose
    value (a company, a role, a person's name) is one of `remove`, up to case. All in one
    transaction: a target to remove that the goal does not have changes nothing."""
    goal = goal_store.goal(store, goal_id)
    if goal is None:
        raise NotFound(f"no goal has number {goal_id}; `amity goal list --all` lists them")
    if due_on is not None and due_on < today and due_on != goal.due_on:
        raise UsageError(f"{due_on.isoformat()} is in the past; a goal is due today or later")
    if title is not None and goal.status == GoalStatus.ACTIVE:
        _not_open_already(store, _title(title), but=goal_id)
    gone = _removed(store, goal_id, remove)
    new = tuple(t for t in _targets(store, companies, roles, person_ids) if t not in goal.targets)
    with store.db.transaction():
        goal_store.update_goal(
            store,
            goal_id,
            title=goal.title if title is None else _title(title),
            detail=goal.detail if why is None else _text(why, "why"),
            due_on=None if clear_due else (due_on or goal.due_on),
        )
        for target_id in gone:
            goal_store.remove_target(store, target_id)
        goal_store.add_targets(store, goal_id, new)
    return get_goal(store, goal_id, today)


def _removed(store: Store, goal_id: int, values: Sequence[str]) -> list[int]:
    rows = goal_store.target_rows(store, [goal_id])
    gone = []
    for value in values:
        key = name_key(value)
        found = [
            int(row["id"])
            for row in rows
            if key in (name_key(str(row["value"])), name_key(str(row["person_name"] or "")))
        ]
        if not found:
            have = ", ".join(str(row["person_name"] or row["value"]) for row in rows) or "none"
            raise NotFound(f"goal #{goal_id} has no target {value!r} (its targets: {have})")
        gone += found
    return gone


def _targets(
    store: Store, companies: Sequence[str], roles: Sequence[str], person_ids: Sequence[int]
) -> tuple[Target, ...]:
    found: list[Target] = []
    for kind, values in ((TargetKind.COMPANY, companies), (TargetKind.ROLE, roles)):
        for value in values:
            clean = _text(value, kind.value)
            if not clean:
                raise UsageError(f"a {kind.value} target needs a name")
            if all(name_key(t.value) != name_key(clean) or t.kind is not kind for t in found):
                found.append(Target(kind, clean))
    for person_id in dict.fromkeys(person_ids):
        _, name = person_by_id(store, person_id)
        found.append(Target(TargetKind.PERSON, name, person_id))
    return tuple(found)


def _title(title: str) -> str:
    clean = " ".join(title.split())
    if not clean:
        raise UsageError('a goal needs a title: what you want, e.g. "backend role at a fintech"')
    if len(clean) > MAX_TITLE:
        raise UsageError(f"a goal's title is at most {MAX_TITLE} characters")
    return clean


def _text(text: str, what: str) -> str:
    clean = " ".join(text.split())
    if len(clean) > MAX_TEXT:
        raise UsageError(f"{what} is at most {MAX_TEXT} characters")
    return clean


def _view(goal: Goal, today: date) -> GoalView:
    assert goal.id is not None  # read from the store
    return GoalView(
        goal.id,
        goal.title,
        goal.detail,
        goal.due_on,
        goal.status,
        goal.created_on,
        goal.closed_on,
        tuple(TargetView(t.kind, t.value, t.person_id) for t in goal.targets),
        days_left(goal.due_on, today) if goal.status is GoalStatus.ACTIVE else None,
    )
