"""store/reminders.py: follow-ups and promises, written, found and closed within one account."""

from __future__ import annotations

from datetime import timedelta

from amity.model import ReminderKind, ReminderState
from amity.store import Store, reminders
from tests.conftest import TODAY
from tests.store.conftest import add_person


def _both(store: Store, other: Store) -> tuple[int, int]:
    mine = add_person(store, "Ana Lima")
    theirs = add_person(other, "Ben Okafor")
    for owner, person in ((store, mine), (other, theirs)):
        reminders.add_reminder(
            owner, "follow-up:1", ReminderKind.FOLLOW_UP, person, TODAY, reason="met"
        )
    return mine, theirs


def test_the_same_key_in_two_accounts_is_two_reminders(store: Store, other: Store) -> None:
    mine, theirs = _both(store, other)
    again = "follow-up:1"
    reminders.add_reminder(store, again, ReminderKind.FOLLOW_UP, mine, TODAY, reason="twice")
    row = reminders.get_by_key(store, again)
    assert row is not None and row["person_id"] == mine and row["reason"] == "met"
    theirs_row = reminders.get_by_key(other, again)
    assert theirs_row is not None and theirs_row["person_id"] == theirs
    assert reminders.get_by_id(store, int(theirs_row["id"])) is None
    assert [r["person_name"] for r in reminders.open_reminders(store)] == ["Ana Lima"]


def test_closing_and_snoozing_change_only_the_account_s_own_rows(
    store: Store, other: Store
) -> None:
    mine, theirs = _both(store, other)
    assert reminders.close_follow_ups(store, theirs, TODAY) == 0  # their person, my account
    assert reminders.close_follow_ups(store, mine, TODAY) == 1
    assert reminders.open_reminders(store) == []
    later = TODAY + timedelta(days=3)
    reminders.set_state(other, "follow-up:1", ReminderState.SNOOZED, on=TODAY, until=later)
    mine_row = reminders.get_by_key(store, "follow-up:1")
    assert mine_row is not None and mine_row["state"] == ReminderState.DONE.value
    theirs_row = reminders.get_by_key(other, "follow-up:1")
    assert theirs_row is not None and theirs_row["state"] == ReminderState.SNOOZED.value
    assert [r["person_name"] for r in reminders.open_reminders(other)] == ["Ben Okafor"]
