"""Colleagues as columns: the overlap rule of `amity.engines.tie_inference` in numpy.

A network of 100,000 people holds a few hundred thousand positions and, at organisations
small enough to count, millions of candidate pairs: one Python object per pair made a
refresh take seconds. Here every step is an array operation; a Python string is made once
per distinct reason ("colleagues at Acme 2021–2022"), not once per pair.

The answer is exactly the per-pair rule's: for each pair, the longest overlap of any two of
their stints at any one organisation, the first one met (organisations in the order they
first appear, then stints in their order) when two overlaps are equally long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from numpy.typing import NDArray

Ints = NDArray[np.int64]
Texts = NDArray[np.object_]

_EPOCH = date(1970, 1, 1).toordinal()
SHIFT = 32  # a pair's code: the lower id in the high bits, the other in the low ones
LOW = (1 << SHIFT) - 1


@dataclass(frozen=True, slots=True)
class Positions:
    """Stints as columns: the person, an index into `organisations`, and the first and last
    day as ordinals (`date.toordinal`), 0 where not known."""

    person: Ints
    organisation: Ints
    start: Ints
    end: Ints
    organisations: Sequence[str]

    @staticmethod
    def empty() -> Positions:
        none = np.zeros(0, dtype=np.int64)
        return Positions(none, none, none, none, ())


@dataclass(frozen=True, slots=True)
class Colleagues:
    """One row per pair of colleagues, sorted by `code` (`pair_code`)."""

    code: Ints
    strength: Ints
    why: Texts


def pair_code(a: Ints, b: Ints) -> Ints:
    """A pair as one sortable number (ids are below 2**31): lower id first."""
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    return (lo << SHIFT) | hi


def split_code(code: Ints) -> tuple[Ints, Ints]:
    return code >> SHIFT, code & LOW


def colleagues(
    positions: Positions,
    today: date,
    largest: int,
    strength: tuple[int, int, int],
) -> Colleagues:
    """Pairs whose time at an organisation overlapped; `largest` people at most at one
    organisation, `strength` = (base, per year, top)."""
    group, names = _groups(positions.organisations, positions.organisation)
    person = positions.person.astype(np.int64)
    last = np.where(positions.end > 0, positions.end, today.toordinal())
    first = np.where(positions.start > 0, positions.start, last)
    keep = _small_groups(group, person, largest)
    order = _in_first_seen_order(group, keep)
    group, person, first, last = group[order], person[order], first[order], last[order]
    one, other = _pairs_within(group)
    start = np.maximum(first[one], first[other])
    end = np.minimum(last[one], last[other])
    real = (person[one] != person[other]) & (start <= end)
    one, start, end = one[real], start[real], end[real]
    code = pair_code(person[one], person[other[real]])
    days = end - start
    best = np.lexsort((-days, code))  # stable: equally long overlaps keep the first met
    code, days, start, end, org = code[best], days[best], start[best], end[best], group[one][best]
    firsts = np.ones(len(code), dtype=bool)
    firsts[1:] = code[1:] != code[:-1]
    code, days, start, end, org = (
        code[firsts],
        days[firsts],
        start[firsts],
        end[firsts],
        org[firsts],
    )
    base, per_year, top = strength
    scores = np.minimum(top, base + np.rint(per_year * days / 365.25).astype(np.int64))
    return Colleagues(code, scores, _reasons(org, names, start, end, today))


def _groups(organisations: Sequence[str], organisation: Ints) -> tuple[Ints, list[str]]:
    """Each stint's organisation as a group of one name (stripped: "Acme " is Acme), and
    the groups' names; an empty name is group -1."""
    index: dict[str, int] = {}
    of_organisation = np.full(len(organisations), -1, dtype=np.int64)
    for n, name in enumerate(organisations):
        clean = name.strip()
        if clean:
            of_organisation[n] = index.setdefault(clean, len(index))
    group = of_organisation[organisation] if len(organisation) else organisation.astype(np.int64)
    return group, list(index)


def _small_groups(group: Ints, person: Ints, largest: int) -> NDArray[np.bool_]:
    """The stints at a named organisation of at most `largest` distinct people."""
    named = group >= 0
    if not named.any():
        return named
    distinct = np.unique(np.stack([group[named], person[named]]), axis=1)[0]
    people = np.bincount(distinct, minlength=int(group.max()) + 1)
    return named & (people[np.where(named, group, 0)] <= largest)


def _in_first_seen_order(group: Ints, keep: NDArray[np.bool_]) -> Ints:
    """The kept stints, their organisations in the order they first appear, then in their
    own order (the order the per-pair rule met them)."""
    kept = np.flatnonzero(keep)
    if not len(kept):
        return kept
    ids, first_at = np.unique(group[kept], return_index=True)
    rank = np.empty(int(ids.max()) + 1, dtype=np.int64)
    rank[ids] = np.argsort(np.argsort(first_at, kind="stable"), kind="stable")
    return kept[np.argsort(rank[group[kept]], kind="stable")]


def _pairs_within(group: Ints) -> tuple[Ints, Ints]:
    """Every (i, j), i < j, of stints in the same group (`group` sorted in runs), in the
    order of `itertools.combinations` run by run."""
    n = len(group)
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    ends = np.r_[starts[1:], n]
    run_end = np.repeat(ends, ends - starts)
    after = run_end - np.arange(n) - 1  # partners after each stint in its run
    one = np.repeat(np.arange(n, dtype=np.int64), after)
    offsets = np.cumsum(after) - after
    other = one + 1 + (np.arange(len(one), dtype=np.int64) - np.repeat(offsets, after))
    return one, other


def _reasons(org: Ints, names: list[str], start: Ints, end: Ints, today: date) -> Texts:
    """ "colleagues at Acme 2021–2022", made once per distinct text."""
    now = today.toordinal()
    first_year, last_year = _year(start), _year(end)
    case = np.where(
        end >= now,
        np.where(start < now, 1, 0),  # since 2021 / now
        np.where(first_year == last_year, 2, 3),  # 2021 / 2021–2022
    )
    key = ((org * 4 + case) * 10_000 + first_year) * 10_000 + last_year
    unique, inverse = np.unique(key, return_inverse=True)
    texts = np.empty(len(unique), dtype=object)
    for n, value in enumerate(unique.tolist()):
        rest, y2 = divmod(value, 10_000)
        rest, y1 = divmod(rest, 10_000)
        group, kind = divmod(rest, 4)
        years = ("now", f"since {y1}", str(y1), f"{y1}–{y2}")[kind]
        texts[n] = f"colleagues at {names[group]} {years}"
    return texts[inverse.reshape(-1)] if len(unique) else np.empty(0, dtype=object)


def _year(ordinal: Ints) -> Ints:
    days = (ordinal - _EPOCH).astype("datetime64[D]")
    return days.astype("datetime64[Y]").astype(np.int64) + 1970
