"""What `amity report` returns: frozen dataclasses, each with `as_dict()`, the JSON document
`report --json` prints (keys in that order).

`Tier` is re-exported here: an interface that names the tiers (the report page's colours)
takes them from the report's types, not from the engine.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from amity.engines.health import Balance, FollowUpRate, Yield
from amity.engines.strength import Tier

__all__ = [
    "Balance",
    "CoolingTie",
    "CoreTie",
    "FollowUpRate",
    "Growth",
    "Habit",
    "Report",
    "Tier",
    "TierWeek",
    "WeekCount",
    "Yield",
]


@dataclass(frozen=True, slots=True)
class CoreTie:
    """Someone in the meaningful core, with the strength of the tie (0 to 100)."""

    id: int
    name: str
    strength: int

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "strength": self.strength}


@dataclass(frozen=True, slots=True)
class CoolingTie:
    """A tie fading: its strength now, and `was`, its strength at the last contact."""

    id: int
    name: str
    strength: int
    was: int | None

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "strength": self.strength, "was": self.was}


@dataclass(frozen=True, slots=True)
class TierWeek:
    """How many people were in each tier in the week starting on Monday `week`."""

    week: date
    counts: dict[str, int]  # a tier's value -> people, every tier, in `Tier`'s order

    def as_dict(self) -> dict[str, Any]:
        return {"week": self.week.isoformat(), **self.counts}


@dataclass(frozen=True, slots=True)
class WeekCount:
    """New people met in the week starting on Monday `week`."""

    week: date
    met: int

    def as_dict(self) -> dict[str, Any]:
        return {"week": self.week.isoformat(), "met": self.met}


@dataclass(frozen=True, slots=True)
class Growth:
    """New people week by week since `since`; `imported` people are counted apart."""

    weeks: tuple[WeekCount, ...]
    met: int
    imported: int
    since: date

    def as_dict(self) -> dict[str, Any]:
        return {
            "weeks": [w.as_dict() for w in self.weeks],
            "met": self.met,
            "imported": self.imported,
            "since": self.since.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Habit:
    """The weekly check-in habit: this week against the goal, and the weeks before."""

    this_week: int
    goal: int
    streak_weeks: int
    weeks_met: int
    weeks_total: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Report:
    """How the network is doing on `day`."""

    day: date
    total: int
    tiers: dict[Tier, int]  # every tier, in `Tier`'s order
    tiers_over_time: tuple[TierWeek, ...]
    growth: Growth
    core: tuple[CoreTie, ...]
    cooling: tuple[CoolingTie, ...]
    follow_up: FollowUpRate
    balance: Balance
    habit: Habit
    sources: tuple[Yield, ...]  # the top ten of each
    communities: tuple[Yield, ...]
    events: tuple[Yield, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "total": self.total,
            "tiers": {t.value: n for t, n in self.tiers.items()},
            "tiers_over_time": [w.as_dict() for w in self.tiers_over_time],
            "growth": self.growth.as_dict(),
            "core": [p.as_dict() for p in self.core],
            "cooling": [p.as_dict() for p in self.cooling],
            "follow_up": asdict(self.follow_up),  # on_time, due, rate, window_days
            "balance": asdict(self.balance),  # gave, received, asked, net, phrase
            "habit": self.habit.as_dict(),
            "sources": [_yield(y) for y in self.sources],
            "communities": [_yield(y) for y in self.communities],
            "events": [_yield(y) for y in self.events],
        }


def _yield(y: Yield) -> dict[str, Any]:
    return {
        "label": y.label,
        "meaningful": y.meaningful,
        "total": y.total,
        "share": round(y.share, 3),
    }
