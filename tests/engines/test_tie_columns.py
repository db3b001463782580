"""The columnar inference infers exactly what the per-pair rules did, on seeded random
networks: colleagues at organisations of every size (some too large to count, some with
a blank or padded name), people with several stints at one place, open and unknown dates,
and every other kind of evidence mixed in."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from amity.engines.tie_columns import Positions
from amity.engines.tie_inference import Evidence, Stint, infer_columns, infer_ties
from tests.engines import tie_inference_reference as reference

TODAY = date(2026, 12, 1)


def _day(rng: random.Random) -> date | None:
    if rng.random() < 0.1:
        return None
    return date(2005, 1, 1) + timedelta(days=rng.randrange(22 * 365))


def _network(seed: int, people: int = 400) -> Evidence:
    rng = random.Random(seed)
    names = [f"Org {n}" for n in range(40)] + ["", "  ", "Acme", " Acme", "Big"]
    stints = []
    for person in range(1, people + 1):
        for _ in range(rng.choice((1, 1, 2, 3))):
            org = "Big" if rng.random() < 0.15 else rng.choice(names)
            start, end = _day(rng), _day(rng)
            if start and end and end < start:
                start, end = end, start
            if rng.random() < 0.3:
                end = None  # current
            stints.append(Stint(person, org, start, end))
    ids = list(range(1, people + 1))

    def groups(prefix: str, count: int, most: int) -> dict[str, frozenset[int]]:
        return {
            f"{prefix} {n}": frozenset(rng.sample(ids, rng.randrange(1, most)))
            for n in range(count)
        }

    return Evidence(
        stints=tuple(stints),
        met_through=tuple((rng.choice(ids), rng.choice(ids)) for _ in range(60)),
        introduced=tuple((rng.choice(ids), rng.choice(ids)) for _ in range(30)),
        events=groups("Event", 30, 30),
        tags=groups("tag", 20, 30),
        threads=groups("conv", 40, 12),
        names={n: f"Person {n}" for n in ids[::2]},
    )


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_the_columns_infer_exactly_what_the_per_pair_rules_did(seed: int) -> None:
    evidence = _network(seed)
    expected = reference.infer_ties(evidence, TODAY)
    assert len(expected) > 500  # a network with something in it
    assert infer_ties(evidence, TODAY) == expected
    assert infer_ties(evidence, date(2015, 6, 1)) == reference.infer_ties(
        evidence, date(2015, 6, 1)
    )


def test_positions_as_columns_are_the_same_evidence_as_stints() -> None:
    evidence = _network(7)
    organisations = sorted({s.organisation for s in evidence.stints})
    index = {name: n for n, name in enumerate(organisations)}

    def column(values: list[int]) -> object:
        import numpy as np

        return np.array(values, dtype=np.int64)

    columns = Positions(
        column([s.person_id for s in evidence.stints]),
        column([index[s.organisation] for s in evidence.stints]),
        column([s.start.toordinal() if s.start else 0 for s in evidence.stints]),
        column([s.end.toordinal() if s.end else 0 for s in evidence.stints]),
        organisations,
    )  # type: ignore[arg-type]
    from dataclasses import replace

    as_columns = replace(evidence, stints=(), positions=columns)
    assert infer_columns(as_columns, TODAY).ties() == reference.infer_ties(evidence, TODAY)


def test_nothing_in_nothing_out() -> None:
    assert infer_ties(Evidence(), TODAY) == []
    assert len(infer_columns(Evidence(tags={"x": frozenset({1})}), TODAY)) == 0
