from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from amity.engines.strength import (
    DEPTH_WEIGHTS,
    WEIGHTS,
    RelationshipStats,
    Tier,
    peak_score,
    score,
    strength,
    tier,
)
from amity.model.enums import InteractionKind

TODAY = date(2025, 6, 1)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


# Two years of weekly coffee, both sides asking, last one three days ago.
WEEKLY_COFFEE = RelationshipStats(
    first_contact_on=days_ago(730),
    last_contact_on=days_ago(3),
    last_outbound_on=days_ago(10),
    interaction_count=104,
    inbound_count=20,
    outbound_count=20,
    depth_total=104 * 3.0,
)
# One email a year for five years, the last one four months ago.
YEARLY_EMAIL = RelationshipStats(
    first_contact_on=days_ago(5 * 365),
    last_contact_on=days_ago(120),
    last_outbound_on=days_ago(120),
    interaction_count=5,
    inbound_count=2,
    outbound_count=3,
    depth_total=5.0,
)


def test_depth_weights_cover_every_kind() -> None:
    assert set(DEPTH_WEIGHTS) == set(InteractionKind)
    assert DEPTH_WEIGHTS[InteractionKind.COFFEE] == 3
    assert DEPTH_WEIGHTS[InteractionKind.VIDEO] == 2
    assert DEPTH_WEIGHTS[InteractionKind.EMAIL] == 1
    assert sum(WEIGHTS.values()) == pytest.approx(1.0)


def test_weekly_coffee_outranks_a_yearly_email() -> None:
    coffee, email = strength(WEEKLY_COFFEE, TODAY), strength(YEARLY_EMAIL, TODAY)
    assert coffee.score == 95
    assert email.score == 38
    assert coffee.parts["frequency"] > 0.98
    assert email.parts["frequency"] < 0.1


def test_parts_and_reasons_of_the_weekly_coffee() -> None:
    result = strength(WEEKLY_COFFEE, TODAY)
    assert result.parts["recency"] == pytest.approx(0.5 ** (3 / 90))
    assert result.parts["depth"] == 1.0
    assert result.parts["reciprocity"] == 1.0
    assert result.parts["length"] == pytest.approx(730 / 1095)
    assert result.reasons == [
        "talked 3 days ago",
        "about 52 conversations a year",
        "mostly in person",
        "they reach out as often as you do",
        "known for 2 years",
    ]


def test_reasons_rank_by_contribution() -> None:
    result = strength(YEARLY_EMAIL, TODAY)
    assert result.reasons[0] == "talked 4 months ago"
    assert result.reasons[-1] == "5 conversations in 5 years"
    assert "mostly messages" in result.reasons
    assert "known for 5 years" in result.reasons


def test_one_sided_relationship_scores_lower_on_reciprocity() -> None:
    mutual = RelationshipStats(days_ago(200), days_ago(10), days_ago(10), 12, 6, 6, 18.0)
    one_sided = RelationshipStats(days_ago(200), days_ago(10), days_ago(10), 12, 0, 12, 18.0)
    a, b = strength(mutual, TODAY), strength(one_sided, TODAY)
    assert a.parts["reciprocity"] == 1.0
    assert b.parts["reciprocity"] == 0.0
    assert a.score - b.score == 10
    assert "you have never reached out" not in b.reasons
    assert "they have never reached out" in b.reasons


def test_mutual_interactions_count_for_both_sides() -> None:
    # 4 meetings (neither side's initiative), 2 of their messages: 6 theirs, 4 yours.
    stats = RelationshipStats(days_ago(100), days_ago(5), None, 6, 2, 0, 14.0)
    result = strength(stats, TODAY)
    assert result.parts["reciprocity"] == pytest.approx(4 / 6)
    assert "they reach out more than you do" in result.reasons


def test_recency_halves_every_ninety_days() -> None:
    fresh = strength(RelationshipStats(days_ago(1000), TODAY, None, 1, 0, 0, 1.0), TODAY)
    old = strength(RelationshipStats(days_ago(1000), days_ago(90), None, 1, 0, 0, 1.0), TODAY)
    assert fresh.parts["recency"] == 1.0
    assert old.parts["recency"] == pytest.approx(0.5)
    assert fresh.reasons[0] == "talked today"


def test_new_ties_are_measured_over_at_least_ninety_days() -> None:
    met_yesterday = RelationshipStats(days_ago(1), days_ago(1), None, 1, 0, 0, 3.0)
    result = strength(met_yesterday, TODAY)
    assert result.parts["frequency"] == pytest.approx(1 - 2.718281828 ** (-365 / 90 / 12))
    assert result.reasons[0] == "talked yesterday"
    assert "one conversation so far" in result.reasons
    assert "known for 1 day" in result.reasons


def test_no_interactions_scores_zero() -> None:
    result = strength(RelationshipStats(), TODAY)
    assert result.score == 0
    assert result.reasons == ["no conversations yet"]
    assert score(RelationshipStats(), TODAY) == 0
    assert tier(0, None, TODAY) is Tier.DORMANT


def test_fast_score_matches_the_explained_one() -> None:
    rng = random.Random(7)
    for stats in _random_stats(rng, 2000):
        assert score(stats, TODAY) == strength(stats, TODAY).score


def test_score_never_leaves_0_to_100() -> None:
    rng = random.Random(8)
    assert all(0 <= score(s, TODAY) <= 100 for s in _random_stats(rng, 2000))


def test_tiers_need_score_and_recent_contact() -> None:
    assert tier(95, days_ago(3), TODAY) is Tier.CORE
    assert tier(95, days_ago(91), TODAY) is Tier.ACTIVE
    assert tier(64, days_ago(3), TODAY) is Tier.ACTIVE
    assert tier(40, days_ago(180), TODAY) is Tier.ACTIVE
    assert tier(39, days_ago(3), TODAY) is Tier.COOLING
    assert tier(90, days_ago(181), TODAY) is Tier.COOLING
    assert tier(90, days_ago(365), TODAY) is Tier.COOLING
    assert tier(90, days_ago(366), TODAY) is Tier.DORMANT


def test_examples_land_in_the_expected_tiers() -> None:
    assert tier(score(WEEKLY_COFFEE, TODAY), WEEKLY_COFFEE.last_contact_on, TODAY) is Tier.CORE
    assert tier(score(YEARLY_EMAIL, TODAY), YEARLY_EMAIL.last_contact_on, TODAY) is Tier.COOLING


def test_peak_score_is_the_score_on_the_last_contact_day() -> None:
    stopped = RelationshipStats(days_ago(900), days_ago(300), days_ago(300), 80, 30, 30, 200.0)
    assert peak_score(stopped) == score(stopped, days_ago(300))
    assert peak_score(stopped) > score(stopped, TODAY)
    assert peak_score(RelationshipStats()) == 0


def _random_stats(rng: random.Random, n: int) -> list[RelationshipStats]:
    rows = []
    for _ in range(n):
        first = TODAY - timedelta(days=rng.randint(0, 3000))
        last = first + timedelta(days=rng.randint(0, (TODAY - first).days))
        count = rng.randint(1, 300)
        inbound = rng.randint(0, count)
        outbound = rng.randint(0, count - inbound)
        depth = count * rng.uniform(1, 3)
        rows.append(RelationshipStats(first, last, last, count, inbound, outbound, depth))
    return rows
