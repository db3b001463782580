"""`amity goal`: Maya sets "backend role at a fintech" aimed at Plaid, meets people there
over three weeks, makes an introduction, and `amity goal show` counts it all (the numbers
checked by hand below); her agenda brings the goal up every few days with the ask drafted.
On SQLite and PostgreSQL, through the real entry point with `--today`."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.conftest import Amity

ASK = (
    "For your goal \u201cbackend role at a fintech\u201d, Ana Ruiz can introduce you to "
    "Lee Park at Plaid"
)


def _maya(amity: Amity) -> None:
    """Her TA Ana, who worked with Lee at Plaid's competitor and knows him well; Lee at
    Plaid, added from LinkedIn, never talked to; a classmate, Priya."""
    amity.ok(
        "add",
        "Ana Ruiz",
        "--company",
        "State University",
        "--title",
        "Teaching Assistant",
        "--circle",
        "close",
        today="2026-10-01",
    )
    amity.ok(
        "add", "Lee Park", "--company", "Plaid", "--title", "Backend Engineer", today="2026-10-01"
    )
    amity.ok(
        "add",
        "Priya Shah",
        "--company",
        "State University",
        "--title",
        "Student",
        today="2026-10-01",
    )
    amity.ok("log", "Ana Ruiz", "--kind", "coffee", "--note", "thesis", today="2026-10-05")
    amity.ok(
        "knows",
        "Ana Ruiz",
        "Lee Park",
        "--how",
        "worked together at Stripe",
        "--strength",
        "strong",
        today="2026-10-05",
    )


def _goal_items(amity: Amity, day: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = amity.ok("today", "--json", today=day).json()["items"]
    return [item for item in items if str(item["id"]).startswith("goal:")]


def test_maya_sets_a_goal_and_sees_it_move(amity: Amity) -> None:
    _maya(amity)
    added = amity.ok(
        "goal",
        "add",
        "Backend role at a fintech",
        "--company",
        "Plaid",
        "--by",
        "2027-06-30",
        "--why",
        "first job after graduation",
        today="2026-11-02",
    )
    assert "Goal #1: Backend role at a fintech, by 2027-06-30 (240 days left)" in added.out
    assert "Aims at: Plaid (company)" in added.out

    first = amity.ok("goal", "show", "fintech", today="2026-11-02")
    assert "Since 2026-11-02 (set that day):" in first.out
    assert "  New ties at the targets: 0\n" in first.out
    assert "  People at the targets: 1\n" in first.out
    assert "you \u2192 Ana Ruiz \u2192 Lee Park" in first.out
    # Lee is a faint direct link (in the contacts, never in touch): Ana's introduction is
    # the warmer way in, and the draft asks her for it.
    assert (
        "Next: Ask Ana Ruiz to introduce you to Lee Park (Backend Engineer at Plaid)" in first.out
    )
    assert "Draft to Ana Ruiz:\n  Hi Ana," in first.out
    assert "would you be open to introducing us?" in first.out

    # A week of it: a recruiter from Plaid at the fair, coffee with Lee (Ana introduced
    # them), and Maya herself introduces Lee to Priya, who builds a payments side project.
    amity.ok(
        "add",
        "Sam Ortiz",
        "--company",
        "Plaid",
        "--title",
        "Engineering Manager",
        today="2026-11-05",
    )
    amity.ok(
        "met",
        "Sam Ortiz",
        "--at",
        "Career fair",
        "--note",
        "backend team hiring",
        today="2026-11-05",
    )
    amity.ok(
        "log", "Lee Park", "--kind", "coffee", "--note", "the backend team", today="2026-11-10"
    )
    amity.ok(
        "log", "Lee Park", "--kind", "message", "--outbound", "--note", "thanks", today="2026-11-11"
    )
    amity.ok(
        "intro", "Lee Park", "Priya Shah", "--reason", "payments side project", today="2026-11-12"
    )
    for step, day in (
        ("asked", "12"),
        ("agreed", "13"),
        ("asked", "13"),
        ("agreed", "14"),
        ("made", "15"),
    ):
        amity.ok("intro", step, "1", today=f"2026-11-{day}")

    shown = amity.ok("goal", "show", "1", "--json", today="2026-11-20").json()
    # By hand: Sam was added on the 5th and Lee first talked to on the 10th, both after
    # the goal was set on the 2nd; two meetings (the fair, the coffee; the thank-you is a
    # message); one introduction, asked on the 12th and made on the 15th; from the 20th
    # to 30 June: 10 + 31 + 31 + 28 + 31 + 30 + 31 + 30 = 222 days.
    assert [p["name"] for p in shown["new_ties"]] == ["Lee Park", "Sam Ortiz"]
    assert shown["people_at_targets"] == 2
    assert [(m["person"], m["kind"], m["on"]) for m in shown["meetings"]] == [
        ("Sam Ortiz", "met", "2026-11-05"),
        ("Lee Park", "coffee", "2026-11-10"),
    ]
    assert (shown["introductions"]["asked"], shown["introductions"]["made"]) == (1, 1)
    assert shown["days_left"] == 222
    assert shown["since"] == "2026-11-02" and shown["since_goal_set"] is True
    assert shown["warm_paths"], "Lee and Sam are reachable"
    text = amity.ok("goal", "show", "fintech", today="2026-11-20").out
    assert "  New ties at the targets: 2 (Lee Park, Sam Ortiz)\n" in text
    assert "  Introductions: 1 asked, 1 made\n" in text
    assert "  Meetings: 2 (Sam Ortiz 2026-11-05, Lee Park 2026-11-10)\n" in text

    # Two weeks after the introduction: asking Lee and Priya how it went is Maya's move.
    later = amity.ok("goal", "show", "fintech", "--json", today="2026-11-30").json()
    assert later["next_step"]["text"].startswith("Introduction #1: ")

    amity.ok("goal", "done", "fintech", today="2026-12-01")
    assert amity.ok("goal", "list", "--json", today="2026-12-01").json() == {"goals": []}
    everything = amity.ok("goal", "--all", "--json", today="2026-12-01").json()["goals"]
    assert [(g["title"], g["status"], g["closed_on"]) for g in everything] == [
        ("Backend role at a fintech", "done", "2026-12-01")
    ]


def test_the_agenda_brings_the_goal_up_every_few_days(amity: Amity) -> None:
    _maya(amity)
    amity.ok("goal", "add", "Backend role at a fintech", "--company", "Plaid", today="2026-11-02")
    days = [f"2026-11-{day:02d}" for day in range(2, 14)]
    shown = {day: _goal_items(amity, day) for day in days}
    with_item = [day for day in days if shown[day]]
    # Every third day, never two days running; here 3, 6, 9 and 12 November, except where
    # Ana's own check-in falls due (one item per person a day: the check-in wins).
    assert with_item and all(date.fromisoformat(d).toordinal() % 3 == 0 for d in with_item)
    assert len(with_item) <= 4
    [item] = shown[with_item[0]]
    assert item["reason"] == ASK
    assert item["person"]["name"] == "Ana Ruiz" and item["kind"] == "check_in"
    assert item["draft"].startswith(
        "Hi Ana, I hope you're well! I'm hoping to talk to someone at Plaid."
    )
    assert "I saw you know Lee Park: would you be open to introducing us?" in item["draft"]

    # She asks Ana (done on the agenda): that path is not offered again, and for two weeks
    # the goal rests.
    listing = amity.ok("today", "--json", today=with_item[0]).json()["items"]
    number = next(i["number"] for i in listing if i["id"] == item["id"])
    amity.ok("done", str(number), today=with_item[0])
    after = date.fromisoformat(with_item[0]).toordinal()
    for offset in range(1, 20):
        day = date.fromordinal(after + offset).isoformat()
        assert all(i["id"] != item["id"] for i in _goal_items(amity, day)), day


def test_a_goal_named_badly_exits_2_with_a_clear_message(amity: Amity) -> None:
    _maya(amity)
    amity.ok("goal", "add", "Backend role at a fintech", today="2026-11-02")
    amity.ok("goal", "add", "Backend mentor", today="2026-11-02")
    ambiguous = amity("goal", "show", "backend", today="2026-11-02")
    assert ambiguous.code == 2 and "could be 2 goals" in ambiguous.err
    assert "Backend mentor" in ambiguous.err and "Backend role at a fintech" in ambiguous.err
    unknown = amity("goal", "show", "astronaut", today="2026-11-02")
    assert unknown.code == 2 and "no goal called 'astronaut'" in unknown.err
    nobody = amity("goal", "add", "Meet a designer", "--person", "Zed Nobody", today="2026-11-02")
    assert nobody.code == 2 and "Zed Nobody" in nobody.err and "Traceback" not in nobody.err
    past = amity("goal", "add", "Too late", "--by", "2026-01-01", today="2026-11-02")
    assert past.code == 2 and "in the past" in past.err
    empty = amity("goal", "add", "  ", today="2026-11-02")
    assert empty.code == 2 and "needs a title" in empty.err
    twice = amity(
        "goal", "add", "backend role at a FINTECH", "--by", "2027-06-01", today="2026-11-02"
    )
    assert twice.code == 2 and 'goal #1 "Backend role at a fintech" is already open' in twice.err
    assert len(amity.ok("goal", "list", "--json", today="2026-11-02").json()["goals"]) == 2
    amity.ok("goal", "drop", "1", today="2026-11-03")  # a closed goal's title is free again
    amity.ok("goal", "add", "Backend role at a fintech", today="2026-11-03")
    back = amity("goal", "edit", "1", "--reopen", today="2026-11-03")  # but not twice open
    assert back.code == 2 and 'goal #3 "Backend role at a fintech" is already open' in back.err
    renamed = amity("goal", "edit", "2", "--title", "Backend Role at a Fintech", today="2026-11-03")
    assert renamed.code == 2 and "goal #3" in renamed.err
    amity.ok("goal", "edit", "3", "--title", "backend role at a fintech", today="2026-11-03")


def test_editing_a_goal(amity: Amity) -> None:
    _maya(amity)
    amity.ok(
        "goal",
        "add",
        "Fintech job",
        "--company",
        "Plaid",
        "--company",
        "Stripe",
        today="2026-11-02",
    )
    edited = amity.ok(
        "goal",
        "edit",
        "fintech",
        "--title",
        "Backend role at a fintech",
        "--remove",
        "stripe",
        "--role",
        "backend engineer",
        "--person",
        "Lee",
        "--by",
        "2027-03-01",
        "--json",
        today="2026-11-03",
    ).json()["goal"]
    assert edited["title"] == "Backend role at a fintech"
    assert edited["due_on"] == "2027-03-01"
    assert edited["targets"] == [
        {"kind": "company", "value": "Plaid"},
        {"kind": "role", "value": "backend engineer"},
        {"kind": "person", "value": "Lee Park", "person_id": 2},
    ]
    missing = amity("goal", "edit", "1", "--remove", "Google", today="2026-11-03")
    assert missing.code == 2 and "has no target 'Google'" in missing.err
    undated = amity.ok("goal", "edit", "1", "--no-date", "--json", today="2026-11-03").json()
    assert undated["goal"]["due_on"] is None
    amity.ok("goal", "drop", "1", today="2026-11-04")
    reopened = amity.ok("goal", "edit", "1", "--reopen", "--json", today="2026-11-05").json()
    assert reopened["goal"]["status"] == "active" and reopened["goal"]["closed_on"] is None


def test_a_goals_targets_steer_the_suggested_introductions(amity: Amity) -> None:
    """Two people who should meet over payments infrastructure: once a goal aims at the
    role, the suggestion says it serves the goal (the role's words are the goal's)."""
    amity.ok("add", "Rita Gomez", today="2026-11-01")
    amity.ok("add", "Omar Haddad", today="2026-11-01")
    amity.ok(
        "edit", "Rita Gomez", "--needs", "advice on payments infrastructure", today="2026-11-01"
    )
    amity.ok(
        "edit",
        "Omar Haddad",
        "--offers",
        "ten years of payments infrastructure",
        today="2026-11-01",
    )
    for name in ("Rita Gomez", "Omar Haddad"):
        amity.ok("log", name, "--kind", "call", today="2026-11-01")
    before = amity.ok("intros", "--json", today="2026-11-02").json()
    assert before["suggestions"] and "goal" not in before["suggestions"][0]["reason"]
    amity.ok(
        "goal", "add", "Grow my network", "--role", "payments infrastructure", today="2026-11-02"
    )
    after = amity.ok("intros", "--json", today="2026-11-02").json()["suggestions"]
    assert "It serves your goal \u201cGrow my network\u201d." in after[0]["reason"]
