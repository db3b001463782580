"""A coach that finds the common networking mistakes in the user's own history.

One finding per pattern: how many people it concerns, all of them (the most important
first), one sentence that states the pattern with its dates and counts and names the first
three people, and one thing to do. Every fact is read from the history handed in: "never
heard from you again" is said only of people with no interaction at all after the meeting.
Findings are ranked by impact. The thresholds are module constants, explained in
docs/coach.md.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from amity.engines.coach_history import (
    MONTH_NAMES,
    CoachInput,
    Finding,
    FindingKind,
    PersonHistory,
    PersonRef,
    Severity,
    Tie,
    Touch,
    format_day,
)
from amity.engines.health import LedgerRow
from amity.model.enums import Direction, LedgerDirection, LedgerKind
from amity.model.wording import names_and_more, noun, plural

__all__ = [
    "MONTH_NAMES",
    "CoachInput",
    "Finding",
    "FindingKind",
    "PersonHistory",
    "PersonRef",
    "Severity",
    "Tie",
    "Touch",
    "coach",
    "format_day",
]

LOOKBACK_DAYS = 180  # only history this recent is coached on
LATELY_DAYS = 90  # "lately", for give and take and for new ties
EARLY_ASK_DAYS = 14
QUIET_DAYS = 14
LEAN_ON_DAYS = 7  # outbound contact this close before an ask counts as "only when needed"
MIN_TAKES = 3  # asks and help received, lately, before one-sidedness is worth saying
FOLLOW_UP_DAYS = 1
MIN_PEOPLE_FOR_CORE = 20
MIN_CORE = 3
MIN_NEW_TIES = 2  # fewer new people than this in LATELY_DAYS, in a network this big
STRONG_PEAK = 40  # a cooling tie that was at least this strong (active) is worth saving
BIG_ASKS = frozenset({LedgerKind.REFERRAL, LedgerKind.INTRODUCTION, LedgerKind.FAVOUR})
SHOWN = 3  # people named in a finding's sentence

_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
_KIND_ORDER = {kind: n for n, kind in enumerate(FindingKind)}


def coach(history: CoachInput, today: date) -> list[Finding]:
    """One finding per pattern found, the most impact first."""
    early = early_asks(history.people, history.ledger, today)
    # An early ask already explains a new tie's only messages; don't report it twice.
    flagged = {person.person_id for f in early for person in f.people}
    others = [person for person in history.people if person.person_id not in flagged]
    findings = [
        *one_sided(history.people, history.ledger, today),
        *going_cold(history.cooling, today),
        *early,
        *went_quiet(history.people, today),
        *contact_only_before_asks(others, history.ledger, today),
        *late_follow_ups(history.people, today),
        *no_core(history.total_people, history.core_count, history.active, today),
        *few_new_ties(history.people, history.total_people, today),
    ]
    return sorted(findings, key=_impact)


def _impact(finding: Finding) -> tuple[int, int, int]:
    """Severity first; within one, the pattern that concerns more people."""
    return (_RANK[finding.severity], -finding.size, _KIND_ORDER[finding.kind])


def _within(day: date | None, today: date, days: int) -> bool:
    return day is not None and today - timedelta(days=days) <= day <= today


def _ago(days: int) -> str:
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


def _months(days: int) -> str:
    return plural(max(1, round(days / 30.44)), "month")


def _ranked(people: Sequence[PersonHistory]) -> list[PersonHistory]:
    """The most important first: the strongest tie, then by name."""
    return sorted(people, key=lambda p: (-p.strength, p.name.casefold(), p.person_id))


def _refs(people: Sequence[PersonHistory | Tie]) -> tuple[PersonRef, ...]:
    return tuple(PersonRef(p.person_id, p.name) for p in people)


def _names(people: Sequence[PersonHistory | Tie]) -> str:
    return names_and_more([p.name for p in people[: SHOWN + 1]], len(people), SHOWN)


def _ask_phrase(kind: LedgerKind) -> str:
    return {
        LedgerKind.ADVICE: "advice",
        LedgerKind.INTRODUCTION: "an introduction",
        LedgerKind.REFERRAL: "a referral",
        LedgerKind.RESOURCE: "a resource",
        LedgerKind.FAVOUR: "a favour",
    }[kind]


def _asks_phrase(kinds: Counter[LedgerKind]) -> str:
    """'for referrals', 'for referrals and an introduction', 'for advice'."""
    parts = []
    for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        if count == 1:
            parts.append(_ask_phrase(kind))
        else:
            parts.append("advice" if kind is LedgerKind.ADVICE else noun(count, kind.value))
    if len(parts) == 1:
        return f"for {parts[0]}"
    return "for " + ", ".join(parts[:-1]) + f" and {parts[-1]}"


def one_sided(
    people: Sequence[PersonHistory], ledger: Sequence[LedgerRow], today: date
) -> list[Finding]:
    """Lately (LATELY_DAYS), at least MIN_TAKES asks and help received, and fewer than half
    as many gives: the ledger's give and take leans one way."""
    recent = [r for r in ledger if _within(r.occurred_on, today, LATELY_DAYS)]
    asks = [r for r in recent if r.direction is LedgerDirection.ASKED]
    got = [r for r in recent if r.direction is LedgerDirection.RECEIVED]
    gives = [r for r in recent if r.direction is LedgerDirection.GAVE]
    taken = len(asks) + len(got)
    if taken < MIN_TAKES or len(gives) * 2 >= taken:
        return []
    known = {p.person_id: p for p in people}
    takers: dict[int, PersonHistory] = {}
    for row in [*asks, *got]:
        takers.setdefault(row.person_id, known.get(row.person_id, PersonHistory(row.person_id, "")))
    ranked = _ranked([p for p in takers.values() if p.name])
    what = []
    if asks:
        asked = len({r.person_id for r in asks})
        what.append(
            f"asked {plural(asked, 'person')} {_asks_phrase(Counter(r.kind for r in asks))}"
        )
    if got:
        what.append(f"got help from {plural(len({r.person_id for r in got}), 'person')}")
    gave = {0: "nothing back", 1: "back only once"}.get(len(gives), f"back only {len(gives)} times")
    evidence = (
        f"In the last {_months(LATELY_DAYS)} you {', '.join(what)} and gave {gave}: "
        f"{_names(ranked)}."
    )
    first = ranked[0].name if ranked else "one of them"
    advice = (
        f"Before the next ask, give: pass {first} a job lead, an introduction or something "
        "you learned. People help those who help."
    )
    last = max(r.occurred_on for r in [*asks, *got])
    severity = Severity.HIGH if not gives else Severity.MEDIUM
    return [Finding(FindingKind.ONE_SIDED, severity, _refs(ranked), evidence, advice, last)]


def going_cold(cooling: Sequence[Tie], today: date) -> list[Finding]:
    """Ties that were strong (STRONG_PEAK) and have cooled, whose check-in is due now."""
    due = [
        t
        for t in cooling
        if t.peak_strength >= STRONG_PEAK
        and t.last_contact_on is not None
        and (t.check_in_on is None or t.check_in_on <= today)
    ]
    if not due:
        return []
    ranked = sorted(due, key=lambda t: (-t.peak_strength, t.name.casefold(), t.person_id))
    top = ranked[0]
    assert top.last_contact_on is not None
    count = len(ranked)
    evidence = (
        f"{plural(count, 'strong tie')} {noun(count, 'is')} going cold: {_names(ranked)}. "
        f"You last spoke with {top.name} {_ago((today - top.last_contact_on).days)}."
    )
    advice = (
        f"Check in with {top.name} this week: ask about something they told you last time. "
        "Old ties warm up fast."
    )
    details = tuple(
        f"{t.name}: last contact {_ago((today - t.last_contact_on).days)}"
        for t in ranked
        if t.last_contact_on is not None
    )
    return [
        Finding(
            FindingKind.GOING_COLD,
            Severity.HIGH if count >= 3 else Severity.MEDIUM,
            _refs(ranked),
            evidence,
            advice,
            today,
            details,
        )
    ]


def early_asks(
    people: Sequence[PersonHistory], ledger: Sequence[LedgerRow], today: date
) -> list[Finding]:
    """Asks made within EARLY_ASK_DAYS of first meeting someone (in the lookback)."""
    met = {p.person_id: p for p in people if p.first_met_on is not None}
    found: dict[int, tuple[PersonHistory, LedgerRow, int]] = {}
    for ask in ledger:
        person = met.get(ask.person_id)
        if ask.direction is not LedgerDirection.ASKED or person is None:
            continue
        if person.first_met_on is None or not _within(ask.occurred_on, today, LOOKBACK_DAYS):
            continue
        gap = (ask.occurred_on - person.first_met_on).days
        if 0 <= gap <= EARLY_ASK_DAYS and person.person_id not in found:
            found[person.person_id] = (person, ask, gap)
    if not found:
        return []
    ranked = _ranked([person for person, _, _ in found.values()])
    count = len(ranked)
    evidence = (
        f"You asked {plural(count, 'person')} for something within two weeks of meeting "
        f"them: {_names(ranked)}."
    )
    details = tuple(_early_detail(*found[p.person_id]) for p in ranked)
    advice = (
        "Let a new tie grow before you ask: follow up, find out what they are working on, "
        "and offer something useful first. Ask once they know you."
    )
    big = any(ask.kind in BIG_ASKS for _, ask, _ in found.values())
    last = max(ask.occurred_on for _, ask, _ in found.values())
    severity = Severity.HIGH if big else Severity.MEDIUM
    return [
        Finding(FindingKind.EARLY_ASK, severity, _refs(ranked), evidence, advice, last, details)
    ]


def _early_detail(person: PersonHistory, ask: LedgerRow, gap: int) -> str:
    when = "the same day" if gap == 0 else f"{plural(gap, 'day')} later"
    assert person.first_met_on is not None
    return (
        f"{person.name}: met on {format_day(person.first_met_on)}, asked for "
        f"{_ask_phrase(ask.kind)} on {format_day(ask.occurred_on)}, {when}"
    )


def went_quiet(people: Sequence[PersonHistory], today: date) -> list[Finding]:
    """People first met QUIET_DAYS to LOOKBACK_DAYS ago with no interaction of any kind or
    direction after the day you met, grouped by where you met."""
    quiet = [
        p
        for p in people
        if p.first_met_on is not None
        and p.in_person
        and _within(p.first_met_on, today - timedelta(days=QUIET_DAYS), LOOKBACK_DAYS - QUIET_DAYS)
        and not any(t.on > p.first_met_on for t in p.touches)
    ]
    if not quiet:
        return []
    ranked = _ranked(quiet)
    places = Counter(p.met_at for p in ranked if p.met_at)
    count = len(ranked)
    days = {p.first_met_on for p in ranked}
    if len(places) == 1 and sum(places.values()) == count:
        (place,) = places
        (day,) = days if len(days) == 1 else (None,)
        where = f" at {place}" + (f" on {format_day(day)}" if day else "")
    else:
        where = f" in the last {_months(LOOKBACK_DAYS)}"
        if places:
            groups = [f"{n} at {place}" for place, n in places.most_common(3)]
            where += f" ({', '.join(groups)})"
    evidence = (
        f"{plural(count, 'person')} you met{where} never heard from you again: {_names(ranked)}."
    )
    top = ranked[0]
    at = f"{top.met_at}" if top.met_at else "where you met"
    advice = (
        f"Write to {top.name} today: two lines that name {at} and one thing you talked "
        "about. A late note is better than none; then the others."
    )
    last = max(p.first_met_on for p in ranked if p.first_met_on is not None)
    severity = Severity.HIGH if count >= 5 else Severity.MEDIUM
    details = tuple(
        f"{p.name}: met{' at ' + p.met_at if p.met_at else ''} on {format_day(p.first_met_on)}"
        for p in ranked
        if p.first_met_on is not None
    )
    return [
        Finding(
            FindingKind.WENT_QUIET,
            severity,
            _refs(ranked),
            evidence,
            advice,
            last + timedelta(days=QUIET_DAYS),
            details,
        )
    ]


def contact_only_before_asks(
    people: Sequence[PersonHistory], ledger: Sequence[LedgerRow], today: date
) -> list[Finding]:
    """People you reach out to only in the LEAN_ON_DAYS before asking them for something."""
    by_person: dict[int, list[date]] = {}
    for row in ledger:
        if row.direction is LedgerDirection.ASKED and _within(
            row.occurred_on, today, LOOKBACK_DAYS
        ):
            by_person.setdefault(row.person_id, []).append(row.occurred_on)
    leaned: list[PersonHistory] = []
    for person in people:
        asks = sorted(by_person.get(person.person_id, []))
        outbound = [t.on for t in person.touches if t.direction is Direction.OUTBOUND]
        if asks and outbound and all(_just_before_ask(day, asks) for day in outbound):
            leaned.append(person)
    if not leaned:
        return []
    ranked = _ranked(leaned)
    count = len(ranked)
    evidence = (
        f"With {plural(count, 'person')} you get in touch only in the week before asking "
        f"for something: {_names(ranked)}."
    )
    details = tuple(
        f"{p.name}: asked on {', '.join(format_day(d) for d in sorted(by_person[p.person_id]))}"
        for p in ranked
    )
    advice = (
        f"Get in touch with {ranked[0].name} when you need nothing: congratulate, share "
        "something they would like, or ask how their work is going."
    )
    last = max(max(by_person[p.person_id]) for p in ranked)
    return [
        Finding(
            FindingKind.ONLY_WHEN_NEEDED,
            Severity.MEDIUM,
            _refs(ranked),
            evidence,
            advice,
            last,
            details,
        )
    ]


def _just_before_ask(day: date, asks: Sequence[date]) -> bool:
    return any(0 <= (ask - day).days <= LEAN_ON_DAYS for ask in asks)


def late_follow_ups(people: Sequence[PersonHistory], today: date) -> list[Finding]:
    """First outbound contact more than FOLLOW_UP_DAYS after a first meeting (lookback)."""
    late: list[tuple[int, PersonHistory]] = []
    followed = 0
    for person in people:
        met_on = person.first_met_on
        if met_on is None or not person.in_person or not _within(met_on, today, LOOKBACK_DAYS):
            continue
        first = min(
            (t.on for t in person.touches if t.direction is Direction.OUTBOUND and t.on >= met_on),
            default=None,
        )
        if first is None:
            continue
        followed += 1
        if (first - met_on).days > FOLLOW_UP_DAYS:
            late.append(((first - met_on).days, person))
    if not late:
        return []
    median = statistics.median(d for d, _ in late)
    newest = sorted(late, key=lambda x: (-_met(x[1]).toordinal(), x[1].name))
    ranked = _ranked([p for _, p in late])
    details = tuple(
        f"{p.name}: {plural(d, 'day')} after meeting on {format_day(_met(p))}" for d, p in newest
    )
    evidence = (
        f"{len(late)} of your last {plural(followed, 'follow-up')} went out more than a day "
        f"after meeting ({_names(ranked)}); the median wait was {plural(round(median), 'day')}."
    )
    advice = (
        "Send the follow-up within 24 hours, while the conversation is fresh: two lines "
        "that name where you met and one thing they said are enough."
    )
    severity = Severity.MEDIUM if len(late) * 2 >= followed else Severity.LOW
    on = _met(newest[0][1])
    return [
        Finding(FindingKind.LATE_FOLLOW_UP, severity, _refs(ranked), evidence, advice, on, details)
    ]


def _met(person: PersonHistory) -> date:
    return person.first_met_on or date.min


def no_core(
    total_people: int, core_count: int, active: Sequence[Tie], today: date
) -> list[Finding]:
    """A network of many acquaintances and almost no close ties. Names the strongest
    active ties as the ones to deepen."""
    if total_people < MIN_PEOPLE_FOR_CORE or core_count >= MIN_CORE:
        return []
    core = "no core ties" if core_count == 0 else f"only {plural(core_count, 'core tie')}"
    ranked = sorted(active, key=lambda t: (-t.strength, t.name.casefold(), t.person_id))
    evidence = (
        f"You know {plural(total_people, 'person')} but have {core}: "
        "people you talk to often and have seen in the last three months."
    )
    if ranked:
        evidence += f" Closest to it: {_names(ranked)}."
        who = f"{_names(ranked[:SHOWN])}, the ties closest to it,"
    else:
        who = "three people you would like to know better"
    advice = (
        f"Set up a call or a coffee this month with {who}. "
        "A few deep ties do more than many shallow ones."
    )
    return [
        Finding(
            FindingKind.NO_CORE,
            Severity.MEDIUM,
            _refs(ranked),
            evidence,
            advice,
            today,
            count=len(ranked),
        )
    ]


def few_new_ties(people: Sequence[PersonHistory], total_people: int, today: date) -> list[Finding]:
    """An established network (MIN_PEOPLE_FOR_CORE) that met fewer than MIN_NEW_TIES new
    people lately. Imported people are not new ties: only a first meeting counts."""
    new = _ranked([p for p in people if _within(p.first_met_on, today, LATELY_DAYS)])
    if total_people < MIN_PEOPLE_FOR_CORE or len(new) >= MIN_NEW_TIES:
        return []
    months = _months(LATELY_DAYS)
    if new:
        evidence = (
            f"You met only {plural(len(new), 'new person')} in the last {months}: {_names(new)}."
        )
    else:
        evidence = f"You met nobody new in the last {months}."
    advice = (
        "Pick one event or community this month and go with a goal: meet two people and "
        "follow up the next day."
    )
    return [Finding(FindingKind.FEW_NEW_TIES, Severity.LOW, _refs(new), evidence, advice, today)]
