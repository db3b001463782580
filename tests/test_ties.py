"""Who knows whom through the service: recorded ties, inferred ones and your word on them,
on both engines, never across accounts."""

from __future__ import annotations

from datetime import date

import pytest

from amity.errors import NotFound, UsageError
from amity.model import InteractionKind, Person, Position, TieState
from amity.service.duplicates import merge_people
from amity.service.interactions import Happening, log
from amity.service.ties import (
    TieStrength,
    acquaintances,
    fresh_ties,
    record_tie,
    refresh_ties,
    set_tie_state,
)
from amity.store import Store
from amity.store import demo as demo_store
from amity.store import people as people_store
from amity.store import ties as ties_store
from amity.store.touched import take_touched
from tests.conftest import TODAY
from tests.store.conftest import other  # noqa: F401  (a fixture)


def _person(store: Store, name: str, *positions: Position, **fields: object) -> int:
    person = Person(name=name, positions=list(positions))
    for key, value in fields.items():
        setattr(person, key, value)
    with store.db.transaction():  # committed, as a service writes: the revision moves
        return people_store.insert_person(store, person, TODAY)


def _knows(store: Store, person_id: int) -> dict[str, tuple[str, str, str]]:
    fresh_ties(store, TODAY)  # as `amity knows` does before it lists
    return {
        t.other.name: (t.source, str(t.state), t.why)
        for t in acquaintances(store, person_id, TODAY).ties
    }


def test_recording_a_tie_twice_updates_the_one_tie(store: Store) -> None:
    ana, ben = _person(store, "Ana Lima"), _person(store, "Ben Okafor")
    first = record_tie(store, ana, ben, "worked together at Acme", TieStrength.STRONG)
    assert (first.kind, first.strength, first.state) == ("colleague", 80, TieState.CONFIRMED)
    again = record_tie(store, ben, ana, None, TieStrength.WEAK)  # the other way round
    assert (again.kind, again.strength, again.why) == ("colleague", 30, "worked together at Acme")
    assert len(ties_store.all_ties(store)) == 1
    assert _knows(store, ben) == {"Ana Lima": ("manual", "confirmed", "worked together at Acme")}


def test_a_person_cannot_know_themself(store: Store) -> None:
    ana = _person(store, "Ana Lima")
    with pytest.raises(UsageError, match="one person"):
        record_tie(store, ana, ana, None, None)


def test_colleagues_are_inferred_with_the_years_they_overlapped(store: Store) -> None:
    ana = _person(store, "Ana", Position("Acme", start=date(2019, 1, 1), end=date(2022, 6, 1)))
    ben = _person(store, "Ben", Position("Acme", start=date(2021, 3, 1), end=date(2023, 1, 1)))
    _person(store, "Cy", Position("Acme", start=date(2010, 1, 1), end=date(2012, 1, 1)))
    assert _knows(store, ana) == {"Ben": ("colleagues", "inferred", "colleagues at Acme 2021–2022")}
    assert list(_knows(store, ben)) == ["Ana"]


def test_inferred_ties_follow_the_evidence_and_your_word_stays(store: Store) -> None:
    ana = _person(store, "Ana")
    ben = _person(store, "Ben", met_through_id=ana)
    cy = _person(store, "Cy")
    people_store.add_tags(store, ben, ["climbing"])
    people_store.add_tags(store, cy, ["climbing"])
    refresh_ties(store, TODAY)
    assert _knows(store, ben) == {
        "Ana": ("met_through", "inferred", "you met Ben through Ana"),
        "Cy": ("tag", "inferred", "both in climbing"),
    }
    set_tie_state(store, ben, cy, TieState.HIDDEN, TODAY)
    set_tie_state(store, ana, ben, TieState.CONFIRMED, TODAY)
    store.db.execute("UPDATE person SET met_through_id = NULL WHERE id = ?", (ben,))
    done = refresh_ties(store, TODAY)
    assert (done.added, done.removed) == (0, 0)  # confirmed and hidden ties are yours
    assert _knows(store, ben)["Cy"][1] == "hidden"
    assert _knows(store, ben)["Ana"][1] == "confirmed"
    with pytest.raises(NotFound, match="no tie between"):
        set_tie_state(store, ana, cy, TieState.CONFIRMED, TODAY)


def test_archived_and_trashed_people_get_no_ties(store: Store) -> None:
    acme = Position("Acme", start=date(2020, 1, 1))
    ana, ben, cy = (_person(store, n, acme) for n in ("Ana", "Ben", "Cy"))
    refresh_ties(store, TODAY)
    assert set(_knows(store, ana)) == {"Ben", "Cy"}
    store.db.execute("UPDATE person SET archived = ? WHERE id = ?", (True, ben))
    store.db.execute("UPDATE person SET deleted_on = ? WHERE id = ?", ("2026-11-30", cy))
    refresh_ties(store, TODAY)
    assert _knows(store, ana) == {}


def test_people_at_a_small_event_know_each_other(store: Store) -> None:
    ana, ben = _person(store, "Ana"), _person(store, "Ben")
    event = demo_store.add_event(store, "Founders dinner", TODAY, "Lisbon", "", "", "attended")
    for pid in (ana, ben):
        demo_store.add_attendance(store, event, pid, "met")
    assert _knows(store, ana) == {"Ben": ("event", "inferred", "both at Founders dinner")}


def test_reads_refresh_once_per_change(store: Store) -> None:
    acme = Position("Acme", start=date(2020, 1, 1))
    ana = _person(store, "Ana", acme)
    assert fresh_ties(store, TODAY) is not None
    assert fresh_ties(store, TODAY) is None  # nothing changed since
    _person(store, "Ben", acme)
    assert fresh_ties(store, TODAY) is not None
    assert list(_knows(store, ana)) == ["Ben"]
    log(store, ana, Happening(InteractionKind.COFFEE, None), TODAY)  # no evidence of a tie
    assert fresh_ties(store, TODAY) is None
    assert fresh_ties(store, TODAY) is None
    with store.db.transaction():
        people_store.add_tags(store, ana, ["climbing"])
    assert fresh_ties(store, TODAY) is not None  # a tag is evidence: inferred again


def test_merging_two_people_keeps_one_tie_per_pair(store: Store) -> None:
    ana, ben, ben2 = _person(store, "Ana"), _person(store, "Ben"), _person(store, "Ben O.")
    record_tie(store, ana, ben, "climbing", TieStrength.STRONG)
    record_tie(store, ben2, ana, "school", TieStrength.WEAK)
    record_tie(store, ben, ben2, None, None)
    merge_people(store, ben, ben2, TODAY)
    rows = ties_store.all_ties(store)
    assert [(r["person_a_id"], r["person_b_id"]) for r in rows] == [(ana, ben)]
    assert rows[0]["why"] == "climbing"


def test_ties_are_the_account_s_own(store: Store, other: Store) -> None:  # noqa: F811
    acme = Position("Acme", start=date(2020, 1, 1))
    ana = _person(store, "Ana", acme)
    _person(other, "Tom", acme)
    _person(other, "Tim", acme)
    refresh_ties(store, TODAY)
    refresh_ties(other, TODAY)
    assert _knows(store, ana) == {}
    assert len(ties_store.all_ties(other)) == 1
    with pytest.raises(NotFound):
        record_tie(store, ana, ties_store.all_ties(other)[0]["person_a_id"], None, None)


def test_after_a_write_only_what_it_touched_is_looked_at(store: Store) -> None:
    acme = Position("Acme", start=date(2020, 1, 1))
    ana = _person(store, "Ana", acme)
    _person(store, "Ben", acme)
    take_touched(store)
    assert fresh_ties(store, TODAY) is not None  # the first look: a refresh
    take_touched(store)
    log(store, ana, Happening(InteractionKind.COFFEE, None), TODAY)
    touched = take_touched(store)
    assert "interaction" in touched and "person" not in touched  # derived columns only
    assert fresh_ties(store, TODAY, touched) is None  # a meeting is no evidence
    with store.db.transaction():
        people_store.add_tags(store, ana, ["climbing"])
    assert fresh_ties(store, TODAY, take_touched(store)) is not None  # a tag is
    assert fresh_ties(store, TODAY, frozenset()) is None  # nothing written by this one
    assert fresh_ties(store, TODAY.replace(day=23), frozenset()) is not None  # a new day
