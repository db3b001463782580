"""Which events, and which communities or sources, were worth your time.

For each person met at an event (or first met through a source), three questions, each
answered as of a day, never from today's numbers:

- **followed up**: you contacted them (an outbound interaction other than the meeting
  itself) from the meeting day to `follow_up_days` after it, the follow-up window of
  `amity.engines.follow_ups` (the `follow_up_fade_days` setting, a week by default), by
  that engine's own rule (`is_follow_up_done`);
- **active after 90 days**: 90 days later the tie is alive: they took part in a contact
  after the meeting day (they answered, or you met again), and the strength engine,
  scoring only the interactions up to that day, does not call the tie dormant;
- **meaningful after 90 days**: active, and a *meaningful* tie by the health report's
  definition (`amity.engines.health.MEANINGFUL`: the core or active tier) on that day.

A met person whose 90th day is still ahead has no 90-day answer yet (None), so an event
less than 90 days old shows "too early", not 0.

Two orders, each explained in one line (`EVENT_ORDER`, `SOURCE_ORDER`). An event is an
evening or a weekend spent: it ranks by the lasting ties it gave (an active tie counts 1, a
meaningful one 2), then by the share of the people met who lasted, shrunk towards your
average; forty people met and six kept beats two met and one kept. A source or community is
where you keep meeting people, so it ranks by that shrunk share: the share of its people
active 90 days on, pulled towards your average as if it also had `PRIOR_PEOPLE` average
people (an empirical-Bayes estimate), so one person met at a wedding who stayed does not
top the list by luck, and a LinkedIn import of thousands is judged per person, not by
size. Too-early ones come last, newest first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from amity.engines.follow_ups import DEFAULT_FADE_DAYS, is_follow_up_done
from amity.engines.health import MEANINGFUL
from amity.engines.strength import Contact, RelationshipStats, Tier, score, stats_of, tier
from amity.model.enums import Direction

OUTCOME_DAYS = 90
PRIOR_PEOPLE = 5  # how many "average" people every event or source is credited with
EVENT_ORDER = (
    "Best first: the most lasting ties made there (a meaningful tie counts twice), then the "
    "larger share of the people met who lasted; too-early events last."
)
SOURCE_ORDER = (
    "Best first: the share of people met there still active 90 days on, pulled towards your "
    f"average as if each had {PRIOR_PEOPLE} more average people, so a small one needs more "
    "than luck."
)


@dataclass(frozen=True, slots=True)
class Met:
    """One person met: the day, and their interactions (`at_meeting` marks the ones that
    were the meeting itself, never a follow-up)."""

    person_id: int
    met_on: date
    contacts: tuple[tuple[Contact, bool], ...] = ()


@dataclass(frozen=True, slots=True)
class Outcome:
    followed_up: bool
    active: bool | None  # None: the 90th day is still ahead
    meaningful: bool | None


@dataclass(frozen=True, slots=True)
class Tally:
    """What a group of people met (an event, a source) came to."""

    name: str
    day: date | None
    met: int
    followed_up: int
    active: int | None  # None: too early (no one met there has 90 days behind them)
    meaningful: int | None
    value: float | None = None  # the shrunk share of lasting ties the ranking sorts by
    ref: int | None = None  # the event's id, for a link

    @property
    def too_early(self) -> bool:
        return self.active is None


def outcome_day(met_on: date) -> date:
    return met_on + timedelta(days=OUTCOME_DAYS)


def tie_outcome(stats: RelationshipStats, answered_after: bool, as_of: date) -> tuple[bool, bool]:
    """(active, meaningful) on `as_of`, from the stats of the interactions up to that day
    and whether they took part in one after the meeting day."""
    if not answered_after:
        return False, False
    level = tier(score(stats, as_of), stats, as_of)
    active = level is not Tier.DORMANT
    return active, active and level in MEANINGFUL


def person_outcome(met: Met, today: date, follow_up_days: int = DEFAULT_FADE_DAYS) -> Outcome:
    """Followed up in the window, and active and meaningful on the 90th day (None before)."""
    window_end = met.met_on + timedelta(days=follow_up_days)
    yours = [
        c.on
        for c, at_meeting in met.contacts
        if not at_meeting and c.direction is Direction.OUTBOUND and c.on <= window_end
    ]
    followed = is_follow_up_done(met.met_on, yours)
    as_of = outcome_day(met.met_on)
    if as_of > today:
        return Outcome(followed, None, None)
    upto = [c for c, _ in met.contacts if c.on <= as_of]
    answered = any(
        c.on > met.met_on and c.direction is not Direction.OUTBOUND
        for c, at_meeting in met.contacts
        if not at_meeting and c.on <= as_of
    )
    active, meaningful = tie_outcome(stats_of(upto), answered, as_of)
    return Outcome(followed, active, meaningful)


def tally(
    name: str,
    day: date | None,
    outcomes: Sequence[Outcome],
    ref: int | None = None,
) -> Tally:
    """Counts over the people met; the 90-day counts over those with 90 days behind them,
    None when no one has."""
    ripe = [o for o in outcomes if o.active is not None]
    return Tally(
        name=name,
        day=day,
        met=len(outcomes),
        followed_up=sum(o.followed_up for o in outcomes),
        active=sum(bool(o.active) for o in ripe) if ripe else None,
        meaningful=sum(bool(o.meaningful) for o in ripe) if ripe else None,
        ref=ref,
    )


def _points(t: Tally) -> int:
    return (t.active or 0) + (t.meaningful or 0)


def ranked_events(tallies: Iterable[Tally]) -> list[Tally]:
    """Most lasting ties first, then the shrunk share, more people met, the newer day;
    too-early ones last, newest first."""
    ripe, later = _split(tallies)
    ripe.sort(key=lambda t: (-_points(t), -(t.value or 0.0), -t.met, -_ordinal(t.day), t.name))
    return ripe + later


def ranked_sources(tallies: Iterable[Tally]) -> list[Tally]:
    """The shrunk share of active ties first, then more active ties, more people met."""
    ripe, later = _split(tallies)
    ripe.sort(key=lambda t: (-(t.value or 0.0), -(t.active or 0), -t.met, t.name))
    return ripe + later


def _split(tallies: Iterable[Tally]) -> tuple[list[Tally], list[Tally]]:
    """The tallies with 90-day answers, valued; and the others, newest first."""
    items = list(tallies)
    ripe = [t for t in items if not t.too_early and t.met > 0]
    people = sum(t.met for t in ripe)
    average = sum(_points(t) for t in ripe) / people if people else 0.0
    later = [t for t in items if t.too_early or t.met == 0]
    later.sort(key=lambda t: (-_ordinal(t.day), t.name))
    return [_valued(t, average) for t in ripe], later


def _ordinal(day: date | None) -> int:
    return (day or date.min).toordinal()


def _valued(t: Tally, average: float) -> Tally:
    value = (_points(t) + PRIOR_PEOPLE * average) / (t.met + PRIOR_PEOPLE)
    return Tally(t.name, t.day, t.met, t.followed_up, t.active, t.meaningful, value, t.ref)
