"""Warm-intro paths: the strongest chains of people from you to anyone in a set of targets.

A path's strength is the product of its links' strengths (each in (0, 1]), taken link by
link from you. `best_paths` returns the exact top k simple paths of at most `max_hops`
links (no person twice), ranked by strength, then fewer hops, then the people's ids in path
order: the same graph and targets always give the same answer. A path ends at the first
target it reaches: nobody in the target set is a go-between, since reaching them is the
point (a strong contact at the company beats every chain through them). A direct contact at
the target is a 1-hop path, ranked like any other: a stale tie of 0.2 loses to a warm
0.8 x 0.6 chain.

The search meets in the middle, on arrays only. Forward from you: your strength with each
person and, built with the graph, your second circle (for each person b, your contacts who
know b and the strength you -> a -> b, strongest first). Backward from the targets: their
neighbours b, one gather. Joining the two gives every 1-, 2- and 3-hop path:
you -> t, you -> b -> t and you -> a -> b -> t.

Exact, not approximate: the 1- and 2-hop paths are all enumerated. For 3 hops, each
(b, t) link has the bound second_best(b) x strength(b, t), which no path through it can
beat (the product is monotone, in float64 too). The links are expanded in order of that
bound, in growing batches, and the search stops only when the next bound is below the k-th
best strength found, so no path that could enter the top k, or tie with it, is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from amity.engines.warm_graph import Dense, Floats, Ints, WarmGraph, build_graph, row_ranges
from amity.errors import UsageError

__all__ = ["MAX_HOPS", "Hop", "Path", "WarmGraph", "best_paths", "build_graph"]

MAX_HOPS = 3  # the bar: an introduction of an introduction is as far as asking goes
FIRST_BATCH = 64  # (b, t) links expanded at once for 3-hop paths; each next batch doubles


@dataclass(frozen=True, slots=True)
class Hop:
    """One link of a path, walked from you outwards."""

    from_id: int
    to_id: int
    strength: float


@dataclass(frozen=True, slots=True)
class Path:
    """A chain from you to a target; `strength` is the product of the hops' strengths."""

    hops: tuple[Hop, ...]
    strength: float

    @property
    def people(self) -> tuple[int, ...]:
        """The person ids along the path, you first, the target last."""
        return (self.hops[0].from_id, *(hop.to_id for hop in self.hops))


@dataclass(slots=True)
class _Found:
    """Candidate paths as columns; unused nodes and links of shorter paths are -1 and 0."""

    strength: Floats
    hops: Ints
    nodes: tuple[Ints, Ints, Ints]
    links: tuple[Floats, Floats, Floats]

    @classmethod
    def empty(cls) -> _Found:
        none_i, none_f = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
        return cls(none_f, none_i, (none_i, none_i, none_i), (none_f, none_f, none_f))

    def add(self, hops: int, nodes: list[NDArray[np.integer]], links: list[Floats]) -> None:
        count = len(nodes[0])
        strength = links[0].copy()
        for link in links[1:]:
            strength *= link
        pad_i, pad_f = np.full(count, -1, dtype=np.int64), np.zeros(count, dtype=np.float64)
        nodes_i = [n.astype(np.int64) for n in nodes] + [pad_i] * (3 - hops)
        links_f = [*links, *[pad_f] * (3 - hops)]
        self.strength = np.concatenate([self.strength, strength])
        self.hops = np.concatenate([self.hops, np.full(count, hops, dtype=np.int64)])
        self.nodes = (
            np.concatenate([self.nodes[0], nodes_i[0]]),
            np.concatenate([self.nodes[1], nodes_i[1]]),
            np.concatenate([self.nodes[2], nodes_i[2]]),
        )
        self.links = (
            np.concatenate([self.links[0], links_f[0]]),
            np.concatenate([self.links[1], links_f[1]]),
            np.concatenate([self.links[2], links_f[2]]),
        )

    def keep_best(self, k: int) -> float:
        """Keep the k best in rank order; the k-th strength (-1 while fewer than k)."""
        order = np.lexsort((*reversed(self.nodes), self.hops, -self.strength))[:k]
        self.strength, self.hops = self.strength[order], self.hops[order]
        self.nodes = (self.nodes[0][order], self.nodes[1][order], self.nodes[2][order])
        self.links = (self.links[0][order], self.links[1][order], self.links[2][order])
        return float(self.strength[-1]) if len(order) == k else -1.0


def best_paths(
    graph: WarmGraph, targets: ArrayLike, max_hops: int = MAX_HOPS, k: int = 5
) -> tuple[Path, ...]:
    """The k strongest simple paths of at most `max_hops` links from you to any target.

    Targets not in the graph (no usable tie), excluded, or you yourself are no target.
    """
    if not 1 <= max_hops <= MAX_HOPS:
        raise UsageError(f"a warm path has 1 to {MAX_HOPS} hops, not {max_hops}")
    if k < 1:
        raise UsageError(f"ask for at least one path, not {k}")
    goal = np.unique(graph.nodes_of(targets))
    goal = goal[goal != graph.you_node]
    found = _Found.empty()
    direct = graph.mine[goal]
    reached = direct > 0
    found.add(1, [goal[reached]], [direct[reached]])
    if max_hops > 1 and len(goal):
        last_b, last_t, last_w = _links_into(graph, goal)
        _two_hops(graph, found, last_b, last_t, last_w)
        if max_hops > 2:
            _three_hops(graph, found, goal, (last_b, last_t, last_w), k)
    found.keep_best(k)
    return _paths(graph, found)


def _links_into(graph: WarmGraph, goal: Dense) -> tuple[Ints, Ints, Floats]:
    """Every link b -> t into a target t from someone b who is neither a target nor you."""
    rows = goal.astype(np.int64)
    lengths = graph.indptr[rows + 1] - graph.indptr[rows]
    links = row_ranges(graph.indptr[rows], lengths)
    into = np.repeat(rows, lengths)
    near = graph.indices[links].astype(np.int64)
    usable = ~_is_in(near, goal) & (near != graph.you_node)
    return near[usable], into[usable], graph.weights[links[usable]].astype(np.float64)


def _two_hops(graph: WarmGraph, found: _Found, b: Ints, t: Ints, w: Floats) -> None:
    first = graph.mine[b]
    mine = first > 0
    found.add(2, [b[mine], t[mine]], [first[mine], w[mine]])


def _three_hops(
    graph: WarmGraph, found: _Found, goal: Dense, last: tuple[Ints, Ints, Floats], k: int
) -> None:
    """you -> a -> b -> t, expanding the (b, t) links by their bound until none can compete."""
    b, t, w = last
    bound = graph.second[b] * w
    order = np.argsort(-bound, kind="stable")
    order = order[bound[order] > 0]
    b, t, w, bound = b[order], t[order], w[order], bound[order]
    kth = found.keep_best(k)
    start, size = 0, FIRST_BATCH
    while start < len(b) and bound[start] >= kth:
        batch = slice(start, start + size)
        _expand(graph, found, goal, (b[batch], t[batch], w[batch]))
        kth = found.keep_best(k)
        start, size = start + size, size * 2


def _expand(
    graph: WarmGraph, found: _Found, goal: Dense, last: tuple[Ints, Ints, Floats]
) -> None:
    b, t, w = last
    lengths = graph.circle_ptr[b + 1] - graph.circle_ptr[b]
    entries = row_ranges(graph.circle_ptr[b], lengths)
    via = graph.circle_via[entries].astype(np.int64)
    b, t, w = np.repeat(b, lengths), np.repeat(t, lengths), np.repeat(w, lengths)
    usable = (via != t) & ~_is_in(via, goal)
    entries = entries[usable]
    found.add(
        3,
        [via[usable], b[usable], t[usable]],
        [graph.mine[via[usable]], graph.circle_link[entries].astype(np.float64), w[usable]],
    )


def _is_in(values: Ints, sorted_set: Dense) -> NDArray[np.bool_]:
    if len(sorted_set) == 0:
        return np.zeros(len(values), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return np.asarray(sorted_set[pos] == values)


def _paths(graph: WarmGraph, found: _Found) -> tuple[Path, ...]:
    paths = []
    for row in range(len(found.strength)):
        hops = int(found.hops[row])
        people = [graph.you, *(int(graph.ids[n[row]]) for n in found.nodes[:hops])]
        links = [float(link[row]) for link in found.links[:hops]]
        steps = tuple(Hop(people[i], people[i + 1], links[i]) for i in range(hops))
        paths.append(Path(steps, float(found.strength[row])))
    return tuple(paths)
