"""Maya, a final-year student looking for a first job, replays her November with
AMITY_TODAY: her LinkedIn export, a career fair, the follow-ups next morning, the replies,
a newer export, and three weeks later a check-in with the two who answered and a warning
that she has asked more than she gave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import Amity

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"
JUNE = FIXTURES / "Complete_LinkedInDataExport_06-15-2026.zip"
NOVEMBER = FIXTURES / "Complete_LinkedInDataExport_11-20-2026.zip"
FAIR = "the Plaid career fair"
MET = {  # who she met between booths, and the one line she typed
    "Priya Raman": ("--note", "She is moving her team to Dagster"),
    "Ben Okafor": (
        "--note",
        "Runs the new-grad interview loop",
        "--promise",
        "send my resume by Friday",
    ),
    "Chen Wei": ("--topic", "observability at Plaid"),
    "Dana Levi": ("--note", "Hiring for the data platform team"),
    "Eli Park": ("--note", "Loves bouldering"),
    "Farah Aziz": ("--note", "Talked about Rust tooling"),
}


def _today(amity: Amity, day: str) -> dict[str, Any]:
    view: dict[str, Any] = amity.ok("today", "--json", today=day).json()
    return view


def _open(view: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in view["items"] if item["state"] == "open"]


def _count(amity: Amity, day: str) -> int:
    return len(amity.ok("list", "--json", today=day).json()["results"])


def test_maya_s_month(amity: Amity) -> None:
    # 2 Nov: her LinkedIn export. The 394 she added once do not drown the agenda, and
    # nothing says she "met" anyone she only wrote to.
    amity.ok("import", "linkedin", str(JUNE), today="2026-11-02")
    imported = _count(amity, "2026-11-02")
    assert imported == 394
    first = _today(amity, "2026-11-02")
    assert len(first["items"]) <= 5
    assert not any(item["kind"] == "follow_up" for item in first["items"])
    assert not any(item["reason"].startswith("met") for item in first["items"])

    # 5 Nov, Thursday: the fair; one promise with a day in it.
    for name, line in MET.items():
        amity.ok("met", name, "--at", FAIR, *line, today="2026-11-05")

    # 6 Nov: six follow-ups (over the budget of five), each naming the fair, none alike,
    # and the promise due today; the numbers hold while she works through them.
    morning = _today(amity, "2026-11-06")
    follow_ups = [i for i in morning["items"] if i["kind"] == "follow_up"]
    assert sorted(i["person"]["name"] for i in follow_ups) == sorted(MET)
    assert all(FAIR in i["draft"] for i in follow_ups)
    assert len({i["draft"] for i in follow_ups}) == 6
    assert len({i["draft"].strip().splitlines()[-1] for i in follow_ups}) >= 3
    by_name = {i["person"]["name"]: i["draft"] for i in follow_ups}
    assert "observability at Plaid" in by_name["Chen Wei"]
    assert "Rust tooling" in by_name["Farah Aziz"]
    assert "Loves bouldering" not in by_name["Eli Park"]  # a liking, never "a chat about"
    assert "She is moving" not in by_name["Priya Raman"]  # never a whole note pasted
    (promise,) = [i for i in morning["items"] if i["kind"] == "promise"]
    assert promise["person"]["name"] == "Ben Okafor" and promise["due"] == "2026-11-06"
    assert "resume" in promise["draft"] and "Friday" not in promise["draft"]
    first_name = morning["items"][0]["person"]["name"]
    for item in morning["items"]:
        amity.ok("done", str(item["number"]), today="2026-11-06")
    again = amity.ok("done", "1", today="2026-11-06")
    assert "already done" in again.out and first_name in again.out
    assert all(i["state"] == "done" for i in _today(amity, "2026-11-06")["items"])
    next_day = _open(_today(amity, "2026-11-07"))
    assert not [i for i in next_day if i["kind"] in ("follow_up", "promise")]

    # Two answer; she asks four of them for referrals and gives nothing back.
    amity.ok("log", "Priya Raman", "--kind", "message", "--inbound", today="2026-11-08")
    amity.ok("log", "Ben Okafor", "--kind", "email", "--inbound", today="2026-11-09")
    for name in ("Ben Okafor", "Chen Wei", "Dana Levi", "Farah Aziz"):
        amity.ok("asked", name, "referral", "a referral for the backend role", today="2026-11-10")

    # 20 Nov: the newer export adds its new connections, creates nothing twice, and marks
    # the one who is gone without deleting him.
    amity.ok("import", "linkedin", str(NOVEMBER), today="2026-11-20")
    people = _count(amity, "2026-11-20")
    again_imported = amity.ok("import", "linkedin", str(NOVEMBER), today="2026-11-20")
    assert _count(amity, "2026-11-20") == people  # the same file twice changes nothing
    assert "0 created" in again_imported.out
    gone = amity.ok("show", "Viktor Schmidt", "--json", today="2026-11-20").json()
    assert gone["linkedin_missing_since"]

    # 26 Nov, three weeks after the fair: a check-in with the two who answered, not with
    # the four who did not, and the coach's warning about asking without giving.
    weeks_later = _open(_today(amity, "2026-11-26"))
    touched = {i["person"]["name"] for i in weeks_later if "answered" in i["reason"]}
    assert touched == {"Priya Raman", "Ben Okafor"}
    assert not {i["person"]["name"] for i in weeks_later} & {"Chen Wei", "Dana Levi"}
    coach = amity.ok("coach", "--json", today="2026-11-26").json()
    kinds = {finding["kind"]: finding for finding in coach["findings"]}
    assert kinds["one_sided"]["count"] == 4
    assert "gave nothing" in kinds["one_sided"]["advice"] + kinds["one_sided"]["evidence"]

    # The report counts the six she met, not the people her exports brought in.
    growth = amity.ok("report", "--json", today="2026-11-26").json()["growth"]
    assert growth["met"] == 6
