"""The agenda's candidate queries see the account's own rows, never another's."""

from __future__ import annotations

from datetime import timedelta

from amity.model import (
    Direction,
    Interaction,
    InteractionKind,
    Position,
    ReminderKind,
    ReminderState,
)
from amity.store import Store, reminders
from amity.store import agenda as agenda_store
from amity.store import interactions as interaction_store
from amity.store import ledger as ledger_store
from amity.store import people as people_store
from tests.conftest import TODAY
from tests.store.conftest import add_person

SOON = TODAY + timedelta(days=2)


def _network(owner: Store, name: str) -> tuple[int, int]:
    """One person with a birthday, a job anniversary, a new job, a due check-in, a meeting
    and an open follow-up; returns (person id, meeting id)."""
    pid = add_person(
        owner,
        name,
        birthday_month=SOON.month,
        birthday_day=SOON.day,
        next_due_on=TODAY.isoformat(),
        first_contact_on=(TODAY - timedelta(days=20)).isoformat(),
    )
    start = SOON.replace(year=SOON.year - 3)
    people_store.add_position(owner, pid, Position("Plaid", "CTO", start, None, "manual"))
    ledger_store.add_life_event(owner, pid, "new_job", TODAY - timedelta(days=3), "CTO at Plaid")
    met = interaction_store.insert_interaction(
        owner,
        Interaction(
            InteractionKind.MET,
            TODAY - timedelta(days=20),
            direction=Direction.OUTBOUND,
            person_ids=[pid],
            place="Web Summit",
        ),
    )
    reminders.add_reminder(
        owner, f"follow_up:{met}", ReminderKind.FOLLOW_UP, pid, TODAY, interaction_id=met
    )
    return pid, met


def test_every_candidate_query_is_scoped_to_the_account(store: Store, other: Store) -> None:
    mine, met = _network(store, "Priya Raman")
    theirs, their_met = _network(other, "Tom Becker")
    days = [(SOON.month, SOON.day)]

    assert [r["person_id"] for r in agenda_store.open_reminders_with_people(store)] == [mine]
    assert [r["id"] for r in agenda_store.birthdays_on(store, days)] == [mine]
    assert [r["id"] for r in agenda_store.positions_started_on(store, days)] == [mine]
    jobs = agenda_store.job_changes_since(store, TODAY - timedelta(days=30))
    assert [(r["id"], r["detail"]) for r in jobs] == [(mine, "CTO at Plaid")]
    assert agenda_store.count_due_by(store, TODAY) == 1
    assert [r["id"] for r in agenda_store.due_by(store, TODAY, 10)] == [mine]
    assert agenda_store.has_people(store)
    since = TODAY - timedelta(days=60)
    contacts = agenda_store.contacts_since(store, [mine, theirs], since)
    assert [(person_id, id_) for person_id, id_, _, _ in contacts] == [(mine, met)]
    outbound = agenda_store.outbound_per_day(store, since, TODAY)
    assert [int(r["n"]) for r in outbound] == [1]

    for owner in (store, other):
        reminders.set_state(
            owner, f"follow_up:{met if owner is store else their_met}",
            ReminderState.DONE, on=TODAY,
        )  # fmt: skip
    followed = agenda_store.first_meetings_followed_up(store, since, TODAY)
    assert [(r["person_id"], r["interaction_id"]) for r in followed] == [(mine, met)]
    keys = [f"follow_up:{met}", f"follow_up:{their_met}"]
    assert [r["key"] for r in agenda_store.acted_reminders(store, keys)] == [keys[0]]
    assert agenda_store.open_reminders_with_people(store) == []


def test_an_account_with_no_one_has_no_people(store: Store, other: Store) -> None:
    add_person(other, "Tom Becker")
    assert not agenda_store.has_people(store)
    assert agenda_store.count_due_by(store, TODAY + timedelta(days=365)) == 0
