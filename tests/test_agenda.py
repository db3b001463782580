"""A week replayed with AMITY_TODAY: the daily practice end to end, on both engines."""

from __future__ import annotations

from tests.conftest import Amity


def _items(amity: Amity, day: str) -> list[dict[str, object]]:
    """Today's open items (those acted on today stay listed, marked, at their numbers)."""
    items = amity.ok("today", "--json", today=day).json()["items"]
    return [i for i in items if i["state"] == "open"]


def test_meet_then_follow_up_appears_and_goes_when_you_write(amity: Amity) -> None:
    amity.ok(
        "met",
        "Priya Raman",
        "--at",
        "PyCon",
        "--topic",
        "Rust in production",
        "--note",
        "Works on the payments team.",
        today="2026-11-16",
    )
    monday = _items(amity, "2026-11-16")
    assert [i["kind"] for i in monday] == []  # due tomorrow, not today
    tuesday = _items(amity, "2026-11-17")
    (follow_up,) = tuesday
    assert follow_up["kind"] == "follow_up"
    assert follow_up["person"]["name"] == "Priya Raman"  # type: ignore[index]
    assert follow_up["reason"] == "met at PyCon yesterday, no follow-up yet"
    assert "PyCon" in str(follow_up["draft"]) and "Rust in production" in str(follow_up["draft"])
    thursday = _items(amity, "2026-11-19")
    assert thursday[0]["reason"] == "met at PyCon 3 days ago, no follow-up yet"
    amity.ok(
        "log", "Priya", "--kind", "message", "--note", "sent the talk link", today="2026-11-19"
    )
    assert _items(amity, "2026-11-19") == []
    assert _items(amity, "2026-11-20") == []


def test_promise_stays_until_done(amity: Amity) -> None:
    amity.ok(
        "met", "Omar Haddad", "--promise", "send the article on hiring loops", today="2026-11-16"
    )
    amity.ok("log", "Omar", "--kind", "email", today="2026-11-16")  # follow-up done
    items = _items(amity, "2026-11-18")
    assert [i["kind"] for i in items] == ["promise"]
    assert items[0]["reason"] == "promised 2 days ago: send the article on hiring loops"
    out = amity.ok("done", "1", today="2026-11-18").out
    assert out.startswith("Done: Omar Haddad")
    assert _items(amity, "2026-11-18") == []


def test_check_in_is_due_after_the_cadence_and_snooze_hides_it(amity: Amity) -> None:
    amity.ok("add", "Inner Ines", "--circle", "inner")
    amity.ok("log", "Inner Ines", "--kind", "coffee", "--on", "2026-11-01", today="2026-11-01")
    amity.ok("log", "Inner Ines", "--kind", "message", "--on", "2026-11-02", today="2026-11-02")
    assert _items(amity, "2026-11-15") == []
    due = _items(amity, "2026-11-16")  # last contact 2 Nov + 14 days (inner)
    assert [(i["kind"], i["due"]) for i in due] == [("check_in", "2026-11-16")]
    amity.ok("snooze", "Inner Ines", "3", today="2026-11-16")
    assert _items(amity, "2026-11-18") == []
    assert [i["kind"] for i in _items(amity, "2026-11-19")] == ["check_in"]
    amity.ok("done", "ines", today="2026-11-19")
    shown = amity.ok("show", "Inner Ines", "--json", today="2026-11-19").json()
    assert shown["last_interaction"] == "2026-11-19"  # done logs that you reached out
    assert shown["next_due"] == "2026-12-03"


def test_personal_cadence_overrides_the_circle(amity: Amity) -> None:
    amity.ok("add", "Weekly Wen", "--every", "7")
    amity.ok("log", "Weekly Wen", "--kind", "call", "--on", "2026-11-01", today="2026-11-01")
    assert amity.ok("show", "Weekly Wen", "--json").json()["next_due"] == "2026-11-08"


def test_budget_spreads_the_rest_over_the_coming_days(amity_sqlite: Amity) -> None:
    cli = amity_sqlite
    cli.ok("settings", "daily_budget", "3")
    for n in range(10):
        cli.ok("add", f"Person {n:02d}", "--circle", "close")
        for kind in ("call", "message"):  # the message settles the first call's follow-up
            cli.ok(
                "log", f"Person {n:02d}", "--kind", kind, "--on", "2026-10-01", today="2026-10-01"
            )
    first = cli.ok("today", "--json", "--no-drafts", today="2026-11-01").json()
    assert len(first["items"]) == 3
    assert first["later"] == 7
    shown = {i["person"]["name"] for i in first["items"]}
    for item in first["items"]:
        cli.ok("done", item["id"], today="2026-11-01")
    second = cli.ok("today", "--json", "--no-drafts", today="2026-11-02").json()
    assert len(second["items"]) == 3
    assert not shown & {i["person"]["name"] for i in second["items"]}


def test_life_events_birthdays_and_new_jobs(amity: Amity) -> None:
    amity.ok("add", "Birthday Bea", "--birthday", "--11-20")
    amity.ok("add", "Job Jo", "--company", "Plaid", "--title", "Engineer")
    amity.ok(
        "life",
        "Job Jo",
        "new_job",
        "--company",
        "Stripe",
        "--title",
        "Staff Engineer",
        today="2026-11-19",
    )
    items = _items(amity, "2026-11-20")
    kinds = {i["person"]["name"]: i for i in items}  # type: ignore[index]
    assert kinds["Birthday Bea"]["kind"] == "birthday"
    assert kinds["Birthday Bea"]["reason"] == "birthday today"
    assert "Happy birthday" in str(kinds["Birthday Bea"]["draft"])
    assert kinds["Job Jo"]["kind"] == "new_job"
    assert "new job at Stripe as Staff Engineer" in str(kinds["Job Jo"]["draft"])
    jo = amity.ok("show", "Job Jo", "--json").json()
    assert jo["organization"] == "Stripe"


def test_give_and_take_balance(amity: Amity) -> None:
    amity.ok("add", "Mentor Max")
    amity.ok("got", "Mentor Max", "advice", "how to negotiate an offer")
    amity.ok("asked", "Mentor Max", "referral", "a referral at Stripe")
    gave = amity.ok("gave", "Mentor Max", "introduction", "intro to a designer", "--json").json()
    assert gave["balance"] == {**gave["balance"], "gave": 1, "received": 1, "asked": 1}
    bad = amity("gave", "Mentor Max", "money", "cash")
    assert bad.code == 2 and "unknown kind" in bad.err


def test_report_and_coach_on_the_demo(amity: Amity) -> None:
    amity.ok("demo")
    report = amity.ok("report", "--json").json()
    assert sum(report["tiers"].values()) == report["total"] >= 150
    assert set(report["tiers"]) == {"core", "active", "cooling", "dormant", "new"}
    assert report["core"] and all({"id", "name", "strength"} <= set(p) for p in report["core"])
    assert 0 <= (report["follow_up"]["rate"] or 0) <= 1
    history = report["tiers_over_time"]
    assert len(history) == 12  # a small network: the past weeks are worked out from history
    assert history[-1] == {"week": "2026-11-16", **report["tiers"]}
    assert all(sum(w[t] for t in report["tiers"]) <= report["total"] for w in history)
    again = amity.ok("report", "--json").json()["tiers_over_time"]
    assert again == history  # recorded once, read back the same
    coach = amity.ok("coach", "--json").json()
    assert all(f["evidence"] and f["advice"] for f in coach["findings"])
    text = amity.ok("report").out
    assert "core" in text and "Give and take" in text


def test_coach_flags_an_early_ask(amity: Amity) -> None:
    amity.ok("met", "Quick Asker", "--on", "2026-11-01", today="2026-11-01")
    amity.ok(
        "asked",
        "Quick Asker",
        "referral",
        "a referral for the backend role",
        "--on",
        "2026-11-05",
        today="2026-11-05",
    )
    findings = amity.ok("coach", "--json", today="2026-11-22").json()["findings"]
    early = [f for f in findings if f["kind"] == "early_ask"]
    assert early and early[0]["people"] == [{"id": 1, "name": "Quick Asker"}]


def test_draft_snapshot_is_deterministic(amity: Amity) -> None:
    amity.ok("settings", "signature", "Sam")
    amity.ok(
        "met",
        "Ada Lovelace",
        "--at",
        "the Rust meetup",
        "--topic",
        "borrow checker",
        "--on",
        "2026-11-20",
        today="2026-11-20",
    )
    text = amity.ok("draft", "followup", "ada", today="2026-11-21").out
    assert text == (
        "Hi Ada,\n\n"
        "Great to meet you at the Rust meetup yesterday! I really enjoyed our chat about "
        "borrow checker.\n\n"
        "What are you working on next?\n\nSam\n"
    )
    formal = amity.ok("draft", "followup", "ada", "--tone", "formal", today="2026-11-21").out
    assert formal.startswith("Dear Ada,")


def test_user_templates_override_the_defaults(amity_sqlite: Amity) -> None:
    templates = amity_sqlite.home / "templates" / "drafts"
    templates.mkdir(parents=True)
    (templates / "checkin.j2").write_text("Yo {{ first_name }}! {{ question }}")
    amity_sqlite.ok("add", "Kim Park")
    assert amity_sqlite.ok("draft", "checkin", "kim").out == ("Yo Kim! How have things been?\n")


def test_leap_day_anniversaries_and_birthdays_fall_on_the_28th(amity: Amity) -> None:
    amity.ok("add", "Leap Lee", "--birthday", "--02-29", today="2024-02-29")
    amity.ok("add", "Jump Jo", today="2024-02-29")
    amity.ok("life", "Jump Jo", "new_job", "--company", "Stripe", today="2024-02-29")
    kinds = {(i["person"]["name"], i["kind"]) for i in _items(amity, "2027-02-28")}  # type: ignore[index]
    assert {("Leap Lee", "birthday"), ("Jump Jo", "anniversary")} <= kinds


def test_a_follow_up_you_did_no_longer_says_no_follow_up_yet(amity: Amity) -> None:
    amity.ok("met", "Priya Raman", "--at", "PyCon", today="2026-11-16")
    amity.ok("met", "Omar Haddad", "--at", "PyCon", today="2026-11-16")
    done = amity.ok("done", "Priya", today="2026-11-17").out
    assert done == "Done: Priya Raman (met at PyCon yesterday)\n"
    again = amity.ok("done", "Priya", today="2026-11-17").out
    assert "already done: Priya Raman (met at PyCon yesterday)." in again
    skipped = amity.ok("skip", "Omar", today="2026-11-17").out
    assert skipped == "Skipped: Omar Haddad (met at PyCon yesterday, no follow-up yet)\n"
    items = amity.ok("today", "--json", today="2026-11-17").json()["items"]
    assert sorted((i["person"]["name"], i["state"], i["reason"]) for i in items) == [
        ("Omar Haddad", "skipped", "met at PyCon yesterday, no follow-up yet"),
        ("Priya Raman", "done", "met at PyCon yesterday"),
    ]
    screen = amity.ok("today", today="2026-11-17").out
    assert "no follow-up yet" in screen.split("Omar Haddad")[1]
    assert "no follow-up yet" not in screen.split("Priya Raman")[1].split("Omar")[0]
