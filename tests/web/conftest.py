"""Web fixtures: the app on a fresh home (SQLite and PostgreSQL), a client that carries the
CSRF token like a browser, and a movable clock."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from amity.service.settings.environment import Settings
from tests.conftest import TODAY

FIXTURES = Path(__file__).with_name("fixtures")
XSS_NAME = '<script>alert(1)</script> "><img src=x onerror=alert(1)>'
XSS_NOTE = '"><img src=x onerror=alert(2)><script>alert(3)</script>'


@dataclass
class Clock:
    day: date = TODAY

    def __call__(self) -> date:
        return self.day

    def advance(self, days: int) -> None:
        self.day += timedelta(days=days)


class Web:
    """A TestClient with the page's CSRF token at hand."""

    def __init__(self, client: Any, home: Path, clock: Clock) -> None:
        self.client = client
        self.home = home
        self.clock = clock
        self.token = ""

    def get(self, url: str, **kw: Any) -> Any:
        response = self.client.get(url, **kw)
        found = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
        if found:
            self.token = found.group(1)
        return response

    def post(
        self, url: str, data: dict[str, Any] | None = None, htmx: bool = False, **kw: Any
    ) -> Any:
        if not self.token:
            self.get("/capture")
        payload = {"csrf_token": self.token, **(data or {})}
        headers = {"HX-Request": "true"} if htmx else {}
        return self.client.post(url, data=payload, headers=headers, follow_redirects=True, **kw)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def web(database_url: str, tmp_path: Path, clock: Clock) -> Iterator[Web]:
    from fastapi.testclient import TestClient

    from amity.web import create_app

    home = tmp_path / "home"
    settings = Settings(home, database_url, TODAY)
    app = create_app(settings, clock=clock, upload_limit=64 * 1024)
    with TestClient(app, base_url="http://127.0.0.1") as client:  # a host it answers to
        yield Web(client, home, clock)


@pytest.fixture
def demo_web(web: Web, store: Any) -> Web:
    from amity.service.demo import load_demo

    load_demo(store, TODAY)
    return web
