"""Today: the agenda with reasons and drafts; done, skip and snooze in place."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amity.service import agenda
from amity.service.agenda_types import TodayView
from amity.service.sending import Channel
from amity.store import Store
from amity.web.csrf import csrf_protect
from amity.web.deps import StateDep, StoreDep, TodayDep
from amity.web.pages import is_htmx, render
from amity.web.send_context import Sends, agenda_sends, avatars

router = APIRouter(dependencies=[Depends(csrf_protect)])


@dataclass(slots=True)
class TodayPage:
    view: TodayView
    message: str = ""
    sends: Sends = field(default_factory=dict)  # each draft's send links, by item number
    photos: dict[int, str] = field(default_factory=dict)  # avatar versions, by person id


def _page(store: Store, view: TodayView, message: str = "") -> TodayPage:
    people = [item.person_id for item in view.items]
    return TodayPage(view, message, agenda_sends(store, view), avatars(store, people))


@router.get("/", response_class=HTMLResponse)
def today_page(request: Request, store: StoreDep, state: StateDep, today: TodayDep) -> Response:
    view = state.today_views.get(store, today, state.settings.home)
    return render(request, "today.html", _page(store, view))


@router.post("/agenda/{action}", response_class=HTMLResponse)
def act_on_item(
    request: Request,
    action: Literal["done", "skip", "snooze"],
    key: Annotated[str, Form(max_length=200)],
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    days: Annotated[int | None, Form(ge=1, le=365)] = None,
    via: Annotated[Channel | None, Form()] = None,
) -> Response:
    snooze = days if action == "snooze" else None
    message = agenda.act(store, key, action, today, snooze, via if action == "done" else None)
    if not is_htmx(request):
        return RedirectResponse("/", status_code=303)
    view = state.today_views.get(store, today, state.settings.home)
    return render(request, "_agenda.html", _page(store, view, message))
