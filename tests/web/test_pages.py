"""Every page renders, on SQLite and PostgreSQL; errors are pages, never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.conftest import Web

PAGES = [
    "/",
    "/people",
    "/people/new",
    "/capture",
    "/import",
    "/duplicates",
    "/report",
    "/settings",
    "/network",
    "/events",
    "/goals",
    "/help",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_on_an_empty_home(web: Web, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 200, response.text
    assert "<nav" in response.text and "Traceback" not in response.text
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_every_page_renders_on_the_demo_network(demo_web: Web) -> None:
    for path in [*PAGES, "/people/1", "/people?sort=strength", "/people?q=berg"]:
        response = demo_web.get(path)
        assert response.status_code == 200, (path, response.text[:500])
    report = demo_web.get("/report").text
    assert "<svg" in report
    assert "People per tier, week by week" in report


def test_a_missing_person_is_a_404_page(web: Web) -> None:
    response = web.get("/people/424242")
    assert response.status_code == 404
    assert "no person has id 424242" in response.text
    assert "<nav" in response.text


def test_an_unknown_address_is_a_404_page(web: Web) -> None:
    for path in ("/nowhere", "/people/not-a-number"):
        response = web.get(path)
        assert response.status_code == 404
        assert "There is no page at this address" in response.text


def test_a_bad_query_value_is_a_clear_422(web: Web) -> None:
    response = web.get("/people?page=0")
    assert response.status_code == 422
    assert "Please check the form" in response.text


def test_the_htmx_error_goes_to_the_flash_area(web: Web) -> None:
    response = web.post("/agenda/done", {"key": "nothing:here"}, htmx=True)
    assert response.status_code == 404
    assert response.headers["HX-Retarget"] == "#flash"
    assert "<html" not in response.text


def test_app_factory_opens_no_connection(tmp_path: object) -> None:
    from amity.service.settings.environment import Settings
    from amity.web import create_app

    settings = Settings(
        tmp_path, "postgresql://nobody@127.0.0.1:1/none", __import__("datetime").date(2026, 1, 1)
    )  # type: ignore[arg-type]
    create_app(settings)  # nothing connects until a request arrives


def test_serve_get_prints_one_page(amity_sqlite: object) -> None:
    from tests.conftest import Amity

    assert isinstance(amity_sqlite, Amity)
    amity_sqlite.ok("init")
    amity_sqlite.ok("add", "Ada Lovelace")
    page = amity_sqlite.ok("serve", "--get", "/people")
    assert "Ada Lovelace" in page.out and page.out.lstrip().startswith("<!doctype html>")
    missing = amity_sqlite("serve", "--get", "/people/999")
    assert missing.code == 1 and "Not found" in missing.out


def test_the_cli_module_does_not_import_the_web_stack() -> None:
    import subprocess
    import sys

    code = "import amity.cli.web, sys; print('fastapi' in sys.modules, 'jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_today_view_is_reused_until_the_database_changes(tmp_path: Path) -> None:
    from datetime import date

    from amity.model import InteractionKind
    from amity.service.interactions import Happening, met
    from amity.web.state import TodayViews
    from tests.conftest import writable_store

    day = date(2026, 11, 22)
    store = writable_store(f"sqlite:///{tmp_path / 'amity.db'}")
    try:
        views = TodayViews()
        met(store, "Grace Hopper", Happening(InteractionKind.MET, on="2026-11-21"), day)
        first = views.get(store, day, tmp_path)
        assert views.get(store, day, tmp_path) is first
        met(store, "Ada Lovelace", Happening(InteractionKind.MET, on="2026-11-21"), day)
        second = views.get(store, day, tmp_path)
        assert second is not first
        assert {i.person_name for i in second.items} == {"Grace Hopper", "Ada Lovelace"}
        assert views.get(store, date(2026, 11, 23), tmp_path) is not second
    finally:
        store.close()
