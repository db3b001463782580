"""store/commitments.py: promises and one-off reminders of one account, numbered per person."""

from __future__ import annotations

from datetime import timedelta

from amity.model import ReminderKind
from amity.store import Store, commitments, reminders
from tests.conftest import TODAY
from tests.store.conftest import add_person


def test_commitments_are_listed_numbered_and_found_per_account(store: Store, other: Store) -> None:
    mine = add_person(store, "Ana Lima")
    theirs = add_person(other, "Ben Okafor")
    soon, later = TODAY + timedelta(days=1), TODAY + timedelta(days=5)
    reminders.add_reminder(
        store, commitments.reminder_key(mine, 1), ReminderKind.REMINDER, mine, later, reason="call"
    )
    reminders.add_reminder(
        store, "promise:deck", ReminderKind.PROMISE, mine, soon, reason="send the deck"
    )
    reminders.add_reminder(store, "follow-up:9", ReminderKind.FOLLOW_UP, mine, soon)
    for number in (1, 2, 7):
        key = commitments.reminder_key(theirs, number)
        reminders.add_reminder(other, key, ReminderKind.REMINDER, theirs, soon, reason="x")
    listed = commitments.open_commitments(store)
    assert [(r["reason"], r["person_name"]) for r in listed] == [
        ("send the deck", "Ana Lima"),
        ("call", "Ana Lima"),
    ]  # soonest first; a follow-up is not a commitment
    assert commitments.open_commitments(store, theirs) == []
    assert commitments.next_reminder_number(store, mine) == 2
    assert commitments.next_reminder_number(store, theirs) == 1  # their 7 is not mine
    assert commitments.next_reminder_number(other, theirs) == 8
    found = commitments.commitment_by_key(store, "promise:deck")
    assert found is not None and found["person_name"] == "Ana Lima"
    assert commitments.commitment_by_id(other, int(found["id"])) is None
    assert commitments.commitment_by_key(other, "promise:deck") is None
