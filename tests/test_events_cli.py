"""`amity event`: plan, edit, list, show, brief and debrief as a user types them, on both
engines; unknown names exit 2 with one line; reads write nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Amity


def _network(amity: Amity) -> None:
    amity.ok("add", "Ana Reyes", "--company", "Plaid", "--title", "Engineering Manager")
    amity.ok("add", "Ben Ode", "--company", "Stripe", "--title", "Engineer")
    amity.ok("knows", "Ben Ode", "Ana Reyes")


def test_plan_shows_what_was_planned_and_planning_again_changes_it(amity: Amity) -> None:
    _network(amity)
    out = amity.ok("event", "plan", "Fintech Fair", "--on", "2026-11-25", "--time", "9:30",
                   "--at", "Moscone West", "--purpose", "meet payments engineers",
                   "--company", "Plaid", "--role", "engineering manager",
                   "--person", "Ben Ode").out  # fmt: skip
    assert out.startswith("Planned #1 Fintech Fair on 2026-11-25 09:30\n")
    assert "Companies: Plaid" in out and "Hoping to meet: Ben Ode" in out
    assert "Pitch: At Fintech Fair I'm hoping to meet payments engineers." in out
    again = amity.ok("event", "plan", "fintech fair", "--on", "2026-11-25", "--company", "Stripe",
                     "--json").json()  # fmt: skip
    assert again["created"] is False
    assert again["event"]["companies"] == ["Plaid", "Stripe"]
    assert again["event"]["place"] == "Moscone West"  # not given: kept
    other_day = amity.ok("event", "plan", "Fintech Fair", "--on", "2027-11-25", "--json").json()
    assert other_day["created"] is True and other_day["event"]["id"] == 2


def test_unknown_people_goals_events_and_bad_input_exit_2(amity: Amity) -> None:
    _network(amity)
    for args, said in (
        (("--person", "Nobody Known"), "Nobody Known"),
        (("--goal", "fintech"), "no goal matches 'fintech'"),
        (("--time", "25:00"), "not a time"),
    ):
        result = amity("event", "plan", "Fair", "--on", "2026-11-25", *args)
        assert result.code == 2, result
        assert said in result.err and "Traceback" not in result.err
    bad_day = amity("event", "plan", "Fair", "--on", "someday maybe")
    assert bad_day.code == 2 and "is not a day" in bad_day.err
    assert amity.ok("event", "list", "--json").json() == {"events": []}  # nothing half-written
    missing = amity("event", "show", "Fintech Fiar")
    assert missing.code == 2 and "no event is called 'Fintech Fiar'" in missing.err


def test_list_puts_upcoming_first_and_past_ones_with_all(amity: Amity) -> None:
    amity.ok("event", "plan", "PyCon", "--on", "2026-05-15")
    amity.ok("event", "plan", "Demo Day", "--on", "2026-12-10")
    amity.ok("event", "plan", "Meetup", "--on", "2026-11-22")
    names = [e["name"] for e in amity.ok("event", "list", "--json").json()["events"]]
    assert names == ["Meetup", "Demo Day"]
    names = [e["name"] for e in amity.ok("event", "list", "--all", "--json").json()["events"]]
    assert names == ["Meetup", "Demo Day", "PyCon"]
    assert (
        "#3    2026-11-22       Meetup (planned, hoping to meet 0)" in amity.ok("event", "list").out
    )


def test_show_gives_the_warm_paths_to_the_targets(amity: Amity) -> None:
    _network(amity)
    amity.ok("event", "plan", "Fair", "--on", "2026-11-25", "--company", "Plaid",
             "--company", "Nowhere Inc")  # fmt: skip
    shown = amity.ok("event", "show", "Fair", "--json").json()
    paths = {p["target"]: p for p in shown["paths"]}
    assert paths["Plaid"]["path"] == ["Ana Reyes"]
    assert paths["Nowhere Inc"]["path"] == []
    text = amity.ok("event", "show", "1").out
    assert "Nowhere Inc: nobody you know is at Nowhere Inc yet" in text


def test_edit_changes_fields_and_an_empty_pitch_goes_back_to_the_written_one(amity: Amity) -> None:
    amity.ok("event", "plan", "Fair", "--on", "2026-11-25", "--pitch", "Hi, I'm Maya.")
    assert amity.ok("event", "show", "Fair", "--json").json()["pitch"] == "Hi, I'm Maya."
    edited = amity.ok("event", "edit", "Fair", "--pitch", "", "--purpose", "meet founders",
                      "--name", "Founders Fair", "--on", "2026-11-26", "--json").json()  # fmt: skip
    assert edited["name"] == "Founders Fair" and edited["date"] == "2026-11-26"
    assert edited["pitch"] == "At Founders Fair I'm hoping to meet founders."


def test_no_profile_and_no_goal_says_how_to_get_a_pitch(amity: Amity) -> None:
    out = amity.ok("event", "plan", "Fair", "--on", "2026-11-25").out
    assert "No pitch yet: import your LinkedIn export" in out and "--pitch" in out


def test_brief_prints_markdown_and_writes_printable_html(amity: Amity, tmp_path: Path) -> None:
    _network(amity)
    amity.ok("log", "Ben Ode", "--kind", "coffee", "--on", "2026-11-01", "--note", "Go services")
    amity.ok("event", "plan", "Fair", "--on", "2026-11-25", "--person", "Ben Ode",
             "--purpose", "find a backend role")  # fmt: skip
    md = amity.ok("event", "brief", "Fair").out
    assert md.startswith("# Brief: Fair\n")
    assert "### Ben Ode (hoping to meet)" in md and "- Last talk: 2026-11-01: Go services" in md
    assert "- Last time we talked about Go services: where has that gone since?" in md
    out = tmp_path / "brief.html"
    said = amity.ok("event", "brief", "Fair", "-o", str(out)).out
    assert said.startswith("Wrote the brief for Fair to ")
    page = out.read_text()
    assert "@media print" in page and "<h3>Ben Ode" in page
    unwritable = amity("event", "brief", "Fair", "-o", str(tmp_path / "no" / "b.html"))
    assert unwritable.code == 1 and "cannot write" in unwritable.err


def test_met_at_links_the_meeting_and_debrief_confirms_follow_ups(amity: Amity) -> None:
    _network(amity)
    amity.ok("event", "plan", "Fair", "--on", "2026-11-22", "--person", "Ana Reyes")
    amity.ok("met", "Lee Park", "--at", "fair", "--note", "Stripe engineer, talked Go")
    amity.ok("met", "Ben Ode", "--at", "Fair")
    shown = amity.ok("event", "show", "Fair", "--json").json()
    roles = {p["name"]: p["role"] for p in shown["people"]}
    assert roles == {"Lee Park": "met", "Ben Ode": "met", "Ana Reyes": "target"}
    done = amity.ok("event", "debrief", "Fair", "--json", today="2026-11-23").json()
    assert [(m["name"], m["follow_up_due"], m["follow_up_created"]) for m in done["met"]] == [
        ("Lee Park", "2026-11-23", False),
        ("Ben Ode", "2026-11-23", False),
    ]
    assert [p["name"] for p in done["targets_not_met"]] == ["Ana Reyes"]
    assert done["status"] == "attended" and done["debriefed_on"] == "2026-11-23"
    text = amity.ok("event", "debrief", "Fair", "--skipped", today="2026-11-23").out
    assert text.startswith("Debriefed Fair: skipped, 2 met")
    assert "  Lee Park (met 2026-11-22): follow-up due today\n" in text
    late = amity.ok("event", "debrief", "Fair", today="2026-11-25").out  # days later: how late
    assert "  Ben Ode (met 2026-11-22): follow-up due Monday 23 Nov, 2 days overdue\n" in late


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def test_reads_write_nothing(amity: Amity) -> None:
    amity.ok("event", "plan", "Fair", "--on", "2026-11-25")
    before = json.dumps(amity.ok("event", "show", "Fair", "--json").json())
    for args in (("list",), ("list", "--all"), ("show", "Fair"), ("brief", "Fair")):
        amity.ok("event", *args)
    assert json.dumps(amity.ok("event", "show", "Fair", "--json").json()) == before


def test_met_at_takes_the_event_of_that_day_not_next_year_s(amity: Amity) -> None:
    amity.ok("event", "plan", "PyCon", "--on", "2026-11-20")
    amity.ok("event", "plan", "PyCon", "--on", "2027-11-20")
    amity.ok("met", "Grace Hopper", "--at", "pycon", "--on", "2026-11-20")
    this_year = amity.ok("event", "show", "1", "--json").json()
    assert [p["name"] for p in this_year["people"]] == ["Grace Hopper"]
    assert amity.ok("event", "show", "2", "--json").json()["people"] == []
    amity.ok("met", "Alan Turing", "--at", "a friend's dinner")  # a place, not an event
    assert [e["met"] for e in amity.ok("event", "list", "--all", "--json").json()["events"]] == [
        0,
        1,
    ]


def test_the_agenda_s_event_items_can_be_done_and_snoozed(amity: Amity) -> None:
    amity.ok("event", "plan", "Fair", "--on", "2026-11-23", "--time", "18:00")
    today = amity.ok("today", "--json").json()["items"]
    assert [(i["id"], i["reason"]) for i in today] == [
        ("event:1:brief", "Read your brief for Fair, tomorrow at 18:00")
    ]
    assert "   amity event brief 1" in _lines(amity.ok("today").out)
    assert amity.ok("snooze", "1", "1").out.startswith("Snoozed until 2026-11-23: Fair")
    amity.ok("met", "Lee Park", "--at", "Fair", today="2026-11-23")
    items = amity.ok("today", "--json", today="2026-11-24").json()["items"]
    debrief = [i for i in items if i["id"] == "event:1:debrief"]
    assert [i["reason"] for i in debrief] == ["Debrief Fair: you met 1 person"]
    shown = amity.ok("today", today="2026-11-24").out  # the text says what to run
    lines = _lines(shown)
    at = next(i for i, line in enumerate(lines) if line.endswith(". Fair  event"))
    assert lines[at + 1 : at + 3] == [
        "   Debrief Fair: you met 1 person",
        "   amity event debrief 1",
    ]
    number = str(debrief[0]["number"])
    assert amity.ok("done", number, today="2026-11-24").out.startswith("Done: Fair (Debrief")
    later = amity.ok("today", "--json", today="2026-11-25").json()["items"]
    assert not [i for i in later if i["id"].startswith("event:")]
