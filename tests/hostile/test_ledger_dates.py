"""`gave`, `got`, `asked` and `life` take `--on` as `log` and `met` do: an empty, unreadable,
future or impossibly old day is one clear line and exit 2, and nothing is stored."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import TODAY, Amity
from tests.web import conftest as web_fixtures
from tests.web.conftest import Web

clock, web = web_fixtures.clock, web_fixtures.web  # the web suite's fixtures, used by name

BAD_DAYS = ["", "   ", "tomorrow", "2026-11-23", "9999-12-31", "0001-01-01", "1899-12-31", "soon"]
COMMANDS: dict[str, tuple[str, ...]] = {
    "gave": ("gave", "ada", "advice", "how to pitch"),
    "got": ("got", "ada", "introduction", "to their CTO"),
    "asked": ("asked", "ada", "referral", "for the Acme job"),
    "life": ("life", "ada", "moved"),
    "life new_job": ("life", "ada", "new_job", "--company", "Acme", "--title", "CTO"),
}


def _stored(amity: Amity) -> dict[str, Any]:
    backup = amity.ok("export", "json").json()
    return {"ledger": backup["ledger"], "life_events": backup["life_events"]}


def _one_clear_line(err: str) -> None:
    assert "Traceback" not in err, err
    said = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith(("Usage:", "Try "))]
    assert len(said) == 1, err


@pytest.mark.parametrize("when", BAD_DAYS)
def test_bad_empty_or_future_days_are_refused(amity: Amity, when: str) -> None:
    amity.ok("add", "Ada Lovelace", "--company", "Initech", "--title", "Engineer")
    before = amity.ok("show", "ada", "--json").json()
    for command, args in COMMANDS.items():
        result = amity(*args, "--on", when)
        assert result.code == 2, (command, when, result.out, result.err)
        _one_clear_line(result.err)
    assert _stored(amity) == {"ledger": [], "life_events": []}
    after = amity.ok("show", "ada", "--json").json()
    assert after["positions"] == before["positions"]  # a refused new_job ends no position


def test_the_messages_say_what_is_wrong(amity_sqlite: Amity) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    for command, args in COMMANDS.items():
        future = amity_sqlite(*args, "--on", "tomorrow").err
        assert "2026-11-23 is in the future" in future, command
        empty = amity_sqlite(*args, "--on", "").err
        assert "is not a date" in empty and "YYYY-MM-DD" in empty, command
        old = amity_sqlite(*args, "--on", "1899-12-31").err
        assert "too long ago" in old and "1900-01-01" in old, command


def test_a_huge_day_is_refused_in_one_short_line(amity_sqlite: Amity) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    huge = "x" * 100_000
    for args in (*COMMANDS.values(), ("log", "ada", "--kind", "call"), ("met", "Ada")):
        result = amity_sqlite(*args, "--on", huge)
        assert result.code == 2, args
        _one_clear_line(result.err)
        assert len(result.err) < 200 and "'xxx" in result.err, result.err[:300]
    assert amity_sqlite.ok("show", "ada", "--json").json()["interaction_count"] == 0


@pytest.mark.parametrize(
    ("when", "day"),
    [
        (None, TODAY.isoformat()),
        ("today", TODAY.isoformat()),
        ("yesterday", "2026-11-21"),
        ("2 days ago", "2026-11-20"),
        ("1900-01-01", "1900-01-01"),
    ],
)
def test_past_days_and_today_are_still_fine(
    amity_sqlite: Amity, when: str | None, day: str
) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    on = ("--on", when) if when is not None else ()
    for command in ("gave", "got", "asked", "life"):
        recorded = amity_sqlite.ok(*COMMANDS[command], *on, "--json").json()
        assert recorded["date"] == day, command
    stored = _stored(amity_sqlite)
    assert [e["occurred_on"] for e in stored["ledger"]] == [day] * 3
    assert [e["occurred_on"] for e in stored["life_events"]] == [day]


def test_the_person_page_refuses_a_future_gift_and_takes_a_blank_day_as_today(web: Web) -> None:
    """The person page's form sends `on=""` when the field is left blank: there that is
    today (a form field cannot be absent), unlike `--on ''` typed on purpose."""
    page = web.post("/people/new", {"name": "Barbara Liskov"}).text
    found = re.search(r"/people/(\d+)/log", page)
    assert found
    url = f"/people/{found.group(1)}/log"
    gift = {"what": "gave", "note": "intro to Ada", "kind": "introduction"}
    future = web.post(url, {**gift, "on": "2030-01-01"}, htmx=True)
    assert future.status_code == 400 and "in the future" in future.text
    blank = web.post(url, {**gift, "on": ""}, htmx=True)
    assert blank.status_code == 200 and "you gave" in blank.text
