"""What the store tells a draft: known before, cadence, what was received, needs, interests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from amity.engines.drafts import DraftKind, Tone
from amity.model import Circle, InteractionKind, LedgerDirection, LedgerKind
from amity.service.draft_facts import facts_for, facts_for_many
from amity.service.drafts import draft_for
from amity.service.interactions import Happening, log, met
from amity.service.ledger import record
from amity.service.people import PersonChanges, edit_person
from amity.service.settings import preferences
from amity.store import Store
from tests.conftest import Amity

FAIR_DAY = date(2026, 11, 20)
TODAY = date(2026, 11, 21)


def _fair(store: Store) -> dict[str, int]:
    ids = {}
    for name, note in [
        ("Priya Raman", "She is moving her team to Dagster"),
        ("Ben Okafor", "Talked about the new-grad backend roles"),
        ("Chen Wei", "Recommended I look at their internship program"),
        ("Dana Levi", "observability at Plaid"),
        ("Eli Park", "Great chat!"),
        ("Farah Aziz", "Hiring for the data platform team"),
    ]:
        what = Happening(InteractionKind.MET, on=FAIR_DAY.isoformat(), note=note, place="the fair")
        ids[name] = met(store, name, what, FAIR_DAY).person_id
    return ids


def test_facts_say_who_was_known_their_cadence_needs_and_gifts(store: Store) -> None:
    ids = _fair(store)
    old = Happening(InteractionKind.COFFEE, on="2026-06-01")
    ids["Irene Adler"] = met(store, "Irene Adler", old, date(2026, 6, 1)).person_id
    again = Happening(InteractionKind.MEETING, on=FAIR_DAY.isoformat(), place="the offsite")
    log(store, ids["Irene Adler"], again, FAIR_DAY)
    edit_person(store, ids["Irene Adler"], PersonChanges(circle=Circle.INNER), FAIR_DAY)
    priya = PersonChanges(needs="a junior data engineer", interests="climbing")
    edit_person(store, ids["Priya Raman"], priya, TODAY)
    received = LedgerDirection.RECEIVED
    gift = "the referral to the data team"
    record(store, ids["Farah Aziz"], received, LedgerKind.REFERRAL, gift, TODAY, TODAY)

    facts = facts_for_many(store, list(ids.values()), TODAY)
    priya, irene, farah = (
        facts[ids["Priya Raman"]],
        facts[ids["Irene Adler"]],
        facts[ids["Farah Aziz"]],
    )
    assert (priya.known, irene.known) == (False, True)
    assert (priya.met_before, irene.met_before) == (False, True)  # a coffee in June
    assert irene.where_met == "the offsite" and irene.met_on == FAIR_DAY
    assert irene.cadence_days == 14 and priya.cadence_days == 180
    assert irene.last_contact_on == FAIR_DAY
    assert (priya.needs, priya.interests) == ("a junior data engineer", "climbing")
    assert farah.gave == "the referral to the data team" and priya.gave == ""
    assert priya.person_id == ids["Priya Raman"]

    home = Path("/nonexistent")
    text = draft_for(store, home, ids["Irene Adler"], DraftKind.FOLLOWUP, TODAY, Tone.CASUAL)
    assert "again at the offsite yesterday" in text or "catch up at the offsite" in text
    thanks = draft_for(store, home, ids["Priya Raman"], DraftKind.THANKS, TODAY, Tone.CASUAL)
    assert "help" not in thanks.split("\n\n")[1]


def test_six_fair_drafts_read_differently_and_quote_no_sentence(store: Store) -> None:
    ids = _fair(store)
    preferences.put(store, "signature", "Maya")
    home = Path("/nonexistent")
    drafts = [
        draft_for(store, home, person_id, DraftKind.FOLLOWUP, TODAY, Tone.CASUAL)
        for person_id in ids.values()
    ]
    assert len({d.split("\n", 1)[1] for d in drafts}) == 6
    assert len({d.split("\n\n")[2] for d in drafts}) >= 3  # not all end alike
    assert all("the fair yesterday" in d for d in drafts)
    assert "moving your team to Dagster" in drafts[0]
    assert not any(
        "about She" in d or "Great chat" in d or "about Recommended" in d for d in drafts
    )
    assert drafts == [
        draft_for(store, home, person_id, DraftKind.FOLLOWUP, TODAY, Tone.CASUAL)
        for person_id in ids.values()
    ]


def test_facts_for_many_people_take_a_few_queries(store: Store, monkeypatch: Any) -> None:
    ids = _fair(store)
    calls: list[str] = []
    query = store.db.query

    def counted(sql: str, params: Any = ()) -> Any:
        calls.append(sql)
        return query(sql, params)

    monkeypatch.setattr(store.db, "query", counted)
    facts_for_many(store, list(ids.values()), TODAY)
    few = len(calls)
    assert few <= 8
    calls.clear()
    facts_for_many(store, list(ids.values())[:1], TODAY)
    assert len(calls) == few  # the same few queries for one person or six


def test_an_unknown_id_is_a_clear_error(store: Store) -> None:
    from amity.errors import UsageError

    with pytest.raises(UsageError, match="no person has id 999"):
        facts_for(store, 999, TODAY)


def test_draft_promise_delivers_the_open_promise(amity: Amity) -> None:
    amity.ok("settings", "signature", "Maya")
    amity.ok(
        "met",
        "Yara Haddad",
        "--at",
        "the fair",
        "--promise",
        "send the accessibility audit checklist by Friday",
        today="2026-11-20",
    )
    text = amity.ok("draft", "promise", "yara", today="2026-11-21").out
    assert "Here is the accessibility audit checklist I promised." in text
    assert "Friday" not in text and text.endswith("Maya\n")
    amity.ok("add", "Nobody Promised")
    bare = amity.ok("draft", "promise", "nobody", "--tone", "formal", today="2026-11-21").out
    assert "As promised, here is what I said I would send." in bare


def test_facts_take_the_latest_five_notes_and_the_latest_two_meetings(store: Store) -> None:
    """Newest first, the later logged first on a day; meetings older than the notes too."""
    pid = met(store, "Gil Oren", Happening(InteractionKind.MET, "2026-01-05", note="m1"), TODAY)
    log(store, pid.person_id, Happening(InteractionKind.COFFEE, "2026-03-01", note="m2"), TODAY)
    for n in range(7):
        day = date(2026, 6, 1 + n // 2).isoformat()  # two a day: the later one first
        log(store, pid.person_id, Happening(InteractionKind.MESSAGE, day, note=f"n{n}"), TODAY)
    facts = facts_for(store, pid.person_id, TODAY)
    assert [note.notes for note in facts.notes] == ["n6", "n5", "n4", "n3", "n2"]
    assert facts.met_on == date(2026, 3, 1)
    assert facts.met_before  # the meeting before it: m1
