from __future__ import annotations

from datetime import date, timedelta

from amity.engines.health import (
    FollowUpRow,
    HabitWeek,
    LedgerRow,
    PersonHealthRow,
    Yield,
    balance,
    follow_up_rate,
    habit_progress,
    network_report,
)
from amity.engines.strength import Tier
from amity.model.enums import LedgerDirection, LedgerKind

TODAY = date(2025, 6, 1)
GAVE, RECEIVED, ASKED = LedgerDirection.GAVE, LedgerDirection.RECEIVED, LedgerDirection.ASKED


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def person(pid: int, name: str, score: int, tier: Tier, **kw: object) -> PersonHealthRow:
    return PersonHealthRow(pid, name, score, tier, **kw)  # type: ignore[arg-type]


PEOPLE = [
    person(1, "Ana", 90, Tier.CORE, how_met="PyCon", source="linkedin", tags=("python",)),
    person(2, "Ben", 70, Tier.CORE, how_met="", source="vcard", events=("PyCon 2024",)),
    person(3, "Chloé", 70, Tier.CORE, how_met="PyCon", tags=("python", "climbing")),
    person(4, "Dev", 50, Tier.ACTIVE, source="linkedin", events=("PyCon 2024", "Fintech Fair")),
    person(5, "Eli", 30, Tier.COOLING, previous_score=80, source="linkedin"),
    person(6, "Fay", 35, Tier.COOLING, previous_score=50, source="linkedin", tags=("python",)),
    person(7, "Gus", 20, Tier.COOLING, source="linkedin", events=("Fintech Fair",)),
    person(8, "Hal", 5, Tier.DORMANT, source="linkedin"),
    person(9, "Ida", 0, Tier.DORMANT, how_met="PyCon", source="linkedin"),
]


def test_report_counts_tiers_and_names_the_core() -> None:
    report = network_report(PEOPLE, [], [], [], TODAY)
    assert report.total == 9
    assert report.tiers == {
        Tier.CORE: 3,
        Tier.ACTIVE: 1,
        Tier.COOLING: 3,
        Tier.DORMANT: 2,
        Tier.NEW: 0,
    }
    assert [p.name for p in report.core] == ["Ana", "Ben", "Chloé"]


def test_cooling_ranks_by_how_strong_the_tie_used_to_be() -> None:
    report = network_report(PEOPLE, [], [], [], TODAY, cooling_limit=2)
    assert [p.name for p in report.cooling] == ["Eli", "Fay"]
    everyone = network_report(PEOPLE, [], [], [], TODAY).cooling
    assert [p.name for p in everyone] == ["Eli", "Fay", "Gus"]


def test_sources_communities_and_events_of_meaningful_ties() -> None:
    report = network_report(PEOPLE, [], [], [], TODAY)
    # how_met wins over the import source: Ida came from LinkedIn but was met at PyCon.
    assert report.sources == [Yield("PyCon", 2, 3), Yield("vcard", 1, 1), Yield("linkedin", 1, 5)]
    assert report.communities == [Yield("python", 2, 3), Yield("climbing", 1, 1)]
    assert report.events == [Yield("PyCon 2024", 2, 2), Yield("Fintech Fair", 1, 2)]
    assert report.events[1].share == 0.5


def test_follow_up_rate_counts_due_follow_ups_in_the_last_ninety_days() -> None:
    rows = [
        FollowUpRow(1, days_ago(10), days_ago(10)),  # same day: on time
        FollowUpRow(2, days_ago(20), days_ago(19)),  # next day: on time
        FollowUpRow(3, days_ago(30), days_ago(27)),  # three days later: late
        FollowUpRow(4, days_ago(40), None),  # never: missed
        FollowUpRow(5, days_ago(1), None),  # due today, still pending: not counted
        FollowUpRow(6, days_ago(1), TODAY),  # due today and done: on time
        FollowUpRow(7, days_ago(200), days_ago(200)),  # outside the window
    ]
    rate = follow_up_rate(rows, TODAY)
    assert (rate.on_time, rate.due) == (3, 5)
    assert rate.rate == 0.6
    assert follow_up_rate([], TODAY).rate is None


def test_balance_counts_give_and_take() -> None:
    rows = [
        LedgerRow(1, GAVE, LedgerKind.ADVICE, days_ago(3)),
        LedgerRow(1, GAVE, LedgerKind.INTRODUCTION, days_ago(30)),
        LedgerRow(1, GAVE, LedgerKind.RESOURCE, days_ago(60)),
        LedgerRow(1, RECEIVED, LedgerKind.REFERRAL, days_ago(90)),
    ]
    result = balance(rows)
    assert (result.gave, result.received, result.asked, result.net) == (3, 1, 0, 2)
    assert result.phrase == "you have given more than you have taken"


def test_balance_phrases() -> None:
    ask = LedgerRow(1, ASKED, LedgerKind.REFERRAL, days_ago(3))
    give = LedgerRow(1, GAVE, LedgerKind.ADVICE, days_ago(3))
    assert balance([]).phrase == "nothing given or asked yet"
    assert balance([ask, give]).phrase == "give and take is even"
    taker = balance([ask, ask, ask])
    assert taker.net == -3
    assert taker.phrase == "you have taken more than you have given"


def test_report_carries_the_network_balance() -> None:
    rows = [LedgerRow(i, ASKED, LedgerKind.REFERRAL, days_ago(i)) for i in range(1, 5)]
    report = network_report(PEOPLE, rows, [], [], TODAY)
    assert report.balance.asked == 4
    assert report.habits is None


def test_habit_streak_ignores_the_week_under_way() -> None:
    monday = date(2025, 5, 26)
    weeks = [
        HabitWeek(monday - timedelta(weeks=4), 1, 3),
        HabitWeek(monday - timedelta(weeks=3), 3, 3),
        HabitWeek(monday - timedelta(weeks=2), 4, 3),
        HabitWeek(monday - timedelta(weeks=1), 3, 3),
        HabitWeek(monday, 1, 3),
    ]
    progress = habit_progress(weeks, TODAY)
    assert progress is not None
    assert progress.this_week == HabitWeek(monday, 1, 3)
    assert progress.streak_weeks == 3
    assert (progress.weeks_met, progress.weeks_total) == (3, 5)


def test_habit_streak_breaks_on_a_missing_week() -> None:
    monday = date(2025, 5, 26)
    weeks = [HabitWeek(monday - timedelta(weeks=3), 3, 3), HabitWeek(monday, 3, 3)]
    progress = habit_progress(weeks, TODAY)
    assert progress is not None
    assert progress.streak_weeks == 1
