import random
from datetime import date, timedelta

import pytest

from amity.engines.agenda import AgendaItem, build_agenda, make_item, rank
from amity.errors import UsageError
from amity.model.enums import DONE, OPEN, SKIPPED, SNOOZED, ReminderKind
from amity.model.wording import relative_day

MON = date(2026, 3, 2)
WEEK = [MON + timedelta(days=n) for n in range(7)]


def item(
    kind: ReminderKind,
    person_id: int,
    due: date,
    *,
    name: str = "",
    strength: int = 0,
    expires: date | None = None,
    show_by: date | None = None,
) -> AgendaItem:
    key = f"{kind.value}:person:{person_id}:{due.isoformat()}"
    return make_item(
        kind,
        key,
        person_id,
        name or f"Person {person_id:02d}",
        due,
        "reason",
        strength=strength,
        expires=expires,
        show_by=show_by,
    )


def check_ins(count: int) -> list[AgendaItem]:
    """`count` check-ins due over the last weeks, each with its own strength."""
    return [
        item(ReminderKind.CHECK_IN, n, MON - timedelta(days=n % 9), strength=(n * 37) % 100)
        for n in range(1, count + 1)
    ]


def test_relative_day() -> None:
    assert [relative_day(d) for d in (-3, -1, 0, 1, 4)] == [
        "3 days ago",
        "yesterday",
        "today",
        "tomorrow",
        "in 4 days",
    ]


def test_order_by_kind_then_due_then_strength_then_name() -> None:
    items = [
        item(ReminderKind.GOING_COLD, 1, MON - timedelta(days=90)),
        item(ReminderKind.CHECK_IN, 2, MON, strength=10),
        item(ReminderKind.CHECK_IN, 3, MON, strength=80),
        item(ReminderKind.CHECK_IN, 4, MON - timedelta(days=1)),
        item(ReminderKind.BIRTHDAY, 5, MON),
        item(ReminderKind.NEW_JOB, 6, MON - timedelta(days=2)),
        item(ReminderKind.PROMISE, 7, MON),
        item(ReminderKind.FOLLOW_UP, 8, MON),
        item(ReminderKind.FOLLOW_UP, 9, MON - timedelta(days=3)),
        item(ReminderKind.ANNIVERSARY, 10, MON, name="Ada"),
        item(ReminderKind.BIRTHDAY, 11, MON, name="Bea"),
    ]
    assert [i.person_id for i in rank(items)] == [9, 8, 7, 6, 10, 11, 5, 4, 3, 2, 1]


def test_budget_shows_the_most_important_and_counts_the_rest_as_later() -> None:
    items = [item(ReminderKind.FOLLOW_UP, 101, MON), *check_ins(8)]
    agenda = build_agenda(items, MON)
    assert agenda.date == MON
    assert len(agenda.items) == 5
    assert agenda.items[0].kind == "follow_up"
    assert agenda.later == 4
    assert len(agenda.deferred) == 4


def test_follow_ups_are_always_shown_even_over_budget() -> None:
    # Maya met six people at a career fair: all six follow-ups show the next morning,
    # and check-ins wait for another day.
    follow_ups = [item(ReminderKind.FOLLOW_UP, 100 + n, MON) for n in range(1, 7)]
    agenda = build_agenda([*follow_ups, *check_ins(3)], MON)
    assert [i.kind for i in agenda.items] == ["follow_up"] * 6
    assert agenda.later == 3
    assert agenda.schedule[MON + timedelta(days=1)] == [i.key for i in rank(check_ins(3))]


def test_twenty_items_spread_over_the_week_at_most_five_a_day() -> None:
    items = check_ins(20)
    agenda = build_agenda(items, MON)
    assert agenda.later == 15
    assert sorted(agenda.schedule) == WEEK[:4]
    assert all(len(keys) == 5 for keys in agenda.schedule.values())
    assert [i.key for i in agenda.items] == agenda.schedule[MON]
    # Most important first: the oldest due dates land on Monday.
    assert agenda.items[0].due == MON - timedelta(days=8)
    # Deterministic: the order the store hands items in does not matter.
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    assert build_agenda(shuffled, MON) == agenda


def test_spread_is_stable_as_the_days_pass() -> None:
    items = check_ins(20)
    monday = build_agenda(items, MON)
    planned = {key: day for day, keys in monday.schedule.items() for key in keys}

    done: set[str] = set()
    for today in WEEK[1:4]:
        done |= {key for key, day in planned.items() if day < today}
        agenda = build_agenda(items, today, done=done)
        assert {key: day for day, keys in agenda.schedule.items() for key in keys} == {
            key: day for key, day in planned.items() if day >= today
        }
        assert [i.key for i in agenda.items] == monday.schedule[today]


def test_a_newly_due_check_in_queues_behind_the_planned_ones() -> None:
    items = check_ins(20)
    monday = build_agenda(items, MON)
    tue = MON + timedelta(days=1)
    done = set(monday.schedule[MON])
    newcomer = item(ReminderKind.CHECK_IN, 99, tue, strength=100)
    agenda = build_agenda([*items, newcomer], tue, done=done)
    for day in WEEK[1:4]:
        assert agenda.schedule[day] == monday.schedule[day]
    assert agenda.schedule[WEEK[4]] == [newcomer.key]


def test_something_more_urgent_takes_a_slot() -> None:
    items = check_ins(10)
    monday = build_agenda(items, MON)
    follow_up = item(ReminderKind.FOLLOW_UP, 50, MON)
    agenda = build_agenda([*items, follow_up], MON)
    assert agenda.items[0] == follow_up
    assert len(agenda.items) == 5
    assert agenda.schedule[MON][1:] == monday.schedule[MON][:4]
    assert len(agenda.schedule[WEEK[2]]) == 1


def test_future_time_bound_items_reduce_that_days_room() -> None:
    wed = WEEK[2]
    birthdays = [item(ReminderKind.BIRTHDAY, 40 + n, wed) for n in range(3)]
    agenda = build_agenda([*birthdays, *check_ins(12)], MON)
    assert len(agenda.schedule[MON]) == 5
    assert len(agenda.schedule[WEEK[1]]) == 5
    wednesday = agenda.schedule[wed]
    assert wednesday[:3] == [b.key for b in birthdays]
    assert len(wednesday) == 5
    assert agenda.later == 7  # the birthdays are not due yet, so not "later"


def test_snooze_hides_until_the_date() -> None:
    follow_up = item(ReminderKind.FOLLOW_UP, 1, MON - timedelta(days=2))
    check_in = item(ReminderKind.CHECK_IN, 2, MON - timedelta(days=10))
    snoozed = {follow_up.key: WEEK[3], check_in.key: WEEK[2]}
    for today in WEEK[:2]:
        agenda = build_agenda([follow_up, check_in], today, snoozed=snoozed)
        assert agenda.items == []
        assert agenda.later == 0
        assert agenda.schedule == {WEEK[2]: [check_in.key], WEEK[3]: [follow_up.key]}
    assert build_agenda([follow_up, check_in], WEEK[2], snoozed=snoozed).items == [check_in]
    assert build_agenda([follow_up, check_in], WEEK[3], snoozed=snoozed).items == [
        follow_up,
        check_in,
    ]


def test_done_and_skipped_items_are_gone() -> None:
    items = check_ins(3)
    agenda = build_agenda(items, MON, done={items[0].key, items[1].key})
    assert agenda.items == [items[2]]


def test_expired_items_drop() -> None:
    birthday = item(ReminderKind.BIRTHDAY, 1, MON, expires=MON + timedelta(days=3))
    assert build_agenda([birthday], MON + timedelta(days=3)).items == [birthday]
    assert build_agenda([birthday], MON + timedelta(days=4)).items == []
    snoozed_past_expiry = {birthday.key: MON + timedelta(days=5)}
    assert build_agenda([birthday], MON, snoozed=snoozed_past_expiry).schedule == {}


def test_a_person_shows_once_a_day() -> None:
    birthday = item(ReminderKind.BIRTHDAY, 1, MON)
    check_in = item(ReminderKind.CHECK_IN, 1, MON - timedelta(days=5))
    other = item(ReminderKind.CHECK_IN, 2, MON)
    agenda = build_agenda([birthday, check_in, other], MON)
    assert agenda.items == [birthday, other]
    assert agenda.later == 0


def test_dated_items_follow_the_schedule() -> None:
    agenda = build_agenda(check_ins(7), MON)
    dated = agenda.dated_items()
    assert [day for day, _ in dated] == [MON] * 5 + [WEEK[1]] * 2
    assert [i.key for _, i in dated] == agenda.schedule[MON] + agenda.schedule[WEEK[1]]


def test_budget_must_be_positive() -> None:
    with pytest.raises(UsageError):
        build_agenda([], MON, budget=0)


def test_smaller_budget() -> None:
    agenda = build_agenda(check_ins(7), MON, budget=3)
    assert [len(keys) for keys in agenda.schedule.values()] == [3, 3, 1]
    assert agenda.later == 4


# Birthdays on the day, whatever fills the budget; other occasions within a few days.


def birthday(person_id: int, on: date, strength: int = 0) -> AgendaItem:
    return item(
        ReminderKind.BIRTHDAY,
        person_id,
        on,
        strength=strength,
        show_by=on,
        expires=on + timedelta(days=3),
    )


def test_a_birthday_shows_on_the_day_even_when_follow_ups_fill_the_budget() -> None:
    follow_ups = [item(ReminderKind.FOLLOW_UP, 100 + n, MON) for n in range(8)]
    bea = birthday(1, MON)
    agenda = build_agenda([*follow_ups, bea, *check_ins(4)], MON, budget=5)
    assert bea in agenda.items
    assert len(agenda.items) == 9  # eight follow-ups and the birthday; check-ins wait


def test_a_belated_birthday_takes_its_turn() -> None:
    follow_ups = [item(ReminderKind.FOLLOW_UP, 100 + n, WEEK[1]) for n in range(5)]
    late = birthday(1, MON)  # yesterday's, not shown then
    agenda = build_agenda([*follow_ups, late], WEEK[1], budget=5)
    assert late not in agenda.items and late in agenda.deferred


def test_at_most_a_budget_of_birthdays_is_pinned_strongest_first() -> None:
    follow_ups = [item(ReminderKind.FOLLOW_UP, 100 + n, MON) for n in range(5)]
    many = [birthday(n, MON, strength=n) for n in range(1, 13)]
    agenda = build_agenda([*follow_ups, *many], MON, budget=3)
    shown = [i.person_id for i in agenda.items if i.kind == "birthday"]
    assert shown == [12, 11, 10]


def test_an_anniversary_waits_for_room_then_shows_on_its_last_few_days() -> None:
    show_by = MON + timedelta(days=3)
    anniversary = item(ReminderKind.ANNIVERSARY, 1, MON, show_by=show_by, expires=show_by)
    for today in WEEK[:4]:
        follow_ups = [item(ReminderKind.FOLLOW_UP, 100 + n, today) for n in range(5)]
        agenda = build_agenda([*follow_ups, anniversary], today, budget=5)
        assert (anniversary in agenda.items) is (today == show_by), today


# Stable numbers: items acted on today keep their numbers.


def test_an_item_done_today_keeps_its_number_and_its_place_in_the_budget() -> None:
    items = check_ins(8)
    morning = build_agenda(items, MON, budget=3)
    assert [line.number for line in morning.numbered] == [1, 2, 3]
    assert all(line.state == OPEN for line in morning.numbered)
    first = morning.items[0]
    kept = [line.item for line in morning.numbered]
    later = build_agenda(items, MON, budget=3, done={first.key}, kept=kept, acted={first.key: DONE})
    assert [(line.number, line.item.key, line.state) for line in later.numbered] == [
        (1, first.key, DONE),
        (2, morning.items[1].key, OPEN),
        (3, morning.items[2].key, OPEN),
    ]
    assert later.items == morning.items[1:]  # no fourth check-in slides into the freed slot


def test_items_settled_otherwise_show_done_and_new_ones_come_after() -> None:
    items = check_ins(3)
    morning = build_agenda(items, MON)
    kept = [line.item for line in morning.numbered]
    skipped, logged = morning.items[0], morning.items[1]
    newcomer = item(ReminderKind.FOLLOW_UP, 77, MON)  # ranks first, but numbers hold
    snoozed_one = morning.items[2]
    # `logged` is no longer among the open items (a message settled it):
    later = build_agenda(
        [i for i in [*items, newcomer] if i.key != logged.key],
        MON,
        done={skipped.key},
        snoozed={snoozed_one.key: WEEK[2]},
        kept=kept,
        acted={skipped.key: SKIPPED, snoozed_one.key: SNOOZED},
    )
    assert [(line.number, line.item.key, line.state) for line in later.numbered] == [
        (1, skipped.key, SKIPPED),
        (2, logged.key, DONE),
        (3, snoozed_one.key, SNOOZED),
        (4, newcomer.key, OPEN),
    ]


def test_a_kept_item_still_open_stays_today() -> None:
    items = check_ins(6)
    morning = build_agenda(items, MON, budget=2)
    kept = [line.item for line in morning.numbered]
    urgent = [item(ReminderKind.CHECK_IN, 90 + n, MON - timedelta(days=30)) for n in range(2)]
    later = build_agenda([*items, *urgent], MON, budget=2, kept=kept)
    assert [line.item.key for line in later.numbered] == [i.key for i in kept]
