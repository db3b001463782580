"""Quick capture, for a phone at an event: "I just met…" with a name, where, one note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from amity.errors import AmityError
from amity.model import InteractionKind
from amity.service.event_types import EventLine
from amity.service.events import events_around
from amity.service.interactions import Happening, Logged, met
from amity.web.csrf import csrf_protect
from amity.web.deps import StoreDep, TodayDep
from amity.web.errors import form_error
from amity.web.forms import check_lengths
from amity.web.pages import render

router = APIRouter(dependencies=[Depends(csrf_protect)])
Text = Annotated[str, Form()]  # lengths checked below, so the form comes back


@dataclass(slots=True)
class CapturePage:
    name: str = ""
    place: str = ""
    note: str = ""
    error: str = ""
    logged: Logged | None = None
    events: tuple[EventLine, ...] = ()  # today's and recent events, to link the meeting to
    event: str = ""  # the chosen event's id


@router.get("/capture", response_class=HTMLResponse)
def capture_form(
    request: Request, store: StoreDep, today: TodayDep, place: str = "", event: str = ""
) -> Response:
    page = CapturePage(place=place[:200], events=events_around(store, today), event=event[:20])
    return render(request, "capture.html", page)


@router.post("/capture", response_class=HTMLResponse)
def capture(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    name: Text = "",
    place: Text = "",
    note: Text = "",
    event: Text = "",
) -> Response:
    events = events_around(store, today)
    chosen = next((e for e in events if str(e.id) == event), None)
    where = place or (chosen.name if chosen else "")
    happening = Happening(
        InteractionKind.MET, note=note, place=where, event_id=chosen.id if chosen else None
    )
    try:
        check_lengths(200, name=name, place=place)
        check_lengths(note=note)
        logged = met(store, name, happening, today)
    except AmityError as exc:
        status, error = form_error(request, exc)
        page = CapturePage(name, place, note, error, events=events, event=event)
        return render(request, "capture.html", page, status)
    # Keep the place and the event for the next person met there.
    page = CapturePage(place=place, logged=logged, events=events, event=event)
    return render(request, "capture.html", page)
