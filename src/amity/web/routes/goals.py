"""The Goals page: your goals with what each aims at, a form to set one, and a goal's
progress with its next step (and draft); done and drop as buttons.

`/goals` lists and adds; `/goals/{id}` shows one goal's progress (the warm-path search runs
there, not on the list). Writes post with the page's CSRF token and go back to the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amity.errors import AmityError, UsageError
from amity.model.enums import GoalStatus
from amity.model.limits import MAX_INTEGER
from amity.service.goal_report import goal_progress
from amity.service.goal_types import GoalProgress, GoalView
from amity.service.goals import add_goal, close_goal, get_goal, list_goals
from amity.service.remind import parse_remind_day
from amity.service.resolve import resolve_person
from amity.store import Store
from amity.web.csrf import csrf_protect
from amity.web.deps import StoreDep, TodayDep
from amity.web.errors import form_error
from amity.web.forms import check_lengths
from amity.web.pages import render

router = APIRouter(dependencies=[Depends(csrf_protect)])
Text = Annotated[str, Form()]  # lengths checked in the handler, so the message comes back


@dataclass(slots=True)
class GoalForm:
    """What the add form holds: the targets as typed, comma-separated."""

    title: str = ""
    by: str = ""
    why: str = ""
    companies: str = ""
    roles: str = ""
    people: str = ""


@dataclass(slots=True)
class GoalsPage:
    goals: list[GoalView]
    closed: list[GoalView]
    form: GoalForm = field(default_factory=GoalForm)
    error: str = ""
    message: str = ""


@dataclass(slots=True)
class GoalPage:
    progress: GoalProgress
    today: date


@router.get("/goals", response_class=HTMLResponse)
def goals_page(request: Request, store: StoreDep, today: TodayDep) -> Response:
    return render(request, "goals.html", _page(store, today))


@router.post("/goals", response_class=HTMLResponse)
def goal_add(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    title: Text = "",
    by: Text = "",
    why: Text = "",
    companies: Text = "",
    roles: Text = "",
    people: Text = "",
) -> Response:
    form = GoalForm(title, by, why, companies, roles, people)
    try:
        check_lengths(title=title, by=by, why=why, companies=companies, roles=roles, people=people)
        view = add_goal(
            store,
            title,
            today,
            due_on=parse_remind_day(by, today) if by.strip() else None,
            why=why,
            companies=_split(companies),
            roles=_split(roles),
            person_ids=[resolve_person(store, name)[0] for name in _split(people)],
        )
    except AmityError as exc:
        status, error = form_error(request, exc)
        page = _page(store, today)
        page.form, page.error = form, error
        return render(request, "goals.html", page, status)
    return RedirectResponse(f"/goals/{view.id}", status_code=303)


@router.get("/goals/{goal_id:int}", response_class=HTMLResponse)
def goal_page(request: Request, goal_id: int, store: StoreDep, today: TodayDep) -> Response:
    _known(goal_id)
    return render(request, "goal.html", GoalPage(goal_progress(store, goal_id, today), today))


@router.post("/goals/{goal_id:int}/close", response_class=HTMLResponse)
def goal_close(
    goal_id: int,
    store: StoreDep,
    today: TodayDep,
    status: Annotated[Literal["done", "dropped"], Form()],
) -> Response:
    _known(goal_id)
    get_goal(store, goal_id, today)  # NotFound: the error page
    close_goal(store, goal_id, GoalStatus(status), today)
    return RedirectResponse("/goals", status_code=303)


def _page(store: Store, today: date) -> GoalsPage:
    every = list_goals(store, today, include_closed=True)
    return GoalsPage([g for g in every if g.is_active], [g for g in every if not g.is_active])


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _known(goal_id: int) -> None:
    if goal_id > MAX_INTEGER:
        raise UsageError(f"no goal has number {goal_id}")
