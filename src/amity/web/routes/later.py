"""Pages that arrive in later releases, and the keyboard-shortcut help."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from amity.web.pages import render

router = APIRouter()

SOON = {
    "events": ("Events", "Plan an event with a purpose, capture on the day, see what lasted."),
}

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
class SoonPage:
    title: str
    blurb: str


@dataclass(frozen=True, slots=True)
class HelpPage:
    shortcuts: tuple[tuple[str, str], ...]


@router.get("/help", response_class=HTMLResponse)
def help_page(request: Request) -> Response:
    return render(request, "help.html", HelpPage(SHORTCUTS))


def _soon(slug: str) -> None:
    title, blurb = SOON[slug]

    def page(request: Request) -> Response:
        return render(request, "soon.html", SoonPage(title, blurb))

    router.add_api_route(f"/{slug}", page, methods=["GET"], response_class=HTMLResponse)


for _slug in SOON:
    _soon(_slug)
