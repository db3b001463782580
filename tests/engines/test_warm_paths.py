"""Warm paths are exact: the engine against a brute-force enumeration, and hand-built cases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pytest

from amity.engines.warm_paths import Hop, Path, WarmGraph, best_paths, build_graph
from amity.errors import UsageError

YOU = 0
Tie = tuple[int, int, float]
Found = list[tuple[tuple[int, ...], float]]


def _graph(
    mine: Iterable[tuple[int, float]],
    ties: Iterable[Tie] = (),
    excluded: Iterable[int] = (),
    blocked: Iterable[tuple[int, int]] = (),
    you: int = YOU,
) -> WarmGraph:
    mine, ties, blocked = list(mine), list(ties), list(blocked)
    return build_graph(
        you,
        ([p for p, _ in mine], [s for _, s in mine]),
        ([a for a, _, _ in ties], [b for _, b, _ in ties], [s for _, _, s in ties]),
        excluded=list(excluded),
        blocked=([a for a, _ in blocked], [b for _, b in blocked]),
    )


def _found(paths: tuple[Path, ...]) -> Found:
    return [(p.people, p.strength) for p in paths]


def brute_force(
    you: int,
    mine: list[tuple[int, float]],
    ties: list[Tie],
    excluded: set[int],
    blocked: set[frozenset[int]],
    targets: Iterable[int],
    max_hops: int,
    k: int,
) -> Found:
    """Every simple path, enumerated by depth-first search over a dict of dicts."""
    adjacent: dict[int, dict[int, float]] = {}
    for a, b, s in [(you, p, s) for p, s in mine] + ties:
        w = float(np.float32(s))
        if a == b or w <= 0 or a in excluded or b in excluded or frozenset((a, b)) in blocked:
            continue
        for x, y in ((a, b), (b, a)):
            adjacent.setdefault(x, {})[y] = max(adjacent.get(x, {}).get(y, 0.0), w)
    goal = set(targets) - {you}
    paths: Found = []
    stack: list[tuple[tuple[int, ...], float]] = [((you,), 1.0)]
    while stack:
        people, strength = stack.pop()
        for nxt, w in adjacent.get(people[-1], {}).items():
            if nxt in people:
                continue
            path = ((*people, nxt), strength * w)
            if nxt in goal:
                paths.append(path)
            elif len(people) < max_hops:
                stack.append(path)
    paths.sort(key=lambda p: (-p[1], len(p[0]), p[0]))
    return paths[:k]


@dataclass
class Case:
    you: int
    mine: list[tuple[int, float]]
    ties: list[Tie]
    excluded: set[int]
    blocked: set[frozenset[int]]
    targets: list[int]
    max_hops: int
    k: int

    def engine(self) -> Found:
        pairs = [(min(p), max(p)) for p in self.blocked]
        graph = _graph(self.mine, self.ties, self.excluded, pairs, you=self.you)
        return _found(best_paths(graph, self.targets, self.max_hops, self.k))

    def brute_force(self) -> Found:
        return brute_force(
            self.you, self.mine, self.ties, self.excluded, self.blocked, self.targets,
            self.max_hops, self.k,
        )


def _random_case(rng: np.random.Generator) -> Case:
    people = int(rng.integers(1, 25))
    spread = [30, 1000, 10**12][int(rng.integers(0, 3))]  # table and sorted renumbering
    ids = [int(x) for x in rng.choice(spread, size=people + 1, replace=False) - spread // 3]
    you, others = ids[0], ids[1:]
    levels = [0.25, 0.5, 1.0] if rng.random() < 0.5 else None  # exact ties in strength

    def strength() -> float:
        if levels is not None:
            return float(rng.choice(levels))
        return float(rng.choice([0.0, 1.0])) if rng.random() < 0.05 else float(rng.random())

    mine = [(p, strength()) for p in others if rng.random() < 0.4]
    pairs = int(rng.integers(0, 3 * people + 1))
    ties = [(int(rng.choice(ids)), int(rng.choice(ids)), strength()) for _ in range(pairs)]
    excluded = {p for p in others if rng.random() < 0.1}
    blocked = {frozenset((a, b)) for a, b, _ in ties if a != b and rng.random() < 0.1}
    targets = [p for p in others if rng.random() < 0.3] + [you] * int(rng.random() < 0.2)
    targets += [max(ids) + 1] * int(rng.random() < 0.2)  # someone not in the graph
    max_hops, k = int(rng.integers(1, 4)), int(rng.integers(1, 9))
    return Case(you, mine, ties, excluded, blocked, targets, max_hops, k)


@pytest.mark.parametrize("seed", range(400))
def test_the_engine_finds_what_brute_force_finds(seed: int) -> None:
    case = _random_case(np.random.default_rng(seed))
    assert case.engine() == case.brute_force()


@pytest.mark.parametrize("seed", range(400, 600))
def test_exact_when_three_hop_links_are_expanded_one_at_a_time(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Batches of one make the stopping rule decide after every (b, t) link."""
    monkeypatch.setattr("amity.engines.warm_paths.FIRST_BATCH", 1)
    case = _random_case(np.random.default_rng(seed))
    case.max_hops = 3
    assert case.engine() == case.brute_force()


@pytest.mark.parametrize("seed", range(20))
def test_exact_on_denser_graphs_with_many_equal_strengths(seed: int) -> None:
    rng = np.random.default_rng(10_000 + seed)
    people = list(range(1, 61))
    mine = [(p, float(rng.choice([0.5, 1.0]))) for p in people if rng.random() < 0.3]
    ties = [
        (int(a), int(b), float(rng.choice([0.25, 0.5, 1.0])))
        for a, b in rng.integers(1, 61, size=(400, 2))
    ]
    targets = [int(t) for t in rng.choice(people, size=8, replace=False)]
    got = best_paths(_graph(mine, ties), targets, 3, 12)
    assert _found(got) == brute_force(YOU, mine, ties, set(), set(), targets, 3, 12)
    assert {len(p.hops) for p in got} <= {1, 2, 3}


# Hand-built graphs. You are 0; Ana 1, Ben 2, Cleo 3, Dev 4, Eve 5; the target company is 9.
def test_a_direct_contact_at_the_target_is_a_one_hop_path_and_comes_first() -> None:
    graph = _graph([(9, 0.9), (1, 0.8)], [(1, 9, 0.9)])
    f = float(np.float32(0.9)), float(np.float32(0.8))
    assert best_paths(graph, [9]) == (
        Path((Hop(0, 9, f[0]),), f[0]),
        Path((Hop(0, 1, f[1]), Hop(1, 9, f[0])), f[1] * f[0]),
    )


def test_a_stale_direct_contact_loses_to_a_warm_two_hop_path() -> None:
    graph = _graph([(9, 0.2), (1, 0.8)], [(1, 9, 0.6)])
    assert [p.people for p in best_paths(graph, [9])] == [(0, 1, 9), (0, 9)]
    assert best_paths(graph, [9])[0].strength == pytest.approx(0.48)


def test_strength_is_the_product_of_the_links() -> None:
    graph = _graph([(1, 0.5)], [(1, 2, 0.5), (2, 9, 0.5)])
    (path,) = best_paths(graph, [9])
    assert path.people == (0, 1, 2, 9)
    assert [h.strength for h in path.hops] == [0.5, 0.5, 0.5]
    assert path.strength == 0.125


@pytest.mark.parametrize(("max_hops", "expected"), [(1, [(0, 9)]), (2, [(0, 9), (0, 1, 9)]),
                                                    (3, [(0, 9), (0, 1, 9), (0, 1, 2, 9)])])
def test_the_hop_limit(max_hops: int, expected: list[tuple[int, ...]]) -> None:
    graph = _graph([(9, 0.1), (1, 1.0)], [(1, 9, 0.05), (1, 2, 1.0), (2, 9, 0.01)])
    assert [p.people for p in best_paths(graph, [9], max_hops=max_hops)] == expected


def test_a_path_of_four_hops_is_never_returned() -> None:
    graph = _graph([(1, 1.0)], [(1, 2, 1.0), (2, 3, 1.0), (3, 9, 1.0)])
    assert best_paths(graph, [9]) == ()


def test_an_excluded_person_is_never_on_a_path() -> None:
    ties = [(1, 9, 1.0), (2, 9, 0.5), (1, 3, 1.0), (3, 9, 1.0)]
    graph = _graph([(1, 1.0), (2, 0.5)], ties, excluded=[1])
    paths = best_paths(graph, [9], k=10)
    assert [p.people for p in paths] == [(0, 2, 9)]
    assert best_paths(_graph([(1, 1.0), (9, 1.0)], excluded=[9]), [9]) == ()


def test_a_blocked_pair_is_never_a_link_either_way() -> None:
    ties = [(1, 9, 1.0), (2, 9, 0.5)]
    for pair in [(1, 9), (9, 1)]:
        graph = _graph([(1, 1.0), (2, 0.5)], ties, blocked=[pair])
        assert [p.people for p in best_paths(graph, [9])] == [(0, 2, 9)]
    graph = _graph([(9, 1.0), (2, 0.5)], [(2, 9, 0.5)], blocked=[(0, 9)])
    assert [p.people for p in best_paths(graph, [9])] == [(0, 2, 9)]


def test_no_path_repeats_a_person() -> None:
    # A triangle 1-2-3 next to you and a cycle back to you: any walk could loop.
    ties = [(1, 2, 1.0), (2, 3, 1.0), (3, 1, 1.0), (1, 0, 1.0), (3, 9, 1.0), (2, 0, 1.0)]
    paths = best_paths(_graph([(1, 1.0)], ties), [9], k=50)
    assert paths
    for path in paths:
        assert len(set(path.people)) == len(path.people)
    assert {p.people for p in paths} == {(0, 1, 3, 9), (0, 2, 3, 9)}


def test_ties_count_both_ways_and_once_at_their_strongest() -> None:
    graph = _graph([(1, 0.3)], [(9, 1, 0.5), (1, 9, 0.7), (1, 9, 0.6)])
    (path,) = best_paths(graph, [9])
    assert path.hops[1] == Hop(1, 9, float(np.float32(0.7)))
    assert graph.ties == 2
    forward = _graph([(1, 0.3)], [(1, 9, 0.7)])
    backward = _graph([(1, 0.3)], [(9, 1, 0.7)])
    assert _found(best_paths(forward, [9])) == _found(best_paths(backward, [9]))


def test_a_tie_that_names_you_is_one_of_yours() -> None:
    graph = _graph([(1, 0.2)], [(1, 0, 0.9), (1, 9, 1.0)])
    assert best_paths(graph, [9])[0].strength == pytest.approx(0.9)


def test_targets_that_are_you_unknown_or_unreachable_give_no_path() -> None:
    graph = _graph([(1, 1.0)], [(1, 2, 1.0), (5, 6, 1.0)])
    assert best_paths(graph, [0]) == ()
    assert best_paths(graph, [12345]) == ()
    assert best_paths(graph, [5, 6]) == ()
    assert best_paths(graph, []) == ()
    assert best_paths(_graph([]), [1]) == ()


def test_asking_for_more_paths_than_there_are_gives_them_all() -> None:
    graph = _graph([(1, 0.9), (2, 0.8)], [(1, 9, 0.5), (2, 9, 0.5)])
    assert [p.people for p in best_paths(graph, [9], k=100)] == [(0, 1, 9), (0, 2, 9)]


def test_equal_strengths_rank_fewer_hops_first_then_by_ids() -> None:
    ties = [(3, 9, 1.0), (2, 9, 1.0), (1, 4, 1.0), (4, 9, 1.0)]
    graph = _graph([(9, 0.5), (3, 0.5), (2, 0.5), (1, 0.5)], ties)
    assert [p.people for p in best_paths(graph, [9])] == [
        (0, 9), (0, 2, 9), (0, 3, 9), (0, 1, 4, 9)
    ]


def test_a_target_is_never_a_go_between() -> None:
    graph = _graph([(8, 1.0)], [(8, 9, 1.0)])
    assert [p.people for p in best_paths(graph, [8, 9])] == [(0, 8)]


def test_paths_reach_any_of_several_targets() -> None:
    graph = _graph([(1, 0.9), (2, 0.4)], [(1, 8, 0.5), (2, 9, 0.9)])
    assert [p.people[-1] for p in best_paths(graph, [8, 9])] == [8, 9]


def test_bad_arguments_are_refused() -> None:
    graph = _graph([(1, 1.0)])
    with pytest.raises(UsageError):
        best_paths(graph, [1], max_hops=4)
    with pytest.raises(UsageError):
        best_paths(graph, [1], max_hops=0)
    with pytest.raises(UsageError):
        best_paths(graph, [1], k=0)
    with pytest.raises(ValueError, match="at most 1"):
        _graph([(1, 1.5)])
    with pytest.raises(ValueError, match="at most 1"):
        _graph([(1, float("nan"))])
    with pytest.raises(ValueError, match="excluded"):
        _graph([(1, 1.0)], excluded=[YOU])


def test_a_zero_strength_is_no_link() -> None:
    assert best_paths(_graph([(1, 0.0)], [(1, 9, 1.0)]), [9]) == ()


def test_the_graph_arrays_are_compact() -> None:
    graph = _graph([(10, 0.5)], [(10, 20, 0.5), (20, 30, 1.0)])
    assert graph.indices.dtype == np.int32 and graph.weights.dtype == np.float32
    assert graph.people == 4 and graph.ties == 3
    assert list(graph.ids) == [0, 10, 20, 30]
    for row in range(graph.people):
        neighbours = graph.indices[graph.indptr[row] : graph.indptr[row + 1]]
        assert list(neighbours) == sorted(neighbours)


@pytest.mark.parametrize("dtype", [np.int32, np.uint32, np.int64, np.uint64, np.int16])
@pytest.mark.parametrize("seed", range(5))
def test_any_integer_columns_give_the_same_paths(dtype: type, seed: int) -> None:
    rng = np.random.default_rng(20_000 + seed)
    a, b = rng.integers(1, 300, size=(2, 900))
    s = rng.random(900).astype(np.float32)
    mine = rng.choice(299, size=40, replace=False) + 1
    targets = rng.choice(299, size=20, replace=False) + 1
    ties = [(int(x), int(y), float(w)) for x, y, w in zip(a, b, s, strict=True)]
    expected = brute_force(YOU, [(int(p), 0.5) for p in mine], ties, {7}, set(), targets, 3, 7)
    graph = build_graph(
        YOU,
        (mine.astype(dtype), np.full(40, 0.5, dtype=np.float32)),
        (a.astype(dtype), b.astype(dtype), s),
        excluded=np.array([7], dtype=dtype),
    )
    assert _found(best_paths(graph, targets.astype(dtype), 3, 7)) == expected


def test_negative_and_huge_ids() -> None:
    for you, ana, ben in [(-5, -4, 10**15), (-(10**15), 3, 4), (2**62, 1, 2)]:
        graph = _graph([(ana, 0.5)], [(ana, ben, 0.5)], you=you)
        assert [p.people for p in best_paths(graph, [ben])] == [(you, ana, ben)]
