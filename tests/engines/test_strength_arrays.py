"""The network-wide score, peak and tier are `strength.score`, `peak_score` and `tier`, number
for number, on generated cases."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np

from amity.engines.strength import RelationshipStats, Tier, peak_score, score, tier
from amity.engines.strength_arrays import (
    TIERS,
    StatsColumns,
    peak_scores,
    scores,
    stats_columns,
    tiers,
)

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


# Days on and either side of every threshold the tier looks at (new, and each band's window).
EDGE_DAYS = [-3, 0, 1, 29, 30, 31, 179, 180, 181, 364, 365, 366, 729, 730, 731, 4000]
EDGE_SCORES = [0, 1, 14, 15, 16, 44, 45, 46, 69, 70, 71, 99, 100]


def _edge_stats(rng: random.Random) -> RelationshipStats:
    """A tie whose last contact and first contact sit on or beside a tier's threshold."""
    count = rng.choice([0, 1, 2, rng.randint(1, 300)])
    inbound = rng.randint(0, count)
    last = TODAY - timedelta(days=rng.choice(EDGE_DAYS))
    known = rng.choice([*EDGE_DAYS, rng.randint(0, 5000)])
    first = min(last, TODAY - timedelta(days=known))
    return RelationshipStats(
        first_contact_on=rng.choice([first, first, None]),
        last_contact_on=rng.choice([last] * 6 + [None]),
        interaction_count=count,
        inbound_count=inbound,
        outbound_count=rng.randint(0, count - inbound),
        depth_total=count * rng.choice([1.0, 2.0, 3.0]),
    )


def _cases() -> list[RelationshipStats]:
    rng = random.Random(12)
    people = [_random_stats(rng) for _ in range(10_000)] + [_edge_stats(rng) for _ in range(10_000)]
    return [
        *people,
        RelationshipStats(),  # never in touch
        RelationshipStats(last_contact_on=TODAY - timedelta(days=3)),  # a date but no count
        RelationshipStats(interaction_count=4, inbound_count=2),  # a count but no date
        RelationshipStats(  # new: first contact today
            first_contact_on=TODAY, last_contact_on=TODAY, interaction_count=1
        ),
        RelationshipStats(  # far past: ten years of silence after a strong tie
            first_contact_on=TODAY - timedelta(days=9000),
            last_contact_on=TODAY - timedelta(days=3650),
            interaction_count=400,
            inbound_count=150,
            outbound_count=150,
            depth_total=1000.0,
        ),
    ]


def test_the_array_tiers_are_the_scalar_tiers() -> None:
    people = _cases()
    points = [score(s, TODAY) for s in people]
    codes = tiers(np.array(points, dtype=np.int64), _columns(people))
    assert [TIERS[c] for c in codes] == [
        tier(p, s, TODAY) for p, s in zip(points, people, strict=True)
    ]


def test_the_array_tiers_follow_the_scalar_thresholds_for_any_score() -> None:
    rng = random.Random(13)
    people = _cases()
    points = [rng.choice(EDGE_SCORES) for _ in people]
    codes = tiers(np.array(points, dtype=np.int64), _columns(people))
    assert [TIERS[c] for c in codes] == [
        tier(p, s, TODAY) for p, s in zip(points, people, strict=True)
    ]
    # every tier and every band's edge is exercised
    assert {TIERS[c] for c in codes} == set(Tier)


def test_the_array_peaks_are_the_scalar_peaks() -> None:
    people = _cases()
    assert peak_scores(_columns(people)).tolist() == [peak_score(s) for s in people]


def test_no_people_no_tiers() -> None:
    empty = _columns([])
    assert tiers(scores(empty), empty).tolist() == []
    assert peak_scores(empty).tolist() == []


def test_the_columns_read_from_dates_are_the_stats() -> None:
    people = _cases()

    def days(values: list[date | None]) -> np.ndarray:
        return np.array([d.isoformat() if d else None for d in values], dtype="datetime64[D]")

    def floats(values: list[float]) -> np.ndarray:
        return np.array(values, dtype=np.float64)

    read = stats_columns(
        TODAY,
        days([s.first_contact_on for s in people]),
        days([s.last_contact_on for s in people]),
        floats([s.interaction_count for s in people]),
        floats([s.inbound_count for s in people]),
        floats([s.outbound_count for s in people]),
        floats([s.depth_total for s in people]),
    )
    made = _columns(people)
    for name in ("count", "inbound", "outbound", "depth_total"):
        assert getattr(read, name).tolist() == getattr(made, name).tolist(), name
    in_touch = made.count > 0  # the days of someone never in touch are not read
    for name in ("known", "since", "spread"):
        assert getattr(read, name)[in_touch].tolist() == getattr(made, name)[in_touch].tolist()
    points = scores(read)
    assert points.tolist() == [score(s, TODAY) for s in people]
    assert [TIERS[c] for c in tiers(points, read)] == [
        tier(p, s, TODAY) for p, s in zip(points.tolist(), people, strict=True)
    ]
    assert peak_scores(read).tolist() == [peak_score(s) for s in people]
