"""Who probably knows whom, from what Amity already holds: pure rules over plain rows.

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

Colleagues, by far the most pairs, are found as columns (`amity.engines.tie_columns`);
`infer_columns` answers in columns too, for a refresh of a whole network; `infer_ties`
gives the same ties as objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import combinations

import numpy as np

from amity.engines import tie_columns
from amity.engines.tie_columns import Ints, Positions, Texts, pair_code, split_code
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
class Stint:
    """A person's time at an organisation (dates as known)."""

    person_id: int
    organisation: str
    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """What Amity holds that ties may be inferred from (living people only). Groups map
    a name (an event's, a tag's, a conversation's id) to the people in it."""

    stints: tuple[Stint, ...] = ()
    met_through: tuple[tuple[int, int], ...] = ()  # (person, the one they were met through)
    introduced: tuple[tuple[int, int], ...] = ()
    events: Mapping[str, frozenset[int]] | None = None
    tags: Mapping[str, frozenset[int]] | None = None
    threads: Mapping[str, frozenset[int]] | None = None
    names: Mapping[int, str] | None = None  # for "you met Ben through Ana"
    positions: Positions | None = None  # the stints as columns (added to `stints`)


@dataclass(frozen=True, slots=True)
class InferredTie:
    a: int  # the lower id
    b: int
    kind: TieKind
    strength: int
    source: TieSource
    why: str


@dataclass(frozen=True, slots=True)
class _Finding:
    strength: int
    source: TieSource
    kind: TieKind
    why: str


Pair = tuple[int, int]
KINDS = tuple(TieKind)
SOURCES = tuple(TieSource)


@dataclass(frozen=True, slots=True)
class InferredColumns:
    """The inferred ties as columns, sorted by pair: `a` the lower id, `kind` and `source`
    the positions of the enums' members in `KINDS` and `SOURCES`."""

    a: Ints
    b: Ints
    kind: Ints
    strength: Ints
    source: Ints
    why: Texts

    def __len__(self) -> int:
        return len(self.a)

    def ties(self) -> list[InferredTie]:
        return [
            InferredTie(a, b, KINDS[kind], strength, SOURCES[source], why)
            for a, b, kind, strength, source, why in zip(
                self.a.tolist(),
                self.b.tolist(),
                self.kind.tolist(),
                self.strength.tolist(),
                self.source.tolist(),
                self.why.tolist(),
                strict=True,
            )
        ]


def infer_ties(evidence: Evidence, today: date) -> list[InferredTie]:
    """One tie per pair with any evidence, sorted by pair."""
    return infer_columns(evidence, today).ties()


def infer_columns(evidence: Evidence, today: date) -> InferredColumns:
    """One tie per pair with any evidence, sorted by pair, as columns."""
    found: dict[Pair, list[_Finding]] = {}
    for pair, finding in _other_findings(evidence):
        if pair[0] != pair[1]:
            found.setdefault(pair, []).append(finding)
    work = tie_columns.colleagues(
        _positions(evidence),
        today,
        ORGANISATION_MAX,
        (COLLEAGUE_BASE, COLLEAGUE_PER_YEAR, COLLEAGUE_TOP),
    )
    mixed = np.zeros(len(work.code), dtype=bool)
    if found:  # colleagues with other evidence too are combined one by one
        others = np.array(sorted(lo << tie_columns.SHIFT | hi for lo, hi in found), np.int64)
        at = np.minimum(np.searchsorted(others, work.code), len(others) - 1)
        mixed = others[at] == work.code
        source, kind = TieSource.COLLEAGUES, TieKind.COLLEAGUE
        for code, strength, why in zip(
            work.code[mixed].tolist(), work.strength[mixed].tolist(), work.why[mixed].tolist(),
            strict=True,
        ):  # fmt: skip
            pair = (code >> tie_columns.SHIFT, code & tie_columns.LOW)
            found[pair].append(_Finding(strength, source, kind, why))
    combined = [_combined(pair, findings) for pair, findings in sorted(found.items())]
    alone = ~mixed
    count = int(alone.sum())
    code = np.concatenate([
        work.code[alone], pair_code(_ints([t.a for t in combined]), _ints([t.b for t in combined]))
    ])  # fmt: skip
    order = np.argsort(code, kind="stable")
    a, b = split_code(code[order])
    return InferredColumns(
        a,
        b,
        _codes(KINDS, TieKind.COLLEAGUE, count, [t.kind for t in combined])[order],
        np.concatenate([work.strength[alone], _ints([t.strength for t in combined])])[order],
        _codes(SOURCES, TieSource.COLLEAGUES, count, [t.source for t in combined])[order],
        np.concatenate([work.why[alone], _texts([t.why for t in combined])])[order],
    )


def _codes(members: tuple[object, ...], first: object, count: int, rest: list[object]) -> Ints:
    """`count` times the code of `first`, then the codes of `rest`."""
    code = {m: n for n, m in enumerate(members)}
    return np.concatenate(
        [np.full(count, code[first], dtype=np.int64), _ints([code[m] for m in rest])]
    )


def _ints(values: list[int]) -> Ints:
    return np.array(values, dtype=np.int64)


def _texts(values: list[object]) -> Texts:
    texts = np.empty(len(values), dtype=object)
    texts[:] = values
    return texts


def _positions(evidence: Evidence) -> Positions:
    """The stints as columns: those given as `Stint`s, then `positions`."""
    given = evidence.positions or Positions.empty()
    if not evidence.stints:
        return given
    names = list(given.organisations)
    index = {name: n for n, name in enumerate(names)}
    rows = [
        (
            s.person_id,
            index.setdefault(s.organisation, len(index)),
            _ordinal(s.start),
            _ordinal(s.end),
        )
        for s in evidence.stints
    ]
    names += list(index)[len(names) :]
    person, organisation, start, end = (
        np.array(c, dtype=np.int64) for c in zip(*rows, strict=True)
    )
    return Positions(
        np.concatenate([person, given.person]),
        np.concatenate([organisation, given.organisation]),
        np.concatenate([start, given.start]),
        np.concatenate([end, given.end]),
        names,
    )


def _ordinal(day: date | None) -> int:
    return 0 if day is None else day.toordinal()


def _other_findings(evidence: Evidence) -> Iterable[tuple[Pair, _Finding]]:
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
