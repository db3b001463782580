"""An event's brief over a small network written by hand, snapshotted in Markdown and in
HTML (`tests/snapshots/event-brief.md`, `event-brief.html`): read them as Aisha would on the
train before accepting a change. `AMITY_UPDATE_SNAPSHOTS=1 pytest tests/test_event_brief.py`
rewrites them."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from amity.model import InteractionKind
from amity.service.event_brief import brief_text, event_brief
from amity.service.events import EventPlan, plan_event, resolve_goal
from amity.service.interactions import Happening, log
from amity.service.people import NewPerson, add_person
from amity.service.settings import preferences
from amity.store import Store
from amity.store import ledger as ledger_store
from tests.conftest import TODAY

SNAPSHOTS = Path(__file__).parent / "snapshots"
XSS = '<script>alert(1)</script>"><img src=x>'


def _person(store: Store, name: str, company: str = "", title: str = "", **text: str) -> int:
    person_id, _ = add_person(store, NewPerson(name, company=company, title=title), TODAY)
    for column, value in text.items():
        store.db.execute(f"UPDATE person SET {column} = ? WHERE id = ?", (value, person_id))
    return person_id


def _aisha(store: Store) -> int:
    job = ["Loomwork", "Founder", "2025-01-01", None]
    profile = {"name": "Aisha Rahman", "headline": "Founder at Loomwork", "positions": [job]}
    preferences.put(store, "profile", profile)
    store.db.insert(
        "INSERT INTO goal (owner_id, title, created_on) VALUES (?, ?, ?)",
        (store.owner_id, "Raise a seed round", TODAY.isoformat()),
    )
    ana = _person(store, "Ana Reyes", "Seedcamp", "Partner", interests="climbing, jazz")
    ben = _person(store, "Ben Ode", "Relecloud", "Head of Operations",
                  needs="a scheduling tool for field teams")  # fmt: skip
    cara = _person(store, "Cara Lin", "Fabrikam", "Engineer",
                   offers="introductions to operations leads who schedule field crews")  # fmt: skip
    dan = _person(store, XSS, "Contoso", "Angel investor")
    _person(store, "Eve Park", "Northwind Ventures", "Principal")
    log(store, ana, Happening(InteractionKind.COFFEE, on=(TODAY - timedelta(days=30)).isoformat(),
                              topic="their move to Lisbon"), TODAY)  # fmt: skip
    ledger_store.add_life_event(store, ben, "new_job", TODAY - timedelta(days=20), "Relecloud")
    store.db.execute(
        "UPDATE event_attendance SET role = role WHERE owner_id = ?", (store.owner_id,)
    )
    plan = EventPlan(
        "Web Summit",
        on=TODAY + timedelta(days=2),
        time="09:30",
        place="Lisbon, FIL hall 2",
        purpose="meet three investors and two design partners",
        goal_ids=(resolve_goal(store, "seed"),),
        companies=("Northwind Ventures",),
        roles=("partner",),
        person_ids=(ana, ben, dan),
    )
    event_id = plan_event(store, plan, TODAY).event.id
    from amity.model.enums import AttendanceRole
    from amity.store import events as event_store

    event_store.set_attendance(store, event_id, cara, AttendanceRole.SPEAKER)
    return event_id


def test_the_brief_reads_as_the_snapshots_say(sqlite_store: Store) -> None:
    event_id = _aisha(sqlite_store)
    brief = event_brief(sqlite_store, event_id, TODAY)
    for name, text in (("event-brief.md", brief_text(brief)),
                       ("event-brief.html", brief_text(brief, html=True))):  # fmt: skip
        if os.environ.get("AMITY_UPDATE_SNAPSHOTS") == "1":
            (SNAPSHOTS / name).write_text(text, encoding="utf-8")
        assert (SNAPSHOTS / name).read_text(encoding="utf-8") == text, (
            f"{name} changed: read the diff, then AMITY_UPDATE_SNAPSHOTS=1 to accept it"
        )


def test_the_brief_has_everything_aisha_needs_and_escapes_every_text(sqlite_store: Store) -> None:
    brief = event_brief(sqlite_store, _aisha(sqlite_store), TODAY)
    assert brief.pitch.startswith("I'm Aisha Rahman, the founder of Loomwork.")
    assert "Right now I'm trying to raise a seed round." in brief.pitch
    speaking = {p.name: p for p in brief.people}
    assert set(speaking) == {"Cara Lin"}
    hoping = {p.name: p for p in brief.hoping}
    ben = hoping["Ben Ode"]
    assert (
        ben.openers[0] == "How are the first months at Relecloud going, and what has surprised you?"
    )
    assert any("Cara Lin" in offer for offer in ben.could_offer)  # she offers what he needs
    ana = hoping["Ana Reyes"]
    assert ana.last_talk.endswith(": their move to Lisbon")
    assert (
        "Last time we talked about your move to Lisbon: where has that gone since?" in ana.openers
    )
    assert all(p.openers for p in brief.hoping + brief.people)
    page = brief_text(brief, html=True)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
