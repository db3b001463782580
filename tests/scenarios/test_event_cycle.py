"""An event's whole arc, replayed with AMITY_TODAY as Maya would live it: she plans the
fair with a purpose and who she hopes to see, reads her brief the day before (the agenda
says so), types a name and a line for each of six people between booths, and the next
morning her agenda has the six follow-ups naming the fair and a debrief; the debrief finds
every follow-up in place, and the day after it is off the agenda while the follow-ups stay."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import Amity

JUNE = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"
EXPORT = JUNE / "Complete_LinkedInDataExport_06-15-2026.zip"
FAIR = "Plaid career fair"
MET = {
    "Priya Raman": "She is moving her team to Dagster",
    "Ben Okafor": "Runs the new-grad interview loop",
    "Chen Wei": "Observability at Plaid",
    "Dana Levi": "Hiring for the data platform team",
    "Eli Park": "Loves bouldering",
    "Farah Aziz": "Talked about Rust tooling",
}


def _open(amity: Amity, day: str) -> list[dict[str, Any]]:
    view = amity.ok("today", "--json", "--budget", "10", today=day).json()
    return [item for item in view["items"] if item["state"] == "open"]


def test_plan_brief_attend_debrief_follow_up(amity: Amity) -> None:
    amity.ok("import", "linkedin", str(EXPORT), today="2026-11-02")
    planned = amity.ok("event", "plan", FAIR, "--on", "2026-11-05", "--time", "10:00",
                       "--at", "Moscone West", "--purpose", "find a backend role at a fintech",
                       "--company", "Plaid", "--person", "Kenji Kowalski", "--json",
                       today="2026-11-03").json()  # fmt: skip
    assert planned["event"]["pitch"] == (
        "I'm Alex Rivera, a backend engineer moving into fintech. At Plaid career fair I'm "
        "hoping to find a backend role at a fintech."
    )

    # The day before: read the brief.
    items = _open(amity, "2026-11-04")
    brief_items = [i for i in items if i["id"].endswith(":brief")]
    assert [i["reason"] for i in brief_items] == [
        "Read your brief for Plaid career fair, tomorrow at 10:00"
    ]
    brief = amity.ok("event", "brief", FAIR, today="2026-11-04").out
    assert "### Kenji Kowalski (hoping to meet)" in brief
    assert "- Works as: Research Scientist" in brief
    assert "- What part of your work are you most absorbed in right now?" in brief
    assert "invitation" not in brief.split("Ask:")[1]  # an imported invitation is no talk
    assert "## Why you are going\n\nFind a backend role at a fintech.\n" in brief
    assert "## Your pitch\n\nI'm Alex Rivera" in brief

    # On the day: a name and a line each.
    for name, note in MET.items():
        amity.ok("met", name, "--at", "plaid career fair", "--note", note, today="2026-11-05")
    assert not [i for i in _open(amity, "2026-11-05") if i["id"].startswith("event:")]

    # Next morning: six follow-ups naming the fair, and the debrief.
    items = _open(amity, "2026-11-06")
    follow_ups = [i for i in items if i["kind"] == "follow_up"]
    assert sorted(i["person"]["name"] for i in follow_ups) == sorted(MET)
    assert all(FAIR in i["reason"] for i in follow_ups)  # its name, not as typed
    debriefs = [i["reason"] for i in items if i["id"].endswith(":debrief")]
    assert debriefs == ["Debrief Plaid career fair: you met 6 people"]
    done = amity.ok("event", "debrief", FAIR, "--json", today="2026-11-06").json()
    assert len(done["met"]) == 6 and done["follow_ups_created"] == 0
    assert {m["follow_up_due"] for m in done["met"]} == {"2026-11-06"}
    assert [p["name"] for p in done["targets_not_met"]] == ["Kenji Kowalski"]
    assert done["status"] == "attended"

    # The day after: no debrief, the follow-ups not sent are still there.
    items = _open(amity, "2026-11-07")
    assert not [i for i in items if i["id"].startswith("event:")]
    assert len([i for i in items if i["kind"] == "follow_up"]) == 6
