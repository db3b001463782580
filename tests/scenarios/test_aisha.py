"""Aisha, a founder raising a seed round, replays her November with AMITY_TODAY: investors
and design partners met at a summit, formal drafts signed with her name, a promise with a
day in it, a one-off reminder, introductions she makes for others, and what the coach and
the report make of her give and take."""

from __future__ import annotations

from typing import Any

from tests.conftest import Amity

SUMMIT = "Seed Summit"


def _items(amity: Amity, day: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = amity.ok("today", "--json", today=day).json()["items"]
    return items


def test_aisha_s_month(amity: Amity) -> None:
    amity.ok("settings", "tone", "formal")
    amity.ok("settings", "signature", "Aisha Khan")
    amity.ok("settings", "daily_budget", "3")

    # Tuesday 3 Nov, the summit.
    amity.ok(
        "met",
        "Laura Chen",
        "--at",
        SUMMIT,
        "--note",
        "Leads fintech seed deals at Northstar",
        "--promise",
        "send the deck on Monday",
        today="2026-11-03",
    )
    amity.ok(
        "met",
        "Marco Rossi",
        "--at",
        SUMMIT,
        "--topic",
        "design partners for the pilot",
        today="2026-11-03",
    )
    amity.ok(
        "met",
        "Yuki Tanaka",
        "--at",
        SUMMIT,
        "--note",
        "Looking for a head of sales",
        today="2026-11-03",
    )
    set_reminder = amity.ok(
        "remind",
        "Laura Chen",
        "--on",
        "2026-11-20",
        "ask about the partner meeting",
        today="2026-11-04",
    )
    assert "20 Nov" in set_reminder.out

    # Wednesday: three follow-ups, formal, signed, each fitting the person.
    wednesday = _items(amity, "2026-11-04")
    assert [i["kind"] for i in wednesday] == ["follow_up"] * 3
    drafts = {i["person"]["name"]: i["draft"] for i in wednesday}
    assert all(d.startswith("Dear ") and d.rstrip().endswith("Aisha Khan") for d in drafts.values())
    assert "design partners for the pilot" in drafts["Marco Rossi"]
    assert "head of sales" in drafts["Yuki Tanaka"]
    assert "perspective on looking for" not in drafts["Yuki Tanaka"]
    assert "deck" not in " ".join(i["reason"] for i in wednesday)  # due Monday, not yet
    for item in wednesday[:2]:  # Laura and Marco; Yuki is left for later
        amity.ok("done", str(item["number"]), today="2026-11-04")

    # She introduces Yuki to a sales lead and is given advice by Marco.
    amity.ok(
        "gave",
        "Yuki Tanaka",
        "introduction",
        "an intro to Sam, who ran sales at Plaid",
        today="2026-11-05",
    )
    amity.ok("got", "Marco Rossi", "advice", "feedback on the pilot pricing", today="2026-11-05")
    thanks = amity.ok("draft", "thanks", "Marco Rossi", today="2026-11-05").out
    assert "feedback on the pilot pricing" in thanks
    never_gave = amity.ok("draft", "thanks", "Laura Chen", today="2026-11-05").out
    assert "your help" not in never_gave  # nothing was received from Laura

    # Monday 9 Nov: the deck is due; a promise's draft delivers it.
    (deck,) = [i for i in _items(amity, "2026-11-09") if i["kind"] == "promise"]
    assert deck["due"] == "2026-11-09" and "deck" in deck["draft"]
    assert "Monday" not in deck["draft"]

    # 20 Nov: the deck is late and says so; the reminder shows on its day over the budget;
    # Yuki's follow-up has faded into a gentler reconnect.
    late = _items(amity, "2026-11-20")
    kinds = {(i["kind"], i["person"]["name"]) for i in late}
    assert ("reminder", "Laura Chen") in kinds
    (overdue,) = [i for i in late if i["kind"] == "promise"]
    assert "overdue" in overdue["reason"]
    faded = amity.ok("today", today="2026-11-20").out
    assert "reconnect" in faded and "Yuki Tanaka" in faded
    yuki = next(i for i in late if i["person"]["name"] == "Yuki Tanaka")
    assert "pleasure to meet" not in yuki["draft"].lower()
    assert amity("done", "Laura", today="2026-11-20").code == 2  # two items: which one?
    amity.ok("done", str(overdue["number"]), today="2026-11-20")
    assert not [i for i in _items(amity, "2026-11-21") if i["kind"] == "promise"]

    # A month on, she has given more than she took: the coach does not call her one-sided,
    # and the report says so in words.
    coach = amity.ok("coach", "--json", today="2026-12-01").json()
    assert "one_sided" not in {f["kind"] for f in coach["findings"]}
    balance = amity.ok("report", "--json", today="2026-12-01").json()["balance"]
    assert (balance["gave"], balance["received"]) == (1, 1)
    assert balance["phrase"] == "give and take is even"
