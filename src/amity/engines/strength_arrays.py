"""Today's strength of a whole network at once: `strength.score`, `peak_score` and `tier`
over numpy columns.

The stored score is as of a person's last change, which is often their last interaction: a
tie that faded since still shows its old strength. The warm-path search weighs your links
with today's score instead, for everyone, in a few milliseconds (the scalar function takes
a third of a second over 100,000 people). The same formula, step for step in the same order,
so the numbers are the same: `tests/engines/test_strength_arrays.py` holds them equal to
`score`, `peak_score` and `tier` on generated cases. The report and the coach judge everyone
with them too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from numpy.typing import NDArray

from amity.engines.strength import (
    DEFAULT_GAP_DAYS,
    DEPTH_HALF,
    FREQUENCY_HALF_PER_MONTH,
    IN_PERSON_WEIGHT,
    KNOWN_HALF_DAYS,
    MAX_QUIET_DAYS,
    MESSAGE_WEIGHT,
    MIN_FADE_DAYS,
    MIN_QUIET_DAYS,
    MIN_SPAN_DAYS,
    ONE_SIDED_SLACK,
    QUIET_GAPS,
    RECIPROCITY_HALF,
    WEIGHTS,
    Tier,
)
from amity.engines.tiers import (
    ACTIVE_MAX_DAYS,
    ACTIVE_MIN_SCORE,
    COOLING_MAX_DAYS,
    COOLING_MIN_SCORE,
    CORE_MAX_DAYS,
    CORE_MIN_SCORE,
    NEW_DAYS,
)

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Codes = NDArray[np.int8]
Days = NDArray[np.datetime64]

# `tiers` gives each person's tier as its position here (the enum's own order).
TIERS: tuple[Tier, ...] = tuple(Tier)
_CORE, _ACTIVE, _COOLING, _DORMANT, _NEW = (
    TIERS.index(t) for t in (Tier.CORE, Tier.ACTIVE, Tier.COOLING, Tier.DORMANT, Tier.NEW)
)


@dataclass(frozen=True, slots=True)
class StatsColumns:
    """`RelationshipStats` as columns, the dates as days before today.

    `known`: days since the first contact (the last one when there is no first);
    `since`: days since the last contact; `spread`: first to last contact, in days.
    A person never in touch has `count` 0 (the other columns are then ignored)."""

    count: Floats
    inbound: Floats
    outbound: Floats
    depth_total: Floats
    known: Floats
    since: Floats
    spread: Floats


def stats_columns(
    today: date,
    first_contact_on: Days,
    last_contact_on: Days,
    interaction_count: Floats,
    inbound_count: Floats,
    outbound_count: Floats,
    depth_total: Floats,
) -> StatsColumns:
    """The columns from the maintained ones, the dates as `datetime64[D]` (NaT for none):
    `RelationshipStats` for everyone at once."""
    day = np.datetime64(today, "D")
    in_touch = ~np.isnat(last_contact_on)
    first = np.where(np.isnat(first_contact_on), last_contact_on, first_contact_on)
    known = np.where(in_touch, (day - first).astype(np.float64), 0.0)
    since = np.where(in_touch, (day - last_contact_on).astype(np.float64), 0.0)
    return StatsColumns(
        count=np.where(in_touch, interaction_count, 0.0),
        inbound=inbound_count,
        outbound=outbound_count,
        depth_total=depth_total,
        known=known,
        since=since,
        spread=known - since,
    )


def _saturating(value: Floats, half: float) -> Floats:
    # 0 for no value, as the scalar's branch gives, with no power of a negative computed
    return 1.0 - np.power(0.5, np.maximum(value, 0.0) / half)


def scores(stats: StatsColumns) -> Ints:
    """The 0..100 score of each person today, as `strength.score` gives it."""
    count = stats.count
    mutual = np.maximum(count - stats.inbound - stats.outbound, 0.0)
    theirs, yours = stats.inbound + mutual, stats.outbound + mutual
    both, most = np.minimum(theirs, yours), np.maximum(theirs, yours)
    one_sided = np.maximum(most - (2 * both + ONE_SIDED_SLACK), 0.0)
    depth_total = np.where(stats.depth_total > count, stats.depth_total, count)
    known = np.maximum(stats.known, 0.0)
    spread = np.maximum(stats.spread, 0.0)
    several = count > 1
    gap = np.where(several, spread / np.where(several, count - 1, 1.0), float(DEFAULT_GAP_DAYS))
    usual = np.minimum(np.maximum(QUIET_GAPS * gap, MIN_QUIET_DAYS), MAX_QUIET_DAYS)
    quiet = stats.since - usual
    months = np.where(known > MIN_SPAN_DAYS, known, float(MIN_SPAN_DAYS)) / 30.44
    weighted = depth_total - one_sided * MESSAGE_WEIGHT
    in_person = (depth_total - count * MESSAGE_WEIGHT) / (IN_PERSON_WEIGHT - MESSAGE_WEIGHT)
    base = (
        WEIGHTS["known"] * _saturating(known, KNOWN_HALF_DAYS)
        + WEIGHTS["frequency"] * _saturating(weighted / months, FREQUENCY_HALF_PER_MONTH)
        + WEIGHTS["reciprocity"] * _saturating(both, RECIPROCITY_HALF)
        + WEIGHTS["depth"] * _saturating(in_person, DEPTH_HALF)
    )
    fade = np.maximum(usual, float(MIN_FADE_DAYS))
    # 1 until quiet (0.5 ** 0), with no power of a negative: far-future dates cannot overflow
    recency = np.power(0.5, np.maximum(quiet, 0.0) / fade)
    total = np.rint(100 * base * recency).astype(np.int64)
    return np.where(count > 0, total, 0)


def peak_scores(stats: StatsColumns) -> Ints:
    """The score each tie had on the day of its last contact, as `strength.peak_score`
    gives it: the same formula with that day as today (known for the spread, silent 0 days)."""
    return scores(replace(stats, known=stats.spread, since=np.zeros_like(stats.since)))


def tiers(points: Ints, stats: StatsColumns) -> Codes:
    """Each person's tier for these scores, as `strength.tier` gives it, as a position in
    `TIERS`: never in touch is dormant; known less than NEW_DAYS is new; then by score band,
    each band also needing contact within its window."""
    since = stats.since
    codes = np.full(len(points), _DORMANT, dtype=np.int8)
    codes[(points >= COOLING_MIN_SCORE) & (since <= COOLING_MAX_DAYS)] = _COOLING
    codes[(points >= ACTIVE_MIN_SCORE) & (since <= ACTIVE_MAX_DAYS)] = _ACTIVE
    codes[(points >= CORE_MIN_SCORE) & (since <= CORE_MAX_DAYS)] = _CORE
    codes[stats.known < NEW_DAYS] = _NEW
    codes[stats.count <= 0] = _DORMANT
    return codes
