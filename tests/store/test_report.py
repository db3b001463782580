from __future__ import annotations

from datetime import date

from amity.model import Direction, Interaction, InteractionKind, Person, ReminderKind
from amity.store import Store, as_date, reminders
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store import report as report_store
from tests.store.accounts import second_account

TODAY = date(2026, 3, 2)


def _person(store: Store, name: str) -> int:
    return people_store.insert_person(store, Person(name=name), TODAY)


def test_living_people_leave_out_the_archived_and_other_accounts(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada = _person(store, "Ada")
        cy = _person(store, "Cy")
        resting = _person(store, "Resting")
        people_store.update_person(store, resting, {"archived": True})
        _person(theirs, "Bob")
        store.db.execute(
            "UPDATE person SET how_met = ?, first_contact_on = ?, last_contact_on = ?, "
            "next_due_on = ?, interaction_count = 3, inbound_count = 1, outbound_count = 2, "
            "depth_total = 5.5 WHERE id = ?",
            ("met at PyCon", "2025-01-31", "2026-02-28", "2026-03-30", cy),
        )
    people = report_store.living_people(store)
    assert people.ids.tolist() == [ada, cy]
    assert people.names == ["Ada", "Cy"]
    assert people.how_met == ["", "met at PyCon"]
    days = [people.first_contact_on, people.last_contact_on, people.next_due_on]
    assert [[d.item() for d in column] for column in days] == [
        [None, date(2025, 1, 31)],
        [None, date(2026, 2, 28)],
        [None, date(2026, 3, 30)],
    ]
    counts = [people.interaction_count, people.inbound_count, people.outbound_count]
    assert [c.tolist() for c in counts] == [[0, 3], [0, 1], [0, 2]]
    assert people.depth_total.tolist() == [0.0, 5.5]


def test_living_people_of_an_empty_account(store: Store) -> None:
    people = report_store.living_people(store)
    assert people.ids.tolist() == [] and people.names == [] and len(people.next_due_on) == 0


def test_events_met_at_are_the_accounts_own(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada, bob = _person(store, "Ada"), _person(theirs, "Bob")
        for owner, person, name in ((store, ada, "PyCon"), (theirs, bob, "RustConf")):
            event = owner.db.insert(
                "INSERT INTO event (owner_id, name, starts_on) VALUES (?, ?, ?)",
                (owner.owner_id, name, TODAY.isoformat()),
            )
            owner.db.execute(
                "INSERT INTO event_attendance (owner_id, event_id, person_id, role) "
                "VALUES (?, ?, ?, 'met')",
                (owner.owner_id, event, person),
            )
    assert report_store.events_met_by_person(store) == {ada: ["PyCon"]}


def test_ledger_entries_are_scoped_to_the_account_and_the_person(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        ada, grace, bob = _person(store, "Ada"), _person(store, "Grace"), _person(theirs, "Bob")
        for owner, person, what in (
            (store, ada, "intro"),
            (store, grace, "book"),
            (theirs, bob, "loan"),
        ):
            owner.db.execute(
                "INSERT INTO ledger_entry (owner_id, person_id, direction, kind, what, "
                "occurred_on) VALUES (?, ?, 'gave', 'intro', ?, ?)",
                (owner.owner_id, person, what, TODAY.isoformat()),
            )
    assert [r["what"] for r in report_store.ledger_entries(store)] == ["intro", "book"]
    assert [r["what"] for r in report_store.ledger_entries(store, grace)] == ["book"]


def test_follow_ups_since_the_day_of_the_account_only(store: Store) -> None:
    with store.db.transaction():
        theirs = second_account(store)
        for owner, name, day in (
            (store, "Ada", TODAY),
            (store, "Old", date(2025, 1, 1)),
            (theirs, "Bob", TODAY),
        ):
            person = _person(owner, name)
            meeting = interaction_store.insert_interaction(
                owner, Interaction(InteractionKind.COFFEE, day, Direction.MUTUAL, [person])
            )
            reminders.add_reminder(
                owner,
                f"follow:{meeting}",
                ReminderKind.FOLLOW_UP,
                person,
                day,
                interaction_id=meeting,
            )
    rows = report_store.follow_ups_since(store, date(2026, 1, 1))
    assert [(r["state"], as_date(r["occurred_on"])) for r in rows] == [("open", TODAY)]
