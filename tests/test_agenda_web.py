"""The web Today page: items acted on today stay, marked, at their numbers; an empty home
says how to start."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from amity.service.settings.environment import Settings

MET = date(2026, 10, 1)


class _Clock:
    def __init__(self) -> None:
        self.day = MET

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def client(tmp_path: Path) -> Iterator[tuple[Any, _Clock]]:
    from fastapi.testclient import TestClient

    from amity.web import create_app

    clock = _Clock()
    settings = Settings(tmp_path / "home", f"sqlite:///{tmp_path / 'amity.db'}", MET)
    app = create_app(settings, clock=clock)
    with TestClient(app, base_url="http://127.0.0.1") as test_client:
        yield test_client, clock


def _token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, html[:300]
    return found.group(1)


def test_an_empty_home_says_how_to_start(client: tuple[Any, _Clock]) -> None:
    web, _ = client
    page = web.get("/").text
    assert "Nobody here yet" in page
    assert 'href="/import"' in page and 'href="/capture"' in page and "amity demo" in page
    assert "Nothing due today" not in page


def test_done_in_place_keeps_the_item_marked_at_its_number(client: tuple[Any, _Clock]) -> None:
    web, clock = client
    token = _token(web.get("/capture").text)
    for name in ("Grace Hopper", "Alan Turing"):
        web.post("/capture", data={"csrf_token": token, "name": name, "place": "PyCon"})
    clock.day = MET + timedelta(days=1)
    page = web.get("/").text
    keys = re.findall(r'name="key" value="([^"]+)"', page)
    assert len(keys) == 2
    done = web.post(
        "/agenda/done",
        data={"csrf_token": _token(page), "key": keys[0]},
        headers={"HX-Request": "true"},
    )
    assert done.status_code == 200
    assert re.search(r'id="item-1"[^>]*data-state="done"', done.text)
    assert re.search(r'id="item-2"[^>]*data-state="open"', done.text)
    again = web.post(
        "/agenda/done",
        data={"csrf_token": _token(page), "key": keys[0]},
        headers={"HX-Request": "true"},
    )
    assert again.status_code == 200 and "already done" in again.text
    shown = web.get("/").text
    assert shown.count('data-state="done"') == 1 and "Alan Turing" in shown


def test_the_fade_is_set_on_the_settings_page(client: tuple[Any, _Clock]) -> None:
    web, _ = client
    page = web.get("/settings").text
    assert 'name="follow_up_fade_days"' in page and 'value="7"' in page
    saved = web.post("/settings", data={"csrf_token": _token(page), "follow_up_fade_days": "3"})
    assert saved.status_code == 200 and 'id="s-fade" name="follow_up_fade_days"' in saved.text
    assert re.search(r'name="follow_up_fade_days"[^>]*value="3"', saved.text)
    bad = web.post("/settings", data={"csrf_token": _token(page), "follow_up_fade_days": "0"})
    assert bad.status_code == 400 and "days a follow-up stays one" in bad.text
