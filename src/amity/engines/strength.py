"""How strong a relationship is, from a handful of columns the store maintains on write.

The score is a weighted sum of five parts, each between 0 and 1: how recently you talked,
how often, how deep the conversations were, whether both sides reach out, and how long you
have known each other. docs/strength.md explains each formula with a worked example.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from amity.model.enums import InteractionKind

# How much one interaction of each kind says about the relationship.
DEPTH_WEIGHTS: dict[InteractionKind, float] = {
    InteractionKind.MET: 3.0,
    InteractionKind.COFFEE: 3.0,
    InteractionKind.MEETING: 3.0,
    InteractionKind.EVENT: 3.0,
    InteractionKind.CALL: 2.0,
    InteractionKind.VIDEO: 2.0,
    InteractionKind.MESSAGE: 1.0,
    InteractionKind.EMAIL: 1.0,
    InteractionKind.INTRO: 1.0,
    InteractionKind.OTHER: 1.0,
}
MAX_DEPTH = 3.0

WEIGHTS: dict[str, float] = {
    "recency": 0.35,
    "frequency": 0.30,
    "depth": 0.15,
    "reciprocity": 0.10,
    "length": 0.10,
}
RECENCY_HALF_LIFE_DAYS = 90
FREQUENCY_SCALE_PER_YEAR = 12.0  # a monthly conversation gives 63 % of the frequency part
MIN_SPAN_DAYS = 90  # a new tie's rate is measured over at least this long
LENGTH_FULL_DAYS = 3 * 365

CORE_MIN_SCORE = 65
CORE_MAX_DAYS = 90
ACTIVE_MIN_SCORE = 40
ACTIVE_MAX_DAYS = 180
COOLING_MAX_DAYS = 365

_DECAY_PER_DAY = math.log(2) / RECENCY_HALF_LIFE_DAYS
_W_RECENCY = WEIGHTS["recency"]
_W_FREQUENCY = WEIGHTS["frequency"]
_W_DEPTH = WEIGHTS["depth"]
_W_RECIPROCITY = WEIGHTS["reciprocity"]
_W_LENGTH = WEIGHTS["length"]


class Tier(StrEnum):
    CORE = "core"
    ACTIVE = "active"
    COOLING = "cooling"
    DORMANT = "dormant"


@dataclass(frozen=True, slots=True)
class RelationshipStats:
    """Per-person facts the store keeps up to date on every write (no scan of interactions).

    `depth_total` is the sum of `DEPTH_WEIGHTS` over the person's interactions; interactions
    that are neither inbound nor outbound count as mutual.
    """

    first_contact_on: date | None = None
    last_contact_on: date | None = None
    last_outbound_on: date | None = None
    interaction_count: int = 0
    inbound_count: int = 0
    outbound_count: int = 0
    depth_total: float = 0.0


@dataclass(frozen=True, slots=True)
class Strength:
    score: int
    parts: dict[str, float]
    reasons: list[str]


def depth_weight(kind: InteractionKind) -> float:
    return DEPTH_WEIGHTS.get(kind, 1.0)


@dataclass(slots=True)
class _Facts:
    """The few numbers every part and reason is computed from, worked out once."""

    days_since: int
    span: int
    count: int
    theirs: int
    yours: int
    mean_depth: float
    rate: float  # interactions a year over the relationship (at least MIN_SPAN_DAYS long)


def _facts(stats: RelationshipStats, last: date, today: date) -> _Facts:
    count = stats.interaction_count
    first = stats.first_contact_on
    mutual = count - stats.inbound_count - stats.outbound_count
    mutual = mutual if mutual > 0 else 0
    days_since = (today - last).days
    span = (today - first).days if first is not None else 0
    span = span if span > 0 else 0
    return _Facts(
        days_since=days_since if days_since > 0 else 0,
        span=span,
        count=count,
        theirs=stats.inbound_count + mutual,
        yours=stats.outbound_count + mutual,
        mean_depth=stats.depth_total / count,
        rate=count * 365 / (span if span > MIN_SPAN_DAYS else MIN_SPAN_DAYS),
    )


def _parts(facts: _Facts) -> dict[str, float]:
    theirs, yours = facts.theirs, facts.yours
    if theirs and yours:
        reciprocity = theirs / yours if theirs < yours else yours / theirs
    else:
        reciprocity = 0.0
    return {
        "recency": math.exp(-_DECAY_PER_DAY * facts.days_since),
        "frequency": 1.0 - math.exp(-facts.rate / FREQUENCY_SCALE_PER_YEAR),
        "depth": min(facts.mean_depth / MAX_DEPTH, 1.0),
        "reciprocity": reciprocity,
        "length": min(facts.span / LENGTH_FULL_DAYS, 1.0),
    }


def score(stats: RelationshipStats, today: date) -> int:
    """The 0..100 score alone: the fast path for ranking a whole network."""
    count = stats.interaction_count
    first, last = stats.first_contact_on, stats.last_contact_on
    if count <= 0 or last is None:
        return 0
    span = max((today - first).days, 0) if first is not None else 0
    recency = math.exp(-_DECAY_PER_DAY * max((today - last).days, 0))
    frequency = 1.0 - math.exp(-count * 365 / max(span, MIN_SPAN_DAYS) / FREQUENCY_SCALE_PER_YEAR)
    depth = min(stats.depth_total / count / MAX_DEPTH, 1.0)
    mutual = max(count - stats.inbound_count - stats.outbound_count, 0)
    theirs, yours = stats.inbound_count + mutual, stats.outbound_count + mutual
    reciprocity = min(theirs, yours) / max(theirs, yours) if theirs and yours else 0.0
    length = min(span / LENGTH_FULL_DAYS, 1.0)
    total = (
        _W_RECENCY * recency
        + _W_FREQUENCY * frequency
        + _W_DEPTH * depth
        + _W_RECIPROCITY * reciprocity
        + _W_LENGTH * length
    )
    return round(100 * total)


def strength(stats: RelationshipStats, today: date) -> Strength:
    """The score, its parts (each 0..1, unweighted) and the reasons, strongest first."""
    last = stats.last_contact_on
    if stats.interaction_count <= 0 or last is None:
        return Strength(0, dict.fromkeys(WEIGHTS, 0.0), ["no conversations yet"])
    facts = _facts(stats, last, today)
    parts = _parts(facts)
    weighted = [(WEIGHTS[name] * value, name) for name, value in parts.items()]
    total = sum(w for w, _ in weighted)
    # Stable sort: equal contributions keep the order of WEIGHTS.
    weighted.sort(key=_first_descending)
    reasons = [_REASONS[name](facts) for _, name in weighted]
    return Strength(round(100 * total), parts, reasons)


def _first_descending(pair: tuple[float, str]) -> float:
    return -pair[0]


def peak_score(stats: RelationshipStats) -> int:
    """The score as it stood on the day you last talked: how strong a fading tie used to be."""
    if stats.last_contact_on is None:
        return 0
    return score(stats, stats.last_contact_on)


def tier(score: int, last_contact_on: date | None, today: date) -> Tier:
    """Core and active need both a score and recent contact; otherwise, by recency alone."""
    if last_contact_on is None:
        return Tier.DORMANT
    days = (today - last_contact_on).days
    if score >= CORE_MIN_SCORE and days <= CORE_MAX_DAYS:
        return Tier.CORE
    if score >= ACTIVE_MIN_SCORE and days <= ACTIVE_MAX_DAYS:
        return Tier.ACTIVE
    if days <= COOLING_MAX_DAYS:
        return Tier.COOLING
    return Tier.DORMANT


def _recency_reason(facts: _Facts) -> str:
    days = facts.days_since
    if days == 0:
        return "talked today"
    if days == 1:
        return "talked yesterday"
    return f"talked {_duration(days)} ago"


def _frequency_reason(facts: _Facts) -> str:
    count, span = facts.count, facts.span
    if count == 1:
        return "one conversation so far"
    if span < 365 or facts.rate < 1.5:
        return f"{count} conversations in {_duration(max(span, 1))}"
    return f"about {round(facts.rate)} conversations a year"


def _depth_reason(facts: _Facts) -> str:
    mean = facts.mean_depth
    if mean >= 2.5:
        return "mostly in person"
    if mean >= 1.75:
        return "mostly calls and meetings"
    if mean >= 1.25:
        return "a mix of messages, calls and meetings"
    return "mostly messages"


def _reciprocity_reason(facts: _Facts) -> str:
    theirs, yours = facts.theirs, facts.yours
    if theirs == 0:
        return "they have never reached out"
    if yours == 0:
        return "you have never reached out"
    if min(theirs, yours) / max(theirs, yours) >= 0.75:
        return "they reach out as often as you do"
    if theirs > yours:
        return "they reach out more than you do"
    return "you do most of the reaching out"


def _length_reason(facts: _Facts) -> str:
    return f"known for {_duration(max(facts.span, 1))}"


_REASONS: dict[str, Callable[[_Facts], str]] = {
    "recency": _recency_reason,
    "frequency": _frequency_reason,
    "depth": _depth_reason,
    "reciprocity": _reciprocity_reason,
    "length": _length_reason,
}


def _duration(days: int) -> str:
    """A rounded, spoken length of time: '9 days', '3 weeks', '5 months', '4 years'."""
    if days < 14:
        return _plural(days, "day")
    if days < 60:
        return _plural(round(days / 7), "week")
    if days < 2 * 365:
        return _plural(round(days / 30.44), "month")
    return _plural(days // 365, "year")


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"
