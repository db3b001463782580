"""The network report over columns: `health.network_report` of a whole network, without a
row object per person.

The report counts everyone (the tiers, where ties came from) but names only a few: the core
and the cooling ties most worth saving. Here the counts are numpy and `Counter`s, and a
`PersonHealthRow` is built only for the people who can be named; `amity.engines.health`'s
own functions then rank those, so the report is the same. `tests/engines/test_health_arrays.py`
holds it equal to `network_report` on generated networks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from numpy.typing import NDArray

from amity.engines.health import (
    COOLING_LIMIT,
    MEANINGFUL,
    FollowUpRow,
    HabitWeek,
    LedgerRow,
    NetworkReport,
    PersonHealthRow,
    Yield,
    balance,
    cooling_of,
    core_of,
    follow_up_rate,
    habit_progress,
    labelled_yields,
    ranked_yields,
)
from amity.engines.strength import Tier
from amity.engines.strength_arrays import TIERS

Positions = NDArray[np.intp]
_MEANINGFUL_CODES = [TIERS.index(t) for t in MEANINGFUL]
# Scores are 0..100: a previous score times this, plus the score, orders as the pair does.
_PAIR = 1024


@dataclass(frozen=True, slots=True)
class NetworkColumns:
    """Everyone in the report, one position per person in every column, with what
    `PersonHealthRow` says of them; the labels by person id. Dates are `datetime64[D]`
    (NaT for none)."""

    ids: NDArray[np.int64]
    names: Sequence[str]
    scores: NDArray[np.int64]
    tiers: NDArray[np.int8]  # positions in `strength_arrays.TIERS`
    peaks: NDArray[np.int64]  # the score at the last contact (`strength.peak_score`)
    how_met: Sequence[str]
    last_contact_on: NDArray[np.datetime64]
    check_in_on: NDArray[np.datetime64]
    sources: Mapping[int, str] = field(default_factory=dict)  # the first import source
    tags: Mapping[int, Sequence[str]] = field(default_factory=dict)
    events: Mapping[int, Sequence[str]] = field(default_factory=dict)  # events met at

    def of_tier(self, tier: Tier) -> Positions:
        """The positions of the people in `tier`, in column order."""
        return np.flatnonzero(self.tiers == TIERS.index(tier))

    def row(self, i: int) -> PersonHealthRow:
        """The person at position `i`, as `PersonHealthRow`."""
        return self.rows([i])[0]

    def rows(self, positions: Iterable[int] | Positions) -> list[PersonHealthRow]:
        """The people at these positions, in that order (each column read at once)."""
        at = np.asarray(positions, dtype=np.intp)
        names, how_met = self.names, self.how_met
        sources, tags, events = self.sources, self.tags, self.events
        rows = []
        for i, pid, points, code, peak, last, due in zip(
            at.tolist(),
            self.ids[at].tolist(),
            self.scores[at].tolist(),
            self.tiers[at].tolist(),
            self.peaks[at].tolist(),
            self.last_contact_on[at].tolist(),
            self.check_in_on[at].tolist(),
            strict=True,
        ):
            judged = TIERS[code]
            rows.append(
                PersonHealthRow(
                    pid,
                    names[i],
                    points,
                    judged,
                    peak if judged is Tier.COOLING else None,
                    how_met[i],
                    sources.get(pid, ""),
                    tuple(tags.get(pid, ())),
                    tuple(events.get(pid, ())),
                    last,
                    due,
                )
            )
        return rows


def network_report_of(
    network: NetworkColumns,
    ledger: Sequence[LedgerRow],
    follow_ups: Sequence[FollowUpRow],
    habit_weeks: Sequence[HabitWeek],
    today: date,
    *,
    cooling_limit: int = COOLING_LIMIT,
) -> NetworkReport:
    """What `health.network_report` says of the people in `network`."""
    counts = np.bincount(network.tiers, minlength=len(TIERS)).tolist()
    ids = network.ids.tolist()
    meaningful = np.isin(network.tiers, _MEANINGFUL_CODES).tolist()
    return NetworkReport(
        today=today,
        total=len(ids),
        tiers={t: int(counts[n]) for n, t in enumerate(TIERS)},
        core=core_of(network.rows(network.of_tier(Tier.CORE))),
        cooling=cooling_of(network.rows(cooling_candidates(network, cooling_limit)), cooling_limit),
        follow_up=follow_up_rate(follow_ups, today),
        balance=balance(ledger),
        sources=_source_yields(network, ids, meaningful),
        communities=_labels_yields(network.tags, ids, meaningful),
        events=_labels_yields(network.events, ids, meaningful),
        habits=habit_progress(habit_weeks, today),
    )


def cooling_candidates(network: NetworkColumns, limit: int) -> Positions:
    """The cooling ties that can be among the `limit` that `cooling_of` keeps: ranked by
    what they used to be, then by what they are, down to the limit-th and all tied with it."""
    cooling = network.of_tier(Tier.COOLING)
    if len(cooling) <= max(limit, 0):
        return cooling
    if limit <= 0:
        return cooling[:0]
    pair = network.peaks[cooling] * _PAIR + network.scores[cooling]
    cut = np.partition(pair, len(pair) - limit)[len(pair) - limit]
    kept: Positions = cooling[pair >= cut]
    return kept


def _source_yields(network: NetworkColumns, ids: list[int], meaningful: list[bool]) -> list[Yield]:
    """Where ties came from: how you met, else the first import source (one label each)."""
    sources = network.sources
    labels = [
        (how or sources.get(pid, "")).strip() for pid, how in zip(ids, network.how_met, strict=True)
    ]
    total = Counter(label for label in labels if label)
    lasting = Counter(label for label, m in zip(labels, meaningful, strict=True) if label and m)
    return ranked_yields(total, lasting)


def _labels_yields(
    labels: Mapping[int, Sequence[str]], ids: list[int], meaningful: list[bool]
) -> list[Yield]:
    return labelled_yields(
        (labels[pid], m) for pid, m in zip(ids, meaningful, strict=True) if pid in labels
    )
