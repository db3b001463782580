"""Events: the list and the plan form, an event's page with its brief, the capture of
everyone met there from a phone, and the debrief."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amity.errors import AmityError
from amity.model.enums import EventStatus
from amity.service.event_brief import brief_body, brief_text, event_brief
from amity.service.event_debrief import debrief, met_there
from amity.service.event_types import Debrief, EventLine, EventView
from amity.service.events import (
    EventPlan,
    event_day,
    list_events,
    plan_event,
    resolve_goal,
    show_event,
)
from amity.service.interactions import Logged
from amity.service.resolve import resolve_person
from amity.store import Store
from amity.web.csrf import csrf_protect
from amity.web.deps import StoreDep, TodayDep
from amity.web.errors import form_error
from amity.web.forms import check_lengths
from amity.web.pages import render

router = APIRouter(dependencies=[Depends(csrf_protect)])
Text = Annotated[str, Form()]
CAPTURE_ROWS = 6  # people met, one field each, on the event's page


@dataclass(slots=True)
class PlanForm:
    name: str = ""
    on: str = ""
    time: str = ""
    place: str = ""
    purpose: str = ""
    goal: str = ""
    companies: str = ""
    roles: str = ""
    people: str = ""
    pitch: str = ""


@dataclass(slots=True)
class EventsPage:
    events: tuple[EventLine, ...]
    form: PlanForm = field(default_factory=PlanForm)
    error: str = ""


@dataclass(slots=True)
class EventPage:
    view: EventView
    brief: str  # the brief as HTML (escaped by the renderer)
    rows: int = CAPTURE_ROWS
    logged: tuple[Logged, ...] = ()
    done: Debrief | None = None
    error: str = ""


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, today: TodayDep) -> Response:
    return render(request, "events.html", EventsPage(list_events(store, today, everything=True)))


@router.post("/events", response_class=HTMLResponse)
def plan(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    name: Text = "",
    on: Text = "",
    time: Text = "",
    place: Text = "",
    purpose: Text = "",
    goal: Text = "",
    companies: Text = "",
    roles: Text = "",
    people: Text = "",
    pitch: Text = "",
) -> Response:
    form = PlanForm(name, on, time, place, purpose, goal, companies, roles, people, pitch)
    try:
        check_lengths(200, name=name, on=on, time=time, place=place, goal=goal)
        check_lengths(purpose=purpose, companies=companies, roles=roles, people=people, pitch=pitch)
        planned = plan_event(store, _plan(store, form, today), today)
    except AmityError as exc:
        status, error = form_error(request, exc)
        page = EventsPage(list_events(store, today, everything=True), form, error)
        return render(request, "events.html", page, status)
    return RedirectResponse(f"/events/{planned.event.id}", status_code=303)


def _plan(store: Store, form: PlanForm, today: date) -> EventPlan:
    return EventPlan(
        form.name,
        on=event_day(form.on, today),
        time=form.time,
        place=form.place,
        purpose=form.purpose,
        pitch=form.pitch or None,
        goal_ids=tuple(resolve_goal(store, g) for g in _items(form.goal)),
        companies=_items(form.companies),
        roles=_items(form.roles),
        person_ids=tuple(resolve_person(store, p)[0] for p in _items(form.people)),
    )


def _items(text: str) -> tuple[str, ...]:
    """A comma-separated field's items ("Stripe, Plaid")."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _event_page(
    store: Store,
    event_id: int,
    today: date,
    *,
    logged: tuple[Logged, ...] = (),
    done: Debrief | None = None,
    error: str = "",
) -> EventPage:
    brief = brief_body(event_brief(store, event_id, today))
    view = show_event(store, event_id, today)
    return EventPage(view, brief, logged=logged, done=done, error=error)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: int, store: StoreDep, today: TodayDep) -> Response:
    return render(request, "event.html", _event_page(store, event_id, today))


@router.get("/events/{event_id}/brief", response_class=HTMLResponse)
def printable_brief(event_id: int, store: StoreDep, today: TodayDep) -> Response:
    return HTMLResponse(brief_text(event_brief(store, event_id, today), html=True))


@router.post("/events/{event_id}/met", response_class=HTMLResponse)
async def capture_met(
    request: Request, event_id: int, store: StoreDep, today: TodayDep
) -> Response:
    form = await request.form()
    people = [
        (str(form.get(f"name{i}") or ""), str(form.get(f"note{i}") or ""))
        for i in range(CAPTURE_ROWS)
    ]
    try:
        for name, note in people:
            check_lengths(200, name=name)
            check_lengths(note=note)
        logged = met_there(store, event_id, people, today)
    except AmityError as exc:
        status, error = form_error(request, exc)
        return render(
            request, "event.html", _event_page(store, event_id, today, error=error), status
        )
    return render(request, "event.html", _event_page(store, event_id, today, logged=tuple(logged)))


@router.post("/events/{event_id}/debrief", response_class=HTMLResponse)
async def debrief_event(
    request: Request, event_id: int, store: StoreDep, today: TodayDep
) -> Response:
    form = await request.form()
    skipped = form.get("went") == "no"
    try:
        moved = tuple(resolve_goal(store, str(g)) for g in form.getlist("goal_moved"))
        status = EventStatus.SKIPPED if skipped else EventStatus.ATTENDED
        done = debrief(store, event_id, today, status=status, goals_moved=moved)
    except AmityError as exc:
        status_code, error = form_error(request, exc)
        page = _event_page(store, event_id, today, error=error)
        return render(request, "event.html", page, status_code)
    return render(request, "event.html", _event_page(store, event_id, today, done=done))
