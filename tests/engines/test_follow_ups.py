from datetime import date

from amity.engines.agenda import build_agenda
from amity.engines.follow_ups import (
    follow_up_age,
    follow_up_due,
    follow_up_item,
    follow_up_key,
    follow_up_reason,
    is_follow_up_done,
    is_follow_up_overdue,
    needs_follow_up,
    parse_promises,
    promise_due,
    promise_items,
    promise_reason,
)
from amity.model.enums import InteractionKind

MON = date(2026, 3, 2)
TUE = date(2026, 3, 3)
WED = date(2026, 3, 4)
THU = date(2026, 3, 5)


def test_meeting_someone_new_in_person_needs_a_follow_up() -> None:
    assert needs_follow_up(InteractionKind.MET, first_with_person=False)
    for kind in ("met", "coffee", "meeting", "event", "video"):
        assert needs_follow_up(kind, first_with_person=True)
    # A call or a message is the contact itself, new person or not.
    for kind in ("call", "message", "email", "intro", "other"):
        assert not needs_follow_up(kind, first_with_person=True)
    # Coffee with someone you know is no first meeting.
    assert not needs_follow_up(InteractionKind.COFFEE, first_with_person=False)
    assert not needs_follow_up(InteractionKind.EMAIL, first_with_person=False)


def test_follow_up_is_due_the_next_day() -> None:
    assert follow_up_due(MON) == TUE
    assert follow_up_due(date(2026, 2, 28)) == date(2026, 3, 1)


def test_met_on_monday_replayed_through_the_week() -> None:
    # Monday: met Ana at PyCon; nothing on the agenda yet (due Tuesday).
    monday = build_agenda([follow_up_item(812, 7, "Ana", "PyCon", MON, MON)], MON)
    assert monday.items == []
    assert monday.schedule == {TUE: ["follow_up:interaction:812"]}

    # Tuesday: due, not overdue.
    tuesday_item = follow_up_item(812, 7, "Ana", "PyCon", MON, TUE)
    tuesday = build_agenda([tuesday_item], TUE)
    assert [i.key for i in tuesday.items] == ["follow_up:interaction:812"]
    assert tuesday.items[0].reason == "met at PyCon yesterday, no follow-up yet"
    assert not is_follow_up_overdue(MON, TUE)
    assert not tuesday_item.overdue(TUE)

    # Thursday: overdue, with its age.
    thursday_item = follow_up_item(812, 7, "Ana", "PyCon", MON, THU)
    assert is_follow_up_overdue(MON, THU)
    assert follow_up_age(MON, THU) == 3
    assert thursday_item.overdue(THU)
    assert thursday_item.days_overdue(THU) == 2
    assert thursday_item.reason == "met at PyCon 3 days ago, no follow-up yet"
    assert thursday_item.draft_kind == "followup"
    assert thursday_item.kind == "follow_up"

    # An outbound message on Thursday closes it.
    assert not is_follow_up_done(MON, [])
    assert is_follow_up_done(MON, [THU])


def test_outbound_on_the_meeting_day_counts_but_older_ones_do_not() -> None:
    assert is_follow_up_done(MON, [MON])
    assert not is_follow_up_done(WED, [MON, TUE])


def test_reason_without_a_place() -> None:
    assert follow_up_reason("", MON, MON) == "met today, no follow-up yet"
    assert follow_up_reason("  ", MON, WED) == "met 2 days ago, no follow-up yet"


def test_follow_up_key_is_stable() -> None:
    assert follow_up_key(812) == "follow_up:interaction:812"
    assert follow_up_item(812, 7, "Ana", "x", MON, WED).key == follow_up_key(812)


def test_promises_are_split_and_due_the_next_day() -> None:
    assert parse_promises("send the article\nintro to Bo; share slides ") == [
        "send the article",
        "intro to Bo",
        "share slides",
    ]
    assert parse_promises("   ") == []
    assert promise_due(MON) == TUE
    assert promise_reason("send the article", MON, THU) == "promised 3 days ago: send the article"


def test_promise_items_stay_until_done() -> None:
    items = promise_items(900, 7, "Ana", "send the article\nintro to Bo", MON, THU)
    assert [i.key for i in items] == ["promise:interaction:900:0", "promise:interaction:900:1"]
    assert {i.kind for i in items} == {"promise"}
    assert all(i.due == TUE and i.expires is None for i in items)
    agenda = build_agenda(items, THU, done={"promise:interaction:900:0"})
    assert [i.key for i in agenda.items] == ["promise:interaction:900:1"]
    assert agenda.items[0].reason == "promised 3 days ago: intro to Bo"
