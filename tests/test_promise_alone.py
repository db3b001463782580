"""A promise made on its own, without logging an interaction: `amity promise` and the person
page's "I promised…" are one service (`amity.service.remind.promise`), numbered as the
reminders are, due the day its words name, else at once."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from amity.errors import NotFound, UsageError
from amity.model import Person
from amity.service.remind import commitments, promise
from amity.store import Store
from amity.store import people as people_store
from tests.conftest import TODAY, Amity
from tests.store.accounts import second_account


def _agenda_promises(cli: Amity, today: str) -> list[dict[str, Any]]:
    items = cli.ok("today", "--json", "--no-drafts", today=today).json()["items"]
    return [item for item in items if item["kind"] == "promise"]


def test_a_promise_by_friday_is_due_friday_and_done_from_the_agenda(amity: Amity) -> None:
    cli = amity
    cli.ok("add", "Ana Lima")
    made = cli.ok("promise", "Ana", "send the deck by Friday", "--json").json()
    assert made["kind"] == "promise" and made["due"] == "2026-11-27"
    assert made["text"] == "send the deck" and made["when"].startswith("due Friday 27 Nov")
    assert made["key"] == f"reminder:{made['person']['id']}:1"
    reminder = cli.ok("remind", "Ana", "--on", "2026-12-01", "call", "--json").json()
    assert reminder["key"] == f"reminder:{made['person']['id']}:2"  # one numbering
    assert _agenda_promises(cli, "2026-11-26") == []
    friday = _agenda_promises(cli, "2026-11-27")
    assert [p["reason"] for p in friday] == ["promised: send the deck (due today)"]
    cli.ok("done", "1", today="2026-11-27")
    assert [p["state"] for p in _agenda_promises(cli, "2026-11-27")] == ["done"]
    assert not any(
        c["kind"] == "promise" for c in cli.ok("remind", "--list", "--json").json()["items"]
    )


def test_an_undated_promise_is_on_the_agenda_at_once_and_says_so(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    out = cli.ok("promise", "Ana", "send", "the", "article").out
    assert out == "Promise #1 to Ana Lima, on the agenda from today: send the article\n"
    assert [p["person"]["name"] for p in _agenda_promises(cli, TODAY.isoformat())] == ["Ana Lima"]
    assert cli.ok("show", "Ana", "--json").json()["interactions"] == []  # none was logged


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Ana",), "write what you promised"),
        (("Ana", "   "), "write what you promised"),
        (("Nobody Here", "send it"), "no one called 'Nobody Here'"),
        (("Ana", "send it", "--on", "tomorrow"), "is in the future"),
        (("Ana", "send it", "--on", ""), "is not a date"),
        (("Ana", "x" * 1001), "a promise can be at most 1000 characters"),
        (("Ana", "send\x1b[2J it"), "a promise cannot hold control characters"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    amity_sqlite: Amity, args: tuple[str, ...], message: str
) -> None:
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    result = cli("promise", *args)
    assert result.code == 2, result
    assert message in result.err and "Traceback" not in result.err and result.out == ""
    assert cli.ok("remind", "--list", "--json").json()["items"] == []


def test_the_service_takes_an_id_of_the_account_only(store: Store) -> None:
    with store.db.transaction():
        ana = people_store.insert_person(store, Person(name="Ana Lima"), TODAY)
        theirs = second_account(store)
        bob = people_store.insert_person(theirs, Person(name="Bob"), TODAY)
    made = promise(store, ana, "send the deck on Friday", "yesterday", TODAY)
    assert made.made_on == date(2026, 11, 21) and made.commitment.due == date(2026, 11, 27)
    assert made.when == made.commitment.when
    today = promise(store, ana, "call back", None, TODAY)
    assert today.commitment.due == TODAY and today.when == ""
    with pytest.raises(NotFound):
        promise(store, bob, "send it", None, TODAY)
    with pytest.raises(UsageError):
        promise(store, ana, "", None, TODAY)
    assert [c.text for c in commitments(store, TODAY, ana)] == ["call back", "send the deck"]
    assert commitments(theirs, TODAY) == []
