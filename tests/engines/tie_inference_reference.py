"""The rules of `amity.engines.tie_inference` as they were before the columnar rewrite: one
Python object per pair, kept only so tests can show the fast path infers exactly the same.

Who probably knows whom, from what Amity already holds: pure rules over plain rows.

Each rule gives evidence for a pair of people, with a strength (0 to 100) and a reason a
person can check:

- colleagues: positions at the same organisation that overlap in time ("colleagues at Acme
  2021–2022"); stronger the longer they overlapped. A position without an end is current
  (it runs to `today`); one without a start is taken to have started when it ended.
- met through: you met one through the other ("you met Ben through Ana").
- introduced: an introduction you made that happened ("you introduced them").
- event: both were at the same event; stronger with each event they shared.
- tag: both carry the same tag (a community: "both in climbing").
- LinkedIn thread: both were in the same small group conversation.

A group too large to mean anything is no evidence: at an organisation where you know more
than `ORGANISATION_MAX` people, at an event with more than `EVENT_MAX` people, in a tag
with more than `TAG_MAX` people or a conversation with more than `THREAD_MAX` others,
two people sharing it may never have met. A pair with several kinds of evidence gets one
tie: the strongest source, a little stronger for each other kind, and every reason.
The caller passes only living people's rows (archived people and the trash get no ties).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from amity.engines.tie_inference import Evidence, InferredTie, Stint
from amity.model import TieKind, TieSource

ORGANISATION_MAX = 50
EVENT_MAX = 25
TAG_MAX = 25
THREAD_MAX = 8  # people in the conversation besides you

# Strengths (0-100) of each kind of evidence, set against a manual tie's weak 30,
# medium 50, strong 80.
COLLEAGUE_BASE, COLLEAGUE_PER_YEAR, COLLEAGUE_TOP = 30, 10, 70
MET_THROUGH = 60
INTRODUCED = 50
EVENT_BASE, EVENT_PER_MORE, EVENT_TOP = 25, 10, 55
TAG = 25
THREAD_SMALLEST, THREAD_PER_PERSON = 60, 5  # a three-way chat: 60; eight others: 30
EXTRA_SOURCE = 10  # each further kind of evidence
INFERRED_TOP = 90  # only you can make a tie stronger than this


@dataclass(frozen=True, slots=True)
class _Finding:
    strength: int
    source: TieSource
    kind: TieKind
    why: str


Pair = tuple[int, int]


def infer_ties(evidence: Evidence, today: date) -> list[InferredTie]:
    """One tie per pair with any evidence, sorted by pair."""
    found: dict[Pair, list[_Finding]] = {}
    for pair, finding in _all_findings(evidence, today):
        if pair[0] != pair[1]:
            found.setdefault(pair, []).append(finding)
    return [_combined(pair, findings) for pair, findings in sorted(found.items())]


def _all_findings(evidence: Evidence, today: date) -> Iterable[tuple[Pair, _Finding]]:
    yield from colleagues(evidence.stints, today)
    names = evidence.names or {}
    for person, through in evidence.met_through:
        who = names.get(person, "them")
        where = names.get(through, "someone")
        yield (
            _pair(person, through),
            _Finding(
                MET_THROUGH, TieSource.MET_THROUGH, TieKind.KNOWS, f"you met {who} through {where}"
            ),
        )
    for a, b in evidence.introduced:
        yield (
            _pair(a, b),
            _Finding(INTRODUCED, TieSource.INTRODUCED, TieKind.INTRODUCED, "you introduced them"),
        )
    yield from shared_events(evidence.events or {})
    for pair, finding in _groups(evidence.tags or {}, TAG_MAX):
        yield pair, _Finding(TAG, TieSource.TAG, TieKind.KNOWS, f"both in {finding}")
    yield from threads(evidence.threads or {})


def colleagues(stints: Iterable[Stint], today: date) -> Iterable[tuple[Pair, _Finding]]:
    """Pairs whose time at an organisation overlapped, with the years they overlapped (their
    longest overlap, when they were there together more than once)."""
    by_org: dict[str, list[tuple[int, int, int]]] = {}
    for stint in stints:
        last = stint.end or today
        span = (stint.person_id, (stint.start or last).toordinal(), last.toordinal())
        by_org.setdefault(stint.organisation.strip(), []).append(span)
    best: dict[Pair, tuple[int, str, int, int]] = {}
    for org, group in by_org.items():
        if not org or len({person for person, _, _ in group}) > ORGANISATION_MAX:
            continue
        for (one, start1, end1), (other, start2, end2) in combinations(group, 2):
            start, end = max(start1, start2), min(end1, end2)
            if one == other or start > end:
                continue
            pair = (one, other) if one < other else (other, one)
            found = best.get(pair)
            if found is None or end - start > found[0]:
                best[pair] = (end - start, org, start, end)
    source, kind = TieSource.COLLEAGUES, TieKind.COLLEAGUE
    for pair, (days, org, start, end) in best.items():
        strength = min(COLLEAGUE_TOP, COLLEAGUE_BASE + round(COLLEAGUE_PER_YEAR * days / 365.25))
        overlap = (date.fromordinal(start), date.fromordinal(end))
        yield (
            pair,
            _Finding(strength, source, kind, f"colleagues at {org} {_years(overlap, today)}"),
        )


def _years(overlap: tuple[date, date], today: date) -> str:
    start, end = overlap
    if end >= today:
        return f"since {start.year}" if start < today else "now"
    if start.year == end.year:
        return str(start.year)
    return f"{start.year}–{end.year}"


def shared_events(events: Mapping[str, frozenset[int]]) -> Iterable[tuple[Pair, _Finding]]:
    """Pairs at the same small events; each further shared event makes the tie stronger."""
    shared: dict[Pair, list[str]] = {}
    for pair, name in _groups(events, EVENT_MAX):
        shared.setdefault(pair, []).append(name)
    for pair, names in shared.items():
        strength = min(EVENT_TOP, EVENT_BASE + EVENT_PER_MORE * (len(names) - 1))
        names.sort()
        why = (
            f"both at {names[0]}"
            if len(names) == 1
            else (
                f"at {len(names)} events together: {', '.join(names[:3])}"
                + ("…" if len(names) > 3 else "")
            )
        )
        yield pair, _Finding(strength, TieSource.EVENT, TieKind.KNOWS, why)


def threads(conversations: Mapping[str, frozenset[int]]) -> Iterable[tuple[Pair, _Finding]]:
    """Pairs in the same small LinkedIn group conversation; the smaller, the stronger."""
    best: dict[Pair, int] = {}
    for pair, conversation in _groups(conversations, THREAD_MAX):
        size = len(conversations[conversation])
        best[pair] = min(size, best.get(pair, size))
    for pair, size in best.items():
        strength = THREAD_SMALLEST - THREAD_PER_PERSON * (size - 2)
        why = f"in a LinkedIn conversation of {size + 1} (you included)"
        yield pair, _Finding(strength, TieSource.LINKEDIN_THREAD, TieKind.KNOWS, why)


def _groups(groups: Mapping[str, frozenset[int]], largest: int) -> Iterable[tuple[Pair, str]]:
    """Every pair in every group of 2 to `largest` people, with the group's name."""
    for name, people in groups.items():
        if 2 <= len(people) <= largest:
            for a, b in combinations(sorted(people), 2):
                yield (a, b), name


def _combined(pair: Pair, findings: list[_Finding]) -> InferredTie:
    """The strongest finding, a little stronger for each other source, and every reason."""
    if len(findings) == 1:
        top = findings[0]
        return InferredTie(pair[0], pair[1], top.kind, top.strength, top.source, top.why)
    ranked = sorted(findings, key=lambda f: (-f.strength, f.source.value, f.why))
    top = ranked[0]
    sources = {f.source for f in ranked}
    strength = min(INFERRED_TOP, top.strength + EXTRA_SOURCE * (len(sources) - 1))
    reasons: list[str] = []
    for finding in ranked:
        if finding.why not in reasons:
            reasons.append(finding.why)
    return InferredTie(pair[0], pair[1], top.kind, strength, top.source, "; ".join(reasons))


def _pair(a: int, b: int) -> Pair:
    return (a, b) if a < b else (b, a)
