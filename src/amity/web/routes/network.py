"""The Network page: "who do I know at…?" answered with warm paths drawn as chains (each
link with its reason, the first person to ask, the ask ready to copy), the introductions
board and the suggested introductions.

The search is one box and a choice of what the text names: a company, a role or a person
(`/network?kind=company&q=Stripe`; `?company=Stripe`, `?role=…` and `?person=…` are the
same, for links). A company or role that nobody holds, whose text is someone's name,
offers that person's paths instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amity.errors import Ambiguous, AmityError, NotFound
from amity.model.limits import MAX_INTEGER
from amity.service import introductions as intros
from amity.service.path_links import NEVER_IN_TOUCH
from amity.service.paths import PathQuery, PathsView, TargetKind, paths_to
from amity.service.resolve import person_named, resolve_person
from amity.store import Store
from amity.web.csrf import csrf_protect
from amity.web.deps import StoreDep, TodayDep
from amity.web.errors import form_error
from amity.web.forms import check_lengths
from amity.web.network_board import IntrosSection, Step, intros_section, state_words, take_step
from amity.web.pages import is_htmx, render, render_either

router = APIRouter(dependencies=[Depends(csrf_protect)])
Id = Annotated[int, Form(ge=1, le=MAX_INTEGER)]
Text = Annotated[str, Form()]  # lengths checked in the handler, so the message comes back

KINDS: tuple[tuple[str, str], ...] = (
    (TargetKind.COMPANY, "a company"),
    (TargetKind.ROLE, "a role"),
    (TargetKind.PERSON, "a person"),
)
Words = Annotated[str, Query(max_length=200)]


@dataclass(frozen=True, slots=True)
class NetworkQuery:
    """What the search box holds: which kind of target, and the text typed."""

    kind: TargetKind = TargetKind.COMPANY
    text: str = ""

    def link(self, text: str | None = None, kind: str | None = None) -> str:
        """This search's address, or the one for another text (and kind)."""
        words = self.text if text is None else text
        return "/network?" + urlencode({"kind": str(kind or self.kind), "q": words})


@dataclass(slots=True)
class PathsAnswer:
    """The answer under the search box: the paths, or why there are none."""

    query: NetworkQuery
    view: PathsView | None = None
    error: str = ""  # the person asked for is unknown or ambiguous
    people: tuple[tuple[int, str], ...] = ()  # which one they meant (ids), on an ambiguity
    close: tuple[str, ...] = ()  # names close to an unknown person's
    person: tuple[int, str] | None = None  # the company or role typed is someone's name

    @property
    def faint(self) -> bool:
        """Every path found starts with a contact you have never been in touch with."""
        paths = self.view.paths if self.view else ()
        return bool(paths) and all(path.hops[0].why == NEVER_IN_TOUCH for path in paths)


@dataclass(slots=True)
class NetworkPage:
    answer: PathsAnswer
    intros: IntrosSection | None = None
    kinds: tuple[tuple[str, str], ...] = KINDS


class SearchParams:
    """The query string: `kind` and `q`, or one of the short forms."""

    def __init__(
        self,
        q: Words = "",
        kind: TargetKind = TargetKind.COMPANY,
        company: Words = "",
        role: Words = "",
        person: Words = "",
    ) -> None:
        shorts = {TargetKind.COMPANY: company, TargetKind.ROLE: role, TargetKind.PERSON: person}
        given = [(k, text) for k, text in shorts.items() if text.strip()]
        if given and not q.strip():
            kind, q = given[0]
        self.query = NetworkQuery(kind, " ".join(q.split()))


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    params: Annotated[SearchParams, Depends()],
) -> Response:
    answer, status = search(request, store, params.query, today)
    page = NetworkPage(answer)
    if not is_htmx(request):  # the htmx search swaps the paths only
        page.intros = intros_section(store, today)
    return render_either(request, "network.html", "_network_paths.html", page, status)


@router.get("/network/suggestions", response_class=HTMLResponse)
def network_suggestions(request: Request, store: StoreDep, today: TodayDep) -> Response:
    """The suggested introductions: loaded by the page once it is shown (htmx), or the
    whole page with them (a plain link)."""
    section = intros_section(store, today, suggest=True)
    page = NetworkPage(PathsAnswer(NetworkQuery()), section)
    return render_either(request, "network.html", "_network_suggestions.html", page)


def search(
    request: Request, store: Store, query: NetworkQuery, today: date
) -> tuple[PathsAnswer, int]:
    """The paths to what `query` names, and the page's status (404 or 409 for a person not
    found or not told apart; an empty answer is still an answer)."""
    answer = PathsAnswer(query)
    if not query.text:
        return answer, 200
    try:
        answer.view = paths_to(store, _path_query(store, query), today)
    except AmityError as exc:
        status, answer.error = form_error(request, exc)
        if isinstance(exc, Ambiguous):
            answer.people = tuple(exc.candidates)
        if isinstance(exc, NotFound):
            answer.close = tuple(exc.suggestions)
        return answer, status
    if not answer.view.matched and query.kind is not TargetKind.PERSON:
        answer.person = _named(store, query.text)
    return answer, 200


def _path_query(store: Store, query: NetworkQuery) -> PathQuery:
    if query.kind is TargetKind.PERSON:
        person_id, _ = resolve_person(store, query.text)
        return PathQuery(TargetKind.PERSON, person_id=person_id)
    return PathQuery(query.kind, text=query.text)


def _named(store: Store, text: str) -> tuple[int, str] | None:
    """The one person whose name `text` is, if any (several: none, the box can say which)."""
    try:
        return person_named(store, text)
    except Ambiguous:
        return None


# -- the introductions board and the suggestions ---------------------------------------


@router.post("/network/introductions/{intro_id:int}/step", response_class=HTMLResponse)
def intro_step(
    request: Request,
    intro_id: int,
    store: StoreDep,
    today: TodayDep,
    step: Annotated[Step, Form()],
    by: Annotated[Literal["", "a", "b", "you"], Form()] = "",
    outcome: Text = "",
) -> Response:
    try:
        check_lengths(outcome=outcome)
        view = take_step(store, intro_id, step, by, outcome, today)
        result = (f"{view.a.name} → {view.b.name}: {state_words(view)}.", "", 200)
    except AmityError as exc:
        status, error = form_error(request, exc)
        result = ("", error, status)
    return _section(request, store, today, result)


@router.post("/network/introductions", response_class=HTMLResponse)
def intro_propose(
    request: Request,
    store: StoreDep,
    today: TodayDep,
    a: Id,
    b: Id,
    reason: Text = "",
) -> Response:
    try:
        check_lengths(reason=reason)
        view = intros.propose(store, a, b, reason, today)
        result = (f"Proposed: introduce {view.a.name} to {view.b.name}.", "", 200)
    except AmityError as exc:
        status, error = form_error(request, exc)
        result = ("", error, status)
    return _section(request, store, today, result)


def _section(request: Request, store: Store, today: date, result: tuple[str, str, int]) -> Response:
    """The introductions again for htmx (with what happened), else back to the page."""
    message, error, status = result
    if not is_htmx(request) and not error:
        return RedirectResponse("/network", status_code=303)
    section = intros_section(store, today)
    section.message, section.error = message, error
    page = NetworkPage(PathsAnswer(NetworkQuery()), section)
    template = "_network_intros.html" if is_htmx(request) else "network.html"
    return render(request, template, page, status)
