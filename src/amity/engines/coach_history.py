"""What the coach reads (a person's recent history, the ledger, cooling ties) and what it
finds (`Finding`): plain data for `amity.engines.coach`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from amity.engines.health import LedgerRow
from amity.model.enums import Direction
from amity.model.wording import MONTH_NAMES, names_and_more, plural

LOOKBACK_DAYS = 180  # only history this recent is coached on
LATELY_DAYS = 90  # "lately", for give and take and for new ties
SHOWN = 3  # people named in a finding's sentence


class FindingKind(StrEnum):
    ONE_SIDED = "one_sided"
    GOING_COLD = "going_cold"
    EARLY_ASK = "early_ask"
    WENT_QUIET = "went_quiet"
    ONLY_WHEN_NEEDED = "only_when_needed"
    LATE_FOLLOW_UP = "late_follow_up"
    NO_CORE = "no_core"
    FEW_NEW_TIES = "few_new_ties"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True, slots=True)
class Touch:
    """One interaction with a person: when, and who reached out."""

    on: date
    direction: Direction


@dataclass(frozen=True, slots=True)
class PersonHistory:
    """What the coach needs to know about one recently met or recently asked person.

    `touches` are every interaction with them from their first meeting on, of any kind and
    direction (a call logged yesterday is one). `strength` ranks who is named first;
    `met_at` is where you met (an event or a place), for grouping. `in_person` says the
    first contact was a meeting (met, coffee, meeting, event, video): only those call for a
    follow-up, since a call or a message is itself the contact. `imported` says they came
    from an import (a phone contact, a LinkedIn connection): known before, so not a new tie.
    """

    person_id: int
    name: str
    first_met_on: date | None = None
    touches: tuple[Touch, ...] = ()
    strength: int = 0
    met_at: str = ""
    in_person: bool = True
    imported: bool = False


@dataclass(frozen=True, slots=True)
class Tie:
    """A person outside the recent history: a tie that is cooling, or one worth deepening.

    `peak_strength` is how strong the tie was at its last contact; `check_in_on` the day
    their check-in is due (None: none planned), so the coach never urges a check-in the
    agenda has set for weeks from now.
    """

    person_id: int
    name: str
    strength: int
    peak_strength: int = 0
    last_contact_on: date | None = None
    check_in_on: date | None = None


@dataclass(frozen=True, slots=True)
class CoachInput:
    people: Sequence[PersonHistory] = ()
    ledger: Sequence[LedgerRow] = ()
    total_people: int = 0
    core_count: int = 0
    # People in the cooling tier (a caller may leave out those `going_cold` cannot name).
    cooling: Sequence[Tie] = ()
    # People in the active tier, who to deepen when there is no core (read only then).
    active: Sequence[Tie] = ()


@dataclass(frozen=True, slots=True)
class PersonRef:
    person_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One pattern. `people` are all the people it concerns, the most important first;
    `evidence` names the first three and says how many more; `details` has one line per
    person where there is more to say about each."""

    kind: FindingKind
    severity: Severity
    people: tuple[PersonRef, ...]
    evidence: str
    advice: str
    on: date  # the day the pattern last showed
    details: tuple[str, ...] = field(default=())
    count: int | None = None  # how many people; defaults to len(people)

    @property
    def size(self) -> int:
        return len(self.people) if self.count is None else self.count


def format_day(day: date) -> str:
    """'3 March 2025': unambiguous in every locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def within(day: date | None, today: date, days: int) -> bool:
    return day is not None and today - timedelta(days=days) <= day <= today


def ago(days: int) -> str:
    """'yesterday', '9 days ago', '3 weeks ago', '5 months ago'."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{plural(days, 'day')} ago"
    if days < 60:
        return f"{plural(round(days / 7), 'week')} ago"
    return f"{plural(round(days / 30.44), 'month')} ago"


def months_in(days: int) -> str:
    return plural(max(1, round(days / 30.44)), "month")


def by_importance(people: Sequence[PersonHistory]) -> list[PersonHistory]:
    """The most important first: the strongest tie, then by name."""
    return sorted(people, key=lambda p: (-p.strength, p.name.casefold(), p.person_id))


def refs_of(people: Sequence[PersonHistory | Tie]) -> tuple[PersonRef, ...]:
    return tuple(PersonRef(p.person_id, p.name) for p in people)


def names_of(people: Sequence[PersonHistory | Tie]) -> str:
    return names_and_more([p.name for p in people[: SHOWN + 1]], len(people), SHOWN)
