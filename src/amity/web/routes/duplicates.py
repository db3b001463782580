"""Duplicates: side-by-side review, merge, "not the same person", and undo of the last
merge, import or dismissal."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from amity.errors import NotFound
from amity.service.duplicates import dismiss_pair, merge_people, undo_last
from amity.service.people_views import PersonView
from amity.service.views import show_person
from amity.store import Store
from amity.web.csrf import csrf_protect
from amity.web.deps import StateDep, StoreDep, TodayDep
from amity.web.pages import render_either
from amity.web.state import WebState

router = APIRouter(dependencies=[Depends(csrf_protect)])
SHOWN = 20


@dataclass(slots=True)
class Pair:
    a: PersonView
    b: PersonView
    score: float
    reasons: tuple[str, ...]


@dataclass(slots=True)
class DuplicatesPage:
    pairs: list[Pair]
    total: int
    message: str = ""
    errors: list[str] = field(default_factory=list)


def load(store: Store, state: WebState, message: str = "") -> DuplicatesPage:
    found = state.duplicate_pairs.get(store, 0.5)
    pairs = []
    for pair in found[:SHOWN]:
        try:
            a = show_person(store, pair.a.id, interactions=0)
            b = show_person(store, pair.b.id, interactions=0)
        except NotFound:  # merged away a moment ago by another tab
            continue
        pairs.append(Pair(a, b, pair.score, pair.reasons))
    return DuplicatesPage(pairs, len(found), message)


@router.get("/duplicates", response_class=HTMLResponse)
def duplicates_page(request: Request, store: StoreDep, state: StateDep) -> Response:
    return render_either(request, "duplicates.html", "_duplicates.html", load(store, state))


@router.post("/duplicates/merge", response_class=HTMLResponse)
def merge(
    request: Request,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    keep: Annotated[int, Form()],
    gone: Annotated[int, Form()],
) -> Response:
    merged = merge_people(store, keep, gone, today)
    message = f"Merged {merged.merged.name} into {merged.kept.name}."
    return render_either(
        request, "duplicates.html", "_duplicates.html", load(store, state, message)
    )


@router.post("/duplicates/dismiss", response_class=HTMLResponse)
def dismiss(
    request: Request,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    a: Annotated[int, Form()],
    b: Annotated[int, Form()],
) -> Response:
    done = dismiss_pair(store, a, b, today)
    message = f"Noted: {done.a.name} and {done.b.name} are not the same person."
    return render_either(
        request, "duplicates.html", "_duplicates.html", load(store, state, message)
    )


@router.post("/undo", response_class=HTMLResponse)
def undo(request: Request, store: StoreDep, state: StateDep, today: TodayDep) -> Response:
    message = undo_last(store, today)
    return render_either(
        request, "duplicates.html", "_duplicates.html", load(store, state, message)
    )
