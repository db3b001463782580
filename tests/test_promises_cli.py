"""Promises with a day, through the real CLI: due when their words say, shown on that day,
and overdue once it has passed. dateparser is loaded only when there are date words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Amity


def _promises(cli: Amity, today: str) -> list[dict[str, Any]]:
    items = cli.ok("today", "--json", "--no-drafts", today=today).json()["items"]
    return [item for item in items if item["kind"] == "promise"]


def test_a_promise_by_friday_waits_for_friday_then_says_it_is_overdue(amity: Amity) -> None:
    cli = amity
    cli.ok("met", "Ana Lima", "--promise", "send my resume by Friday", today="2026-12-01")
    listed = cli.ok("remind", "--list", "--json", today="2026-12-01").json()["items"]
    assert [(c["kind"], c["due"], c["text"]) for c in listed] == [
        ("promise", "2026-12-04", "send my resume")
    ]
    assert _promises(cli, "2026-12-02") == []  # the follow-up is there, not the promise
    assert _promises(cli, "2026-12-03") == []
    on_friday = _promises(cli, "2026-12-04")
    assert [p["reason"] for p in on_friday] == ["promised 3 days ago: send my resume (due today)"]
    late = _promises(cli, "2026-12-07")
    assert [p["reason"] for p in late] == [
        "promised on 1 Dec: send my resume (due Friday 4 Dec, 3 days overdue)"
    ]
    text = cli.ok("today", "--no-drafts", today="2026-12-07").out
    assert "3 days overdue" in text


def test_each_promise_of_a_meeting_gets_its_own_day(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok(
        "met",
        "Ben Okafor",
        "--promise",
        "send the deck; intro to Cy on 15 Jan",
        today="2026-12-01",
    )
    listed = cli.ok("remind", "Ben", "--list", "--json", today="2026-12-01").json()["items"]
    assert [(c["due"], c["text"], c["when"]) for c in listed] == [
        ("2026-12-02", "send the deck", "on the agenda from tomorrow"),
        ("2027-01-15", "intro to Cy", "due Friday 15 Jan 2027"),
    ]
    assert [p["reason"] for p in _promises(cli, "2026-12-02")] == [
        "promised yesterday: send the deck"
    ]
    assert [p["reason"] for p in _promises(cli, "2027-01-15")] == [
        "promised 45 days ago: send the deck",  # no deadline: never "overdue"
        "promised 45 days ago: intro to Cy (due today)",
    ]


def test_a_promise_logged_for_an_earlier_day_counts_from_that_day(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("add", "Cy Park")
    for promise in ("call back Monday", "share notes"):
        cli.ok(
            "log",
            "Cy",
            "--kind",
            "call",
            "--on",
            "2026-11-27",
            "--promise",
            promise,
            today="2026-12-01",
        )
    listed = cli.ok("remind", "--list", "--json", today="2026-12-01").json()["items"]
    assert [c["due"] for c in listed] == ["2026-11-28", "2026-11-30"]
    assert [c["when"] for c in listed] == [
        "on the agenda since Saturday 28 Nov",
        "due Monday 30 Nov, 1 day overdue",
    ]


def test_done_closes_a_dated_promise(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("met", "Dee Ray", "--promise", "send the paper by Friday", today="2026-12-01")
    cli.ok("done", "Dee", today="2026-12-02")  # the follow-up
    assert [p["reason"] for p in _promises(cli, "2026-12-04")] == [
        "promised 3 days ago: send the paper (due today)"
    ]
    cli.ok("done", "1", today="2026-12-04")
    assert _promises(cli, "2026-12-05") == []
    assert cli.ok("remind", "--list", "--json", today="2026-12-05").json()["items"] == []


def _loaded_after(home: Path, *args: str) -> bool:
    """Whether running `amity ARGS` in a fresh interpreter imported dateparser."""
    code = (
        "import sys\nfrom amity.cli import main\n"
        f"try:\n    main({list(args)!r})\nexcept SystemExit:\n    pass\n"
        "print('dateparser' in sys.modules)"
    )
    env = {**os.environ, "AMITY_HOME": str(home), "AMITY_TODAY": "2026-12-01"}
    env.pop("AMITY_DATABASE_URL", None)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    return out.strip().splitlines()[-1] == "True"


@pytest.mark.slow
def test_dateparser_is_loaded_only_for_a_promise_with_date_words(tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert not _loaded_after(home, "--help")
    assert not _loaded_after(home, "met", "Eve", "--promise", "send the deck")
    assert not _loaded_after(home, "today")
    assert not _loaded_after(home, "today", "--json")
    assert not _loaded_after(home, "remind", "Eve", "--on", "2026-12-24", "call")
    assert not _loaded_after(home, "remind", "--list")
    assert _loaded_after(home, "met", "Eve", "--promise", "send the deck by Friday")
    assert not _loaded_after(home, "today")  # a dated promise on the agenda needs no parser


def test_the_promise_draft_delivers_the_promise_without_its_date_words(
    amity_sqlite: Amity,
) -> None:
    cli = amity_sqlite
    cli.ok("met", "Fay Ito", "--promise", "send my resume by Friday", today="2026-12-01")
    items = cli.ok("today", "--json", today="2026-12-04").json()["items"]
    draft = next(i["draft"] for i in items if i["kind"] == "promise")
    assert "Here is my resume, as promised." in draft and "Friday" not in draft
