"""CSRF protection: a random nonce in a SameSite=Strict, HttpOnly cookie, and in every form
(field `csrf_token`, or header `X-CSRF-Token` for htmx) the nonce's HMAC under the home's
secret. A token is valid only for its cookie and only on this home: an attacker who can
plant a cookie still cannot make the field that goes with it. (The Origin and
Sec-Fetch-Site headers are checked before this, in `amity.web.guard`.)"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import TypeGuard

from fastapi import Request

from amity.errors import AmityError

COOKIE = "amity_csrf"
FIELD = "csrf_token"
HEADER = "x-csrf-token"
_NONCE_LENGTH = 43  # token_urlsafe(32)


class CsrfRejected(AmityError):
    """A POST without the page's token: another site may be submitting the form."""

    code = "csrf"


def new_nonce() -> str:
    return secrets.token_urlsafe(32)


def form_token(secret: bytes, nonce: str) -> str:
    """What the page's forms carry for this cookie's nonce."""
    return hmac.new(secret, b"csrf:" + nonce.encode("utf-8"), hashlib.sha256).hexdigest()


def secret_of(request: Request) -> bytes:
    secret: bytes = request.app.state.access.secret
    return secret


def page_token(request: Request) -> tuple[str, str | None]:
    """The token for this page's forms, and a nonce to set as the cookie when the browser
    has none (or a malformed one) yet."""
    nonce = request.cookies.get(COOKIE)
    if _well_formed(nonce):
        return form_token(secret_of(request), nonce), None
    fresh: str = getattr(request.state, "csrf_nonce", None) or new_nonce()
    request.state.csrf_nonce = fresh
    return form_token(secret_of(request), fresh), fresh


def check_token(request: Request, submitted: str | None) -> None:
    nonce = request.cookies.get(COOKIE)
    if not _well_formed(nonce) or not submitted:
        raise _rejected()
    if not hmac.compare_digest(form_token(secret_of(request), nonce), submitted):
        raise _rejected()


def _well_formed(nonce: str | None) -> TypeGuard[str]:
    return nonce is not None and len(nonce) == _NONCE_LENGTH and nonce.isascii()


def _rejected() -> CsrfRejected:
    return CsrfRejected(
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
