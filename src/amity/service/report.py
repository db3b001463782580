"""How the network is doing (the report) and what to do differently (the coach)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from amity.engines.cadence import week_start
from amity.engines.health import (
    FollowUpRow,
    HabitWeek,
    LedgerRow,
    NetworkReport,
)
from amity.engines.health_arrays import NetworkColumns, network_report_of
from amity.engines.strength import Tier
from amity.engines.strength_arrays import peak_scores, scores, stats_columns, tiers
from amity.model import LedgerDirection, LedgerKind
from amity.service.agenda import outbound_per_day
from amity.service.report_types import (
    CoolingTie,
    CoreTie,
    Growth,
    Habit,
    Report,
    WeekCount,
)
from amity.service.settings import preferences
from amity.store import Store, as_date, history
from amity.store import report as report_store
from amity.store import sources as sources_store
from amity.store import tags as tags_store


def living_network(store: Store, today: date, *, with_labels: bool = True) -> NetworkColumns:
    """Everyone alive and not archived, scored today, as columns (numpy scores the whole
    network at once); `with_labels` adds the tags, events and import sources the report
    groups by (the coach needs none of them)."""
    people = report_store.living_people(store)
    stats = stats_columns(
        today,
        people.first_contact_on,
        people.last_contact_on,
        people.interaction_count,
        people.inbound_count,
        people.outbound_count,
        people.depth_total,
    )
    points = scores(stats)
    tags, events, sources = _labels(store) if with_labels else ({}, {}, {})
    short = {how: _source(how) for how in set(people.how_met)}  # a few distinct texts
    return NetworkColumns(
        people.ids,
        people.names,
        points,
        tiers(points, stats),
        peak_scores(stats),  # how strong a fading tie used to be
        [short[how] for how in people.how_met],
        people.last_contact_on,
        people.next_due_on,
        sources,
        tags,
        events,
    )


def _labels(
    store: Store,
) -> tuple[dict[int, list[str]], dict[int, list[str]], dict[int, str]]:
    """Each person's tags, the events they were met at, and their first import source."""
    return (
        tags_store.tags_by_person(store),
        report_store.events_met_by_person(store),
        sources_store.first_source_by_person(store),
    )


def _source(how_met: str) -> str:
    """`met at PyCon` and `met at PyCon 2025` are one source; keep the text short."""
    return " ".join(how_met.split())[:60]


def ledger_rows(store: Store, person_id: int | None = None) -> list[LedgerRow]:
    return [
        LedgerRow(
            int(r["person_id"]),
            LedgerDirection(r["direction"]),
            LedgerKind(r["kind"]),
            as_date(r["occurred_on"]) or date.min,
            r["what"],
        )
        for r in report_store.ledger_entries(store, person_id)
    ]


def follow_up_rows(store: Store, today: date) -> list[FollowUpRow]:
    rows = report_store.follow_ups_since(store, today - timedelta(days=120))
    return [
        FollowUpRow(
            int(r["person_id"]),
            as_date(r["occurred_on"]) or today,
            as_date(r["closed_on"]) if r["state"] == "done" else None,
        )
        for r in rows
    ]


def habit_weeks(store: Store, today: date, weeks: int = 12) -> list[HabitWeek]:
    goal = int(preferences.get(store, "weekly_goal") or 3)
    first = week_start(today) - timedelta(weeks=weeks - 1)
    per_week: Counter[date] = Counter()
    for day, count in outbound_per_day(store, today, weeks).items():
        if day >= first:
            per_week[week_start(day)] += count
    return [
        HabitWeek(first + timedelta(weeks=n), per_week.get(first + timedelta(weeks=n), 0), goal)
        for n in range(weeks)
    ]


def network_health(store: Store, today: date) -> NetworkReport:
    return network_report_of(
        living_network(store, today),
        ledger_rows(store),
        follow_up_rows(store, today),
        habit_weeks(store, today),
        today,
    )


def report(store: Store, today: date) -> Report:
    """How the network is doing today (`amity report`); records this week's tier counts."""
    from amity.service.tier_history import tier_history

    r = network_health(store, today)
    tiers = {t: r.tiers.get(t, 0) for t in Tier}
    this_week = r.habits.this_week if r.habits else None
    return Report(
        today,
        r.total,
        tiers,
        tuple(tier_history(store, today, {t.value: n for t, n in tiers.items()})),
        growth(store, today),
        tuple(CoreTie(p.person_id, p.name, p.score) for p in r.core),
        tuple(CoolingTie(p.person_id, p.name, p.score, p.previous_score) for p in r.cooling),
        r.follow_up,
        r.balance,
        Habit(
            this_week.done if this_week else 0,
            this_week.target if this_week else 0,
            r.habits.streak_weeks if r.habits else 0,
            r.habits.weeks_met if r.habits else 0,
            r.habits.weeks_total if r.habits else 0,
        ),
        tuple(r.sources[:10]),
        tuple(r.communities[:10]),
        tuple(r.events[:10]),
    )


def growth(store: Store, today: date, weeks: int = 12) -> Growth:
    """New people week by week: those you met or talked with for the first time (their first
    interaction that was not imported). People an import created are counted apart, never
    as growth: importing 240 LinkedIn connections is not meeting 240 people."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    per_week: Counter[date] = Counter()
    for day, count in history.new_people_per_day(store, first).items():
        if day <= today:
            per_week[week_start(day)] += count
    starts = [first + timedelta(weeks=n) for n in range(weeks)]
    return Growth(
        tuple(WeekCount(w, per_week.get(w, 0)) for w in starts),
        sum(per_week.values()),
        history.imported_since(store, first),
        first,
    )
