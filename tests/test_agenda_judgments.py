"""The agenda's judgments through the real `amity` CLI, as a person would meet them: what
needs a follow-up, how it fades, the second touch, birthdays on the day, numbers that hold
all day, and a first run that helps."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from amity.engines.follow_ups import DEFAULT_FADE_DAYS
from amity.service import agenda_sources
from amity.service.settings import preferences
from amity.store import interactions as interaction_store
from amity.store import reminders
from tests.conftest import Amity, writable_store

FAIR = date(2026, 10, 1)


def _on(days: int) -> str:
    return (FAIR + timedelta(days=days)).isoformat()


def _today(amity: Amity, day: str, *args: str) -> dict[str, Any]:
    return amity.ok("today", "--json", *args, today=day).json()  # type: ignore[no-any-return]


def _open(amity: Amity, day: str) -> list[dict[str, Any]]:
    return [i for i in _today(amity, day)["items"] if i["state"] == "open"]


def _meet_at_the_fair(amity: Amity, *names: str) -> None:
    for name in names:
        amity.ok("met", name, "--at", "the career fair", today=_on(0))


# What needs a follow-up


def test_a_call_you_made_to_someone_new_needs_no_follow_up_and_hides_no_check_in(
    amity: Amity,
) -> None:
    amity.ok("add", "Ines Inner", "--circle", "inner", today=_on(0))
    logged = amity.ok(
        "log", "Ines Inner", "--kind", "call", "--outbound", "--json", today=_on(0)
    ).json()
    assert logged["follow_up_due"] is None
    assert _open(amity, _on(1)) == []  # no "met yesterday, no follow-up yet"
    due = _open(amity, _on(14))  # inner: every 14 days
    assert [(i["kind"], i["person"]["name"]) for i in due] == [("check_in", "Ines Inner")]
    assert "met" not in due[0]["reason"]


def test_coffee_with_someone_new_needs_a_follow_up_with_someone_known_none(amity: Amity) -> None:
    amity.ok("add", "Cora New", today=_on(0))
    amity.ok("log", "Cora New", "--kind", "coffee", "--at", "Blue Bottle", today=_on(0))
    (item,) = _open(amity, _on(1))
    assert item["reason"] == "had coffee at Blue Bottle yesterday, no follow-up yet"
    amity.ok("log", "Cora New", "--kind", "message", today=_on(1))
    amity.ok("log", "Cora New", "--kind", "coffee", today=_on(5))  # known now
    assert _open(amity, _on(6)) == []


def test_a_follow_up_an_older_version_kept_for_a_call_is_not_shown(tmp_path: Any) -> None:
    from amity.model import Direction, Interaction, InteractionKind, Person, ReminderKind
    from amity.store import people as people_store

    store = writable_store(f"sqlite:///{tmp_path / 'amity.db'}")
    with store.db.transaction():
        pid = people_store.insert_person(store, Person(name="Old Call"), FAIR)
        iid = interaction_store.insert_interaction(
            store,
            Interaction(InteractionKind.CALL, FAIR, Direction.OUTBOUND, [pid]),
        )
        reminders.add_reminder(
            store,
            f"follow_up:interaction:{iid}",
            ReminderKind.FOLLOW_UP,
            pid,
            FAIR + timedelta(days=1),
            interaction_id=iid,
        )
    assert agenda_sources.stored_items(store, FAIR + timedelta(days=1)) == []
    store.close()


# Follow-ups fade


def test_an_unanswered_follow_up_fades_into_a_reconnect_then_leaves(amity: Amity) -> None:
    amity.ok("settings", "signature", "Maya")
    _meet_at_the_fair(amity, "Ana Park")
    (week,) = _open(amity, _on(7))
    assert week["kind"] == "follow_up"
    assert week["reason"] == "met at the career fair 7 days ago, no follow-up yet"
    (faded,) = _open(amity, _on(10))
    assert faded["kind"] == "reconnect"
    assert faded["reason"] == "met at the career fair 10 days ago; not too late for a short hello"
    assert "Great to meet you" not in faded["draft"]
    assert faded["draft"].startswith("Hi Ana,")
    text = amity.ok("today", today=_on(10)).out
    assert "reconnect" in text and "no follow-up yet" not in text
    assert _open(amity, _on(28)) != []
    assert _open(amity, _on(53)) == []  # gone, not "met 53 days ago, no follow-up yet"


def test_a_reconnect_does_not_push_past_the_budget(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("settings", "daily_budget", "2")
    _meet_at_the_fair(cli, "Ana One", "Ben Two", "Cy Three")
    items = _open(cli, _on(10))
    assert [i["kind"] for i in items] == ["reconnect", "reconnect"]
    assert _today(cli, _on(10))["later"] == 1


def test_the_fade_is_a_setting(amity: Amity) -> None:
    shown = amity.ok("settings").out
    assert f"follow_up_fade_days = {DEFAULT_FADE_DAYS}" in shown
    assert amity.ok("settings", "--json").json()["follow_up_fade_days"] == 7
    amity.ok("settings", "follow_up_fade_days", "3")
    assert amity.ok("settings", "--json").json()["follow_up_fade_days"] == 3
    for bad in ("0", "61", "soon", "7.5"):
        refused = amity("settings", "follow_up_fade_days", bad)
        assert refused.code == 2, refused.err
        assert "follow_up_fade_days (the days a follow-up stays one) must be" in refused.err
    _meet_at_the_fair(amity, "Ana Park")
    assert [i["kind"] for i in _open(amity, _on(3))] == ["follow_up"]
    assert [i["kind"] for i in _open(amity, _on(4))] == ["reconnect"]
    assert _open(amity, _on(13)) == []  # four times the fade


def test_the_fade_default_is_the_engines_and_a_backup_is_checked() -> None:
    from amity.model.limits import setting_problem

    assert preferences.DEFAULTS["follow_up_fade_days"] == DEFAULT_FADE_DAYS
    assert setting_problem("follow_up_fade_days", 7) is None
    for bad in (0, 61, "7", True, None):
        assert setting_problem("follow_up_fade_days", bad) == (
            "should be a whole number from 1 to 60"
        )


# New ties get a second touch


def test_maya_checks_in_three_weeks_after_the_fair_with_the_two_who_answered(
    amity: Amity,
) -> None:
    _meet_at_the_fair(amity, "Ana Answers", "Ben Answers", "Cy Silent")
    day_after = _today(amity, _on(1))
    assert len(day_after["items"]) == 3
    for n in (1, 2, 3):
        amity.ok("done", str(n), today=_on(1))
    amity.ok("log", "Ana Answers", "--kind", "message", "--inbound", today=_on(2))
    amity.ok("log", "Ben Answers", "--kind", "email", "--inbound", today=_on(4))
    amity.ok("log", "Ben Answers", "--kind", "email", today=_on(4))  # thanks, one exchange
    assert _open(amity, _on(20)) == []
    due = _open(amity, _on(21))
    assert {i["person"]["name"] for i in due} == {"Ana Answers", "Ben Answers"}
    assert all(i["kind"] == "check_in" for i in due)
    assert due[0]["reason"] == (
        "met at the career fair 21 days ago and they answered; time for a second hello"
    )
    for item in due:  # the message `done` logged is Amity's record, never a topic
        assert "from the agenda" not in item["draft"] and "followed up" not in item["draft"]
    amity.ok("done", "Ana", today=_on(21))
    assert {i["person"]["name"] for i in _open(amity, _on(22))} == {"Ben Answers"}
    assert _open(amity, _on(60)) == []  # then the circle's cadence takes over


# Birthdays on the day


def test_a_birthday_today_shows_on_a_day_full_of_follow_ups(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("settings", "daily_budget", "5")
    cli.ok("add", "Bea Birthday", "--birthday", "--10-02", today=_on(0))
    _meet_at_the_fair(cli, *(f"Fair Person {n}" for n in range(8)))
    items = _open(cli, _on(1))
    kinds = [i["kind"] for i in items]
    assert kinds.count("follow_up") == 8
    assert ("birthday", "Bea Birthday") in {(i["kind"], i["person"]["name"]) for i in items}


# Stable numbers


def test_done_one_twice_completes_one_person_and_says_so(amity: Amity) -> None:
    _meet_at_the_fair(amity, "Ana First", "Ben Second")
    before = _today(amity, _on(1))["items"]
    assert [(i["number"], i["person"]["name"]) for i in before] == [
        (1, "Ana First"),
        (2, "Ben Second"),
    ]
    assert amity.ok("done", "1", today=_on(1)).out.startswith("Done: Ana First")
    again = amity("done", "1", today=_on(1))
    assert again.code == 0
    assert again.out.startswith("Item 1 is already done: Ana First")
    assert "Nothing changed" in again.out
    after = _today(amity, _on(1))["items"]
    assert [(i["number"], i["person"]["name"], i["state"]) for i in after] == [
        (1, "Ana First", "done"),
        (2, "Ben Second", "open"),
    ]
    assert after[0]["draft"] == ""  # done: no draft to send
    ben = amity.ok("show", "Ben Second", "--json", today=_on(1)).json()
    assert ben["last_interaction"] == _on(0)  # untouched
    ana = amity.ok("show", "Ana First", "--json", today=_on(1)).json()
    assert ana["last_interaction"] == _on(1)
    assert len(ana["interactions"]) == 2  # the meeting and one "followed up", not two
    refused = amity("skip", "1", today=_on(1))
    assert refused.code != 0 and "already done today" in refused.err
    assert "Traceback" not in refused.err
    text = amity.ok("today", "--no-drafts", today=_on(1)).out
    assert "1. Ana First" in text and "[done]" in text and "2. Ben Second" in text
    assert _open(amity, _on(2))[0]["number"] == 1  # a new day numbers afresh


def test_numbers_hold_through_skip_and_snooze_and_an_unknown_number_is_refused(
    amity: Amity,
) -> None:
    _meet_at_the_fair(amity, "Ana First", "Ben Second", "Cy Third")
    amity.ok("skip", "1", today=_on(1))
    amity.ok("snooze", "2", "3", today=_on(1))
    assert amity.ok("done", "3", today=_on(1)).out.startswith("Done: Cy Third")
    states = [(i["number"], i["state"]) for i in _today(amity, _on(1))["items"]]
    assert states == [(1, "skipped"), (2, "snoozed"), (3, "done")]
    assert amity.ok("skip", "1", today=_on(1)).out.startswith("Item 1 is already skipped")
    missing = amity("done", "4", today=_on(1))
    assert missing.code != 0 and "no item 4 today; today's list has 3 items" in missing.err


def test_reading_the_agenda_writes_nothing(amity_sqlite: Amity) -> None:
    _meet_at_the_fair(amity_sqlite, "Ana First")
    db = amity_sqlite.home / "amity.db"
    before = db.read_bytes()
    _today(amity_sqlite, _on(1))
    amity_sqlite.ok("today", today=_on(1))
    assert db.read_bytes() == before


# A first run that helps


def test_an_empty_home_says_how_to_start(amity: Amity) -> None:
    text = amity.ok("today").out
    assert "A good day to reach out" not in text
    for step in ("amity import", "amity demo", "amity met"):
        assert step in text
    assert _today(amity, "2026-11-22")["first_run"] is True
    amity.ok("add", "Someone")
    assert "A good day to reach out" in amity.ok("today").out
    assert _today(amity, "2026-11-22")["first_run"] is False


def test_keeping_a_promise_is_the_follow_up_to_the_same_person(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("met", "Ana Lima", "--promise", "send the deck", today="2026-12-01")
    items = cli.ok("today", "--json", today="2026-12-02").json()["items"]
    promise = next(i for i in items if i["kind"] == "promise")
    cli.ok("done", str(promise["number"]), today="2026-12-02")
    still_open = [
        i["kind"]
        for i in cli.ok("today", "--json", today="2026-12-03").json()["items"]
        if i["state"] == "open"
    ]
    assert still_open == []  # the deck went with a note: no separate follow-up nags
