"""The goals half of the Python API: set a goal, list them, read one's progress
(`docs/api.md`, "Goals"). The same service as `amity goal` underneath."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from amity.api.home import Home

if TYPE_CHECKING:
    from amity.service.goal_types import GoalProgress, GoalView


def add_goal(
    home: Home,
    title: str,
    *,
    by: date | None = None,
    why: str = "",
    companies: Iterable[str] = (),
    roles: Iterable[str] = (),
    people: Iterable[int | str] = (),
) -> GoalView:
    """Set an active goal today, as `amity goal add` does: the companies, roles and people
    (ids or names of your contacts) it aims at, and the day you want it by."""
    from amity.api import find_person
    from amity.service.goals import add_goal as add

    ids = [find_person(home, person).id for person in people]
    return add(
        home.write_store,
        str(title),
        home.today,
        due_on=by,
        why=str(why),
        companies=[str(c) for c in companies],
        roles=[str(r) for r in roles],
        person_ids=ids,
    )


def goals(home: Home, *, include_closed: bool = False) -> list[GoalView]:
    """The active goals, soonest due first (with `include_closed`, done and dropped too)."""
    from amity.service.goals import list_goals

    return list_goals(home.store, home.today, include_closed=include_closed)


def goal_progress(home: Home, goal: int | str) -> GoalProgress:
    """How a goal (its number or title) is going since it was set, and its next step."""
    from amity.service.goal_report import goal_progress as progress
    from amity.service.goals import resolve_goal

    store = home.store
    return progress(store, resolve_goal(store, str(goal)), home.today)
