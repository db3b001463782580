"""store/introductions.py: one row per introduction with each step dated, the open ones
found in either order, the trash and the archive left out where they should be, and a
second account's rows never read nor written, on both engines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from amity.model import IntroductionState
from amity.store import Store
from amity.store import introductions as intros
from tests.conftest import TODAY
from tests.store.conftest import add_person

S = IntroductionState


def test_a_proposal_reads_back_with_both_people(store: Store, other: Store) -> None:
    ana = add_person(store, "Ana Reyes", title="Partner", organization="Seedcamp", strength=70)
    ben = add_person(store, "Ben Ode", nickname="Benny")
    n = intros.add_introduction(store, ana, ben, "payments", TODAY.isoformat())
    row = intros.introduction(store, n)
    assert row is not None
    assert (row["a_name"], row["a_title"], row["a_organization"], row["a_strength"]) == (
        "Ana Reyes",
        "Partner",
        "Seedcamp",
        70,
    )
    assert (row["b_name"], row["b_nickname"]) == ("Ben Ode", "Benny")
    intro = intros.to_introduction(row)
    assert (intro.id, intro.person_a_id, intro.person_b_id, intro.reason) == (
        n,
        ana,
        ben,
        "payments",
    )
    assert (intro.state, intro.created_on, intro.updated_on) == (S.PROPOSED, TODAY, TODAY)
    assert intro.asked_a_on is None and intro.declined_by == "" and intro.outcome == ""
    assert intros.introduction(other, n) is None
    assert intros.introductions(other, closed=True) == [] and intros.waiting(other) == []


def test_a_step_is_saved_only_from_the_state_it_was_taken_at(store: Store, other: Store) -> None:
    ana, ben = add_person(store, "Ana"), add_person(store, "Ben")
    n = intros.add_introduction(store, ana, ben, "why", "2026-11-01")
    row = intros.introduction(store, n)
    assert row is not None
    asked = replace(
        intros.to_introduction(row), state=S.ASKED_A, asked_a_on=TODAY, updated_on=TODAY
    )
    assert intros.save_step(other, asked, S.PROPOSED) == 0  # not the other account's
    assert intros.save_step(store, asked, S.PROPOSED) == 1
    assert intros.save_step(store, asked, S.PROPOSED) == 0  # it moved on meanwhile
    again = intros.introduction(store, n)
    assert again is not None
    back = intros.to_introduction(again)
    assert (back.state, back.asked_a_on, back.updated_on) == (S.ASKED_A, TODAY, TODAY)
    declined = replace(back, state=S.DECLINED, declined_on=TODAY, declined_by="a")
    assert intros.save_step(store, declined, S.ASKED_A) == 1
    final = intros.introduction(store, n)
    assert final is not None and (final["state"], final["declined_by"]) == ("declined", "a")


def test_the_open_introduction_of_a_pair_is_found_in_either_order(
    store: Store, other: Store
) -> None:
    ana, ben, cy = add_person(store, "Ana"), add_person(store, "Ben"), add_person(store, "Cy")
    old = intros.add_introduction(store, ana, ben, "once", "2026-01-01")
    store.db.execute("UPDATE introduction SET state = 'declined' WHERE id = ?", (old,))
    assert intros.open_between(store, ben, ana) is None  # a declined one is no longer open
    n = intros.add_introduction(store, ana, ben, "again", "2026-11-01")
    found = intros.open_between(store, ben, ana)
    assert found is not None and (found["id"], found["state"]) == (n, "proposed")
    assert intros.open_between(store, ana, cy) is None
    assert intros.open_between(other, ana, ben) is None


def test_listings_leave_out_the_trash_and_the_agenda_the_archive(store: Store) -> None:
    ana, ben, cy, dee = (add_person(store, name) for name in ("Ana", "Ben", "Cy", "Dee"))
    first = intros.add_introduction(store, ana, ben, "1", "2026-11-01")
    archived = intros.add_introduction(store, ana, cy, "2", "2026-11-02")
    trashed = intros.add_introduction(store, dee, ben, "3", "2026-11-03")
    done = intros.add_introduction(store, cy, dee, "4", "2026-11-04")
    store.db.execute("UPDATE introduction SET state = 'done' WHERE id = ?", (done,))
    store.db.execute("UPDATE person SET archived = ? WHERE id = ?", (True, cy))
    store.db.execute("UPDATE person SET deleted_on = ? WHERE id = ?", ("2026-11-10", dee))
    assert [r["id"] for r in intros.introductions(store)] == [archived, first]  # newest first
    assert [r["id"] for r in intros.introductions(store, closed=True)] == [archived, first]
    assert [r["id"] for r in intros.waiting(store)] == [first]
    assert intros.introduction(store, trashed) is None
    store.db.execute("UPDATE person SET deleted_on = NULL WHERE id = ?", (dee,))
    assert [r["id"] for r in intros.introductions(store, closed=True)] == [
        done,
        trashed,
        archived,
        first,
    ]


def test_every_step_day_round_trips(store: Store) -> None:
    ana, ben = add_person(store, "Ana"), add_person(store, "Ben")
    n = intros.add_introduction(store, ana, ben, "why", "2026-11-01")
    row = intros.introduction(store, n)
    assert row is not None
    days = {column: date(2026, 11, 2 + k) for k, column in enumerate(intros.STEP_COLUMNS[:-1])}
    done = replace(
        intros.to_introduction(row),
        state=S.DONE,
        outcome="they work together",
        updated_on=date(2026, 11, 7),
        **days,  # type: ignore[arg-type]
    )
    assert intros.save_step(store, done, S.PROPOSED) == 1
    again = intros.introduction(store, n)
    assert again is not None and intros.to_introduction(again) == done
