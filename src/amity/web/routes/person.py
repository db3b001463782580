"""A person: profile, strength and its reasons, timeline, ledger, ties, drafts; log in one
click; edit inline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amity.errors import AmityError, UsageError
from amity.model import Circle, LedgerKind, TieState
from amity.model.limits import MAX_INTEGER
from amity.model.wording import plural
from amity.service.choices import parse_choice
from amity.service.people import edit_person, forget_person, read_changes
from amity.service.people_views import PersonView
from amity.service.person_facts import PersonFacts, person_facts
from amity.service.remind import Commitment, cancel, commitments, remind
from amity.service.resolve import resolve_person
from amity.service.ties import TieStrength, fresh_ties, record_tie, set_tie_state
from amity.service.views import show_person
from amity.store import Store
from amity.web.csrf import csrf_protect
from amity.web.deps import StateDep, StoreDep, TodayDep
from amity.web.errors import form_error
from amity.web.forms import check_form, check_lengths, form_of
from amity.web.pages import is_htmx, render
from amity.web.person_actions import (
    INTERACTIONS,
    LEDGER,
    ProfileForm,
    changes,
    has_changes,
    log_what,
)
from amity.web.send_context import Sends, avatars, person_sends
from amity.web.state import WebState

router = APIRouter(dependencies=[Depends(csrf_protect)])
Text = Annotated[str, Form()]  # lengths checked in the handler, so the form comes back


@dataclass(slots=True)
class LogForm:
    note: str = ""
    on: str = ""
    kind: str = "advice"


@dataclass(slots=True)
class RemindForm:
    on: str = ""
    text: str = ""


@dataclass(slots=True)
class TieForm:
    other: str = ""
    how: str = ""
    strength: str = "medium"


@dataclass(slots=True)
class PersonPage:
    person: PersonView
    facts: PersonFacts
    today: date
    log: LogForm = field(default_factory=LogForm)
    edit: ProfileForm | None = None
    message: str = ""
    error: str = ""
    interactions: tuple[str, ...] = INTERACTIONS
    gifts: tuple[str, ...] = tuple(LEDGER)
    ledger_kinds: tuple[str, ...] = tuple(k.value for k in LedgerKind)
    circles: tuple[str, ...] = tuple(c.value for c in Circle)
    commitments: list[Commitment] = field(default_factory=list)
    remind: RemindForm = field(default_factory=RemindForm)
    remind_message: str = ""
    remind_error: str = ""
    tie: TieForm = field(default_factory=TieForm)
    ties_message: str = ""
    ties_error: str = ""
    sends: Sends = field(default_factory=dict)  # each draft's send links, by its place
    photos: dict[int, str] = field(default_factory=dict)  # the avatar's version


def load(store: Store, person_id: int, today: date, home: Path) -> PersonPage:
    view = show_person(store, person_id, interactions=50)
    page = PersonPage(view, person_facts(store, person_id, today, home), today)
    page.commitments = commitments(store, today, person_id)
    page.sends = person_sends(store, person_id, page.facts.drafts)
    page.photos = avatars(store, [person_id])
    return page


@router.get("/people/{person_id:int}", response_class=HTMLResponse)
def person_page(
    request: Request, person_id: int, store: StoreDep, state: StateDep, today: TodayDep
) -> Response:
    page = load(store, person_id, today, state.settings.home)
    if request.query_params.get("added"):
        page.message = f"Added {page.person.name}."
    return render(request, "person.html", page)


@router.post("/people/{person_id:int}/log", response_class=HTMLResponse)
def person_log(
    request: Request,
    person_id: int,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    what: Annotated[str, Form(max_length=20)],
    note: Text = "",
    on: Annotated[str, Form(max_length=20)] = "",
    kind: Annotated[str, Form(max_length=20)] = "advice",
) -> Response:
    try:
        check_lengths(note=note)
        message, error = log_what(store, person_id, what, note, on, kind, today), ""
        status = 200
    except AmityError as exc:
        (status, error), message = form_error(request, exc), ""
    if not is_htmx(request) and not error:
        return RedirectResponse(f"/people/{person_id}", status_code=303)
    page = load(store, person_id, today, state.settings.home)
    page.message, page.error = message, error
    if error:
        page.log = LogForm(note, on, kind)
    partial = "_activity_and_commitments.html" if what == "promise" else "_activity.html"
    return render(request, partial if is_htmx(request) else "person.html", page, status)


@router.post("/people/{person_id:int}/remind", response_class=HTMLResponse)
def person_remind(
    request: Request,
    person_id: int,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    on: Annotated[str, Form(max_length=80)] = "",
    text: Text = "",
) -> Response:
    try:
        check_lengths(text=text)
        made = remind(store, person_id, on, text, today)
        message, error, status = f"Reminder set ({made.when}): {made.text}", "", 200
    except AmityError as exc:
        (status, error), message = form_error(request, exc), ""
    return _commitments(request, store, state, today, person_id, message, error, status, on, text)


@router.post("/people/{person_id:int}/reminders/cancel")
def person_cancel_reminder(
    request: Request,
    person_id: int,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    reminder_id: Annotated[int, Form(alias="id", ge=1, le=MAX_INTEGER)],
) -> Response:
    try:
        gone = cancel(store, reminder_id, today, person_id=person_id)
        message, error, status = f"Cancelled: {gone.text}", "", 200
    except AmityError as exc:
        (status, error), message = form_error(request, exc), ""
    return _commitments(request, store, state, today, person_id, message, error, status)


def _commitments(
    request: Request,
    store: Store,
    state: WebState,
    today: date,
    person_id: int,
    message: str,
    error: str,
    status: int,
    on: str = "",
    text: str = "",
) -> Response:
    """The card again for htmx (with what was typed, on an error), else the page."""
    if not is_htmx(request) and not error:
        return RedirectResponse(f"/people/{person_id}", status_code=303)
    page = load(store, person_id, today, state.settings.home)
    page.remind_message, page.remind_error = message, error
    if error:
        page.remind = RemindForm(on, text)
    template = "_commitments.html" if is_htmx(request) else "person.html"
    return render(request, template, page, status)


@router.get("/people/{person_id:int}/edit", response_class=HTMLResponse)
def person_edit_form(
    request: Request, person_id: int, store: StoreDep, state: StateDep, today: TodayDep
) -> Response:
    page = load(store, person_id, today, state.settings.home)
    page.edit = ProfileForm.from_view(page.person)
    return render(request, "_profile_edit.html" if is_htmx(request) else "person.html", page)


@router.get("/people/{person_id:int}/profile", response_class=HTMLResponse)
def person_profile(
    request: Request, person_id: int, store: StoreDep, state: StateDep, today: TodayDep
) -> Response:
    page = load(store, person_id, today, state.settings.home)
    return render(request, "_profile.html" if is_htmx(request) else "person.html", page)


@router.post("/people/{person_id:int}/edit", response_class=HTMLResponse)
def person_edit(
    request: Request,
    person_id: int,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    form: Annotated[ProfileForm, Depends(form_of(ProfileForm))],
) -> Response:
    page = load(store, person_id, today, state.settings.home)
    try:
        check_form(form)
        change = changes(page.person, form)
        if has_changes(change):
            edit_person(store, person_id, read_changes(store, change), today)
    except AmityError as exc:
        status, page.error = form_error(request, exc)
        page.edit = form
        return render(
            request, "_profile_edit.html" if is_htmx(request) else "person.html", page, status
        )
    if not is_htmx(request):
        return RedirectResponse(f"/people/{person_id}", status_code=303)
    page = load(store, person_id, today, state.settings.home)
    page.message = "Saved." if has_changes(change) else "Nothing changed."
    return render(request, "_profile.html", page)


@router.post("/people/{person_id:int}/forget")
def person_forget(person_id: int, store: StoreDep, today: TodayDep) -> Response:
    forget_person(store, person_id, today)
    return RedirectResponse("/people", status_code=303)


@router.post("/people/{person_id:int}/ties", response_class=HTMLResponse)
def person_add_tie(
    request: Request,
    person_id: int,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    other: Annotated[str, Form(max_length=200)] = "",
    how: Text = "",
    strength: Annotated[str, Form(max_length=20)] = "medium",
) -> Response:
    try:
        check_lengths(how=how)
        other_id, _ = resolve_person(store, other)
        level = parse_choice(TieStrength, strength, "strength")
        made = record_tie(store, person_id, other_id, how, level)
        message, error, status = f"Recorded: knows {made.other.name}.", "", 200
    except AmityError as exc:
        (status, error), message = form_error(request, exc), ""
    form = TieForm(other, how, strength) if error else TieForm()
    return _ties(request, store, state, today, person_id, (message, error, status), form)


@router.post("/people/{person_id:int}/ties/state", response_class=HTMLResponse)
def person_tie_state(
    request: Request,
    person_id: int,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    other_id: Annotated[int, Form(alias="other", ge=1, le=MAX_INTEGER)],
    tie_state: Annotated[str, Form(alias="state", max_length=20)] = "",
) -> Response:
    try:
        word = parse_choice(TieState, tie_state, "state")
        if word is TieState.INFERRED:
            raise UsageError("a tie can be confirmed or hidden")
        done = set_tie_state(store, person_id, other_id, word, today)
        verb = "Confirmed" if word is TieState.CONFIRMED else "Hidden"
        message, error, status = f"{verb}: knows {done.other.name}.", "", 200
    except AmityError as exc:
        (status, error), message = form_error(request, exc), ""
    return _ties(request, store, state, today, person_id, (message, error, status))


@router.post("/people/{person_id:int}/ties/refresh", response_class=HTMLResponse)
def person_refresh_ties(
    request: Request, person_id: int, store: StoreDep, state: StateDep, today: TodayDep
) -> Response:
    """Look for ties again: a page view writes nothing, so inferring is a button (and a part
    of every tie written here, and of `amity knows`)."""
    done = fresh_ties(store, today)
    found = (
        "Ties are up to date."
        if done is None
        else f"Looked again: {plural(done.inferred, 'inferred tie')}."
    )
    return _ties(request, store, state, today, person_id, (found, "", 200))


def _ties(
    request: Request,
    store: Store,
    state: WebState,
    today: date,
    person_id: int,
    outcome: tuple[str, str, int],
    form: TieForm | None = None,
) -> Response:
    """The Knows card again for htmx (with what was typed, on an error), else the page."""
    message, error, status = outcome
    if not is_htmx(request) and not error:
        return RedirectResponse(f"/people/{person_id}", status_code=303)
    page = load(store, person_id, today, state.settings.home)
    page.ties_message, page.ties_error = message, error
    page.tie = form or TieForm()
    return render(request, "_ties.html" if is_htmx(request) else "person.html", page, status)
