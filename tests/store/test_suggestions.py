"""store/suggestions.py: the profiles to match, who already knows whom, your goals; one
account only, on both engines."""

from __future__ import annotations

from amity.store import Store, ties
from amity.store import suggestions as st
from amity.store.ties import TieRow
from tests.conftest import TODAY
from tests.store.conftest import add_person


def test_profiles_are_the_living_people_with_something_to_match(store: Store, other: Store) -> None:
    ana = add_person(store, "Ana", needs="a designer", interaction_count=3,
                     first_contact_on="2026-01-01", last_contact_on="2026-11-12")  # fmt: skip
    ben = add_person(store, "Ben", title="Designer", organization="Acme")
    add_person(store, "Cy")  # nothing to match
    add_person(store, "Dee", offers="design", archived=True)
    add_person(store, "Eve", offers="design", deleted_on=TODAY)
    add_person(other, "Fay", offers="design")
    found = {p[0]: p for p in st.profiles(store, TODAY)}
    assert sorted(found) == [ana, ben]
    known = (TODAY - TODAY.replace(month=1, day=1)).days
    assert found[ana] == (ana, "Ana", "a designer", "", "", "", "", "", 3, 0, 0, 0.0, known, 10)
    assert found[ben][5:9] == ("Designer", "Acme", "", 0)
    assert st.described(store) == 1 and st.described(other) == 1
    assert [p[1] for p in st.profiles(other, TODAY)] == ["Fay"]


def test_known_pairs_are_ties_not_hidden_and_any_introduction(store: Store, other: Store) -> None:
    a, b, c, d = (add_person(store, n) for n in ("Ana", "Ben", "Cy", "Dee"))
    ties.put_tie(store, TieRow(b, a, "knows", 50, "manual", "confirmed", ""))
    ties.put_tie(store, TieRow(a, c, "knows", 50, "tag", "hidden", ""))
    store.db.execute(
        "INSERT INTO introduction (owner_id, person_a_id, person_b_id, reason, state, "
        "created_on, updated_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (store.owner_id, d, c, "", "declined", TODAY, TODAY),
    )
    assert st.known_pairs(store, [a, b, c, d]) == {(a, b), (c, d)}
    assert st.known_pairs(store, [a, c]) == set()  # the hidden tie: not known
    assert st.known_pairs(other, [a, b, c, d]) == set()


def test_active_goals_only(store: Store, other: Store) -> None:
    for owner, title, status in [
        (store, "Raise a seed round", "active"),
        (store, "Old goal", "done"),
        (other, "Someone else's", "active"),
    ]:
        owner.db.execute(
            "INSERT INTO goal (owner_id, title, detail, status) VALUES (?, ?, ?, ?)",
            (owner.owner_id, title, "by spring", status),
        )
    assert st.active_goals(store) == [("Raise a seed round", "by spring")]


def test_a_goals_companies_and_roles_are_its_words(store: Store, other: Store) -> None:
    from amity.model.enums import TargetKind
    from amity.model.events import Goal, Target
    from amity.store import goals as goal_store

    aims = (Target(TargetKind.COMPANY, "Plaid"), Target(TargetKind.ROLE, "backend engineer"))
    goal_store.insert_goal(store, Goal("Fintech job", "first job", targets=aims))
    goal_store.insert_goal(other, Goal("Theirs", targets=(Target(TargetKind.COMPANY, "Acme"),)))
    assert st.active_goals(store) == [("Fintech job", "first job Plaid backend engineer")]
    assert st.active_goals(other) == [("Theirs", "Acme")]
