"""Sign in and sign out, for an app that listens beyond loopback (`amity serve --host`)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from amity.web.access import Access
from amity.web.csrf import csrf_protect
from amity.web.pages import render
from amity.web.sessions import COOKIE, FAILURE_DELAY, LIFETIME, Attempts, new_session

router = APIRouter(dependencies=[Depends(csrf_protect)])


@dataclass(slots=True)
class SignInPage:
    next: str = "/"
    error: str = ""


def _access(request: Request) -> Access:
    access: Access = request.app.state.access
    return access


def _attempts(request: Request) -> Attempts:
    attempts: Attempts = request.app.state.sign_in_attempts
    return attempts


def local_path(target: str) -> str:
    """Where to go after signing in: a path on this server, never another site."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target if target.isprintable() else "/"


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_form(request: Request, next: str = "/") -> Response:
    if not _access(request).sign_in:
        return RedirectResponse("/", status_code=303)
    return _page(request, SignInPage(local_path(next[:2000])))


@router.post("/sign-in", response_class=HTMLResponse)
def sign_in(
    request: Request,
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    access, attempts = _access(request), _attempts(request)
    client = request.client.host if request.client else "?"
    page = SignInPage(local_path(next))
    if not access.sign_in:
        return RedirectResponse("/", status_code=303)
    if not attempts.admit(client):
        page.error = "Too many wrong passwords. Wait a few minutes, then try again."
        return _page(request, page, 429)
    if not _verify(access.password_hash, password):
        time.sleep(FAILURE_DELAY)  # this runs in a worker thread, not the event loop
        page.error = "That password is not right."
        return _page(request, page, 401)
    attempts.succeeded(client)
    response = RedirectResponse(page.next, status_code=303)
    response.set_cookie(
        COOKIE,
        new_session(access),
        max_age=LIFETIME,
        httponly=True,
        samesite="strict",
        path="/",
    )
    return response


@router.post("/sign-out")
def sign_out() -> Response:
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


def _verify(hashed: str, password: str) -> bool:
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    if not password:
        return False
    try:
        return PasswordHasher().verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _page(request: Request, page: SignInPage, status: int = 200) -> HTMLResponse:
    response = render(request, "sign_in.html", page, status)
    response.headers["Cache-Control"] = "no-store"
    return response
