"""A coach that finds the common networking mistakes in the user's own history.

One finding per pattern: how many people it concerns, all of them (the most important
first), one sentence that states the pattern with its dates and counts and names the first
three people, and one thing to do. Every fact is read from the history handed in: "never
heard from you again" is said only of people with no interaction at all after the meeting.
Findings are ranked by impact. The patterns about asking are in `amity.engines.coach_asks`;
the thresholds are module constants, explained in docs/coach.md.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from amity.engines.coach_asks import contact_only_before_asks, early_asks, one_sided
from amity.engines.coach_history import (
    LATELY_DAYS,
    LOOKBACK_DAYS,
    SHOWN,
    CoachInput,
    Finding,
    FindingKind,
    PersonHistory,
    PersonRef,
    Severity,
    Tie,
    Touch,
    ago,
    by_importance,
    format_day,
    months_in,
    names_of,
    refs_of,
    within,
)
from amity.model.enums import Direction
from amity.model.wording import MONTH_NAMES, noun, plural

__all__ = [
    "LOOKBACK_DAYS",
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
    "lacks_core",
]

QUIET_DAYS = 14
FOLLOW_UP_DAYS = 1
MIN_PEOPLE_FOR_CORE = 20
MIN_CORE = 3
MIN_NEW_TIES = 2  # fewer new people than this in LATELY_DAYS, in a network this big
STRONG_PEAK = 40  # a cooling tie that was at least this strong (active) is worth saving

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
        f"{plural(count, 'strong tie')} {noun(count, 'is')} going cold: {names_of(ranked)}. "
        f"Your last contact with {top.name} was {ago((today - top.last_contact_on).days)}."
    )
    advice = (
        f"Check in with {top.name} this week: ask about something they told you last time. "
        "Old ties warm up fast."
    )
    details = tuple(
        f"{t.name}: last contact {ago((today - t.last_contact_on).days)}"
        for t in ranked
        if t.last_contact_on is not None
    )
    return [
        Finding(
            FindingKind.GOING_COLD,
            Severity.HIGH if count >= 3 else Severity.MEDIUM,
            refs_of(ranked),
            evidence,
            advice,
            today,
            details,
        )
    ]


def went_quiet(people: Sequence[PersonHistory], today: date) -> list[Finding]:
    """People first met QUIET_DAYS to LOOKBACK_DAYS ago with no interaction of any kind or
    direction after the day you met, grouped by where you met."""
    quiet = [
        p
        for p in people
        if p.first_met_on is not None
        and p.in_person
        and within(p.first_met_on, today - timedelta(days=QUIET_DAYS), LOOKBACK_DAYS - QUIET_DAYS)
        and not any(t.on > p.first_met_on for t in p.touches)
    ]
    if not quiet:
        return []
    ranked = by_importance(quiet)
    places = Counter(p.met_at for p in ranked if p.met_at)
    count = len(ranked)
    days = {p.first_met_on for p in ranked}
    if len(places) == 1 and sum(places.values()) == count:
        (place,) = places
        (day,) = days if len(days) == 1 else (None,)
        where = f" at {place}" + (f" on {format_day(day)}" if day else "")
    else:
        where = f" in the last {months_in(LOOKBACK_DAYS)}"
        if places:
            groups = [f"{n} at {place}" for place, n in places.most_common(3)]
            where += f" ({', '.join(groups)})"
    evidence = (
        f"{plural(count, 'person')} you met{where} never heard from you again: {names_of(ranked)}."
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
            refs_of(ranked),
            evidence,
            advice,
            last + timedelta(days=QUIET_DAYS),
            details,
        )
    ]


def late_follow_ups(people: Sequence[PersonHistory], today: date) -> list[Finding]:
    """First outbound contact more than FOLLOW_UP_DAYS after a first meeting (lookback)."""
    late: list[tuple[int, PersonHistory]] = []
    followed = 0
    for person in people:
        met_on = person.first_met_on
        if met_on is None or not person.in_person or not within(met_on, today, LOOKBACK_DAYS):
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
    ranked = by_importance([p for _, p in late])
    details = tuple(
        f"{p.name}: {plural(d, 'day')} after meeting on {format_day(_met(p))}" for d, p in newest
    )
    evidence = (
        f"{len(late)} of your last {plural(followed, 'follow-up')} went out more than a day "
        f"after meeting ({names_of(ranked)}); the median wait was {plural(round(median), 'day')}."
    )
    advice = (
        "Send the follow-up within 24 hours, while the conversation is fresh: two lines "
        "that name where you met and one thing they said are enough."
    )
    severity = Severity.MEDIUM if len(late) * 2 >= followed else Severity.LOW
    on = _met(newest[0][1])
    return [
        Finding(
            FindingKind.LATE_FOLLOW_UP, severity, refs_of(ranked), evidence, advice, on, details
        )
    ]


def _met(person: PersonHistory) -> date:
    return person.first_met_on or date.min


def no_core(
    total_people: int, core_count: int, active: Sequence[Tie], today: date
) -> list[Finding]:
    """A network of many acquaintances and almost no close ties. Names the strongest
    active ties as the ones to deepen."""
    if not lacks_core(total_people, core_count):
        return []
    core = "no core ties" if core_count == 0 else f"only {plural(core_count, 'core tie')}"
    ranked = sorted(active, key=lambda t: (-t.strength, t.name.casefold(), t.person_id))
    evidence = (
        f"You know {plural(total_people, 'person')} but have {core}: "
        "people you have known a while, talk with often and both ways, and were in touch "
        "with in the last six months."
    )
    if ranked:
        evidence += f" Closest to it: {names_of(ranked)}."
        who = f"{names_of(ranked[:SHOWN])}, the ties closest to it,"
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
            refs_of(ranked),
            evidence,
            advice,
            today,
            count=len(ranked),
        )
    ]


def lacks_core(total_people: int, core_count: int) -> bool:
    """A network big enough to need a core, with almost none: the only time `no_core`
    reads the active ties."""
    return total_people >= MIN_PEOPLE_FOR_CORE and core_count < MIN_CORE


def few_new_ties(people: Sequence[PersonHistory], total_people: int, today: date) -> list[Finding]:
    """An established network (MIN_PEOPLE_FOR_CORE) that met fewer than MIN_NEW_TIES new
    people lately. Imported people are not new ties: only a first meeting counts."""
    new = by_importance(
        [p for p in people if not p.imported and within(p.first_met_on, today, LATELY_DAYS)]
    )
    if total_people < MIN_PEOPLE_FOR_CORE or len(new) >= MIN_NEW_TIES:
        return []
    months = months_in(LATELY_DAYS)
    if new:
        evidence = (
            f"You met only {plural(len(new), 'new person')} in the last {months}: {names_of(new)}."
        )
    else:
        evidence = f"You met nobody new in the last {months}."
    advice = (
        "Pick one event or community this month and go with a goal: meet two people and "
        "follow up the next day."
    )
    return [Finding(FindingKind.FEW_NEW_TIES, Severity.LOW, refs_of(new), evidence, advice, today)]
