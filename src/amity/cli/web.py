"""`amity serve`: the web app on this home. FastAPI and uvicorn load only here."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

import click

from amity.cli.context import app

if TYPE_CHECKING:
    from fastapi import FastAPI

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--open", "open_browser", is_flag=True, help="Open the app in your browser.")
@click.option("--get", "get_path", metavar="/PATH", help="Print one rendered page and exit.")
def serve_command(host: str, port: int, open_browser: bool, get_path: str | None) -> None:
    """Run the web app on this home (loopback only unless --host says otherwise)."""
    from amity.web import create_app

    ctx = app()
    web = create_app(ctx.settings, clock=_clock(ctx.settings.today))
    if get_path is not None:
        from amity.web.direct import fetch

        status, body = fetch(web, get_path)
        sys.stdout.write(body)
        if status >= 400:
            raise SystemExit(1)
        return
    _serve(web, host, port, open_browser)


def _clock(fixed: date) -> Callable[[], date]:
    """A day fixed by --today or AMITY_TODAY stays fixed; otherwise each request asks."""
    root = click.get_current_context().find_root()
    if root.params.get("today") or os.environ.get("AMITY_TODAY"):
        return lambda: fixed
    return date.today


def _serve(web: FastAPI, host: str, port: int, open_browser: bool) -> None:
    import uvicorn

    if host not in LOOPBACK:
        click.secho(
            f"warning: listening on {host}; anyone who can reach it sees your network",
            fg="yellow",
            err=True,
        )
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    config = uvicorn.Config(web, host=host, port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    click.echo(f"Amity is running at {url}  (Ctrl-C to stop)", err=False)
    sys.stdout.flush()
    if open_browser:
        import threading
        import webbrowser

        threading.Timer(0.8, webbrowser.open, (url,)).start()
    server.run()
