"""People: search as you type, filters, sorting, pages, bulk edits, and adding someone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amity.errors import AmityError
from amity.service.people import NewPerson, add_person
from amity.store import Store
from amity.web.csrf import csrf_protect
from amity.web.deps import StateDep, StoreDep, TodayDep
from amity.web.errors import form_error
from amity.web.forms import check_form, check_lengths
from amity.web.pages import is_htmx, render, render_either
from amity.web.people_lists import CIRCLES, PeoplePage, PeopleQuery, bulk_edit, people_page
from amity.web.state import WebState

router = APIRouter(dependencies=[Depends(csrf_protect)])

Text = Annotated[str, Form()]  # lengths checked in the handler, so the form comes back


class ListParams:
    """The query string of /people, typed and bounded."""

    def __init__(
        self,
        q: Annotated[str, Query(max_length=200)] = "",
        circle: Annotated[str, Query(max_length=40)] = "",
        tag: Annotated[str, Query(max_length=100)] = "",
        company: Annotated[str, Query(max_length=200)] = "",
        sort: Literal["name", "last", "strength"] = "name",
        page: Annotated[int, Query(ge=1, le=100_000)] = 1,
        archived: Annotated[str, Query(max_length=5)] = "",
        tier: Annotated[str, Query(max_length=20)] = "",
        source: Annotated[str, Query(max_length=20)] = "",
    ) -> None:
        self.query = PeopleQuery(q, circle, tag, company, sort, page, archived == "1", tier, source)


def _with_reasons(page: PeoplePage, store: Store, state: WebState, today: date) -> PeoplePage:
    """Why to reach out now: the reason of each person still open on today's agenda (the
    cached view Today shows, so the two pages say the same)."""
    view = state.today_views.get(store, today, state.settings.home)
    page.why_now = {item.person_id: item.reason for item in view.open_items}
    return page


@router.get("/people", response_class=HTMLResponse)
def people_list(
    request: Request,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    params: Annotated[ListParams, Depends()],
) -> Response:
    page = _with_reasons(people_page(store, params.query, today), store, state, today)
    return render_either(request, "people.html", "_people_results.html", page)


@router.post("/people/bulk", response_class=HTMLResponse)
def people_bulk(
    request: Request,
    store: StoreDep,
    state: StateDep,
    today: TodayDep,
    params: Annotated[ListParams, Depends()],
    action: Annotated[str, Form(max_length=20)],
    value: Text = "",
    ids: Annotated[list[int] | None, Form()] = None,
) -> Response:
    try:
        check_lengths(2000, value=value)
        message, error = bulk_edit(store, ids or [], action, value, today), ""
    except AmityError as exc:
        (status, error), message = form_error(request, exc), ""
    else:
        status, error = 200, ""
    if not is_htmx(request) and not error:
        return RedirectResponse(params.query.link(), status_code=303)
    page = _with_reasons(people_page(store, params.query, today), store, state, today)
    page.message, page.error, page.selected = message, error, list(ids or [])
    return render_either(request, "people.html", "_people_results.html", page, status)


@dataclass(slots=True)
class NewPersonForm:
    name: str = ""
    email: str = ""
    phone: str = ""
    company: str = ""
    title: str = ""
    tags: str = ""
    circle: str = ""
    how_met: str = ""
    error: str = ""
    circles: tuple[str, ...] = CIRCLES
    similar: list[tuple[int, str]] = field(default_factory=list)


@router.get("/people/new", response_class=HTMLResponse)
def new_person_form(request: Request) -> Response:
    return render(request, "person_new.html", NewPersonForm())


@router.post("/people/new", response_class=HTMLResponse)
def new_person(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    name: Text = "",
    email: Text = "",
    phone: Text = "",
    company: Text = "",
    title: Text = "",
    tags: Text = "",
    circle: Text = "",
    how_met: Text = "",
) -> Response:
    form = NewPersonForm(name, email, phone, company, title, tags, circle, how_met)
    new = NewPerson(
        name=name,
        emails=[email] if email.strip() else [],
        phones=[phone] if phone.strip() else [],
        company=company,
        title=title,
        tags=tags.split(","),
        circle=circle or None,
        how_met=how_met,
    )
    try:
        check_form(form)
        person_id, _similar = add_person(store, new, today)
    except AmityError as exc:
        status, form.error = form_error(request, exc)
        return render(request, "person_new.html", form, status)
    return RedirectResponse(f"/people/{person_id}?added=1", status_code=303)
