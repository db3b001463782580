"""Rendering: one Jinja2 environment per app, autoescaped, with the page's typed context.

Every template gets `page` (a dataclass), `csrf_token`, `path` and `nav`. A full page and its
htmx partial render the same dataclass; `render_either` picks by the `HX-Request` header.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from amity.model import wording
from amity.web.csrf import COOKIE, page_token


@dataclass(frozen=True, slots=True)
class Destination:
    """One place in the navigation: its address, its label, the key after `g` that goes
    there (empty: none), and whether it is a main destination (in the phone's bottom bar)."""

    href: str
    label: str
    key: str
    main: bool

    def is_current(self, path: str) -> bool:
        return path == self.href or (self.href != "/" and path.startswith(self.href + "/"))


# On a desktop every destination is in the top bar, in this order; on a phone the main five
# are in the bottom bar and the rest in the "More" menu.
NAV: tuple[Destination, ...] = (
    Destination("/", "Today", "t", main=True),
    Destination("/people", "People", "p", main=True),
    Destination("/capture", "Capture", "c", main=True),
    Destination("/network", "Network", "n", main=True),
    Destination("/events", "Events", "e", main=True),
    Destination("/import", "Import", "i", main=False),
    Destination("/duplicates", "Duplicates", "d", main=False),
    Destination("/report", "Report", "r", main=False),
    Destination("/goals", "Goals", "o", main=False),
    Destination("/settings", "Settings", "s", main=False),
    Destination("/help", "Help", "", main=False),
)


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("amity.web", "templates"),
        autoescape=True,  # every template is HTML; user text is always escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["nav"] = NAV
    # `{{ n | plural("interaction") }}` is "1 interaction"; `{{ n | noun("person") }}` "people".
    env.filters["plural"] = wording.plural
    env.filters["noun"] = wording.noun
    return env


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true" and not request.headers.get("hx-boosted")


def render(
    request: Request, template: str, page: Any, status: int = 200, **extra: Any
) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.pages
    token, fresh = page_token(request)
    signed_in = bool(request.app.state.access.sign_in)
    html = env.get_template(template).render(
        page=page, csrf_token=token, path=request.url.path, sign_out=signed_in, **extra
    )
    response = HTMLResponse(html, status_code=status)
    if fresh is not None:
        response.set_cookie(COOKIE, fresh, httponly=True, samesite="strict", path="/")
    return response


def render_either(
    request: Request, full: str, partial: str, page: Any, status: int = 200
) -> HTMLResponse:
    """The whole page for a navigation, only the partial for an htmx request."""
    return render(request, partial if is_htmx(request) else full, page, status)
