"""The network-wide score is `strength.score`, number for number, on generated cases."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np

from amity.engines.strength import RelationshipStats, score
from amity.engines.strength_arrays import StatsColumns, scores

TODAY = date(2026, 11, 22)


def _random_stats(rng: random.Random) -> RelationshipStats:
    count = rng.choice([0, 1, 1, 2, 3, rng.randint(1, 40), rng.randint(1, 800)])
    inbound = rng.randint(0, count)
    outbound = rng.randint(0, count - inbound)
    last = TODAY - timedelta(days=rng.choice([0, 1, rng.randint(0, 60), rng.randint(0, 4000)]))
    first = last - timedelta(days=rng.choice([0, rng.randint(0, 30), rng.randint(0, 5000)]))
    depth = count * rng.choice([0.0, 1.0, rng.uniform(0.5, 3.0), 3.0])
    return RelationshipStats(
        first_contact_on=rng.choice([first, first, None]),
        last_contact_on=rng.choice([last] * 9 + [None]),
        interaction_count=count,
        inbound_count=inbound,
        outbound_count=outbound,
        depth_total=depth,
    )


def _columns(people: list[RelationshipStats]) -> StatsColumns:
    def column(values: list[float]) -> np.ndarray:
        return np.array(values, dtype=np.float64)

    def days(s: RelationshipStats, day: date | None) -> float:
        return float((TODAY - day).days) if day else 0.0

    return StatsColumns(
        count=column([s.interaction_count if s.last_contact_on else 0 for s in people]),
        inbound=column([s.inbound_count for s in people]),
        outbound=column([s.outbound_count for s in people]),
        depth_total=column([s.depth_total for s in people]),
        known=column([days(s, s.first_contact_on or s.last_contact_on) for s in people]),
        since=column([days(s, s.last_contact_on) for s in people]),
        spread=column(
            [
                float((s.last_contact_on - (s.first_contact_on or s.last_contact_on)).days)
                if s.last_contact_on
                else 0.0
                for s in people
            ]
        ),
    )


def test_the_array_scores_are_the_scalar_scores() -> None:
    rng = random.Random(11)
    people = [_random_stats(rng) for _ in range(20_000)]
    expected = [score(s, TODAY) for s in people]
    assert scores(_columns(people)).tolist() == expected


def test_no_people_no_scores() -> None:
    assert scores(_columns([])).tolist() == []
