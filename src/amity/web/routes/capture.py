"""Quick capture, for a phone at an event: "I just met…" with a name, where, one note."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from amity.errors import AmityError
from amity.model import InteractionKind
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


@router.get("/capture", response_class=HTMLResponse)
def capture_form(request: Request, place: str = "") -> Response:
    return render(request, "capture.html", CapturePage(place=place[:200]))


@router.post("/capture", response_class=HTMLResponse)
def capture(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    name: Text = "",
    place: Text = "",
    note: Text = "",
) -> Response:
    happening = Happening(InteractionKind.MET, note=note, place=place)
    try:
        check_lengths(200, name=name, place=place)
        check_lengths(note=note)
        logged = met(store, name, happening, today)
    except AmityError as exc:
        status, error = form_error(request, exc)
        return render(request, "capture.html", CapturePage(name, place, note, error), status)
    # Keep the place for the next person met at the same event.
    return render(request, "capture.html", CapturePage(place=place, logged=logged))
