"""The state of a whole network: its tiers, its core, what is cooling, and where ties came from.

Pure: the service layer hands in plain rows (scores already computed by
`amity.engines.strength`) and a `today`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from amity.engines.strength import Tier
from amity.model.enums import LedgerDirection, LedgerKind

FOLLOW_UP_WINDOW_DAYS = 90
FOLLOW_UP_ON_TIME_DAYS = 1
COOLING_LIMIT = 10
MEANINGFUL = frozenset({Tier.CORE, Tier.ACTIVE})


@dataclass(frozen=True, slots=True)
class PersonHealthRow:
    """One person as the report needs them.

    `previous_score` is how strong the tie was on the day of the last contact
    (`strength.peak_score`); cooling ties are ranked by it.
    """

    person_id: int
    name: str
    score: int
    tier: Tier
    previous_score: int | None = None
    how_met: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    last_contact_on: date | None = None
    check_in_on: date | None = None  # when their check-in is due (None: none planned)


LabelsOf = Callable[[PersonHealthRow], Iterable[str]]


@dataclass(frozen=True, slots=True)
class LedgerRow:
    person_id: int
    direction: LedgerDirection
    kind: LedgerKind
    occurred_on: date
    what: str = ""


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    """A first meeting, and the first outbound contact on or after that day (if any)."""

    person_id: int
    met_on: date
    first_outbound_on: date | None = None

    @property
    def on_time(self) -> bool:
        if self.first_outbound_on is None:
            return False
        return 0 <= (self.first_outbound_on - self.met_on).days <= FOLLOW_UP_ON_TIME_DAYS


@dataclass(frozen=True, slots=True)
class HabitWeek:
    """One week of a weekly habit (e.g. three check-ins): what was done against the target."""

    week_start: date
    done: int
    target: int

    @property
    def met(self) -> bool:
        return self.done >= self.target


@dataclass(frozen=True, slots=True)
class HabitProgress:
    this_week: HabitWeek | None
    streak_weeks: int
    weeks_met: int
    weeks_total: int


@dataclass(frozen=True, slots=True)
class Balance:
    gave: int
    received: int
    asked: int
    net: int  # gave - (received + asked)
    phrase: str


@dataclass(frozen=True, slots=True)
class FollowUpRate:
    on_time: int
    due: int
    rate: float | None  # on_time / due; None when nothing was due
    window_days: int = FOLLOW_UP_WINDOW_DAYS


@dataclass(frozen=True, slots=True)
class Yield:
    """How many of a source's (or community's, or event's) people became meaningful ties."""

    label: str
    meaningful: int
    total: int

    @property
    def share(self) -> float:
        return self.meaningful / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class NetworkReport:
    today: date
    total: int
    tiers: dict[Tier, int]
    core: list[PersonHealthRow]
    cooling: list[PersonHealthRow]
    follow_up: FollowUpRate
    balance: Balance
    sources: list[Yield]
    communities: list[Yield]
    events: list[Yield]
    habits: HabitProgress | None


def network_report(
    people: Sequence[PersonHealthRow],
    ledger: Sequence[LedgerRow],
    follow_ups: Sequence[FollowUpRow],
    habit_weeks: Sequence[HabitWeek],
    today: date,
    *,
    cooling_limit: int = COOLING_LIMIT,
) -> NetworkReport:
    return NetworkReport(
        today=today,
        total=len(people),
        tiers=tier_counts(people),
        core=core_of(people),
        cooling=cooling_of(people, cooling_limit),
        follow_up=follow_up_rate(follow_ups, today),
        balance=balance(ledger),
        sources=yields(people, lambda p: [p.how_met or p.source]),
        communities=yields(people, lambda p: p.tags),
        events=yields(people, lambda p: p.events),
        habits=habit_progress(habit_weeks, today),
    )


def tier_counts(people: Iterable[PersonHealthRow]) -> dict[Tier, int]:
    counts = Counter(p.tier for p in people)
    return {t: counts.get(t, 0) for t in Tier}


def core_of(people: Iterable[PersonHealthRow]) -> list[PersonHealthRow]:
    """The core, strongest first (then by name)."""
    core = [p for p in people if p.tier is Tier.CORE]
    return sorted(core, key=lambda p: (-p.score, p.name.casefold(), p.person_id))


def cooling_of(people: Iterable[PersonHealthRow], limit: int) -> list[PersonHealthRow]:
    """The cooling ties most worth saving: the strongest they used to be, first."""
    cooling = [p for p in people if p.tier is Tier.COOLING]
    cooling.sort(key=lambda p: (-_previous(p), -p.score, p.name.casefold(), p.person_id))
    return cooling[:limit]


def _previous(person: PersonHealthRow) -> int:
    return person.score if person.previous_score is None else person.previous_score


def follow_up_rate(follow_ups: Iterable[FollowUpRow], today: date) -> FollowUpRate:
    """Share of follow-ups, due in the window, sent within a day of the meeting.

    A follow-up is due the day after the meeting. It counts once it was done, or once its
    day has passed; one due today and not yet sent is still pending and not counted.
    """
    start = today - timedelta(days=FOLLOW_UP_WINDOW_DAYS)
    on_time = due = 0
    for row in follow_ups:
        due_on = row.met_on + timedelta(days=FOLLOW_UP_ON_TIME_DAYS)
        if not start <= due_on <= today:
            continue
        if row.on_time:
            on_time += 1
            due += 1
        elif due_on < today or row.first_outbound_on is not None:
            due += 1
    return FollowUpRate(on_time, due, on_time / due if due else None)


def balance(ledger: Iterable[LedgerRow]) -> Balance:
    """Give and take, from ledger rows (one person's, or everyone's)."""
    counts = Counter(row.direction for row in ledger)
    gave = counts.get(LedgerDirection.GAVE, 0)
    received = counts.get(LedgerDirection.RECEIVED, 0)
    asked = counts.get(LedgerDirection.ASKED, 0)
    net = gave - received - asked
    return Balance(gave, received, asked, net, _balance_phrase(gave, received + asked, net))


def _balance_phrase(gave: int, taken: int, net: int) -> str:
    if gave == 0 and taken == 0:
        return "nothing given or asked yet"
    if net >= 2:
        return "you have given more than you have taken"
    if net <= -2:
        return "you have taken more than you have given"
    return "give and take is even"


def yields(
    people: Iterable[PersonHealthRow],
    labels_of: LabelsOf,
) -> list[Yield]:
    """For each label, how many people carry it and how many are core or active.

    Sorted by meaningful ties, then by share, then by label; labels with no meaningful
    tie come last but are kept, since "240 people, none lasting" is worth knowing.
    """
    return labelled_yields((labels_of(p), p.tier in MEANINGFUL) for p in people)


def labelled_yields(labelled: Iterable[tuple[Iterable[str], bool]]) -> list[Yield]:
    """`yields` from each person's labels and whether their tie is meaningful, in the
    people's order (a label's first carrier decides its place among exact ties)."""
    total: Counter[str] = Counter()
    meaningful: Counter[str] = Counter()
    for labels, counts in labelled:
        for label in {lab.strip() for lab in labels if lab.strip()}:
            total[label] += 1
            if counts:
                meaningful[label] += 1
    return ranked_yields(total, meaningful)


def ranked_yields(total: Counter[str], meaningful: Counter[str]) -> list[Yield]:
    """One `Yield` per label of `total` (people per label), the most meaningful ties first."""
    rows = [Yield(label, meaningful[label], count) for label, count in total.items()]
    rows.sort(key=lambda y: (-y.meaningful, -y.share, y.label.casefold()))
    return rows


def habit_progress(weeks: Sequence[HabitWeek], today: date) -> HabitProgress | None:
    """This week's progress and the streak of weeks in a row that met the target.

    The current week does not break a streak while it is still under way.
    """
    if not weeks:
        return None
    ordered = sorted((w for w in weeks if w.week_start <= today), key=lambda w: w.week_start)
    this_week = next((w for w in ordered if w.week_start > today - timedelta(days=7)), None)
    met = sum(1 for w in ordered if w.met)
    return HabitProgress(this_week, _streak(ordered, this_week), met, len(ordered))


def _streak(ordered: Sequence[HabitWeek], this_week: HabitWeek | None) -> int:
    """Weeks met in a row, counting back from the latest; a missing week breaks it."""
    streak = 0
    expected: date | None = None
    for week in reversed(ordered):
        if expected is not None and week.week_start != expected:
            break
        expected = week.week_start - timedelta(days=7)
        if week is this_week and not week.met:
            continue
        if not week.met:
            break
        streak += 1
    return streak
