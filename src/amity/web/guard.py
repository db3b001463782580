"""The app's front door, a plain ASGI middleware in front of every route:

1. `Host` must be a name the app is served on (a DNS-rebinding page sends its own);
2. a write (any method but GET/HEAD/OPTIONS) must come from the app's own pages: a
   cross-site `Sec-Fetch-Site` or a foreign `Origin` is refused, before any token check;
3. a body is at most `FORM_LIMIT` bytes (the upload route has its own limit);
4. when the app listens beyond loopback, every page but the sign-in page needs a session.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote, urlsplit

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from amity.web.access import Access, host_name
from amity.web.errors import TooLarge
from amity.web.sessions import COOKIE, valid_session

FORM_LIMIT = 1024 * 1024
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
SAME_SITE = ("same-origin", "none")  # `none`: the user typed the address or used a bookmark
OPEN_PATHS = ("/sign-in", "/static/")
UPLOAD_PATHS = ("/import",)  # streams its file into the home under its own limit
TOO_LARGE = "That form is larger than 1 MB; nothing was saved."


class Guard:
    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self.refusal(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        if scope["method"] not in SAFE_METHODS and scope["path"] not in UPLOAD_PATHS:
            receive = _limited(receive)
        await self.app(scope, receive, send)

    def refusal(self, scope: Scope, headers: Headers) -> Response | None:
        host = headers.get("host", "")
        if host_name(host) not in self.access.hosts:
            return plain(
                421,
                "Wrong address",
                "This server does not answer to that host name. Open it at the address "
                "`amity serve` printed.",
            )
        if scope["method"] not in SAFE_METHODS and not _same_origin(headers, host):
            return plain(
                403, "Refused", "This request came from another site, so it was not carried out."
            )
        if _declared_size(headers) > FORM_LIMIT and scope["path"] not in UPLOAD_PATHS:
            return plain(413, "Too large", TOO_LARGE)
        if self.access.sign_in and not _open(scope["path"]):
            return self._signed_out(scope, headers)
        return None

    def _signed_out(self, scope: Scope, headers: Headers) -> Response | None:
        cookies = _cookies(headers)
        if valid_session(self.access, cookies.get(COOKIE)):
            return None
        if scope["method"] in SAFE_METHODS and not headers.get("hx-request"):
            target = scope["path"] + (
                "?" + scope["query_string"].decode("latin-1") if scope["query_string"] else ""
            )
            return RedirectResponse(f"/sign-in?next={quote(target, safe='')}", status_code=303)
        response = plain(401, "Please sign in", "Sign in again, then repeat what you did.")
        response.headers["HX-Redirect"] = "/sign-in"
        return response


def plain(status: int, title: str, message: str) -> HTMLResponse:
    """A small page that needs no template, no store and no cookie."""
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)} · Amity</title>"
        '<link rel="stylesheet" href="/static/amity.css"></head><body><main id="main">'
        f'<section class="card error-page"><h1>{escape(title)}</h1><p>{escape(message)}</p>'
        "</section></main></body></html>"
    )
    return HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})


def _same_origin(headers: Headers, host: str) -> bool:
    site = headers.get("sec-fetch-site")
    if site is not None and site.lower() not in SAME_SITE:
        return False
    origin = headers.get("origin")
    if origin is None:
        return True  # not a browser, or an old one: the CSRF token still has to match
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower()


def _open(path: str) -> bool:
    return any(path == p or (p.endswith("/") and path.startswith(p)) for p in OPEN_PATHS)


def _cookies(headers: Headers) -> dict[str, str]:
    from starlette.requests import cookie_parser

    return cookie_parser(headers.get("cookie", ""))


def _declared_size(headers: Headers) -> int:
    declared = headers.get("content-length", "")
    return int(declared) if declared.isdigit() else 0


def _limited(receive: Receive) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > FORM_LIMIT:
            raise TooLarge(TOO_LARGE)
        return message

    return counted
