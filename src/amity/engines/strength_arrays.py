"""Today's strength of a whole network at once: `strength.score` over numpy columns.

The stored score is as of a person's last change, which is often their last interaction: a
tie that faded since still shows its old strength. The warm-path search weighs your links
with today's score instead, for everyone, in a few milliseconds (the scalar function takes
a third of a second over 100,000 people). The same formula, step for step in the same order,
so the numbers are the same: `tests/engines/test_strength_arrays.py` holds it equal to
`score` on generated cases.
"""

from __future__ import annotations

from dataclasses import dataclass

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
)

Floats = NDArray[np.float64]


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


def _saturating(value: Floats, half: float) -> Floats:
    return np.where(value > 0, 1.0 - np.power(0.5, value / half), 0.0)


def scores(stats: StatsColumns) -> NDArray[np.int64]:
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
    recency = np.where(quiet > 0, np.power(0.5, quiet / fade), 1.0)
    total = np.rint(100 * base * recency).astype(np.int64)
    return np.where(count > 0, total, 0)
