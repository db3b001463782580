"""store/goals.py and store/goal_reads.py: a goal and its targets read back as written, the
reads of its progress and of its agenda item find the right people and rows, and a second
account's goals, people and rows are never read nor changed, on both engines."""

from __future__ import annotations

from datetime import date

from amity.model import Direction, InteractionKind, Position, ReminderKind, ReminderState
from amity.model.enums import GoalStatus, TargetKind
from amity.model.events import Goal, Target
from amity.model.interactions import Interaction
from amity.store import Store, reminders
from amity.store import goal_reads as reads
from amity.store import goals as goal_store
from amity.store import interactions as interaction_store
from amity.store import introductions as intro_store
from amity.store import people as people_store
from amity.store.ties import TieRow, put_tie
from tests.store.conftest import add_person

SET = date(2026, 11, 2)


def _goal(store: Store, title: str = "Backend role at a fintech") -> int:
    goal = Goal(
        title,
        "first job",
        due_on=date(2027, 6, 30),
        created_on=SET,
        targets=(Target(TargetKind.COMPANY, "Plaid"), Target(TargetKind.ROLE, "backend")),
    )
    return goal_store.insert_goal(store, goal)


def _at(store: Store, name: str, company: str, title: str = "", **fields: object) -> int:
    pid = add_person(store, name, title=title, organization=company, **fields)
    people_store.add_position(store, pid, Position(company, title))
    return pid


def test_a_goal_reads_back_with_its_targets(store: Store, other: Store) -> None:
    lee = add_person(store, "Lee Park")
    goal_id = _goal(store)
    goal_store.add_targets(store, goal_id, [Target(TargetKind.PERSON, "Lee", lee)])
    _goal(other, "Someone else's goal")
    goal = goal_store.goal(store, goal_id)
    assert goal is not None
    assert (goal.title, goal.detail, goal.due_on, goal.status, goal.created_on) == (
        "Backend role at a fintech",
        "first job",
        date(2027, 6, 30),
        GoalStatus.ACTIVE,
        SET,
    )
    # A person target shows their name now, not as typed.
    assert goal.targets == (
        Target(TargetKind.COMPANY, "Plaid"),
        Target(TargetKind.ROLE, "backend"),
        Target(TargetKind.PERSON, "Lee Park", lee),
    )
    assert [g.title for g in goal_store.goals(store)] == ["Backend role at a fintech"]
    assert [g.title for g in goal_store.goals(other)] == ["Someone else's goal"]
    assert goal_store.goal(other, goal_id) is None
    assert [t for _, t, _ in goal_store.titles(store)] == ["Backend role at a fintech"]


def test_closing_editing_and_removing_targets_stay_in_the_account(
    store: Store, other: Store
) -> None:
    mine, theirs = _goal(store), _goal(other)
    for acting, goal_id in ((other, mine), (store, theirs)):  # the wrong account: nothing
        goal_store.set_status(acting, goal_id, GoalStatus.DONE, SET)
        goal_store.update_goal(acting, goal_id, title="x", detail="", due_on=None)
        for row in goal_store.target_rows(store if acting is other else other, [goal_id]):
            goal_store.remove_target(acting, int(row["id"]))
    for owner, goal_id in ((store, mine), (other, theirs)):
        goal = goal_store.goal(owner, goal_id)
        assert goal is not None and goal.title == "Backend role at a fintech"
        assert goal.status is GoalStatus.ACTIVE and len(goal.targets) == 2
    goal_store.set_status(store, mine, GoalStatus.DROPPED, date(2026, 12, 1))
    assert goal_store.goals(store) == []
    [dropped] = goal_store.goals(store, closed=True)
    assert (dropped.status, dropped.closed_on) == (GoalStatus.DROPPED, date(2026, 12, 1))
    [row] = [r for r in goal_store.target_rows(store, [mine]) if r["kind"] == "role"]
    goal_store.remove_target(store, int(row["id"]))
    assert [t["value"] for t in goal_store.target_rows(store, [mine])] == ["Plaid"]


def test_the_people_at_a_company_and_what_happened_with_them(store: Store, other: Store) -> None:
    lee = _at(store, "Lee Park", "Plaid", "Backend Engineer", strength=20)
    _at(store, "Old Hand", "Plaid Inc.", archived=True)  # archived: never counted
    ana = add_person(store, "Ana Ruiz", strength=70)
    _at(other, "Lee Park", "Plaid")
    orgs = reads.organizations_starting(store, "plaid")
    assert sorted(name for _, name in orgs) == ["Plaid", "Plaid Inc."]
    assert [name for _, name in reads.organizations_starting(other, "plaid")] == ["Plaid"]
    found = reads.people_at(store, [oid for oid, _ in orgs])
    assert [(r["name"], r["at"], r["position_title"]) for r in found] == [
        ("Lee Park", "Plaid", "Backend Engineer")
    ]
    assert reads.people_at(other, [oid for oid, _ in orgs]) == []

    interaction_store.insert_interaction(
        store, Interaction(InteractionKind.COFFEE, date(2026, 11, 10), Direction.MUTUAL, [lee])
    )
    interaction_store.insert_interaction(
        store, Interaction(InteractionKind.CALL, date(2026, 10, 1), Direction.MUTUAL, [lee])
    )
    assert [
        (str(r["occurred_on"])[:10], r["kind"]) for r in reads.interactions_with(store, [lee], SET)
    ] == [("2026-11-10", "coffee")]
    assert reads.interactions_with(other, [lee], SET) == []

    put_tie(store, TieRow(ana, lee, "knows", 80, "manual", "confirmed", "worked together"))
    store.db.execute("UPDATE tie SET since = ? WHERE owner_id = ?", ("2026-11-04", store.owner_id))
    assert reads.ties_of(store, [lee]) == [(lee, ana, 80, "manual", "2026-11-04")]
    assert reads.ties_of(other, [lee]) == []
    assert reads.strengths(store, [ana, lee]) == {ana: ("Ana Ruiz", 70), lee: ("Lee Park", 20)}
    assert reads.strengths(other, [ana, lee]) == {}

    n = intro_store.add_introduction(store, lee, ana, "payments", "2026-11-12")
    [intro] = reads.introductions_involving(store, [lee])
    assert (intro["id"], intro["a_name"], intro["b_name"]) == (n, "Lee Park", "Ana Ruiz")
    assert reads.introductions_involving(other, [lee]) == []


def test_what_the_agenda_reads(store: Store, other: Store) -> None:
    lee = add_person(store, "Lee Park", last_contact_on="2026-11-09")
    goal_id = _goal(store)
    _goal(other, "Theirs")
    goal_store.add_targets(store, goal_id, [Target(TargetKind.PERSON, "Lee", lee)])
    rows = reads.active_targets(store)
    assert [(r["goal_id"], r["kind"], r["value"]) for r in rows] == [
        (goal_id, "company", "Plaid"),
        (goal_id, "role", "backend"),
        (goal_id, "person", "Lee"),
    ]
    assert [r["title"] for r in reads.active_targets(other)] == ["Theirs", "Theirs"]
    assert reads.last_contact(store, [lee]) == date(2026, 11, 9)
    assert reads.last_contact(other, [lee]) is None
    key = f"goal:{goal_id}:{lee}:0"
    reminders.add_reminder(store, key, ReminderKind.CHECK_IN, lee, SET, reason="ask")
    reminders.set_state(store, key, ReminderState.DONE, on=date(2026, 11, 12))
    assert reads.goal_item_states(store) == [(key, "done", date(2026, 11, 12))]
    assert reads.goal_item_states(other) == []
