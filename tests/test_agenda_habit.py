"""The agenda's habit line reads only what the streak needs (`service.agenda.habit_progress`):
the same answer as counting every outbound contact of the year, on both engines."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from amity.engines.cadence import weekly_progress_from_counts
from amity.model import Direction, Interaction, InteractionKind, Person
from amity.service.agenda import HABIT_WEEKS, habit_progress, outbound_per_day
from amity.service.settings import preferences
from amity.store import Store
from amity.store import interactions as interaction_store
from amity.store import people as people_store

TODAY = date(2026, 11, 19)  # a Thursday: this week is partly in the future


def _history(store: Store, seed: int, goal: int) -> None:
    """Weeks at, above or below the goal, a run of good weeks back from last week, some
    inbound contacts and some after today (neither counts)."""
    rnd = random.Random(seed)
    with store.db.transaction():
        preferences.put(store, "weekly_goal", goal)
        pid = people_store.insert_person(store, Person(name="Habit Person"), TODAY)
        good_weeks = rnd.randint(0, HABIT_WEEKS + 3)
        for back in range(HABIT_WEEKS + 6):
            monday = TODAY - timedelta(days=TODAY.weekday() + 7 * back)
            count = rnd.randint(goal, goal + 2) if back <= good_weeks else rnd.randint(0, goal)
            for n in range(count):
                day = monday + timedelta(days=rnd.randint(0, 6))
                way = Direction.OUTBOUND if n % 4 else Direction.INBOUND
                interaction_store.insert_interaction(
                    store, Interaction(InteractionKind.MESSAGE, day, way, [pid])
                )


@pytest.mark.parametrize(("seed", "goal"), [(1, 1), (2, 3), (3, 3), (4, 5), (5, 2), (6, 3)])
def test_the_streak_read_week_by_week_is_the_full_counts_streak(
    store: Store, seed: int, goal: int
) -> None:
    _history(store, seed, goal)
    for today in (TODAY, TODAY + timedelta(days=4), TODAY - timedelta(days=40)):
        full = weekly_progress_from_counts(outbound_per_day(store, today, HABIT_WEEKS), today, goal)
        assert habit_progress(store, today) == full
