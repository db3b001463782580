"""Today's agenda: rank the open reminders, show a few, spread the rest over the coming days.

The store selects the candidates (follow-ups, promises, life events, due check-ins, people
going cold) with indexed queries; the other engines turn each into an `AgendaItem`; this
module decides which of them the user sees today and plans the rest, and numbers today's
list so that the numbers hold all day (`number_day`). Everything here is a pure function of
the items and `today`: the same inputs always give the same agenda.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from amity.errors import UsageError
from amity.model.enums import DONE, OPEN, ItemState, ReminderKind

_Day = date  # `Agenda.date` shadows the type inside the class body

DEFAULT_BUDGET = 5
# What Amity writes as the summary of a message it logs when you mark an item done; drafts
# never take it for something you talked about.
FROM_THE_AGENDA = " (from the agenda)"

# The order in which kinds of reminder come on the agenda (lower first).
KIND_RANK: dict[ReminderKind, int] = {
    ReminderKind.FOLLOW_UP: 0,
    ReminderKind.PROMISE: 1,
    ReminderKind.REMINDER: 1,
    ReminderKind.BIRTHDAY: 2,
    ReminderKind.NEW_JOB: 2,
    ReminderKind.ANNIVERSARY: 2,
    ReminderKind.CHECK_IN: 3,
    ReminderKind.GOING_COLD: 4,
}

# Kinds that are commitments the user made: always shown on the day they are due, even
# over the budget. A follow-up whose moment passed (a reconnect) is no longer one: it takes
# its turn with the check-ins. Birthdays, new jobs and work anniversaries take their turn
# within the budget (ahead of check-ins, strongest ties first), except on their `show_by`
# day (a birthday's own day, an anniversary's or new job's last few days), when they are
# shown whatever else fills the day, up to `budget` of them: with thousands of contacts a
# day can hold hundreds of birthdays, and the strongest ties' come first.
TIME_BOUND: frozenset[ReminderKind] = frozenset(
    {
        ReminderKind.FOLLOW_UP,
        ReminderKind.PROMISE,
        ReminderKind.REMINDER,
    }
)

# The same by the kind's value, as items carry it (no enum built per item when ranking).
_RANK_OF: dict[str, int] = {kind.value: rank for kind, rank in KIND_RANK.items()}
_TIME_BOUND_KINDS: frozenset[str] = frozenset(kind.value for kind in TIME_BOUND)

# Which message a draft should be for each kind of reminder.
DRAFT_KIND: dict[ReminderKind, str] = {
    ReminderKind.FOLLOW_UP: "followup",
    ReminderKind.PROMISE: "promise",
    ReminderKind.REMINDER: "checkin",
    ReminderKind.BIRTHDAY: "congrats",
    ReminderKind.NEW_JOB: "congrats",
    ReminderKind.ANNIVERSARY: "congrats",
    ReminderKind.CHECK_IN: "checkin",
    ReminderKind.GOING_COLD: "checkin",
}
# A follow-up past its moment: drafted as a gentler reconnect, ranked with the check-ins.
RECONNECT_DRAFT = "reconnect"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One thing to do for one person, with the reason it is on the list."""

    key: str  # stable across days, e.g. "follow_up:interaction:812"
    kind: str  # a ReminderKind value
    person_id: int
    person_name: str
    due: date
    reason: str
    draft_kind: str  # "followup" | "reconnect" | "checkin" | "congrats" | "promise"
    strength: int = 0  # relationship strength 0-100; stronger ties first among equals
    expires: date | None = None  # after this day the moment has passed and the item drops
    detail: str = ""  # the user's own words, when the item has them (a promise's text)
    show_by: date | None = None  # on this day it is shown whatever fills the budget
    new_tie: bool = False  # a second touch for someone new who answered: before routine

    @property
    def reminder_kind(self) -> ReminderKind:
        return ReminderKind(self.kind)

    @property
    def faded(self) -> bool:
        """A follow-up whose moment passed, now a gentler reconnect."""
        return self.draft_kind == RECONNECT_DRAFT

    @property
    def time_bound(self) -> bool:
        return self.kind in _TIME_BOUND_KINDS and self.draft_kind != RECONNECT_DRAFT

    @property
    def shown_as(self) -> str:
        """The kind the user sees: a faded follow-up shows as `reconnect`."""
        return RECONNECT_DRAFT if self.faded else self.kind

    def overdue(self, today: date) -> bool:
        return self.due < today

    def days_overdue(self, today: date) -> int:
        return max(0, (today - self.due).days)


@dataclass(frozen=True, slots=True)
class Numbered:
    """One line of today's list: its number, the item, and what the user did with it."""

    number: int
    item: AgendaItem
    state: ItemState = OPEN


@dataclass(slots=True)
class Agenda:
    """What to do on `date`, how many items wait for later days, and the plan for them.

    `items` are today's open items in rank order; `numbered` is today's list as the user
    sees it, with the items already acted on today kept at their numbers."""

    date: _Day
    items: list[AgendaItem]
    later: int
    schedule: dict[_Day, list[str]]
    deferred: list[AgendaItem] = field(default_factory=list)
    numbered: list[Numbered] = field(default_factory=list)

    def dated_items(self) -> list[tuple[_Day, AgendaItem]]:
        """Every planned item with the day it is planned for, in schedule order."""
        by_key = {item.key: item for item in [*self.items, *self.deferred]}
        return [(day, by_key[key]) for day in sorted(self.schedule) for key in self.schedule[day]]


def make_item(
    kind: ReminderKind,
    key: str,
    person_id: int,
    person_name: str,
    due: date,
    reason: str,
    *,
    strength: int = 0,
    expires: date | None = None,
    detail: str = "",
    draft_kind: str | None = None,
    show_by: date | None = None,
) -> AgendaItem:
    """An `AgendaItem` whose draft kind follows from its reminder kind (unless given)."""
    return AgendaItem(
        key=key,
        kind=kind.value,
        person_id=person_id,
        person_name=person_name,
        due=due,
        reason=reason,
        draft_kind=draft_kind or DRAFT_KIND[kind],
        strength=strength,
        expires=expires,
        detail=detail,
        show_by=show_by,
    )


def rank_key(item: AgendaItem) -> tuple[int, int, date, int, str, str]:
    """Kind first (a new tie's second touch before routine check-ins), then the oldest due
    date, the strongest tie, the name, the key."""
    kind = ReminderKind.CHECK_IN.value if item.draft_kind == RECONNECT_DRAFT else item.kind
    return (
        _RANK_OF[kind],
        0 if item.new_tie else 1,
        item.due,
        -item.strength,
        item.person_name.casefold(),
        item.key,
    )


def rank(items: Iterable[AgendaItem]) -> list[AgendaItem]:
    return sorted(items, key=rank_key)


def build_agenda(
    items: Iterable[AgendaItem],
    today: date,
    budget: int = DEFAULT_BUDGET,
    snoozed: Mapping[str, date] | None = None,
    done: Collection[str] = (),
    *,
    kept: Sequence[AgendaItem] = (),
    acted: Mapping[str, ItemState] | None = None,
) -> Agenda:
    """Today's agenda from the open items.

    `snoozed` maps a key to the first day it may show again; `done` holds the keys the
    user marked done or skipped. Time-bound items (follow-ups, promises, one-off reminders)
    show on the day they are due whatever the budget, and so do occasions on their
    `show_by` day (a birthday on the day), at most `budget` of those a day; the others
    (life events, check-ins, going-cold nudges) fill what is left of the budget, and the
    rest are planned on the following days, never more than `budget` items a day in all.
    A person shows at most once a day: a check-in for someone who already has an item
    today is folded into it.

    `kept` is today's numbered list as it stood when the user first acted on it today (in
    number order), and `acted` what they did with each item since (done, skipped,
    snoozed): those items keep their numbers and their place in today's budget, the ones
    still open stay on today's list, and anything new to today's list comes after them.
    """
    if budget < 1:
        raise UsageError(f"the daily budget must be at least 1, not {budget}")
    starts = _open_items(items, today, snoozed or {}, set(done))
    ranked = rank(item for item, _ in starts.values())
    still = {i.key for i in kept if i.key in starts and starts[i.key][1] == today}
    used = len({i.key for i in kept} - still)
    plan = _plan(
        ranked, {key: start for key, (_, start) in starts.items()}, today, budget, still, used
    )
    waiting = sum(1 for key, (_, start) in starts.items() if start == today and key in plan)
    agenda = _agenda(today, [item for item in ranked if item.key in plan], plan, waiting)
    agenda.numbered = number_day(kept, agenda.items, acted or {})
    return agenda


def number_day(
    kept: Sequence[AgendaItem], shown: Sequence[AgendaItem], acted: Mapping[str, ItemState]
) -> list[Numbered]:
    """Today's list in number order: what was numbered earlier today keeps its number
    (open if still shown, else with what the user did: `acted`, or done when it was
    settled another way, such as logging a message); new items follow, in rank order."""
    open_now = {item.key: item for item in shown}
    lines: list[Numbered] = []
    seen: set[str] = set()
    for item in kept:
        if item.key in seen:
            continue
        seen.add(item.key)
        if item.key in open_now:
            lines.append(Numbered(len(lines) + 1, open_now[item.key]))
        else:
            lines.append(Numbered(len(lines) + 1, item, acted.get(item.key, DONE)))
    for item in shown:
        if item.key not in seen:
            lines.append(Numbered(len(lines) + 1, item))
    return lines


def _plan(
    ranked: list[AgendaItem],
    starts: Mapping[str, date],
    today: date,
    budget: int,
    kept: Collection[str] = (),
    used: int = 0,
) -> dict[str, date]:
    """The day each item is planned for: time-bound items, today's kept items and
    occasions on their `show_by` day first, then the others in rank order on the first day
    with room (one item per person per day). `used` slots of today are already taken."""
    planner = _Planner(budget)
    planner.use(today, used)
    plan: dict[str, date] = {}
    for item in ranked:
        if item.time_bound or item.key in kept:
            plan[item.key] = planner.pin(starts[item.key])
    occasions: dict[date, int] = {}
    for item in ranked:
        start = starts[item.key]
        if item.key not in plan and item.show_by == start and occasions.get(start, 0) < budget:
            occasions[start] = occasions.get(start, 0) + 1
            plan[item.key] = planner.pin(start)
    seen = {item.person_id for item in ranked if plan.get(item.key) == today}
    for item in ranked:
        if item.key not in plan and item.person_id not in seen:
            seen.add(item.person_id)
            plan[item.key] = planner.take(starts[item.key])
    return plan


def _open_items(
    items: Iterable[AgendaItem], today: date, snoozed: Mapping[str, date], done: set[str]
) -> dict[str, tuple[AgendaItem, date]]:
    """Each open item by key, with the first day it may be shown."""
    starts: dict[str, tuple[AgendaItem, date]] = {}
    for item in items:
        if item.key in done or item.key in starts:
            continue
        start = max(item.due, snoozed.get(item.key, item.due), today)
        if item.expires is not None and start > item.expires:
            continue
        starts[item.key] = (item, start)
    return starts


def _agenda(
    today: date, ranked: list[AgendaItem], plan: Mapping[str, date], waiting: int
) -> Agenda:
    """`waiting` counts the items that could show today; those not shown are `later`."""
    schedule: dict[date, list[str]] = {}
    for item in ranked:
        schedule.setdefault(plan[item.key], []).append(item.key)
    shown = [item for item in ranked if plan[item.key] == today]
    deferred = [item for item in ranked if plan[item.key] > today]
    ordered_schedule = {day: schedule[day] for day in sorted(schedule)}
    return Agenda(today, shown, waiting - len(shown), ordered_schedule, deferred)


class _Planner:
    """Fills days from `today` on: pinned items take their day, the others the first day
    at or after their start that still has room under the budget."""

    def __init__(self, budget: int) -> None:
        self._budget = budget
        self._load: dict[date, int] = {}
        self._next_free: dict[date, date] = {}  # a full day -> a later day to try

    def use(self, day: date, count: int) -> None:
        self._load[day] = self._load.get(day, 0) + count

    def pin(self, day: date) -> date:
        self._load[day] = self._load.get(day, 0) + 1
        return day

    def take(self, start: date) -> date:
        day = self._first_free(start)
        self._load[day] = self._load.get(day, 0) + 1
        return day

    def _first_free(self, start: date) -> date:
        day, path = start, []
        while self._load.get(day, 0) >= self._budget:
            path.append(day)
            day = self._next_free.get(day, day + timedelta(days=1))
        for full in path:  # path compression: later searches jump straight here
            self._next_free[full] = day
        return day
