from datetime import date, timedelta

from amity.engines.agenda import build_agenda
from amity.engines.drafts import DraftKind
from amity.engines.follow_ups import (
    DEFAULT_FADE_DAYS,
    follow_up_age,
    follow_up_due,
    follow_up_item,
    follow_up_key,
    follow_up_reason,
    has_faded,
    is_follow_up_done,
    meeting_phrase,
    needs_follow_up,
    parse_promises,
    promise_reason,
    reconnect_until,
    second_touch_due,
    second_touch_item,
)
from amity.model.enums import Direction, InteractionKind

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
    assert not tuesday_item.overdue(TUE)

    # Thursday: overdue, with its age.
    thursday_item = follow_up_item(812, 7, "Ana", "PyCon", MON, THU)
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
    assert promise_reason("send the article", MON, THU) == "promised 3 days ago: send the article"


# What a follow-up says: never "met" for what was not a meeting.


def test_reason_names_what_happened() -> None:
    assert meeting_phrase("met", "PyCon") == "met at PyCon"
    assert meeting_phrase("event", "the fair") == "met at the fair"
    assert meeting_phrase("coffee", "Blue Bottle") == "had coffee at Blue Bottle"
    assert meeting_phrase("video", "Zoom") == "had a video call"
    assert meeting_phrase("call", "") == "talked"  # an older follow-up from a call
    assert follow_up_reason("", MON, TUE, "coffee") == "had coffee yesterday, no follow-up yet"


# Follow-ups fade: a week to send it, then a gentler reconnect, then gone.

MET = date(2026, 10, 1)


def _after(days: int) -> date:
    return MET + timedelta(days=days)


def test_a_follow_up_is_one_for_a_week_then_a_reconnect() -> None:
    week = follow_up_item(5, 7, "Ana", "the fair", MET, _after(7))
    assert week.time_bound and week.draft_kind == "followup" and week.expires is None
    assert week.reason == "met at the fair 7 days ago, no follow-up yet"
    faded = follow_up_item(5, 7, "Ana", "the fair", MET, _after(10))
    assert faded.faded and not faded.time_bound
    assert faded.draft_kind == DraftKind.RECONNECT.value
    assert faded.shown_as == "reconnect" and faded.kind == "follow_up"
    assert faded.reason == "met at the fair 10 days ago; not too late for a short hello"
    assert "no follow-up yet" not in faded.reason
    assert faded.key == follow_up_key(5)  # done or skipped once, whatever its stage
    assert faded.due == _after(8) and faded.expires == reconnect_until(MET) == _after(28)


def test_a_faded_follow_up_leaves_the_agenda_after_four_weeks() -> None:
    for days, shown in ((10, True), (28, True), (29, False), (53, False)):
        item = follow_up_item(5, 7, "Ana", "the fair", MET, _after(days))
        agenda = build_agenda([item], _after(days))
        assert bool(agenda.items) is shown, days
        assert not agenda.deferred or shown


def test_fade_days_is_a_setting() -> None:
    assert not has_faded(MET, _after(7))
    assert has_faded(MET, _after(8))
    assert has_faded(MET, _after(4), fade_days=3)
    item = follow_up_item(5, 7, "Ana", "", MET, _after(4), fade_days=3)
    assert item.faded and item.expires == _after(12)
    assert DEFAULT_FADE_DAYS == 7


def test_a_reconnect_takes_its_turn_within_the_budget() -> None:
    faded = [follow_up_item(n, n, f"P{n}", "x", MET, _after(12)) for n in range(1, 4)]
    fresh = follow_up_item(9, 9, "New", "x", _after(11), _after(12))
    agenda = build_agenda([*faded, fresh], _after(12), budget=2)
    assert [i.key for i in agenda.items] == [fresh.key, faded[0].key]
    assert agenda.later == 2  # the other reconnects wait for room, never over the budget


# The second touch: new ties who answered hear from you again two to four weeks later.

FAIR = date(2026, 10, 1)
OUT, IN, BOTH = Direction.OUTBOUND, Direction.INBOUND, Direction.MUTUAL


def _day(n: int) -> date:
    return FAIR + timedelta(days=n)


def test_maya_is_reminded_three_weeks_after_the_fair_of_those_who_answered() -> None:
    answered = [(_day(1), OUT), (_day(3), IN)]
    assert second_touch_due(FAIR, answered, _day(21)) == _day(21)
    silent = [(_day(1), OUT)]
    assert second_touch_due(FAIR, silent, _day(21)) is None
    never_followed_up = [(_day(3), IN)]
    assert second_touch_due(FAIR, never_followed_up, _day(21)) is None


def test_the_second_touch_is_two_to_four_weeks_after_the_exchange() -> None:
    late_answer = [(_day(1), OUT), (_day(15), IN)]
    assert second_touch_due(FAIR, late_answer, _day(30)) == _day(29)  # two weeks on
    same_day = [(_day(0), OUT), (_day(0), IN)]
    assert second_touch_due(FAIR, same_day, _day(30)) == _day(21)  # three weeks at least
    they_wrote_first = [(_day(2), IN), (_day(3), OUT)]
    assert second_touch_due(FAIR, they_wrote_first, _day(30)) == _day(21)
    coffee_after = [(_day(1), OUT), (_day(6), BOTH)]
    assert second_touch_due(FAIR, coffee_after, _day(30)) == _day(21)


def test_a_later_contact_of_yours_is_the_second_touch_and_then_the_cadence_takes_over() -> None:
    back_and_forth = [(_day(1), OUT), (_day(3), IN), (_day(4), OUT)]
    assert second_touch_due(FAIR, back_and_forth, _day(21)) == _day(21)  # one conversation
    touched = [(_day(1), OUT), (_day(3), IN), (_day(12), OUT)]
    assert second_touch_due(FAIR, touched, _day(21)) is None
    assert second_touch_due(FAIR, [(_day(1), OUT), (_day(3), IN)], _day(49)) == _day(21)
    assert second_touch_due(FAIR, [(_day(1), OUT), (_day(3), IN)], _day(50)) is None
    earlier = [(FAIR - timedelta(days=5), OUT), (_day(3), IN)]  # before the meeting: not one
    assert second_touch_due(FAIR, earlier, _day(21)) is None


def test_second_touch_item_is_a_check_in_with_its_reason() -> None:
    item = second_touch_item(5, 7, "Ana", "the fair", FAIR, _day(21), _day(21))
    assert item.kind == "check_in" and item.draft_kind == "checkin"
    assert item.key == "second_touch:interaction:5"
    assert item.reason == "met at the fair 21 days ago and they answered; time for a second hello"
    assert item.expires == _day(49) and not item.time_bound


def test_a_second_touch_comes_before_routine_check_ins_that_are_older() -> None:
    from amity.engines.agenda import make_item
    from amity.model.enums import ReminderKind

    routine = [
        make_item(ReminderKind.CHECK_IN, f"check_in:person:{n}", n, f"Old {n}", _day(-90), "x")
        for n in range(10, 16)
    ]
    touch = second_touch_item(5, 7, "Ana", "the fair", FAIR, _day(21), _day(21))
    agenda = build_agenda([*routine, touch], _day(21), budget=2)
    assert agenda.items[0].person_name == "Ana"


def test_a_meeting_written_down_after_its_moment_asks_for_no_follow_up() -> None:
    from amity.engines.follow_ups import needs_follow_up

    assert needs_follow_up(InteractionKind.COFFEE, True, _day(0), _day(2))  # two days late
    assert needs_follow_up(InteractionKind.MET, False, _day(0), _day(7))  # still in the week
    assert not needs_follow_up(InteractionKind.COFFEE, True, _day(0), _day(21))  # history
    assert not needs_follow_up(InteractionKind.MET, True, _day(0), _day(9), fade_days=7)
    assert needs_follow_up(InteractionKind.MET, True, _day(0), _day(9), fade_days=14)


def test_a_done_follow_ups_reason_keeps_where_and_when() -> None:
    from amity.engines.follow_ups import followed_up_reason

    met = date(2026, 3, 2)
    fresh = follow_up_reason("PyCon", met, met + timedelta(days=1))
    faded = follow_up_reason("PyCon", met, met + timedelta(days=10))
    assert followed_up_reason(fresh) == "met at PyCon yesterday"
    assert followed_up_reason(faded) == "met at PyCon 10 days ago"
    assert followed_up_reason("a reminder") == "a reminder"
