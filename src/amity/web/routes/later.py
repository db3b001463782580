"""The keyboard-shortcut help."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from amity.web.pages import render

router = APIRouter()

SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("?", "Show this list"),
    ("/", "Search people (from any page)"),
    ("g t", "Go to Today"),
    ("g p", "Go to People"),
    ("g c", "Quick capture: I just met…"),
    ("g i", "Go to Import"),
    ("g d", "Go to Duplicates"),
    ("g r", "Go to Report"),
    ("g n", "Go to Network"),
    ("g e", "Go to Events"),
    ("g o", "Go to Goals"),
    ("g s", "Go to Settings"),
    ("j k", "Today: next / previous item"),
    ("d", "Today: mark the selected item done"),
    ("s", "Today: snooze the selected item"),
    ("x", "Today: skip the selected item"),
    ("c", "Today: copy the selected item's draft"),
    ("l", "Person: log an interaction"),
    ("e", "Person: edit the profile"),
)


@dataclass(frozen=True, slots=True)
class HelpPage:
    shortcuts: tuple[tuple[str, str], ...]


@router.get("/help", response_class=HTMLResponse)
def help_page(request: Request) -> Response:
    return render(request, "help.html", HelpPage(SHORTCUTS))
