"""Today's view kept ready (`amity.service.agenda_ready`): a second look shows the kept view
without planning again, and nothing it was computed from can change without the next look
computing it afresh: a write (from this command line or from anywhere else), another day,
another budget, the user's own templates, Amity's own code."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from amity.service import agenda, agenda_ready
from amity.service.agenda_ready import ready_path
from tests.conftest import Amity

DAY = "2026-11-17"


def _home_with_a_follow_up(amity: Amity) -> None:
    amity.ok("met", "Priya Raman", "--at", "PyCon", "--topic", "Rust", today="2026-11-16")
    amity.ok("met", "Omar Haddad", "--at", "PyCon", today="2026-11-16")


def _planning_counted(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    """Each day the agenda is planned and drafted for (the real work, still done)."""
    planned: list[date] = []
    real = agenda.today_view

    def counted(store: Any, today: date, home: Path, **options: Any) -> Any:
        planned.append(today)
        return real(store, today, home, **options)

    monkeypatch.setattr(agenda, "today_view", counted)
    return planned


def test_a_second_look_shows_the_kept_view_without_planning(
    amity: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    _home_with_a_follow_up(amity)
    planned = _planning_counted(monkeypatch)
    first = amity.ok("today", "--json", today=DAY).out
    assert len(planned) == 1 and ready_path(amity.home).is_file()
    second = amity.ok("today", "--json", today=DAY).out
    shown = amity.ok("today", today=DAY).out  # the screen, from the same kept view
    assert len(planned) == 1
    assert second == first
    assert sorted(i["person"]["name"] for i in json.loads(first)["items"]) == [
        "Omar Haddad",
        "Priya Raman",
    ]
    assert "Priya Raman" in shown and "PyCon" in shown


def test_a_write_removes_the_kept_view_and_the_next_look_shows_it(
    amity: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    _home_with_a_follow_up(amity)
    amity.ok("today", today=DAY)
    amity.ok("done", "Priya", today=DAY)
    assert not ready_path(amity.home).exists()
    items = amity.ok("today", "--json", today=DAY).json()["items"]
    assert sorted((i["person"]["name"], i["state"]) for i in items) == [
        ("Omar Haddad", "open"),
        ("Priya Raman", "done"),
    ]
    amity.ok("log", "Omar", "--kind", "message", today=DAY)  # his follow-up, written
    items = amity.ok("today", "--json", today=DAY).json()["items"]
    assert sorted((i["person"]["name"], i["state"]) for i in items) == [
        ("Omar Haddad", "done"),
        ("Priya Raman", "done"),
    ]


def test_a_kept_view_older_than_the_data_is_never_shown(amity: Amity) -> None:
    """A write that left the file in place (another program on the database, a crash):
    the revision it was kept at is not the database's any more."""
    _home_with_a_follow_up(amity)
    amity.ok("today", today=DAY)
    kept = ready_path(amity.home).read_bytes()
    amity.ok("log", "Priya", "--kind", "email", today=DAY)
    ready_path(amity.home).write_bytes(kept)
    items = amity.ok("today", "--json", today=DAY).json()["items"]
    assert [i["person"]["name"] for i in items] == ["Omar Haddad"]


def test_a_write_while_the_view_is_computed_is_seen_by_the_next_look(
    amity: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key is taken before planning: a write that lands meanwhile leaves the view
    under the older revision."""
    _home_with_a_follow_up(amity)
    real = agenda.today_view
    writes = []

    def with_a_write_meanwhile(store: Any, today: date, home: Path, **options: Any) -> Any:
        view = real(store, today, home, **options)
        if not writes:
            writes.append(amity.ok("log", "Omar", "--kind", "message", today=DAY))
        return view

    monkeypatch.setattr(agenda, "today_view", with_a_write_meanwhile)
    first = amity.ok("today", "--json", today=DAY).json()["items"]
    assert sorted(i["person"]["name"] for i in first) == ["Omar Haddad", "Priya Raman"]
    again = amity.ok("today", "--json", today=DAY).json()["items"]
    assert [i["person"]["name"] for i in again] == ["Priya Raman"]


def test_another_day_or_budget_or_no_drafts_is_computed(
    amity: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    _home_with_a_follow_up(amity)
    planned = _planning_counted(monkeypatch)
    amity.ok("today", today=DAY)
    later = amity.ok("today", "--json", today="2026-11-30").json()
    assert later["date"] == "2026-11-30"
    assert amity.ok("today", "--json", "--budget", "1", today=DAY).json()["budget"] == 1
    bare = amity.ok("today", "--json", "--no-drafts", today=DAY).json()["items"]
    assert {i["draft"] for i in bare} == {""}
    drafted = amity.ok("today", "--json", today=DAY).json()["items"]
    assert all(i["draft"] for i in drafted)
    assert planned == [date(2026, 11, 17), date(2026, 11, 30), *[date(2026, 11, 17)] * 3]


def test_the_users_own_template_is_noticed(amity_sqlite: Amity) -> None:
    amity = amity_sqlite
    _home_with_a_follow_up(amity)
    before = _draft_for(amity, "Priya Raman")
    folder = amity.home / "templates" / "drafts"
    folder.mkdir(parents=True)
    (folder / "followup.j2").write_text("Hey {{ first_name }}, thanks for PyCon!\n")
    after = _draft_for(amity, "Priya Raman")
    assert after != before and after.startswith("Hey Priya, thanks for PyCon!")


def _draft_for(amity: Amity, name: str) -> str:
    items = amity.ok("today", "--json", today=DAY).json()["items"]
    return str(next(i["draft"] for i in items if i["person"]["name"] == name))


def test_amitys_own_code_is_part_of_the_key(tmp_path: Path) -> None:
    (tmp_path / "engines").mkdir()
    module = tmp_path / "engines" / "rule.py"
    module.write_text("A = 1\n")
    before = agenda_ready._files_state(tmp_path, recursive=True)
    module.write_text("A = 22\n")
    os.utime(module, ns=(1, 10**18))
    after = agenda_ready._files_state(tmp_path, recursive=True)
    assert before != after
    newest, count = agenda_ready.code_state()
    assert count > 100 and newest > 0  # every engine, model, service and store module


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe not json",
        b"[]",
        b'{"key": "x"}',
        b'{"key": null, "view": {}}',
    ],
)
def test_a_damaged_file_is_ignored_and_replaced(amity_sqlite: Amity, content: bytes) -> None:
    amity = amity_sqlite
    _home_with_a_follow_up(amity)
    expected = amity.ok("today", "--json", today=DAY).out
    ready_path(amity.home).write_bytes(content)
    assert amity.ok("today", "--json", today=DAY).out == expected
    assert json.loads(ready_path(amity.home).read_bytes())["view"]["date"] == DAY


def test_a_view_that_lies_about_its_shape_is_computed_afresh(amity_sqlite: Amity) -> None:
    amity = amity_sqlite
    _home_with_a_follow_up(amity)
    expected = amity.ok("today", "--json", today=DAY).out
    kept = json.loads(ready_path(amity.home).read_bytes())
    kept["view"]["items"][0]["number"] = "1; rm -rf /"
    ready_path(amity.home).write_text(json.dumps(kept))
    assert amity.ok("today", "--json", today=DAY).out == expected


def test_the_kept_view_is_private(amity_sqlite: Amity) -> None:
    amity = amity_sqlite
    _home_with_a_follow_up(amity)
    amity.ok("today", today=DAY)
    path = ready_path(amity.home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    kept = path.read_text()
    assert "sqlite" not in kept and str(amity.home) not in kept  # no address of the data


def test_a_home_that_cannot_keep_it_still_shows_today(
    amity_sqlite: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    amity = amity_sqlite
    _home_with_a_follow_up(amity)
    (amity.home / "cache").write_text("a file where the folder would be")
    first = amity.ok("today", "--json", today=DAY)
    assert first.err == "" and len(first.json()["items"]) == 2
    assert amity.ok("today", "--json", today=DAY).out == first.out


def test_any_name_is_kept_and_shown_as_it_was(amity_sqlite: Amity) -> None:
    amity = amity_sqlite
    amity.ok("met", 'Zoë 🦀 \u202eÅngström "O\'Neil"', "--at", "PyCon", today="2026-11-16")
    first = amity.ok("today", "--json", today=DAY).out
    assert ready_path(amity.home).is_file()
    assert amity.ok("today", "--json", today=DAY).out == first


def test_a_web_write_removes_the_kept_view(amity_sqlite: Amity) -> None:
    from fastapi.testclient import TestClient

    from amity.service.settings.environment import Settings
    from amity.web import create_app

    amity = amity_sqlite
    _home_with_a_follow_up(amity)
    amity.ok("today", today=DAY)
    settings = Settings(amity.home, f"sqlite:///{amity.home / 'amity.db'}", date(2026, 11, 17))
    app = create_app(settings, clock=lambda: date(2026, 11, 17))
    with TestClient(app, base_url="http://127.0.0.1") as web:
        page = web.get("/capture").text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        assert web.post("/capture", data={"csrf_token": token, "name": "Ada"}).status_code < 400
    assert not ready_path(amity.home).exists()
    names = [i["person"]["name"] for i in amity.ok("today", "--json", today=DAY).json()["items"]]
    assert "Priya Raman" in names


@pytest.mark.parametrize("budget", ["0", "51"])
def test_a_budget_the_setting_could_not_be_is_refused(amity_sqlite: Amity, budget: str) -> None:
    amity = amity_sqlite
    _home_with_a_follow_up(amity)
    refused = amity("today", "--budget", budget, today=DAY)
    assert refused.code == 2 and refused.out == ""
    assert refused.err == f"amity: --budget must be a whole number from 1 to 50, not {budget}\n"
    assert not ready_path(amity.home).exists()
