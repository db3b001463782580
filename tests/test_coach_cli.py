"""The coach through the CLI: true facts, one finding per pattern, a handful on screen."""

from __future__ import annotations

from datetime import date
from typing import Any

from amity.cli.render_report import SHOWN_FINDINGS, coach_renderable
from amity.cli.screen import Screen
from amity.engines.coach import FindingKind, Severity
from amity.service.coaching import CoachFinding, CoachReport
from amity.service.person_ref import PersonRef
from tests.conftest import Amity

FAIR = ("Ana Lopez", "Ben Ito", "Cy Park", "Dee Ray", "Eve Zhu", "Fay Wu")


def _findings(amity: Amity, day: str) -> dict[str, dict[str, Any]]:
    data = amity.ok("coach", "--json", today=day).json()
    kinds = [f["kind"] for f in data["findings"]]
    assert len(kinds) == len(set(kinds)), "one finding per kind"
    return {f["kind"]: f for f in data["findings"]}


def test_someone_called_yesterday_is_not_said_to_have_heard_nothing(amity: Amity) -> None:
    for name in ("Ana Lopez", "Ben Ito", "Cy Park"):
        amity.ok("met", name, "--at", "Expo", "--on", "2026-10-01", today="2026-10-01")
    amity.ok("log", "Ana Lopez", "--kind", "call", today="2026-11-29")
    amity.ok("log", "Cy Park", "--kind", "message", "--inbound", today="2026-10-20")
    quiet = _findings(amity, "2026-11-30")["went_quiet"]
    assert quiet["count"] == 1
    assert [p["name"] for p in quiet["people"]] == ["Ben Ito"]
    text = amity.ok("coach", today="2026-11-30").out
    assert "1 person you met at Expo on 1 October 2026 never heard from you again: Ben Ito." in (
        " ".join(text.split())
    )
    assert "Ana Lopez" not in text


def test_maya_three_weeks_after_the_fair(amity: Amity) -> None:
    """Six met at the fair, all followed up the next day, two answered, four asked for
    referrals: the coach warns about give and take and never says they went quiet."""
    for name in FAIR:
        amity.ok("met", name, "--at", "Career Fair", today="2026-11-02")
    for name in FAIR:
        amity.ok("log", name, "--kind", "message", "--outbound", today="2026-11-03")
    for name in FAIR[:2]:
        amity.ok("log", name, "--kind", "message", "--inbound", today="2026-11-05")
    for name in FAIR[2:]:
        amity.ok("asked", name, "referral", "a referral for the backend role", today="2026-11-20")
    found = _findings(amity, "2026-11-23")
    assert "went_quiet" not in found and "going_cold" not in found
    assert "late_follow_up" not in found  # every follow-up went out the next day
    one_sided = found["one_sided"]
    assert one_sided["count"] == 4
    assert {p["name"] for p in one_sided["people"]} == set(FAIR[2:])
    assert set(one_sided) >= {"kind", "count", "people", "advice"}
    assert all(set(p) == {"id", "name"} for p in one_sided["people"])
    assert one_sided["evidence"].startswith(
        "In the last 3 months you asked 4 people for referrals and gave nothing back: "
    )
    text = " ".join(amity.ok("coach", today="2026-11-23").out.split())
    assert "asked 4 people for referrals and gave nothing back" in text
    for name in FAIR[:2]:  # who answered: the agenda's second touch, not the coach's advice
        assert name not in text
    # Once she gives back, the warning goes.
    for name in FAIR[2:4]:
        amity.ok("gave", name, "resource", "the article we talked about", today="2026-11-24")
    assert "one_sided" not in _findings(amity, "2026-11-25")


def test_a_handful_on_screen_and_all_with_all() -> None:
    people = tuple(PersonRef(n, f"Person {n}") for n in range(1, 13))
    kinds = list(FindingKind)[:7]
    data = CoachReport(
        date(2026, 11, 22),
        tuple(
            CoachFinding(
                kind,
                12,
                people,
                f"advice {n}",
                f"evidence {n}: Person 1, Person 2, Person 3, and 9 more.",
                Severity.MEDIUM,
                (),
            )
            for n, kind in enumerate(kinds, start=1)
        ),
    )
    named = [kind.value.replace("_", " ") for kind in kinds]
    short = Screen(width=120, color=False).text(coach_renderable(data))
    assert f"{SHOWN_FINDINGS}. {named[SHOWN_FINDINGS - 1]}" in short
    assert named[SHOWN_FINDINGS] not in short
    assert "2 more findings · amity coach --all lists everyone" in short
    assert "Person 12" not in short
    everything = Screen(width=120, color=False).text(coach_renderable(data, show_all=True))
    assert f"7. {named[6]}" in everything and "· Person 12" in everything
    assert "--all" not in everything
    assert data.as_dict()["findings"][0] == {
        "kind": kinds[0].value,
        "count": 12,
        "people": [{"id": n, "name": f"Person {n}"} for n in range(1, 13)],
        "advice": "advice 1",
        "evidence": "evidence 1: Person 1, Person 2, Person 3, and 9 more.",
        "severity": "medium",
        "details": [],
    }


def test_coach_all_lists_every_person(amity: Amity) -> None:
    for n in range(1, 8):
        amity.ok("met", f"Guest Number{n}", "--at", "Expo", today="2026-10-01")
    text = " ".join(amity.ok("coach", today="2026-11-30").out.split())
    assert "7 people you met at Expo on 1 October 2026 never heard from you again" in text
    assert "and 4 more" in text
    everyone = amity.ok("coach", "--all", today="2026-11-30").out
    assert all(f"Guest Number{n}" in everyone for n in range(1, 8))
    data = _findings(amity, "2026-11-30")["went_quiet"]
    assert data["count"] == len(data["people"]) == 7


def test_a_cold_strong_tie_is_named_only_when_the_agenda_has_their_check_in_due(
    amity: Amity,
) -> None:
    """The coach and the agenda agree: 'check in with X' only once X's check-in is due."""
    amity.ok("add", "Old Friend", "--circle", "close")
    amity.ok("add", "Yearly Mentor", "--circle", "close", "--every", "400")
    for name in ("Old Friend", "Yearly Mentor"):
        for month in range(1, 13):
            day = f"2025-{month:02d}-10"
            amity.ok("log", name, "--kind", "coffee", "--on", day, today=day)
    found = _findings(amity, "2026-07-01")
    cold = found["going_cold"]
    assert [p["name"] for p in cold["people"]] == ["Old Friend"]
    assert "Yearly Mentor" not in cold["evidence"] + cold["advice"]
    assert cold["evidence"].endswith("Your last contact with Old Friend was 7 months ago.")
    assert cold["advice"].startswith("Check in with Old Friend this week")
    agenda = amity.ok("today", "--json", "--no-drafts", today="2026-07-01").json()["items"]
    assert "Yearly Mentor" not in {i["person"]["name"] for i in agenda}
    amity.ok("log", "Old Friend", "--kind", "call", today="2026-06-30")
    assert "going_cold" not in _findings(amity, "2026-07-01")  # a call yesterday warms it
