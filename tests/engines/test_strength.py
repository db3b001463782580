from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from amity.engines.strength import (
    DEPTH_WEIGHTS,
    WEIGHTS,
    Contact,
    RelationshipStats,
    Tier,
    peak_score,
    score,
    stats_of,
    strength,
    tier,
)
from amity.model.enums import Direction, InteractionKind

TODAY = date(2025, 6, 1)
K = InteractionKind
IN, OUT, BOTH = Direction.INBOUND, Direction.OUTBOUND, Direction.MUTUAL


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


# Two years of weekly coffee, both sides asking, last one three days ago.
WEEKLY_COFFEE = RelationshipStats(
    first_contact_on=days_ago(731),
    last_contact_on=days_ago(3),
    last_outbound_on=days_ago(10),
    interaction_count=105,
    inbound_count=20,
    outbound_count=20,
    depth_total=105 * 3.0,
)
# One email a year for five years, the last one four months ago.
YEARLY_EMAIL = RelationshipStats(
    first_contact_on=days_ago(4 * 365 + 120),
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
    assert coffee.score == 90
    assert email.score == 38
    assert coffee.parts["frequency"] > 0.98
    assert email.parts["frequency"] < 0.1
    assert tier(coffee.score, WEEKLY_COFFEE, TODAY) is Tier.CORE
    assert tier(email.score, YEARLY_EMAIL, TODAY) is Tier.COOLING


def test_parts_and_reasons_of_the_weekly_coffee() -> None:
    result = strength(WEEKLY_COFFEE, TODAY)
    assert result.parts["recency"] == 1.0
    assert result.parts["depth"] == pytest.approx(1.0)
    assert result.parts["reciprocity"] == 1.0
    assert result.parts["known"] == pytest.approx(1 - 0.5 ** (731 / 548))
    assert result.reasons == [
        "known 2 years",
        "105 interactions, last 3 days ago",
        "both ways",
        "mostly in person",
    ]
    assert result.summary == "; ".join(result.reasons)


def test_a_yearly_email_within_its_rhythm_is_not_fading() -> None:
    result = strength(YEARLY_EMAIL, TODAY)
    assert result.parts["recency"] == 1.0  # four months of silence is usual for a yearly email
    assert result.reasons == [
        "known 4 years",
        "5 interactions, last 4 months ago",
        "both ways",
        "messages only",
    ]


def test_silence_longer_than_usual_fades_the_tie_and_says_so() -> None:
    # Every 10 days for two years, then nothing for 200 days.
    quiet = RelationshipStats(days_ago(930), days_ago(200), None, 74, 20, 20, 100.0)
    result = strength(quiet, TODAY)
    # quiet after 2 × 10 days; then halving every 120 days.
    assert result.parts["recency"] == pytest.approx(0.5 ** ((200 - 20) / 120))
    assert result.reasons[1] == "74 interactions, last 7 months ago, usually every 10 days"
    assert peak_score(quiet) > 2 * result.score


def test_one_sided_contact_counts_little() -> None:
    mutual = RelationshipStats(days_ago(200), days_ago(10), days_ago(10), 12, 6, 6, 12.0)
    one_sided = RelationshipStats(days_ago(200), days_ago(10), days_ago(10), 12, 0, 12, 12.0)
    a, b = strength(mutual, TODAY), strength(one_sided, TODAY)
    assert a.parts["reciprocity"] > 0.98
    assert b.parts["reciprocity"] == 0.0
    assert b.parts["frequency"] < a.parts["frequency"] / 4  # only two of twelve count
    assert a.score > 2 * b.score
    assert b.reasons[2] == "only you reach out"
    only_them = RelationshipStats(days_ago(200), days_ago(10), None, 12, 12, 0, 12.0)
    assert strength(only_them, TODAY).reasons[2] == "only they reach out"


def test_mutual_interactions_count_for_both_sides() -> None:
    # 4 meetings (neither side's initiative), 2 of their messages: 6 theirs, 4 yours.
    stats = RelationshipStats(days_ago(100), days_ago(5), None, 6, 2, 0, 14.0)
    result = strength(stats, TODAY)
    assert result.parts["reciprocity"] == pytest.approx(1 - 0.5**4)
    assert result.reasons[2] == "both ways"
    lopsided = RelationshipStats(days_ago(100), days_ago(5), None, 10, 8, 0, 14.0)
    assert strength(lopsided, TODAY).reasons[2] == "mostly they reach out"


def test_following_up_never_weakens_a_new_tie() -> None:
    met = [Contact(days_ago(1), K.MET, BOTH)]
    followed = [*met, Contact(TODAY, K.MESSAGE, OUT)]
    answered = [*followed, Contact(TODAY, K.MESSAGE, IN)]
    scores = [score(stats_of(h), TODAY) for h in (met, followed, answered)]
    assert scores[0] <= scores[1] < scores[2]


def test_no_interaction_ever_lowers_the_score_on_its_day() -> None:
    rng = random.Random(3)
    kinds, ways = list(InteractionKind), list(Direction)
    for _ in range(300):
        history = [
            Contact(days_ago(rng.randint(0, 2000)), rng.choice(kinds), rng.choice(ways))
            for _ in range(rng.randint(1, 40))
        ]
        before = score(stats_of(history), TODAY)
        more = [*history, Contact(TODAY, rng.choice(kinds), rng.choice(ways))]
        assert score(stats_of(more), TODAY) >= before, history


def test_a_new_tie_is_new_whatever_its_score() -> None:
    busy_week = RelationshipStats(days_ago(6), TODAY, TODAY, 60, 30, 20, 140.0)
    points = score(busy_week, TODAY)
    assert tier(points, busy_week, TODAY) is Tier.NEW
    assert tier(99, busy_week, TODAY) is Tier.NEW
    month = RelationshipStats(days_ago(30), TODAY, TODAY, 60, 30, 20, 140.0)
    assert tier(score(month, TODAY), month, TODAY) is not Tier.NEW
    assert strength(busy_week, TODAY).reasons[0] == "known 6 days"


def test_first_contact_reasons() -> None:
    today = strength(RelationshipStats(TODAY, TODAY, None, 1, 0, 0, 3.0), TODAY)
    assert today.reasons == [
        "first contact today",
        "1 interaction, today",
        "both ways",
        "mostly in person",
    ]
    call = RelationshipStats(days_ago(1), days_ago(1), None, 1, 0, 1, 2.0)
    assert strength(call, TODAY).reasons[:2] == [
        "first contact yesterday",
        "1 interaction, yesterday",
    ]
    assert strength(call, TODAY).reasons[3] == "often in person or by call"


def test_no_interactions_scores_zero() -> None:
    result = strength(RelationshipStats(), TODAY)
    assert result.score == 0
    assert result.reasons == ["never in touch"]
    assert score(RelationshipStats(), TODAY) == 0
    assert tier(0, RelationshipStats(), TODAY) is Tier.DORMANT


def test_tier_bands_and_their_windows() -> None:
    def known(last: int) -> RelationshipStats:
        return RelationshipStats(days_ago(3000), days_ago(last), None, 50, 10, 10, 100.0)

    assert tier(70, known(3), TODAY) is Tier.CORE
    assert tier(69, known(3), TODAY) is Tier.ACTIVE
    assert tier(95, known(181), TODAY) is Tier.ACTIVE  # a stored score, long unrefreshed
    assert tier(45, known(365), TODAY) is Tier.ACTIVE
    assert tier(44, known(3), TODAY) is Tier.COOLING
    assert tier(95, known(366), TODAY) is Tier.COOLING
    assert tier(15, known(730), TODAY) is Tier.COOLING
    assert tier(14, known(3), TODAY) is Tier.DORMANT
    assert tier(95, known(731), TODAY) is Tier.DORMANT


def test_fast_score_matches_the_explained_one() -> None:
    rng = random.Random(7)
    for stats in _random_stats(rng, 2000):
        assert score(stats, TODAY) == strength(stats, TODAY).score


def test_score_never_leaves_0_to_100() -> None:
    rng = random.Random(8)
    assert all(0 <= score(s, TODAY) <= 100 for s in _random_stats(rng, 2000))


def test_peak_score_is_the_score_on_the_last_contact_day() -> None:
    stopped = RelationshipStats(days_ago(900), days_ago(300), days_ago(300), 80, 30, 30, 200.0)
    assert peak_score(stopped) == score(stopped, days_ago(300))
    assert peak_score(stopped) > score(stopped, TODAY)
    assert peak_score(RelationshipStats()) == 0


def test_stats_of_a_history() -> None:
    stats = stats_of(
        [
            Contact(days_ago(10), K.COFFEE, BOTH),
            Contact(days_ago(9), K.MESSAGE, OUT),
            Contact(days_ago(2), K.CALL, IN),
        ]
    )
    assert stats == RelationshipStats(days_ago(10), days_ago(2), days_ago(9), 3, 1, 1, 6.0)
    assert stats_of([]) == RelationshipStats()


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
