"""store/ties.py: one tie per pair, your word kept by a refresh, the evidence of one
account only, on both engines."""

from __future__ import annotations

from datetime import date

from amity.model import Person, Position
from amity.store import Store, ties
from amity.store import demo as demo_store
from amity.store import people as people_store
from amity.store.ties import TieRow
from tests.conftest import TODAY
from tests.store.conftest import add_person


def _tie(a: int, b: int, state: str = "inferred", strength: int = 40, why: str = "w") -> TieRow:
    return TieRow(a, b, "knows", strength, "tag", state, why)


def test_a_pair_is_stored_once_whichever_order(store: Store, other: Store) -> None:
    ana, ben = add_person(store, "Ana"), add_person(store, "Ben")
    ties.put_tie(store, _tie(ben, ana, "confirmed", 30))
    ties.put_tie(store, _tie(ana, ben, "confirmed", 80, "again"))
    rows = ties.all_ties(store)
    assert [(r["person_a_id"], r["person_b_id"], r["strength"], r["why"]) for r in rows] == [
        (ana, ben, 80, "again")
    ]
    assert ties.tie_between(store, ben, ana) is not None
    assert ties.all_ties(other) == [] and ties.tie_between(other, ana, ben) is None
    assert ties.set_state(other, ana, ben, "hidden") == 0  # not the other account's tie
    assert ties.set_state(store, ben, ana, "hidden") == 1


def test_writing_inferred_ties_never_touches_yours(store: Store) -> None:
    ana, ben, cy = add_person(store, "Ana"), add_person(store, "Ben"), add_person(store, "Cy")
    ties.put_tie(store, _tie(ana, ben, "hidden", 40, "mine"))
    ties.write_inferred(store, [_tie(ana, ben, strength=90, why="new"), _tie(ana, cy)], [])
    found = {(r["person_a_id"], r["person_b_id"]): r for r in ties.all_ties(store)}
    assert (found[(ana, ben)]["state"], found[(ana, ben)]["why"]) == ("hidden", "mine")
    assert found[(ana, cy)]["state"] == "inferred"
    ties.write_inferred(store, [], [(ana, ben), (cy, ana)])
    assert [(r["person_a_id"], r["state"]) for r in ties.all_ties(store)] == [(ana, "hidden")]


def test_ties_of_lists_hidden_last_and_skips_the_trash(store: Store) -> None:
    ana, ben, cy, dee = (add_person(store, n) for n in ("Ana", "Ben", "Cy", "Dee"))
    ties.put_tie(store, _tie(ana, ben, "hidden", 90))
    ties.put_tie(store, _tie(ana, cy, "inferred", 20))
    ties.put_tie(store, _tie(dee, ana, "confirmed", 50))
    store.db.execute("UPDATE person SET deleted_on = ? WHERE id = ?", ("2026-11-01", dee))
    assert [(r["name"], r["state"]) for r in ties.ties_of(store, ana)] == [
        ("Cy", "inferred"),
        ("Ben", "hidden"),
    ]


def test_the_evidence_is_the_account_s_own_and_living(store: Store, other: Store) -> None:
    acme = Position("Acme", start=date(2020, 1, 1))
    ana = people_store.insert_person(store, Person(name="Ana", positions=[acme]), TODAY)
    gone = people_store.insert_person(store, Person(name="Gone", positions=[acme]), TODAY)
    store.db.execute("UPDATE person SET archived = ? WHERE id = ?", (True, gone))
    tom = people_store.insert_person(other, Person(name="Tom", positions=[acme]), TODAY)
    people_store.add_tags(other, tom, ["secret"])
    event = demo_store.add_event(other, "Dinner", TODAY, "", "", "", "attended")
    demo_store.add_attendance(other, event, tom, "met")
    assert [r["person_id"] for r in ties.positions(store)] == [ana]
    assert [r["person_id"] for r in ties.positions(other)] == [tom]
    assert list(ties.group_rows(store)) == []
    assert [r[3] for r in ties.group_rows(other)] == [tom, tom]  # at the dinner, "secret"
    assert ties.living_ids(store) == {ana}
    assert ties.met_through(store) == [] and ties.introductions(store, ["introduced"]) == []
    assert list(ties.interaction_group_rows(store, "linkedin")) == []
