"""Worth it? A year of events replayed day by day with AMITY_TODAY: import the calendar,
plan, meet people there, debrief, follow up (or not), keep in touch (or not), and rank the
events and the communities 90 days on, against numbers worked out by hand."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Amity

FIXTURES = Path(__file__).parent / "fixtures" / "ics"
TODAY = "2026-11-22"


def _email(
    amity: Amity, name: str, day: str, *, inbound: bool = False, kind: str = "email"
) -> None:
    amity.ok(
        "log",
        name,
        "--kind",
        kind,
        "--inbound" if inbound else "--outbound",
        "--on",
        day,
        today=day,
    )


def _together(amity: Amity, name: str, day: str, kind: str) -> None:
    amity.ok("log", name, "--kind", kind, "--on", day, today=day)


def _replay(amity: Amity) -> None:
    """PyCon US (14 May): Ana, Ben, Cara, Dan and Eve. Followed up in the week: Ana and Ben
    the next day, Cara on day 6; Dan only on day 11 (too late to count), Eve never.
    Answered: Ana (and coffee, a call, two more coffees: a meaningful tie by 12 August),
    Ben (once: active, no more), Dan (twice: active); Cara never; Eve only from September,
    after her 90th day, so she does not count, however close she is today.
    Rust Meetup (18 June): Fay and Gus; Fay followed up, answered, met again three times
    (meaningful by 16 September); Gus never heard from. Design Night (29 October): Hal,
    followed up: too early to judge on 22 November."""
    amity.ok("init", today="2026-04-20")
    imported = amity.ok(
        "event", "import", str(FIXTURES / "scenario_events.ics"), today="2026-04-20"
    )
    assert "2 new events" in imported.out
    for name in ("Ana Lima", "Ben Ode", "Cara Diaz", "Dan Wu", "Eve Park"):
        amity.ok("met", name, "--at", "PyCon US", "--on", "2026-05-14", today="2026-05-14")
    amity.ok("edit", "Ana Lima", "--add-tag", "python", today="2026-05-14")
    amity.ok("edit", "Ben Ode", "--add-tag", "python", today="2026-05-14")
    amity.ok("event", "debrief", "PyCon US", today="2026-05-15")
    _email(amity, "Ana Lima", "2026-05-15")
    _email(amity, "Ben Ode", "2026-05-15")
    _email(amity, "Ana Lima", "2026-05-16", inbound=True)
    _email(amity, "Ben Ode", "2026-05-16", inbound=True)
    _email(amity, "Cara Diaz", "2026-05-20")
    _email(amity, "Dan Wu", "2026-05-25")
    _email(amity, "Dan Wu", "2026-05-26", inbound=True, kind="message")
    _together(amity, "Ana Lima", "2026-06-10", "coffee")
    plan = ("--on", "2026-06-18", "--time", "19:00", "--purpose", "meet people who write Rust")
    amity.ok("event", "plan", "Rust Meetup", *plan, today="2026-06-10")
    for name in ("Fay Chen", "Gus Berg"):
        amity.ok("met", name, "--at", "Rust Meetup", "--on", "2026-06-18", today="2026-06-18")
    amity.ok("event", "debrief", "Rust Meetup", today="2026-06-19")
    _email(amity, "Fay Chen", "2026-06-19")
    _email(amity, "Fay Chen", "2026-06-20", inbound=True)
    _email(amity, "Dan Wu", "2026-07-01", inbound=True, kind="message")
    _together(amity, "Ana Lima", "2026-07-02", "call")
    _together(amity, "Fay Chen", "2026-07-10", "coffee")
    _together(amity, "Ana Lima", "2026-07-20", "coffee")
    _together(amity, "Fay Chen", "2026-08-01", "call")
    _together(amity, "Ana Lima", "2026-08-05", "coffee")
    _together(amity, "Fay Chen", "2026-09-01", "coffee")
    for day in ("2026-09-01", "2026-09-20", "2026-10-05", "2026-10-25"):
        _together(amity, "Eve Park", day, "coffee")  # close now, but after her 90 days
    _together(amity, "Fay Chen", "2026-09-10", "call")
    amity.ok("met", "Hal Ito", "--at", "Design Night", "--on", "2026-10-29", today="2026-10-29")
    _email(amity, "Hal Ito", "2026-10-30")


def test_the_ranking_a_year_on_matches_the_numbers_worked_out_by_hand(amity: Amity) -> None:
    _replay(amity)
    doc = amity.ok("events", "--rank", "--json", today=TODAY).json()
    events = [{k: e[k] for k in (
        "name", "date", "met", "followed_up", "active_after_90_days", "meaningful_after_90_days"
    )} for e in doc["events"]]  # fmt: skip
    assert events == [
        {"name": "PyCon US", "date": "2026-05-14", "met": 5, "followed_up": 3,
         "active_after_90_days": 3, "meaningful_after_90_days": 1},
        {"name": "Rust Meetup", "date": "2026-06-18", "met": 2, "followed_up": 1,
         "active_after_90_days": 1, "meaningful_after_90_days": 1},
        {"name": "Design Night", "date": "2026-10-29", "met": 1, "followed_up": 1,
         "active_after_90_days": None, "meaningful_after_90_days": None},
    ]  # fmt: skip
    sources = {s["name"]: (s["met"], s["active_after_90_days"]) for s in doc["sources"]}
    assert sources == {"met at PyCon US": (5, 3), "met at Rust Meetup": (2, 1), "#python": (2, 2)}
    assert [s["name"] for s in doc["sources"]] == [
        "#python",
        "met at PyCon US",
        "met at Rust Meetup",
    ]


def test_the_ranking_on_the_screen_says_too_early_and_why_the_order(amity: Amity) -> None:
    _replay(amity)
    out = amity.ok("events", "--rank", today=TODAY).out
    lines = out.splitlines()
    assert lines[0] == "Events, best first"
    assert lines[2].split()[:2] == ["1.", "PyCon"]
    assert "3 (60%)" in lines[2]
    assert lines[3].split()[:3] == ["2.", "Rust", "Meetup"]
    assert "Design Night" in lines[4] and lines[4].count("too early") == 2
    assert "the most lasting ties made there" in out
    assert "Communities and sources (people first met 2026-02-25 to 2026-08-24)" in out


def test_before_the_90th_day_every_event_is_too_early(amity: Amity) -> None:
    _replay(amity)
    doc = amity.ok("events", "--rank", "--json", today="2026-08-01").json()
    pycon = doc["events"][-1]
    assert (pycon["name"], pycon["active_after_90_days"]) == ("PyCon US", None)
    assert pycon["followed_up"] == 3
    assert doc["sources"] == []  # no one first met a year before 90 days ago
    out = amity.ok("events", "--rank", today="2026-08-01").out
    assert "Communities and sources: none to rank yet." in out


def test_an_empty_home_and_plain_events_say_what_to_do(amity: Amity) -> None:
    assert "amity events --rank" in amity.ok("events").out
    assert "No past events yet" in amity.ok("events", "--rank").out
    assert amity.ok("events", "--rank", "--json").json()["events"] == []
