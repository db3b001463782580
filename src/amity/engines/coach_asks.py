"""The coach's patterns about asking: give and take that leans one way, asking too soon
after meeting someone, and getting in touch only before an ask."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from amity.engines.coach_history import (
    LATELY_DAYS,
    LOOKBACK_DAYS,
    Finding,
    FindingKind,
    PersonHistory,
    Severity,
    by_importance,
    format_day,
    months_in,
    names_of,
    refs_of,
    within,
)
from amity.engines.health import LedgerRow
from amity.model.enums import Direction, LedgerDirection, LedgerKind
from amity.model.wording import noun, plural

EARLY_ASK_DAYS = 14
LEAN_ON_DAYS = 7  # outbound contact this close before an ask counts as "only when needed"
MIN_TAKES = 3  # asks and help received, lately, before one-sidedness is worth saying
BIG_ASKS = frozenset({LedgerKind.REFERRAL, LedgerKind.INTRODUCTION, LedgerKind.FAVOUR})


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
    recent = [r for r in ledger if within(r.occurred_on, today, LATELY_DAYS)]
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
    ranked = by_importance([p for p in takers.values() if p.name])
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
        f"In the last {months_in(LATELY_DAYS)} you {', '.join(what)} and gave {gave}: "
        f"{names_of(ranked)}."
    )
    first = ranked[0].name if ranked else "one of them"
    advice = (
        f"Before the next ask, give: pass {first} a job lead, an introduction or something "
        "you learned. People help those who help."
    )
    last = max(r.occurred_on for r in [*asks, *got])
    severity = Severity.HIGH if not gives else Severity.MEDIUM
    return [Finding(FindingKind.ONE_SIDED, severity, refs_of(ranked), evidence, advice, last)]


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
        if person.first_met_on is None or not within(ask.occurred_on, today, LOOKBACK_DAYS):
            continue
        gap = (ask.occurred_on - person.first_met_on).days
        if 0 <= gap <= EARLY_ASK_DAYS and person.person_id not in found:
            found[person.person_id] = (person, ask, gap)
    if not found:
        return []
    ranked = by_importance([person for person, _, _ in found.values()])
    count = len(ranked)
    evidence = (
        f"You asked {plural(count, 'person')} for something within two weeks of meeting "
        f"them: {names_of(ranked)}."
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
        Finding(FindingKind.EARLY_ASK, severity, refs_of(ranked), evidence, advice, last, details)
    ]


def _early_detail(person: PersonHistory, ask: LedgerRow, gap: int) -> str:
    when = "the same day" if gap == 0 else f"{plural(gap, 'day')} later"
    assert person.first_met_on is not None
    return (
        f"{person.name}: met on {format_day(person.first_met_on)}, asked for "
        f"{_ask_phrase(ask.kind)} on {format_day(ask.occurred_on)}, {when}"
    )


def contact_only_before_asks(
    people: Sequence[PersonHistory], ledger: Sequence[LedgerRow], today: date
) -> list[Finding]:
    """People you reach out to only in the LEAN_ON_DAYS before asking them for something."""
    by_person: dict[int, list[date]] = {}
    for row in ledger:
        if row.direction is LedgerDirection.ASKED and within(row.occurred_on, today, LOOKBACK_DAYS):
            by_person.setdefault(row.person_id, []).append(row.occurred_on)
    leaned: list[PersonHistory] = []
    for person in people:
        asks = sorted(by_person.get(person.person_id, []))
        outbound = [t.on for t in person.touches if t.direction is Direction.OUTBOUND]
        if asks and outbound and all(_just_before_ask(day, asks) for day in outbound):
            leaned.append(person)
    if not leaned:
        return []
    ranked = by_importance(leaned)
    count = len(ranked)
    evidence = (
        f"With {plural(count, 'person')} you get in touch only in the week before asking "
        f"for something: {names_of(ranked)}."
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
            refs_of(ranked),
            evidence,
            advice,
            last,
            details,
        )
    ]


def _just_before_ask(day: date, asks: Sequence[date]) -> bool:
    return any(0 <= (ask - day).days <= LEAN_ON_DAYS for ask in asks)
