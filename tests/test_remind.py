"""`amity remind PERSON --on DATE TEXT`: a one-off reminder on its day, over the budget;
listed, cancelled, done from the agenda; bad input refused with nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Amity, writable_store

ESCAPES = "\x1b]0;pwned\x07\x1b[5;41m\x1b[2J"


def _agenda(cli: Amity, today: str) -> dict[str, Any]:
    result: dict[str, Any] = cli.ok("today", "--json", "--no-drafts", today=today).json()
    return result


def _listed(cli: Amity, today: str = "2026-12-01") -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = cli.ok("remind", "--list", "--json", today=today).json()["items"]
    return items


def _full_budget(cli: Amity) -> None:
    """A budget of two a day, filled on 15 January by two promises made for that day, with
    four check-ins due every day from mid-December waiting behind them."""
    cli.ok("settings", "daily_budget", "2")
    for name in ("Kim Bo", "Lee Cy", "Max Du", "Noa Ek"):
        cli.ok("add", name, "--every", "7")
        for kind in ("call", "message"):  # the message settles any follow-up of the call
            cli.ok("log", name, "--kind", kind, "--on", "2026-12-01", today="2026-12-01")
    for name in ("Kim Bo", "Lee Cy"):
        cli.ok("log", name, "--kind", "call", "--promise", "send the deck on 15 Jan",
               today="2026-12-01")  # fmt: skip


def test_a_reminder_shows_on_its_day_over_a_full_budget(amity: Amity) -> None:
    cli = amity
    cli.ok("add", "Ana Lima")
    _full_budget(cli)
    made = cli.ok(
        "remind", "Ana", "--on", "15 Jan", "ask about the offer", "--json", today="2026-12-01"
    ).json()
    assert made["kind"] == "reminder" and made["due"] == "2027-01-15"
    assert made["person"]["name"] == "Ana Lima" and made["text"] == "ask about the offer"
    assert made["key"] == f"reminder:{made['person']['id']}:1"

    before = _agenda(cli, "2027-01-14")
    assert len(before["items"]) == 2  # check-ins fill the budget
    assert not {"promise", "reminder"} & {i["kind"] for i in before["items"]}
    on_the_day = _agenda(cli, "2027-01-15")
    assert sorted(i["kind"] for i in on_the_day["items"]) == ["promise", "promise", "reminder"]
    reminder = next(i for i in on_the_day["items"] if i["kind"] == "reminder")
    assert reminder["person"]["name"] == "Ana Lima"
    assert reminder["reason"] == "ask about the offer"
    assert on_the_day["later"] >= 1  # the check-ins wait for another day


def test_set_prints_what_was_set_and_takes_words_without_quotes(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    out = cli.ok(
        "remind", "Ana", "--on", "next friday", "ask", "about", "the", "offer", today="2026-12-01"
    ).out
    assert out == "Reminder #1 about Ana Lima, due Friday 4 Dec: ask about the offer\n"
    iso = cli.ok("remind", "Ana", "--on", "2026-12-01", "call her", today="2026-12-01").out
    assert "due today: call her" in iso
    short = cli.ok("remind", "Ana", "--on", "2027-1-5", "x", "--json", today="2026-12-01")
    assert short.json()["due"] == "2027-01-05"
    cli.ok("remind", "--cancel", str(short.json()["id"]))
    listed = _listed(cli)
    assert [(c["due"], c["text"]) for c in listed] == [
        ("2026-12-01", "call her"),
        ("2026-12-04", "ask about the offer"),
    ]
    text = cli.ok("remind", "--list", today="2026-12-01").out
    assert "#2  reminder  Ana Lima: call her  (due today)" in text


def test_without_on_the_text_says_the_day(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    made = cli.ok(
        "remind", "Ana", "ask about the offer on 15 Jan", "--json", today="2026-12-01"
    ).json()
    assert (made["due"], made["text"]) == ("2027-01-15", "ask about the offer")
    before = cli.ok("remind", "Ana", "call", "before", "Friday", "--json", today="2026-12-01")
    assert (before.json()["due"], before.json()["text"]) == ("2026-12-03", "call")


def test_done_from_the_agenda_closes_it_and_keys_never_collide(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    first = cli.ok("remind", "Ana", "--on", "2026-12-03", "send the link", "--json").json()
    assert first["key"] == "reminder:1:1"
    items = _agenda(cli, "2026-12-03")["items"]
    number = next(n for n, i in enumerate(items, start=1) if i["kind"] == "reminder")
    done = cli.ok("done", str(number), today="2026-12-03").out
    assert done.startswith("Done: Ana Lima (send the link)")
    assert all(i["kind"] != "reminder" for i in _agenda(cli, "2026-12-04")["items"])
    assert _listed(cli, "2026-12-04") == []
    second = cli.ok("remind", "Ana", "--on", "2026-12-10", "send the link again", "--json")
    assert second.json()["key"] == "reminder:1:2"
    third = cli.ok("remind", "Ana", "--on", "2026-12-10", "send the link again", "--json")
    assert third.json()["key"] == "reminder:1:3"  # the same words twice are two reminders


def test_cancel_takes_it_off_the_agenda(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    made = cli.ok("remind", "Ana", "--on", "2026-12-03", "send the link", "--json").json()
    out = cli.ok("remind", "--cancel", str(made["id"])).out
    assert out == "Cancelled reminder #1 about Ana Lima: send the link\n"
    assert all(i["kind"] != "reminder" for i in _agenda(cli, "2026-12-03")["items"])
    again = cli("remind", "--cancel", str(made["id"]))
    assert again.code == 2 and "already skipped" in again.err
    missing = cli("remind", "--cancel", "999")
    assert missing.code == 2 and "no promise or reminder has id 999" in missing.err
    assert cli.ok("remind", "Ana", "--on", "2026-12-03", "x", "--json").json()["key"] == (
        "reminder:1:2"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Ana", "--on", "2026-11-30", "call"), "2026-11-30 is in the past"),
        (("Ana", "--on", "yesterday", "call"), "2026-11-30 is in the past"),
        (("Ana", "--on", "2026-02-30", "call"), "is not a real day"),
        (("Ana", "--on", "0000-00-00", "call"), "is not a real day"),
        (("Ana", "--on", "1/2/2027", "call"), "is not a day Amity can read"),
        (("Ana", "--on", "in 999 years", "call"), "more than two years ahead"),
        (("Ana", "--on", "9999-12-31", "call"), "too far ahead"),
        (("Ana", "--on", "someday soon", "call"), "'someday soon' is not a day Amity can read"),
        (("Ana", "--on", "", "call"), "a reminder needs a day"),
        (("Ana", "--on", "x" * 500, "call"), "is not a day Amity can read"),
        (("Ana", "--on", "friday"), "say what to be reminded of"),
        (("Ana", "--on", "friday", "   "), "say what to be reminded of"),
        (("Nobody Here", "--on", "friday", "call"), "no one called 'Nobody Here'"),
        (("Ana", "--on", "friday", f"call{ESCAPES}"), "cannot hold control characters"),
        (("Ana", "--on", "friday", "x" * 1001), "at most 1000 characters"),
        (("Ana", "--on", "friday", "caf\udce9"), "is not valid UTF-8 text"),
        (("Ana", "--on", "fri\udce9", "call"), "is not valid UTF-8 text"),
        (("Ana", "call"), "give the day with --on DATE, or in the text"),
        (("Ana", "tomorrow"), "say what to be reminded of"),
        (("Ana", "call", "her", "on", "1 Jan 2020"), "is in the past"),
        (("--on", "friday"), "give a person"),
        (("Ana", "--list", "--on", "friday"), "--list takes at most a person"),
        (("Ana", "--cancel", "1"), "--cancel takes only the id"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    amity_sqlite: Amity, args: tuple[str, ...], message: str
) -> None:
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    result = cli("remind", *args, today="2026-12-01")
    assert result.code == 2, result
    assert message in result.err
    assert "Traceback" not in result.err and result.out == ""
    assert _listed(cli) == []


def test_stored_escapes_are_shown_inert(amity_sqlite: Amity) -> None:
    """Text written by another program (or an older Amity) prints as text, not commands."""
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    cli.ok("remind", "Ana", "--on", "2026-12-03", "call MARK", today="2026-12-01")
    store = writable_store(f"sqlite:///{cli.home / 'amity.db'}")
    try:
        with store.db.transaction():
            store.db.execute("UPDATE reminder SET reason = replace(reason, 'MARK', ?)", (ESCAPES,))
    finally:
        store.close()
    shown = cli.ok("remind", "--list", today="2026-12-01").out
    assert "\x1b" not in shown and "\x07" not in shown and "call" in shown
    raw = cli.ok("remind", "--list", "--json", today="2026-12-01")
    assert raw.json()["items"][0]["text"] == f"call {ESCAPES}"
    assert "\x1b" not in raw.out


def test_list_of_one_person_and_an_empty_list(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    assert cli.ok("remind", "--list").out == "No open promises or reminders.\n"
    cli.ok("add", "Ana Lima")
    cli.ok("add", "Ben Okafor")
    cli.ok("remind", "Ana", "--on", "2026-12-03", "call Ana", today="2026-12-01")
    cli.ok("remind", "Ben", "--on", "2026-12-02", "call Ben", today="2026-12-01")
    assert [c["text"] for c in _listed(cli)] == ["call Ben", "call Ana"]
    only = cli.ok("remind", "Ana", "--list", "--json", today="2026-12-01").json()["items"]
    assert [c["text"] for c in only] == ["call Ana"]
    cli.ok("forget", "Ben")
    assert [c["text"] for c in _listed(cli)] == ["call Ana"]


def test_the_calendar_and_the_digest_carry_the_reminder(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    cli = amity_sqlite
    cli.ok("add", "Ana Lima")
    cli.ok("remind", "Ana", "--on", "2026-12-03", "ask about the offer", today="2026-12-01")
    out = tmp_path / "agenda.ics"
    cli.ok("calendar", "-o", str(out), "--days", "7", today="2026-12-01")
    ics = out.read_text(encoding="utf-8")
    assert "SUMMARY:Reminder about Ana Lima" in ics and "DTSTART;VALUE=DATE:20261203" in ics
    digest = cli.ok("digest", today="2026-12-03").out
    assert "ask about the offer" in digest
