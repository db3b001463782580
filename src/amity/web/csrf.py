"""CSRF protection by double submit: a random token in a SameSite=Strict cookie must come
back with every POST, in the form field `csrf_token` or the `X-CSRF-Token` header (htmx)."""

from __future__ import annotations

import secrets

from fastapi import Request

from amity.errors import AmityError

COOKIE = "amity_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"


class CsrfRejected(AmityError):
    """A POST without the page's token: another site may be submitting the form."""

    code = "csrf"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def check_token(request: Request, submitted: str | None) -> None:
    expected = request.cookies.get(COOKIE)
    if not expected or not submitted or not secrets.compare_digest(expected, submitted):
        raise CsrfRejected(
            "This form has expired or came from another site. Reload the page and try again."
        )


async def csrf_protect(request: Request) -> None:
    """Router dependency: every unsafe request carries the token.

    Multipart bodies are refused here: the one upload route streams its body into the
    home and checks the token itself (`amity.web.uploads`)."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    submitted = request.headers.get(HEADER)
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/"):
        raise CsrfRejected("this address does not accept file uploads")
    if submitted is None and content_type.startswith("application/x-www-form-urlencoded"):
        form = await request.form()
        value = form.get(FIELD)
        submitted = value if isinstance(value, str) else None
    check_token(request, submitted)
