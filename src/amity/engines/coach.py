"""A coach that finds the common networking mistakes in the user's own history.

Each finding names who and when, with the dates and counts that show the pattern, and says
what to do instead. The thresholds are module constants, explained in docs/coach.md.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from amity.engines.health import LedgerRow
from amity.model.enums import Direction, LedgerDirection, LedgerKind

LOOKBACK_DAYS = 180  # only history this recent is coached on
EARLY_ASK_DAYS = 14
QUIET_DAYS = 14
LEAN_ON_DAYS = 7  # outbound contact this close before an ask counts as "only when needed"
MIN_ASKS = 3
FOLLOW_UP_DAYS = 1
MIN_PEOPLE_FOR_CORE = 20
MIN_CORE = 3
BIG_ASKS = frozenset({LedgerKind.REFERRAL, LedgerKind.INTRODUCTION, LedgerKind.FAVOUR})

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class FindingKind(StrEnum):
    EARLY_ASK = "early_ask"
    WENT_QUIET = "went_quiet"
    ONLY_WHEN_NEEDED = "only_when_needed"
    LATE_FOLLOW_UP = "late_follow_up"
    NO_CORE = "no_core"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@dataclass(frozen=True, slots=True)
class Touch:
    """One interaction with a person: when, and who reached out."""

    on: date
    direction: Direction


@dataclass(frozen=True, slots=True)
class PersonHistory:
    """What the coach needs to know about one recently met or recently asked person."""

    person_id: int
    name: str
    first_met_on: date | None = None
    touches: tuple[Touch, ...] = ()


@dataclass(frozen=True, slots=True)
class CoachInput:
    people: Sequence[PersonHistory] = ()
    ledger: Sequence[LedgerRow] = ()
    total_people: int = 0
    core_count: int = 0


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    severity: Severity
    person_id: int | None
    person_name: str
    evidence: str
    advice: str
    on: date  # the day the pattern showed; findings sort newest first within a severity
    details: tuple[str, ...] = field(default=())


def coach(history: CoachInput, today: date) -> list[Finding]:
    """Every pattern found, most severe first, then newest, then by name."""
    recent = [p for p in history.people if _recent(p.first_met_on, today)]
    asks = [r for r in history.ledger if r.direction is LedgerDirection.ASKED]
    early = early_asks(recent, asks)
    # An early ask already explains a new tie's only messages; don't report it twice.
    flagged = {f.person_id for f in early}
    others = [p for p in history.people if p.person_id not in flagged]
    findings = [
        *early,
        *went_quiet(recent, today),
        *asks_outweigh_gives(history.ledger, today),
        *contact_only_before_asks(others, asks, today),
        *late_follow_ups(recent, today),
        *no_core(history.total_people, history.core_count, today),
    ]
    return sorted(findings, key=_order)


def _order(finding: Finding) -> tuple[int, int, str, str]:
    return (_RANK[finding.severity], -finding.on.toordinal(), finding.person_name, finding.kind)


def _recent(day: date | None, today: date) -> bool:
    return day is not None and today - timedelta(days=LOOKBACK_DAYS) <= day <= today


def format_day(day: date) -> str:
    """'3 March 2025': unambiguous in every locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _ask_phrase(kind: LedgerKind) -> str:
    return {
        LedgerKind.ADVICE: "advice",
        LedgerKind.INTRODUCTION: "an introduction",
        LedgerKind.REFERRAL: "a referral",
        LedgerKind.RESOURCE: "a resource",
        LedgerKind.FAVOUR: "a favour",
    }[kind]


def early_asks(people: Sequence[PersonHistory], asks: Sequence[LedgerRow]) -> list[Finding]:
    """An ask within EARLY_ASK_DAYS of first meeting someone."""
    met = {p.person_id: p for p in people if p.first_met_on is not None}
    findings = []
    for ask in asks:
        person = met.get(ask.person_id)
        if person is None or person.first_met_on is None:
            continue
        gap = (ask.occurred_on - person.first_met_on).days
        if 0 <= gap <= EARLY_ASK_DAYS:
            findings.append(_early_ask(person, person.first_met_on, ask, gap))
    return findings


def _early_ask(person: PersonHistory, met_on: date, ask: LedgerRow, gap: int) -> Finding:
    when = "the same day" if gap == 0 else f"{_days(gap)} later"
    evidence = (
        f"You met {person.name} on {format_day(met_on)} and asked for "
        f"{_ask_phrase(ask.kind)} on {format_day(ask.occurred_on)}, {when}."
    )
    advice = (
        "Let a new tie grow before you ask: follow up, find out what they are working on, "
        "and offer something useful first. Ask once they know you."
    )
    severity = Severity.HIGH if ask.kind in BIG_ASKS else Severity.MEDIUM
    return Finding(
        FindingKind.EARLY_ASK,
        severity,
        person.person_id,
        person.name,
        evidence,
        advice,
        ask.occurred_on,
    )


def went_quiet(people: Sequence[PersonHistory], today: date) -> list[Finding]:
    """No contact at all in the QUIET_DAYS after a first meeting at least that old."""
    findings = []
    for person in people:
        met_on = person.first_met_on
        if met_on is None or (today - met_on).days < QUIET_DAYS:
            continue
        quiet_until = met_on + timedelta(days=QUIET_DAYS)
        after = sorted(t.on for t in person.touches if t.on > met_on)
        if after and after[0] <= quiet_until:
            continue
        findings.append(_went_quiet(person, met_on, after[0] if after else None))
    return findings


def _went_quiet(person: PersonHistory, met_on: date, next_on: date | None) -> Finding:
    if next_on is None:
        since = "there has been no contact since"
    else:
        since = f"the next contact came {_days((next_on - met_on).days)} later"
    evidence = f"You met {person.name} on {format_day(met_on)} and {since}."
    advice = (
        "Write within a day of meeting someone, then again within two weeks with something "
        "they would care about: a link, a name, a question about what they told you."
    )
    return Finding(
        FindingKind.WENT_QUIET,
        Severity.MEDIUM,
        person.person_id,
        person.name,
        evidence,
        advice,
        met_on + timedelta(days=QUIET_DAYS),
    )


def asks_outweigh_gives(ledger: Sequence[LedgerRow], today: date) -> list[Finding]:
    """Over the lookback: at least MIN_ASKS asks, and fewer than half as many gives."""
    recent = [r for r in ledger if _recent(r.occurred_on, today)]
    asks = [r for r in recent if r.direction is LedgerDirection.ASKED]
    gives = [r for r in recent if r.direction is LedgerDirection.GAVE]
    if len(asks) < MIN_ASKS or len(gives) * 2 >= len(asks):
        return []
    people = len({r.person_id for r in asks})
    evidence = (
        f"In the last {LOOKBACK_DAYS // 30} months you asked {people} "
        f"{'person' if people == 1 else 'people'} for something {len(asks)} times "
        f"({_kind_counts(asks)}) and gave {len(gives)} "
        f"{'time' if len(gives) == 1 else 'times'}."
    )
    advice = (
        "Before the next ask, give: pass on a job lead, make an introduction someone would "
        "value, or share what you learned. People help those who help."
    )
    last = max(r.occurred_on for r in asks)
    return [Finding(FindingKind.ONLY_WHEN_NEEDED, Severity.HIGH, None, "", evidence, advice, last)]


def _kind_counts(rows: Sequence[LedgerRow]) -> str:
    counts: dict[LedgerKind, int] = {}
    for row in rows:
        counts[row.kind] = counts.get(row.kind, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{kind.value} ×{count}" for kind, count in ordered)


def contact_only_before_asks(
    people: Sequence[PersonHistory],
    asks: Sequence[LedgerRow],
    today: date,
) -> list[Finding]:
    """A person you reach out to only in the LEAN_ON_DAYS before asking them for something."""
    findings = []
    by_person: dict[int, list[date]] = {}
    for a in asks:
        if _recent(a.occurred_on, today):
            by_person.setdefault(a.person_id, []).append(a.occurred_on)
    for person in people:
        theirs = sorted(by_person.get(person.person_id, []))
        outbound = sorted(t.on for t in person.touches if t.direction is Direction.OUTBOUND)
        if theirs and outbound and all(_just_before_ask(day, theirs) for day in outbound):
            findings.append(_only_before_asks(person, outbound, theirs))
    return findings


def _just_before_ask(day: date, asks: Sequence[date]) -> bool:
    return any(0 <= (ask - day).days <= LEAN_ON_DAYS for ask in asks)


def _only_before_asks(person: PersonHistory, outbound: list[date], asks: list[date]) -> Finding:
    count = len(outbound)
    contacts = "Your only message" if count == 1 else f"All {count} of your messages"
    evidence = (
        f"{contacts} to {person.name} came in the week before an ask "
        f"(asked on {', '.join(format_day(d) for d in asks)})."
    )
    advice = (
        f"Get in touch with {person.name} when you need nothing: congratulate, share "
        "something they would like, or ask how their work is going."
    )
    return Finding(
        FindingKind.ONLY_WHEN_NEEDED,
        Severity.MEDIUM,
        person.person_id,
        person.name,
        evidence,
        advice,
        asks[-1],
    )


def late_follow_ups(people: Sequence[PersonHistory], today: date) -> list[Finding]:
    """First outbound contact more than FOLLOW_UP_DAYS after the first meeting."""
    delays: list[tuple[int, date, str]] = []
    followed = 0
    for person in people:
        met_on = person.first_met_on
        out = [t.on for t in person.touches if t.direction is Direction.OUTBOUND]
        first = min((d for d in out if met_on is not None and d >= met_on), default=None)
        if met_on is None or first is None:
            continue
        followed += 1
        delay = (first - met_on).days
        if delay > FOLLOW_UP_DAYS:
            delays.append((delay, met_on, person.name))
    if not delays:
        return []
    return [_late_follow_ups(delays, followed)]


def _late_follow_ups(delays: list[tuple[int, date, str]], followed: int) -> Finding:
    median = statistics.median(d for d, _, _ in delays)
    shown = sorted(delays, key=lambda x: (-x[1].toordinal(), x[2]))
    examples = tuple(f"{name}: {_days(d)} after meeting on {format_day(m)}" for d, m, name in shown)
    evidence = (
        f"{len(delays)} of your last {followed} follow-ups went out more than a day after "
        f"meeting; the median wait was {_days(round(median))}."
    )
    advice = (
        "Send the follow-up within 24 hours, while the conversation is fresh: two lines "
        "that name where you met and one thing they said are enough."
    )
    severity = Severity.MEDIUM if len(delays) * 2 >= followed else Severity.LOW
    return Finding(
        FindingKind.LATE_FOLLOW_UP, severity, None, "", evidence, advice, shown[0][1], examples
    )


def no_core(total_people: int, core_count: int, today: date) -> list[Finding]:
    """A network of many acquaintances and almost no close ties."""
    if total_people < MIN_PEOPLE_FOR_CORE or core_count >= MIN_CORE:
        return []
    core = "no core ties" if core_count == 0 else f"only {core_count} core"
    ties = "" if core_count == 0 else (" tie" if core_count == 1 else " ties")
    evidence = (
        f"You know {total_people} people but have {core}{ties}: "
        "people you talk to often and have seen in the last three months."
    )
    advice = (
        "Choose three people you would like to know better and set up a call or a coffee "
        "with each this month. A few deep ties do more than many shallow ones."
    )
    return [Finding(FindingKind.NO_CORE, Severity.MEDIUM, None, "", evidence, advice, today)]
