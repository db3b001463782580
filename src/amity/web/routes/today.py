"""Today: the agenda with reasons and drafts; done, skip and snooze in place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amity.service import agenda
from amity.service.agenda import TodayView
from amity.web.csrf import csrf_protect
from amity.web.deps import StateDep, StoreDep, TodayDep
from amity.web.pages import is_htmx, render

router = APIRouter(dependencies=[Depends(csrf_protect)])


@dataclass(slots=True)
class TodayPage:
    view: TodayView
    message: str = ""


@router.get("/", response_class=HTMLResponse)
def today_page(request: Request, store: StoreDep, state: StateDep, today: TodayDep) -> Response:
    view = state.today_views.get(store, today, state.settings.home)
    return render(request, "today.html", TodayPage(view))


@router.post("/agenda/{action}", response_class=HTMLResponse)
def act_on_item(
    request: Request,
    action: Literal["done", "skip", "snooze"],
    key: Annotated[str, Form(max_length=200)],
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    days: Annotated[int | None, Form(ge=1, le=365)] = None,
) -> Response:
    message = agenda.act(store, key, action, today, days if action == "snooze" else None)
    if not is_htmx(request):
        return RedirectResponse("/", status_code=303)
    view = state.today_views.get(store, today, state.settings.home)
    return render(request, "_agenda.html", TodayPage(view, message))
