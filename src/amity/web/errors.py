"""Amity's errors mapped once, for every route: a page for a navigation, a flash message
for an htmx request, the right status, never a traceback."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import cast

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from amity.errors import Ambiguous, AmityError, ImportFailed, NotFound, StoreError, UsageError
from amity.web.csrf import CsrfRejected
from amity.web.pages import is_htmx, render

log = logging.getLogger("amity.web")
STORE_DOWN = (
    "The database is busy or cannot be reached right now; nothing was changed. "
    "Please try again in a moment."
)


class TooLarge(UsageError):
    """A form or upload larger than the app accepts."""

    code = "too_large"


# The first matching class wins, so subclasses come before their parents.
_STATUS: tuple[tuple[type[AmityError], int, str], ...] = (
    (TooLarge, 413, "Too large"),
    (NotFound, 404, "Not found"),
    (Ambiguous, 409, "Which one?"),
    (CsrfRejected, 403, "Please reload the page"),
    (ImportFailed, 400, "That file could not be read"),
    (UsageError, 400, "That did not work"),
    (StoreError, 503, "The database is not available"),
    (AmityError, 400, "That did not work"),
)


@dataclass(slots=True)
class ErrorPage:
    status: int
    title: str
    message: str
    candidates: list[tuple[int, str]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def error_page(exc: AmityError) -> ErrorPage:
    status, title = next((s, t) for cls, s, t in _STATUS if isinstance(exc, cls))
    page = ErrorPage(status, title, message_for(exc))
    if isinstance(exc, Ambiguous):
        page.candidates = list(exc.candidates)
    if isinstance(exc, NotFound):
        page.suggestions = list(exc.suggestions)
    return page


def message_for(exc: AmityError) -> str:
    """What a page may say about `exc`: a database error's text can name the server,
    a user or a file, so the page says only what happened (the log has the details)."""
    if isinstance(exc, StoreError):
        log.warning("database error: %s", exc)
        return STORE_DOWN
    return str(exc)


def form_error(request: Request, exc: AmityError) -> tuple[int, str]:
    """The status and message for a form that comes back with what the user typed."""
    page = error_page(exc)
    return page.status, _without_secrets(request, page.message)


def respond(request: Request, page: ErrorPage) -> HTMLResponse:
    page.message = _without_secrets(request, page.message)
    if not is_htmx(request):
        return render(request, "error.html", page, page.status)
    response = render(request, "_flash.html", page, page.status)
    response.headers["HX-Retarget"] = "#flash"
    response.headers["HX-Reswap"] = "innerHTML"
    return response


def _without_secrets(request: Request, message: str) -> str:
    """No page shows where the home is on disk or the database URL."""
    settings = request.app.state.amity.settings
    hidden = ((settings.database_url, "the database"), (str(settings.home), "AMITY_HOME"))
    for secret, shown in hidden:
        if secret:
            message = message.replace(secret, shown)
    return message


async def on_amity_error(request: Request, exc: Exception) -> HTMLResponse:
    return respond(request, error_page(cast(AmityError, exc)))


async def on_http_error(request: Request, exc: Exception) -> HTMLResponse:
    if isinstance(exc.__cause__, TooLarge):  # raised while FastAPI read the form
        return respond(request, error_page(exc.__cause__))
    exc = cast(HTTPException, exc)
    if exc.status_code == 404:
        page = ErrorPage(404, "Not found", "There is no page at this address.")
    else:
        page = ErrorPage(exc.status_code, "That did not work", str(exc.detail))
    return respond(request, page)


async def on_validation_error(request: Request, exc: Exception) -> HTMLResponse:
    problems = []
    for err in cast(RequestValidationError, exc).errors():
        where = ".".join(str(p) for p in err.get("loc", ())[1:]) or "the form"
        problems.append(f"{where}: {err.get('msg', 'is not valid')}")
    message = "Some values are not valid: " + "; ".join(problems)
    return respond(request, ErrorPage(422, "Please check the form", message))


async def on_unexpected(request: Request, exc: Exception) -> HTMLResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    page = ErrorPage(500, "Something went wrong", "Nothing was half-written; please try again.")
    return respond(request, page)


def install(app: FastAPI) -> None:
    app.add_exception_handler(AmityError, on_amity_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)
