"""The app factory: everything is built from `Settings` when `create_app` is called."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from amity.service.settings.environment import Settings
from amity.web import errors
from amity.web.access import Access, access_for
from amity.web.guard import Guard
from amity.web.pages import make_environment
from amity.web.routes import ROUTERS
from amity.web.sessions import Attempts
from amity.web.state import StorePool, WebState

STATIC = Path(__file__).with_name("static")
UPLOAD_LIMIT = 20 * 1024 * 1024
SERVE_HOST = "AMITY_SERVE_HOST"  # set by `amity serve --workers` for its worker processes
ALLOWED_HOSTS = "AMITY_ALLOWED_HOSTS"

# Everything the pages load comes from this server; inline scripts never run.
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def create_app(
    settings: Settings,
    *,
    clock: Callable[[], date] | None = None,
    upload_limit: int = UPLOAD_LIMIT,
    access: Access | None = None,
) -> FastAPI:
    """The web app on one home. `clock` gives today's date per request (default: the
    settings' fixed day, as `AMITY_TODAY` does for the CLI); `access` says which host
    names it answers to and whether it asks for a password (default: loopback only)."""
    access = access or access_for(settings.home)
    today = clock or (lambda: settings.today)
    pool = StorePool(settings.database_url, home=settings.home)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="Amity", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.amity = WebState(settings, today, pool, upload_limit)
    app.state.pages = make_environment()
    app.state.access = access
    app.state.sign_in_attempts = Attempts()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in ROUTERS:
        app.include_router(router)
    errors.install(app)
    app.add_middleware(Guard, access=access)
    app.add_middleware(SecurityHeaders)  # outermost: the guard's refusals get the headers too
    return app


def app_from_environment() -> FastAPI:
    """For `amity serve --workers N`: each worker process builds its app from the
    environment the parent set (AMITY_HOME, AMITY_DATABASE_URL, AMITY_TODAY, and the
    address and extra host names it listens on, so each worker applies the same access
    rules: a password beyond loopback, the same Host allow-list)."""
    import os

    settings = Settings.from_env()
    fixed = bool(os.environ.get("AMITY_TODAY"))
    host = os.environ.get(SERVE_HOST, "127.0.0.1")
    extra = [h for h in os.environ.get(ALLOWED_HOSTS, "").split(",") if h]
    access = access_for(settings.home, host, extra)
    return create_app(settings, clock=None if fixed else date.today, access=access)


class SecurityHeaders:
    """A plain ASGI middleware (cheaper than `BaseHTTPMiddleware`) adding the headers above."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)
