"""`amity intro`: a double opt-in introduction walked through the real entry point over two
weeks of `--today`, its agenda items (done and snooze act on them), its ledger entries, the
tie it leaves, and a declined pair that a warm path never uses; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from amity.service.report import ledger_rows
from amity.store import Store
from tests.conftest import Amity, writable_store

ASK_ANA = "Ask Ana Reyes whether an introduction to Ben Ode is welcome"


def _people(amity: Amity) -> None:
    amity.ok("add", "Ana Reyes", "--company", "Seedcamp", "--title", "Partner", today="2026-10-01")
    amity.ok("add", "Ben Ode", "--company", "Ledgerly", "--title", "Founder", today="2026-10-01")


def _store(amity: Amity) -> Store:
    return writable_store(amity.database_url or f"sqlite:///{amity.home / 'amity.db'}")


def _agenda(amity: Amity, day: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = amity.ok("today", "--json", today=day).json()["items"]
    return [item for item in items if str(item["id"]).startswith("intro:")]


def test_an_introduction_walked_over_two_weeks(amity: Amity) -> None:
    _people(amity)
    amity.ok("settings", "signature", "Aisha", today="2026-11-02")
    proposed = amity.ok(
        "intro", "Ana", "Ben", "--reason", "both work on payments fraud", today="2026-11-02"
    )
    assert "Proposed introduction #1: Ana Reyes → Ben Ode." in proposed.out
    assert f"Next: {ASK_ANA}" in proposed.out
    assert "Draft to Ana Reyes:\n  Hi Ana," in proposed.out
    assert "Ben Ode (Founder at Ledgerly)" in proposed.out and "\n  Aisha" in proposed.out
    listed = amity.ok("intro", "status", "--json", today="2026-11-02").json()["introductions"]
    assert [(i["id"], i["state"], i["waiting_on"], i["since"]) for i in listed] == [
        (1, "proposed", "you", "2026-11-02")
    ]
    assert listed[0]["a"] == {"id": 1, "name": "Ana Reyes"}
    assert _agenda(amity, "2026-11-02") == []  # proposed today: the draft was just printed

    # The day after: the agenda says to ask Ana; you do.
    [item] = _agenda(amity, "2026-11-03")
    assert (item["id"], item["person"]["name"]) == ("intro:1:proposed", "Ana Reyes")
    assert item["reason"].startswith(ASK_ANA)
    asked = amity.ok("intro", "asked", "1", today="2026-11-03")
    assert "Introduction #1, 2026-11-03: asked Ana Reyes." in asked.out
    assert "Next: Wait for Ana's answer; nudge on 2026-11-10" in asked.out
    assert "Draft to" not in asked.out  # nothing to send while Ana thinks it over
    assert _agenda(amity, "2026-11-04") == []

    # Ana said yes on the 5th, recorded the 6th; asking Ben out of turn is refused first.
    early = amity("intro", "made", "1", today="2026-11-06")
    assert early.code == 2 and "Ana Reyes has not agreed yet" in early.err
    agreed = amity.ok("intro", "agreed", "1", "--on", "2026-11-05", today="2026-11-06")
    assert "2026-11-05: Ana Reyes agreed." in agreed.out
    assert "Draft to Ben Ode:\n  Hi Ben," in agreed.out and "who'd be glad to hear" in agreed.out
    [ask_ben] = _agenda(amity, "2026-11-06")
    assert ask_ben["id"] == "intro:1:a_agreed" and ask_ben["person"]["name"] == "Ben Ode"
    amity.ok("intro", "asked", "1", today="2026-11-06")
    amity.ok("intro", "agreed", "1", today="2026-11-09")
    [write] = _agenda(amity, "2026-11-10")
    assert write["reason"].startswith("Both said yes: introduce Ana Reyes and Ben Ode")

    made = amity.ok("intro", "made", "1", today="2026-11-10")
    assert "2026-11-10: introduced Ana Reyes and Ben Ode." in made.out
    assert "Next: Give Ana and Ben time to talk; ask how it went on 2026-11-24" in made.out
    assert amity.ok("report", "--json", today="2026-11-10").json()["balance"]["gave"] == 2
    store = _store(amity)
    try:
        for person in (1, 2):
            [entry] = ledger_rows(store, person)
            other = "Ben Ode" if person == 1 else "Ana Reyes"
            assert (
                entry.direction.value,
                entry.kind.value,
                entry.what,
                str(entry.occurred_on),
            ) == (
                "gave",
                "introduction",
                f"an introduction to {other}",
                "2026-11-10",
            )
    finally:
        store.close()
    # The introduction that happened is a tie, inferred at once.
    ties = amity.ok("knows", "Ana", "--json", today="2026-11-10").json()["ties"]
    assert [(t["other"]["name"], t["source"], t["state"], t["why"]) for t in ties] == [
        ("Ben Ode", "introduced", "inferred", "you introduced them")
    ]
    assert _agenda(amity, "2026-11-16") == []
    [how] = _agenda(amity, "2026-11-24")
    assert how["reason"].startswith("Ask Ana and Ben how the introduction went")

    done = amity.ok("intro", "outcome", "1", "Ben raised from Seedcamp", today="2026-11-25")
    assert "done: Ben raised from Seedcamp" in done.out
    assert amity.ok("intro", "status", "--json", today="2026-11-25").json() == {"introductions": []}
    story = amity.ok("intro", "show", "1", "--json", today="2026-11-25").json()
    assert story["draft"] is None
    assert [(s["state"], s["date"]) for s in story["introduction"]["steps"]] == [
        ("proposed", "2026-11-02"),
        ("asked_a", "2026-11-03"),
        ("a_agreed", "2026-11-05"),
        ("asked_b", "2026-11-06"),
        ("b_agreed", "2026-11-09"),
        ("introduced", "2026-11-10"),
        ("done", "2026-11-25"),
    ]
    # Still an inferred tie once done.
    ties = amity.ok("knows", "Ana", "--json", today="2026-11-25").json()["ties"]
    assert [t["source"] for t in ties] == ["introduced"]
    shown = amity.ok("intro", "show", "1", today="2026-11-25").out
    assert "2026-11-09  Ben Ode agreed" in shown and "Why: both work on payments fraud" in shown
    assert (
        len(amity.ok("intro", "--all", "--json", today="2026-11-25").json()["introductions"]) == 1
    )


def test_done_and_snooze_act_on_the_agenda_item(amity: Amity) -> None:
    _people(amity)
    amity.ok("intro", "Ana", "Ben", "--reason", "payments", today="2026-11-02")
    today = amity.ok("today", "--json", today="2026-11-03").json()["items"]
    number = next(i["number"] for i in today if i["id"] == "intro:1:proposed")
    text = amity.ok("today", "--no-drafts", today="2026-11-03").out
    assert f"{number}. Ana Reyes  reminder  (intro:1:proposed)\n   {ASK_ANA}" in text
    amity.ok("snooze", str(number), "3", today="2026-11-03")
    assert _agenda(amity, "2026-11-04") == []
    assert [i["id"] for i in _agenda(amity, "2026-11-06")] == ["intro:1:proposed"]
    amity.ok("done", "intro:1:proposed", today="2026-11-06")
    assert _agenda(amity, "2026-11-07") == []
    # Done on the agenda clears the item; the introduction waits for its own step.
    [view] = amity.ok("intro", "--json", today="2026-11-07").json()["introductions"]
    assert view["state"] == "proposed"


def test_a_snoozed_step_never_comes_back_once_it_was_taken(amity: Amity) -> None:
    _people(amity)
    amity.ok("intro", "Ana", "Ben", "--reason", "payments", today="2026-11-02")
    amity.ok("snooze", "intro:1:proposed", "3", today="2026-11-03")
    amity.ok("intro", "asked", "1", today="2026-11-04")
    assert _agenda(amity, "2026-11-06") == []
    assert amity.ok("remind", "--list", today="2026-11-06").out.count("Ask Ana") == 0
    # A week after asking, one gentle nudge to Ana.
    [nudge] = _agenda(amity, "2026-11-11")
    assert nudge["id"] == "intro:1:asked_a" and nudge["kind"] == "check_in"
    assert nudge["reason"].startswith("Nudge Ana Reyes gently: no answer for 7 days")


def test_a_declined_pair_is_never_a_link_of_a_warm_path(amity: Amity) -> None:
    _people(amity)
    for day in ("2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26"):
        amity.ok("log", "Ana", "--kind", "call", "--on", day, today=day)
    amity.ok("knows", "Ana", "Ben", "--strength", "strong", today="2026-11-02")

    def hops(day: str) -> list[list[tuple[str, str]]]:
        found = amity.ok("path", "--to", "Ben", "--json", today=day).json()["paths"]
        return [[(h["from"]["name"], h["to"]["name"]) for h in p["hops"]] for p in found]

    assert [("you", "Ana Reyes"), ("Ana Reyes", "Ben Ode")] in hops("2026-11-02")
    amity.ok("intro", "Ana", "Ben", "--reason", "payments", today="2026-11-02")
    amity.ok("intro", "asked", "1", today="2026-11-03")
    declined = amity.ok("intro", "declined", "1", today="2026-11-04")
    assert "declined by Ana Reyes" in declined.out and "Next: Declined" in declined.out
    after = hops("2026-11-04")
    assert after and all(("Ana Reyes", "Ben Ode") not in path for path in after)
    # A declined introduction may be proposed again, and says so when stepped on.
    again = amity("intro", "agreed", "1", today="2026-11-05")
    assert again.code == 2 and "was declined by Ana Reyes on 2026-11-04" in again.err
    amity.ok("intro", "Ben", "Ana", "--reason", "a second try", today="2026-11-05")


def test_refusals_are_one_clear_line(amity: Amity) -> None:
    _people(amity)
    same = amity("intro", "Ana", "Ana Reyes", "--reason", "x")
    assert same.code == 2 and "Ana Reyes is one person: an introduction needs two" in same.err
    empty = amity("intro", "Ana", "Ben", "--reason", "  ")
    assert empty.code == 2 and "the reason is empty" in empty.err
    nobody = amity("intro", "Ana", "Nobody Here", "--reason", "x")
    assert nobody.code == 2 and "Traceback" not in nobody.err
    amity.ok("intro", "Ana", "Ben", "--reason", "payments")
    twice = amity("intro", "Ben", "Ana", "--reason", "again")
    assert twice.code == 2
    assert "Ana Reyes and Ben Ode already have an introduction under way (#1" in twice.err.replace(
        "Ben Ode and Ana Reyes", "Ana Reyes and Ben Ode"
    )
    for args in (
        ("asked", "9"),
        ("show", "42"),
        ("made", "abc"),
        ("asked", "#99999999999999999999"),
    ):
        result = amity("intro", *args)
        assert result.code == 2 and result.err.startswith("amity: "), args
        assert len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    future = amity("intro", "asked", "1", "--on", "2026-12-30")
    assert future.code == 2
    before = amity("intro", "asked", "1", "--on", "2026-11-01")
    assert before.code == 2 and "before the introduction's latest step" in before.err
    out_of_turn = amity("intro", "agreed", "1")
    assert out_of_turn.code == 2
    assert (
        "Ana Reyes has not been asked yet: ask Ana first (amity intro asked 1)" in out_of_turn.err
    )
    bad_by = amity("intro", "declined", "1", "--by", "them")
    assert bad_by.code == 2


def test_the_trash_and_the_archive_keep_introductions_off_the_agenda(amity: Amity) -> None:
    _people(amity)
    amity.ok("add", "Cy Park", today="2026-10-01")
    amity.ok("intro", "Ana", "Ben", "--reason", "payments", today="2026-11-02")
    amity.ok("intro", "Cy", "Ben", "--reason", "hiring", today="2026-11-02")
    assert len(_agenda(amity, "2026-11-03")) == 2
    amity.ok("edit", "Ana", "--archive", today="2026-11-03")
    amity.ok("forget", "Cy", today="2026-11-03")
    assert _agenda(amity, "2026-11-03") == []
    listed = amity.ok("intro", "status", "--json", today="2026-11-03").json()["introductions"]
    assert [i["id"] for i in listed] == [1]  # archived: still listed; in the trash: not
    assert (
        "#1 Ana Reyes → Ben Ode: proposed, waits on you since 2026-11-02"
        in amity.ok("intro", today="2026-11-03").out
    )
    empty = amity.ok("intro", "status", today="2026-11-03")
    assert "Ask Ana Reyes" in empty.out


def test_each_agenda_item_has_the_draft_of_its_step(amity: Amity) -> None:
    from amity.service.agenda_intros import introduction_draft

    _people(amity)
    amity.ok("intro", "Ana", "Ben", "--reason", "payments", today="2026-11-02")
    store = _store(amity)
    try:
        day = date(2026, 11, 3)
        ask = introduction_draft(store, "intro:1:proposed", day)
        assert ask is not None and ask.startswith("Hi Ana,") and "Ben Ode (Founder" in ask
        assert introduction_draft(store, "intro:1:asked_a", day) is None  # not its state
        assert introduction_draft(store, "intro:9:proposed", day) is None
        assert introduction_draft(store, "check_in:person:1", day) is None
    finally:
        store.close()
