"""`amity serve`: the web app on this home. FastAPI and uvicorn load only here."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from amity.cli.context import app

if TYPE_CHECKING:
    from fastapi import FastAPI

    from amity.service.settings.environment import Settings

MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # what the sign-in form accepts


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="NAME",
    help="Another host name the app answers to (e.g. behind a proxy); repeatable.",
)
@click.option(
    "--set-password",
    is_flag=True,
    help="Set the password asked for when listening beyond loopback, then exit.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open the app in your browser.")
@click.option("--get", "get_path", metavar="/PATH", help="Print one rendered page and exit.")
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 16),
    help="Worker processes (one per core serves many people at once).",
)
def serve_command(
    host: str,
    allow_hosts: tuple[str, ...],
    set_password: bool,
    port: int,
    open_browser: bool,
    get_path: str | None,
    workers: int,
) -> None:
    """Run the web app on this home (loopback only unless --host says otherwise; beyond
    loopback it needs a password, set with --set-password)."""
    ctx = app()
    if set_password:
        _set_password(ctx.settings.home)
        return
    from amity.web import create_app
    from amity.web.access import access_for

    # `--get` renders in-process, as if on loopback: no sign-in page instead of the page
    access = access_for(ctx.settings.home, "127.0.0.1" if get_path else host, allow_hosts)
    web = create_app(ctx.settings, clock=_clock(ctx.settings.today), access=access)
    if get_path is not None:
        from amity.web.direct import fetch

        status, body = fetch(web, get_path)
        sys.stdout.write(body)
        if status >= 400:
            raise SystemExit(1)
        return
    if workers > 1:
        _serve_workers(ctx.settings, host, allow_hosts, port, workers)
        return
    _serve(web, host, port, open_browser)


def _clock(fixed: date) -> Callable[[], date]:
    """A day fixed by --today or AMITY_TODAY stays fixed; otherwise each request asks."""
    if _fixed_day():
        return lambda: fixed
    return date.today


def _set_password(home: Path) -> None:
    """Prompted twice without echo on a terminal; the first line of stdin otherwise."""
    from argon2 import PasswordHasher

    from amity.errors import UsageError
    from amity.service.settings.config_file import set_password_hash

    if sys.stdin.isatty():
        password = click.prompt(
            "New web password", hide_input=True, confirmation_prompt=True, err=True
        )
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        limits = f"{MIN_PASSWORD} to {MAX_PASSWORD}"
        raise UsageError(f"the password must have {limits} characters, not {len(password)}")
    set_password_hash(home, PasswordHasher().hash(password))
    click.echo("Password set. `amity serve --host ADDRESS` will ask for it; restart a running one.")


def _serve_workers(
    settings: Settings, host: str, allow_hosts: tuple[str, ...], port: int, workers: int
) -> None:
    import uvicorn

    from amity.web.app import ALLOWED_HOSTS, SERVE_HOST

    os.environ["AMITY_HOME"] = str(settings.home)
    os.environ["AMITY_DATABASE_URL"] = settings.database_url
    os.environ[SERVE_HOST] = host
    os.environ[ALLOWED_HOSTS] = ",".join(allow_hosts)
    if _fixed_day():
        os.environ["AMITY_TODAY"] = settings.today.isoformat()
    _warn_if_exposed(host)
    click.echo(f"Amity is running at {_url(host, port)}  ({workers} workers, Ctrl-C to stop)")
    sys.stdout.flush()
    uvicorn.run(
        "amity.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


def _warn_if_exposed(host: str) -> None:
    from amity.web.access import is_loopback

    if not is_loopback(host):
        click.secho(
            f"note: listening on {host}; other computers can reach it, and it asks for "
            "the password. Use https (a reverse proxy) on a network you do not trust.",
            fg="yellow",
            err=True,
        )


def _fixed_day() -> bool:
    root = click.get_current_context().find_root()
    return bool(root.params.get("today") or os.environ.get("AMITY_TODAY"))


def _url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"


def _serve(web: FastAPI, host: str, port: int, open_browser: bool) -> None:
    import uvicorn

    _warn_if_exposed(host)
    url = _url(host, port)
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    click.echo(f"Amity is running at {url}  (Ctrl-C to stop)", err=False)
    sys.stdout.flush()
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.8, webbrowser.open, (url,)).start()
    server.run()
