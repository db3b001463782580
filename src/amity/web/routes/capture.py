"""Quick capture, for a phone at an event: "I just met…" with a name, where, one note.

The form posts to `/capture` like any page. A phone without a connection keeps the entry
in its own queue (`static/offline.js`) and sends it later to `/capture/queued`, which answers
in JSON. Both carry the id the phone gave the entry (`client_id`) and the day it was typed
(`typed_on`): an entry sent twice is stored once, dated by when it was typed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from amity.errors import AmityError
from amity.model import InteractionKind
from amity.service.event_types import EventLine
from amity.service.events import events_around
from amity.service.interactions import Happening, Logged, check_typed_on, met
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
    client_id: Text = "",
    typed_on: Text = "",
) -> Response:
    events = events_around(store, today)
    chosen = next((e for e in events if str(e.id) == event), None)
    try:
        logged = _save(store, today, name, place, note, client_id, typed_on, chosen)
    except AmityError as exc:
        status, error = form_error(request, exc)
        page = CapturePage(name, place, note, error, events=events, event=event)
        return render(request, "capture.html", page, status)
    # Keep the place and the event for the next person met there.
    page = CapturePage(place=place, logged=logged, events=events, event=event)
    return render(request, "capture.html", page)


@router.post("/capture/queued")
def capture_queued(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    name: Text = "",
    place: Text = "",
    note: Text = "",
    client_id: Text = "",
    typed_on: Text = "",
    event: Text = "",
) -> JSONResponse:
    """One entry from a phone's queue: 200 with what was stored (`"stored": "already"`
    when it came before), or a 4xx with `{"error": {"code", "message"}}` the phone shows."""
    if not client_id or not typed_on:
        return _refused(400, "missing", "a queued capture needs its client_id and typed_on")
    try:
        chosen = next((e for e in events_around(store, today) if str(e.id) == event), None)
        logged = _save(store, today, name, place, note, client_id, typed_on, chosen)
    except AmityError as exc:
        status, message = form_error(request, exc)
        return _refused(status, exc.code, message)
    return JSONResponse(
        {
            "stored": "already" if logged.already else "new",
            "client_id": client_id,
            "interaction_id": logged.interaction_id,
            "person_id": logged.person_id,
            "person_name": logged.person_name,
            "created": logged.created,
            "follow_up_due": logged.follow_up_due.isoformat() if logged.follow_up_due else None,
        }
    )


def _save(
    store: StoreDep,
    today: date,
    name: str,
    place: str,
    note: str,
    client_id: str,
    typed_on: str,
    chosen: EventLine | None = None,
) -> Logged:
    check_lengths(200, name=name, place=place)
    check_lengths(note=note)
    on = check_typed_on(typed_on, today) if typed_on else None
    where = place or (chosen.name if chosen else "")
    event_id = chosen.id if chosen else None
    happening = Happening(InteractionKind.MET, on=on, note=note, place=where, event_id=event_id)
    return met(store, name, happening, today, client_id=client_id or None)


def _refused(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
