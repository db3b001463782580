"""The report over columns is `health.network_report`, row for row, on generated networks."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest

from amity.engines.health import (
    FollowUpRow,
    HabitWeek,
    LedgerRow,
    PersonHealthRow,
    network_report,
)
from amity.engines.health_arrays import NetworkColumns, cooling_candidates, network_report_of
from amity.engines.strength import Tier
from amity.engines.strength_arrays import TIERS
from amity.model.enums import LedgerDirection, LedgerKind

TODAY = date(2026, 11, 22)
# Labels that collide once stripped, differ only in case, or are blank.
LABELS = ["PyCon", "pycon", " PyCon ", "LinkedIn", "linkedin", "", "  ", "met at work", "Ba"]
NAMES = ["Ana", "ana", "Ben", "Émile", "Zoë", "ben", "Chloé"]


def _day(rng: random.Random) -> date | None:
    return rng.choice([None, TODAY - timedelta(days=rng.randint(-10, 900))])


def _network(size: int, seed: int) -> tuple[list[PersonHealthRow], NetworkColumns]:
    rng = random.Random(seed)
    ids = rng.sample(range(1, 10 * size + 2), size)
    tiers = [rng.choice(TIERS) for _ in ids]
    # few distinct scores and peaks, so ties in the rankings are common
    scores = [rng.choice([0, 15, 20, 44, 45, 70, 90, rng.randint(0, 100)]) for _ in ids]
    peaks = [rng.choice([0, 40, 41, 60, rng.randint(0, 100)]) for _ in ids]
    how_met = [rng.choice(LABELS) for _ in ids]
    last = [_day(rng) for _ in ids]
    due = [_day(rng) for _ in ids]
    sources = {pid: rng.choice(LABELS) for pid in ids if rng.random() < 0.6}
    tags = {pid: rng.sample(LABELS, rng.randint(1, 3)) for pid in ids if rng.random() < 0.5}
    events = {pid: [rng.choice(LABELS)] * rng.randint(1, 2) for pid in ids if rng.random() < 0.2}
    tags[10 * size + 5] = ["a person not in the report"]
    names = [rng.choice(NAMES) for _ in ids]
    rows = [
        PersonHealthRow(
            pid,
            names[n],
            scores[n],
            tiers[n],
            peaks[n] if tiers[n] is Tier.COOLING else None,
            how_met[n],
            sources.get(pid, ""),
            tuple(tags.get(pid, ())),
            tuple(events.get(pid, ())),
            last[n],
            due[n],
        )
        for n, pid in enumerate(ids)
    ]

    def days(values: list[date | None]) -> np.ndarray:
        return np.array([d.isoformat() if d else None for d in values], dtype="datetime64[D]")

    columns = NetworkColumns(
        np.array(ids, dtype=np.int64),
        names,
        np.array(scores, dtype=np.int64),
        np.array([TIERS.index(t) for t in tiers], dtype=np.int8),
        np.array(peaks, dtype=np.int64),
        how_met,
        days(last),
        days(due),
        sources,
        tags,
        events,
    )
    return rows, columns


def _history(seed: int) -> tuple[list[LedgerRow], list[FollowUpRow], list[HabitWeek]]:
    rng = random.Random(seed)
    ledger = [
        LedgerRow(
            rng.randint(1, 50),
            rng.choice(list(LedgerDirection)),
            rng.choice(list(LedgerKind)),
            TODAY - timedelta(days=rng.randint(0, 300)),
        )
        for _ in range(30)
    ]
    follow_ups = [
        FollowUpRow(n, TODAY - timedelta(days=rng.randint(0, 100)), _day(rng)) for n in range(40)
    ]
    monday = TODAY - timedelta(days=TODAY.weekday())
    habits = [HabitWeek(monday - timedelta(weeks=n), rng.randint(0, 5), 3) for n in range(12)]
    return ledger, follow_ups, habits


@pytest.mark.parametrize(("size", "seed"), [(3000, 1), (400, 2), (37, 3), (1, 4), (0, 5)])
@pytest.mark.parametrize("limit", [10, 1, 0, 5000])
def test_the_report_over_columns_is_the_report_over_rows(size: int, seed: int, limit: int) -> None:
    rows, columns = _network(size, seed)
    ledger, follow_ups, habits = _history(seed)
    expected = network_report(rows, ledger, follow_ups, habits, TODAY, cooling_limit=limit)
    found = network_report_of(columns, ledger, follow_ups, habits, TODAY, cooling_limit=limit)
    assert found == expected


def test_a_row_is_the_person_at_that_position() -> None:
    rows, columns = _network(200, 6)
    assert columns.rows(range(200)) == rows


def test_the_cooling_candidates_are_few_and_keep_every_tie_at_the_cut() -> None:
    rows, columns = _network(3000, 7)
    cooling = [r for r in rows if r.tier is Tier.COOLING]
    kept = columns.rows(cooling_candidates(columns, 10))
    assert 10 <= len(kept) < len(cooling) / 4
    tenth = sorted(((r.previous_score or 0, r.score) for r in cooling), reverse=True)[9]
    assert {r.person_id for r in kept} == {
        r.person_id for r in cooling if ((r.previous_score or 0), r.score) >= tenth
    }
