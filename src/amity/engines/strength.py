"""How strong a relationship is, judged as a person would, from columns the store maintains.

Four parts say what the tie is made of: how long you have known each other, how often you
talk, whether both sides take part, and how deep the contact is (meetings over messages).
How recently you talked, measured against your usual rhythm, then scales the whole: a tie you
keep up as usual keeps its score, one gone quiet for longer than usual fades. Anyone known
less than `NEW_DAYS` is **new**, whatever the score. docs/strength.md explains each formula
and shows the calibration table the tests hold it to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from amity.engines.tiers import (
    ACTIVE_MAX_DAYS,
    ACTIVE_MIN_SCORE,
    COOLING_MAX_DAYS,
    COOLING_MIN_SCORE,
    CORE_MAX_DAYS,
    CORE_MIN_SCORE,
    NEW_DAYS,
)
from amity.model.enums import Direction, InteractionKind

# How much one interaction of each kind says about the relationship. Seeing each other
# counts three times a message, a call or a video twice. The store sums these per person
# (`depth_total`), so a change here needs the people refreshed.
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
MESSAGE_WEIGHT = 1.0  # the lightest kind; a deep interaction adds its weight above this
IN_PERSON_WEIGHT = 3.0

# What the tie is made of: the parts' weights (they add up to 1).
WEIGHTS: dict[str, float] = {
    "known": 0.25,
    "frequency": 0.30,
    "reciprocity": 0.20,
    "depth": 0.25,
}
KNOWN_HALF_DAYS = 548  # known 18 months gives half the part, 3 years 3/4, 10 years nearly all
MIN_SPAN_DAYS = 365  # how often you talk is measured over at least a year
FREQUENCY_HALF_PER_MONTH = 2.0  # weighted interactions a month for half the part
RECIPROCITY_HALF = 1.0  # each interaction on both sides halves what is missing
ONE_SIDED_SLACK = 2  # one side may do twice as much plus this before it stops counting
DEPTH_HALF = 3.0  # in-person interactions (a call counts half) for half the part

# The usual gap between two contacts (first to last, over the gaps between them). Silence
# up to twice that is a tie kept up as usual; past it, the score halves every max(that, 120
# days): a mentor seen twice a year is not fading three months after.
DEFAULT_GAP_DAYS = 30  # after a single contact
QUIET_GAPS = 2.0
MIN_QUIET_DAYS = 14
MAX_QUIET_DAYS = 365
MIN_FADE_DAYS = 120


class Tier(StrEnum):
    CORE = "core"
    ACTIVE = "active"
    COOLING = "cooling"
    DORMANT = "dormant"
    NEW = "new"


@dataclass(frozen=True, slots=True)
class RelationshipStats:
    """Per-person facts the store keeps up to date on every write (no scan of interactions).

    `depth_total` is the sum of `DEPTH_WEIGHTS` over the person's interactions; interactions
    that are neither inbound nor outbound count as mutual (both sides took part).
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
    parts: dict[str, float]  # each 0..1: known, frequency, reciprocity, depth, recency
    reasons: list[str]  # known; how often and how lately; both ways; how deep

    @property
    def summary(self) -> str:
        """'known 10 years; 24 interactions, last 3 weeks ago; both ways; mostly in person'."""
        return "; ".join(self.reasons)


def depth_weight(kind: InteractionKind) -> float:
    return DEPTH_WEIGHTS.get(kind, MESSAGE_WEIGHT)


@dataclass(frozen=True, slots=True)
class _Facts:
    """The few numbers every part and reason is computed from, worked out once."""

    count: int
    days_known: int  # first contact to today
    days_since: int  # last contact to today
    theirs: int  # interactions they started, plus the mutual ones
    yours: int  # interactions you started, plus the mutual ones
    one_sided: int  # one side's interactions beyond what the other side answers
    weighted: float  # depth_total less the one-sided excess (counted as messages)
    in_person: float  # in-person interactions, a call counting half
    gap: float  # the average days between two contacts
    depth_total: float


def _facts(stats: RelationshipStats, today: date) -> _Facts | None:
    count, last = stats.interaction_count, stats.last_contact_on
    if count <= 0 or last is None:
        return None
    first = stats.first_contact_on or last
    mutual = max(count - stats.inbound_count - stats.outbound_count, 0)
    theirs, yours = stats.inbound_count + mutual, stats.outbound_count + mutual
    both, most = min(theirs, yours), max(theirs, yours)
    one_sided = max(most - (2 * both + ONE_SIDED_SLACK), 0)
    depth_total = max(stats.depth_total, float(count))
    spread = max((last - first).days, 0)
    gap = spread / (count - 1) if count > 1 else float(DEFAULT_GAP_DAYS)
    return _Facts(
        count=count,
        days_known=max((today - first).days, 0),
        days_since=max((today - last).days, 0),
        theirs=theirs,
        yours=yours,
        one_sided=one_sided,
        weighted=depth_total - one_sided * MESSAGE_WEIGHT,
        in_person=(depth_total - count * MESSAGE_WEIGHT) / (IN_PERSON_WEIGHT - MESSAGE_WEIGHT),
        gap=gap,
        depth_total=depth_total,
    )


def _saturating(value: float, half: float) -> float:
    """0 at 0, 1/2 at `half`, 3/4 at twice `half`, towards 1: diminishing returns."""
    return 1.0 - 0.5 ** (value / half) if value > 0 else 0.0


def _parts(f: _Facts) -> dict[str, float]:
    months = max(f.days_known, MIN_SPAN_DAYS) / 30.44
    usual = min(max(QUIET_GAPS * f.gap, MIN_QUIET_DAYS), MAX_QUIET_DAYS)
    quiet = f.days_since - usual
    fade = max(usual, MIN_FADE_DAYS)
    return {
        "known": _saturating(f.days_known, KNOWN_HALF_DAYS),
        "frequency": _saturating(f.weighted / months, FREQUENCY_HALF_PER_MONTH),
        "reciprocity": _saturating(min(f.theirs, f.yours), RECIPROCITY_HALF),
        "depth": _saturating(f.in_person, DEPTH_HALF),
        "recency": 0.5 ** (quiet / fade) if quiet > 0 else 1.0,
    }


def _total(parts: dict[str, float]) -> int:
    base = sum(weight * parts[name] for name, weight in WEIGHTS.items())
    return round(100 * base * parts["recency"])


_W_KNOWN = WEIGHTS["known"]
_W_FREQUENCY = WEIGHTS["frequency"]
_W_RECIPROCITY = WEIGHTS["reciprocity"]
_W_DEPTH = WEIGHTS["depth"]


def score(stats: RelationshipStats, today: date) -> int:
    """The 0..100 score alone: the fast path for ranking a whole network (the same numbers
    as `strength`, inlined; a test holds the two equal)."""
    count, last = stats.interaction_count, stats.last_contact_on
    if count <= 0 or last is None:
        return 0
    first = stats.first_contact_on or last
    mutual = count - stats.inbound_count - stats.outbound_count
    mutual = mutual if mutual > 0 else 0
    theirs, yours = stats.inbound_count + mutual, stats.outbound_count + mutual
    both, most = (theirs, yours) if theirs < yours else (yours, theirs)
    one_sided = most - (2 * both + ONE_SIDED_SLACK)
    one_sided = one_sided if one_sided > 0 else 0
    depth_total = stats.depth_total if stats.depth_total > count else float(count)
    known = (today - first).days
    known = known if known > 0 else 0
    since = (today - last).days
    spread = (last - first).days
    gap = (spread if spread > 0 else 0) / (count - 1) if count > 1 else float(DEFAULT_GAP_DAYS)
    usual = min(max(QUIET_GAPS * gap, MIN_QUIET_DAYS), MAX_QUIET_DAYS)
    quiet = since - usual
    months = (known if known > MIN_SPAN_DAYS else MIN_SPAN_DAYS) / 30.44
    weighted = depth_total - one_sided * MESSAGE_WEIGHT
    in_person = (depth_total - count * MESSAGE_WEIGHT) / (IN_PERSON_WEIGHT - MESSAGE_WEIGHT)
    base = (
        _W_KNOWN * _saturating(known, KNOWN_HALF_DAYS)
        + _W_FREQUENCY * _saturating(weighted / months, FREQUENCY_HALF_PER_MONTH)
        + _W_RECIPROCITY * _saturating(both, RECIPROCITY_HALF)
        + _W_DEPTH * _saturating(in_person, DEPTH_HALF)
    )
    recency = 0.5 ** (quiet / max(usual, MIN_FADE_DAYS)) if quiet > 0 else 1.0
    return round(100 * base * recency)


def strength(stats: RelationshipStats, today: date) -> Strength:
    """The score, its parts (each 0..1) and the reasons a person would give."""
    facts = _facts(stats, today)
    if facts is None:
        return Strength(0, dict.fromkeys([*WEIGHTS, "recency"], 0.0), ["never in touch"])
    parts = _parts(facts)
    reasons = [
        _known_reason(facts),
        _contact_reason(facts, parts["recency"]),
        _reciprocity_reason(facts),
        _depth_reason(facts),
    ]
    return Strength(_total(parts), parts, reasons)


def peak_score(stats: RelationshipStats) -> int:
    """The score as it stood on the day you last talked: how strong a fading tie used to be."""
    if stats.last_contact_on is None:
        return 0
    return score(stats, stats.last_contact_on)


def is_new(first_contact_on: date | None, today: date) -> bool:
    return first_contact_on is not None and (today - first_contact_on).days < NEW_DAYS


def tier(score: int, stats: RelationshipStats, today: date) -> Tier:
    """New while known less than NEW_DAYS; then by score band, each band also needing
    contact within its window (so a score stored long ago cannot keep someone core)."""
    last = stats.last_contact_on
    if last is None or stats.interaction_count <= 0:
        return Tier.DORMANT
    if is_new(stats.first_contact_on or last, today):
        return Tier.NEW
    days = (today - last).days
    if score >= CORE_MIN_SCORE and days <= CORE_MAX_DAYS:
        return Tier.CORE
    if score >= ACTIVE_MIN_SCORE and days <= ACTIVE_MAX_DAYS:
        return Tier.ACTIVE
    if score >= COOLING_MIN_SCORE and days <= COOLING_MAX_DAYS:
        return Tier.COOLING
    return Tier.DORMANT


def _known_reason(f: _Facts) -> str:
    if f.days_known == 0:
        return "first contact today"
    if f.days_known == 1:
        return "first contact yesterday"
    return f"known {duration(f.days_known)}"


def _contact_reason(f: _Facts, recency: float) -> str:
    if f.days_since == 0:
        when = "today"
    elif f.days_since == 1:
        when = "yesterday"
    else:
        when = f"{duration(f.days_since)} ago"
    if f.count == 1:
        return f"1 interaction, {when}"
    text = f"{f.count} interactions, last {when}"
    if recency < 1.0 and f.count > 2:
        text += f", usually every {duration(max(round(f.gap), 1))}"
    return text


def _reciprocity_reason(f: _Facts) -> str:
    theirs, yours = f.theirs, f.yours
    if theirs == 0:
        return "only you reach out"
    if yours == 0:
        return "only they reach out"
    if min(theirs, yours) * 2 >= max(theirs, yours):
        return "both ways"
    return "mostly they reach out" if theirs > yours else "mostly you reach out"


def _depth_reason(f: _Facts) -> str:
    share = f.in_person / f.count  # 1 all in person, 1/2 all calls, 0 all messages
    if share >= 0.75:
        return "mostly in person"
    if share >= 0.35:
        return "often in person or by call"
    if share > 0:
        return "mostly messages"
    return "messages only"


def duration(days: int) -> str:
    """A rounded, spoken length of time: '9 days', '3 weeks', '5 months', '4 years'."""
    if days < 14:
        return _plural(days, "day")
    if days < 60:
        return _plural(round(days / 7), "week")
    if days < 2 * 365:
        return _plural(round(days / 30.44), "month")
    return _plural(round(days / 365.25), "year")


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


@dataclass(frozen=True, slots=True)
class Contact:
    """One interaction as the score sees it."""

    on: date
    kind: InteractionKind
    direction: Direction


def stats_of(contacts: Iterable[Contact]) -> RelationshipStats:
    """What the store maintains for a person, from their interactions: the rule its SQL
    (`store.interactions.aggregates_for`) follows, and is tested against."""
    history = list(contacts)
    if not history:
        return RelationshipStats()
    outbound = [c.on for c in history if c.direction is Direction.OUTBOUND]
    return RelationshipStats(
        first_contact_on=min(c.on for c in history),
        last_contact_on=max(c.on for c in history),
        last_outbound_on=max(outbound) if outbound else None,
        interaction_count=len(history),
        inbound_count=sum(1 for c in history if c.direction is Direction.INBOUND),
        outbound_count=len(outbound),
        depth_total=sum(depth_weight(c.kind) for c in history),
    )
