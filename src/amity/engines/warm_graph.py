"""The graph of who knows whom, as compact arrays: built once, then searched for warm paths.

People are the database's person ids, renumbered densely (in id order, so comparing dense
numbers compares ids). Ties are undirected and stored both ways in CSR form: the neighbours
of node `u` are `indices[indptr[u]:indptr[u + 1]]`, sorted, with `weights` beside them. A
weight is a link's strength in (0, 1], kept as float32 (about seven significant digits);
every product of strengths is taken in float64, link by link from you outwards.

"You" is a node too, tied to each of your contacts by your relationship strength with them.
The graph is built for one "you", and keeps what every search starts with: your strength
with everyone (`mine`) and your *second circle*, for each person `b` the contacts `a` of
yours who know them, with the strength of you -> a -> b, strongest first (`circle_*`).

Ties that must not be used are left out when building: every tie of an excluded person
(archived, deleted) and every blocked pair (a declined introduction). A tie given twice, or
both ways, counts once, at its strongest; a tie of strength 0 is no link. No per-node Python
object is made: building 1,000,000 people and 10,000,000 ties takes a few seconds and a
few hundred megabytes (bench/bench_paths.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

Ints = NDArray[np.int64]
Dense = NDArray[np.int32]
Floats = NDArray[np.float64]
Column = NDArray[np.signedinteger[Any]] | NDArray[np.unsignedinteger[Any]]

# Renumber ids with a lookup table over [smallest id, largest id] when that range is at most
# this many times the number of ids given (database ids are dense); else sort them.
TABLE_SPREAD = 4


@dataclass(frozen=True, slots=True, eq=False)
class WarmGraph:
    """Everyone's ties as CSR arrays, with your first and second circles precomputed."""

    you: int  # your person id
    you_node: int  # your dense number
    ids: Ints  # dense number -> person id, ascending
    indptr: Ints  # CSR row starts, len = people + 1
    indices: Dense  # neighbours, sorted within each row
    weights: NDArray[np.float32]  # the strength of each stored link
    mine: Floats  # your strength with each node, 0 where you have no tie
    circle_ptr: Ints  # second circle rows, len = people + 1
    circle_via: Dense  # the contact of yours who knows the row's person
    circle_link: NDArray[np.float32]  # that contact's strength with the row's person
    circle_strength: Floats  # you -> contact -> person, strongest first within each row
    second: Floats  # each node's strongest second-circle chain, 0 where there is none

    @property
    def people(self) -> int:
        """Nodes in the graph, you included."""
        return len(self.ids)

    @property
    def ties(self) -> int:
        """Distinct undirected ties kept."""
        return len(self.indices) // 2

    def nodes_of(self, person_ids: ArrayLike) -> Dense:
        """The dense numbers of the given people that are in the graph (others are dropped)."""
        wanted = np.asarray(person_ids, dtype=np.int64).ravel()
        pos = np.searchsorted(self.ids, wanted)
        found = pos < len(self.ids)
        found[found] = self.ids[pos[found]] == wanted[found]
        return pos[found].astype(np.int32)


def build_graph(
    you: int,
    my_ties: tuple[ArrayLike, ArrayLike],
    ties: tuple[ArrayLike, ArrayLike, ArrayLike],
    *,
    excluded: ArrayLike = (),
    blocked: tuple[ArrayLike, ArrayLike] = ((), ()),
) -> WarmGraph:
    """The graph from columns: `my_ties` = (person ids, your strength with each), `ties` =
    (person a, person b, strength), `excluded` = people never on a path, `blocked` = (a, b)
    pairs never used as a link. A tie in `ties` that names you counts as one of yours.

    Raises ValueError for a strength that is not a number at most 1, or if you are excluded.
    """
    people = _ids(my_ties[0])
    a, b = _ids(ties[0]), _ids(ties[1])
    strengths = np.concatenate([_strengths(my_ties[1], len(people)), _strengths(ties[2], len(a))])
    out = _ids(excluded)
    if np.any(out == you):
        raise ValueError("you cannot be excluded from your own graph")
    block_a, block_b = _ids(blocked[0]), _ids(blocked[1])
    you_column = np.full(1, you, dtype=np.int64)
    ids, dense = _renumber([you_column, people, a, b, out, block_a, block_b])
    del a, b
    you_node = int(dense[0][0])
    first = np.concatenate([np.full(len(people), you_node, dtype=np.int32), dense[2]])
    second = np.concatenate([dense[1], dense[3]])
    gone, pairs = dense[4], (dense[5], dense[6])
    del dense
    lo, hi = np.minimum(first, second), np.maximum(first, second)
    del first, second
    lo, hi, w = _distinct_ties(lo, hi, strengths, len(ids), gone, pairs)
    indptr, indices, weights = _csr(lo, hi, w, len(ids))
    return _with_circles(you, you_node, ids, indptr, indices, weights)


def row_ranges(starts: Ints, lengths: Ints) -> Ints:
    """The positions start, start + 1, ... of every row, concatenated (no Python loop)."""
    keep = lengths > 0
    starts, lengths = starts[keep], lengths[keep]
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    steps = np.ones(total, dtype=np.int64)
    heads = np.cumsum(lengths)[:-1]
    steps[0] = starts[0]
    steps[heads] = starts[1:] - (starts[:-1] + lengths[:-1] - 1)
    return np.cumsum(steps)


def _ids(column: ArrayLike) -> Column:
    values = np.asarray(column)
    if values.size == 0:
        return np.zeros(0, dtype=np.int64)
    if values.dtype.kind not in "iu":
        raise ValueError("person ids must be integers")
    if values.dtype.itemsize < 8 or values.dtype.kind == "i":
        return values.ravel()  # int32 columns stay int32: no copy of 10,000,000 ids
    return values.ravel().astype(np.int64)


def _strengths(column: ArrayLike, count: int) -> NDArray[np.float32]:
    values = np.asarray(column, dtype=np.float32).ravel()
    if len(values) != count:
        raise ValueError("each tie needs exactly one strength")
    if not np.all(values <= 1.0):  # also refuses NaN
        raise ValueError("a tie's strength is a number at most 1")
    return values


def _renumber(columns: list[Column]) -> tuple[Ints, list[Dense]]:
    """Every id once, ascending, and each column in dense numbers."""
    offset = min(0, *(int(c.min()) for c in columns if len(c)))
    highest = max(int(c.max()) for c in columns if len(c))
    given = sum(len(c) for c in columns)
    if highest - offset <= TABLE_SPREAD * given + 1024:
        # Ids are positive in a database, so the table is indexed by the ids themselves.
        shifted = [c if offset == 0 else np.subtract(c, offset, dtype=np.int64) for c in columns]
        present = np.zeros(highest - offset + 1, dtype=bool)
        for column in shifted:
            present[column] = True
        ids = np.flatnonzero(present).astype(np.int64) + offset
        table = np.cumsum(present, dtype=np.int32)
        table -= 1
        return ids, [table[c] for c in shifted]
    ids = np.unique(np.concatenate([c.astype(np.int64, copy=False) for c in columns]))
    return ids, [np.searchsorted(ids, c).astype(np.int32) for c in columns]


def _distinct_ties(
    lo: Dense,
    hi: Dense,
    strengths: NDArray[np.float32],
    nodes: int,
    excluded: Dense,
    blocked_pairs: tuple[Dense, Dense],
) -> tuple[Dense, Dense, NDArray[np.float32]]:
    """Each usable undirected tie once (lo < hi), at its strongest, sorted by (lo, hi).

    A tie that is unusable gets a key past every real one rather than being copied out,
    and is cut after the sort: for 10,000,000 ties that saves three copies of the columns.
    """
    banned = np.zeros(nodes, dtype=bool)
    banned[excluded] = True
    unusable = (strengths <= 0) | (lo == hi) | banned[lo] | banned[hi]
    past = nodes * nodes
    keys = lo.astype(np.int64)
    keys *= nodes
    keys += hi
    keys[unusable] = past
    del unusable, banned
    order, sorted_keys = _sorted_order(keys.view(np.uint64), past + 1)
    del keys
    usable = int(np.searchsorted(sorted_keys, np.uint64(past)))
    order, sorted_keys = order[:usable], sorted_keys[:usable]
    if usable == 0:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty, np.zeros(0, dtype=np.float32)
    heads = np.flatnonzero(np.concatenate([[True], sorted_keys[1:] != sorted_keys[:-1]]))
    best = np.maximum.reduceat(strengths[order], heads)
    picked, keys_kept = order[heads], sorted_keys[heads]
    del order, sorted_keys
    blocked = _pair_keys(*blocked_pairs, nodes)
    if len(blocked):
        pos = np.searchsorted(keys_kept, blocked)
        pos = pos[pos < len(keys_kept)]
        hits = pos[np.isin(keys_kept[pos], blocked)]
        picked, best = np.delete(picked, hits), np.delete(best, hits)
    return lo[picked], hi[picked], best


def _pair_keys(a: Dense, b: Dense, nodes: int) -> NDArray[np.uint64]:
    lo = np.minimum(a, b).astype(np.uint64)
    return np.unique(lo * np.uint64(nodes) + np.maximum(a, b).astype(np.uint64))


def _sorted_order(keys: NDArray[np.uint64], bound: int) -> tuple[Ints, NDArray[np.uint64]]:
    """A stable argsort of `keys` (each < bound), and the keys sorted, in `keys`'s memory.

    When key and position fit in 64 bits together, one sort of packed integers does it: about
    three times faster than numpy's argsort, which matters for 10,000,000 ties.
    """
    count = len(keys)
    position_bits = max(1, (count - 1).bit_length())
    if (max(1, bound - 1).bit_length()) + position_bits > 64:
        order = np.argsort(keys, kind="stable")
        return order.astype(np.int64), keys[order]
    keys <<= np.uint64(position_bits)
    keys |= np.arange(count, dtype=np.uint64)
    keys.sort()
    order = (keys & np.uint64((1 << position_bits) - 1)).view(np.int64)
    keys >>= np.uint64(position_bits)
    return order, keys


def _csr(
    lo: Dense, hi: Dense, w: NDArray[np.float32], nodes: int
) -> tuple[Ints, Dense, NDArray[np.float32]]:
    """Both directions of each tie, rows sorted: in row u the neighbours below u (where u is
    the tie's hi, ordered by lo) come first, then those above (where u is lo, ordered by hi)."""
    as_lo = np.bincount(lo, minlength=nodes).astype(np.int64)
    as_hi = np.bincount(hi, minlength=nodes).astype(np.int64)
    indptr = np.zeros(nodes + 1, dtype=np.int64)
    np.cumsum(as_lo + as_hi, out=indptr[1:])
    before_lo = np.cumsum(as_lo) - as_lo  # ties where a smaller node is lo
    through_hi = np.cumsum(as_hi)
    del as_lo, as_hi
    indices = np.empty(2 * len(lo), dtype=np.int32)
    weights = np.empty(2 * len(lo), dtype=np.float32)
    order, rows = _sorted_order(hi.astype(np.uint64), nodes)
    slots = np.arange(len(lo), dtype=np.int64)
    slots += before_lo[rows.view(np.int64)]
    del rows
    indices[slots], weights[slots] = lo[order], w[order]
    del order
    slots = np.arange(len(lo), dtype=np.int64)
    slots += through_hi[lo]
    indices[slots], weights[slots] = hi, w
    return indptr, indices, weights


def _with_circles(
    you: int, node: int, ids: Ints, indptr: Ints, indices: Dense, weights: NDArray[np.float32]
) -> WarmGraph:
    """Your first circle (your strength with each node) and your second (who of your contacts
    knows each person, and how strong the chain you -> contact -> person is)."""
    nodes = len(ids)
    contacts = indices[indptr[node] : indptr[node + 1]].astype(np.int64)
    mine = np.zeros(nodes, dtype=np.float64)
    mine[contacts] = weights[indptr[node] : indptr[node + 1]]
    lengths = indptr[contacts + 1] - indptr[contacts]
    links = row_ranges(indptr[contacts], lengths)
    via = np.repeat(contacts, lengths)
    reached = indices[links]
    keep = reached != node
    via, reached, links = via[keep], reached[keep], links[keep]
    link = weights[links]
    strength = mine[via] * link
    order = np.lexsort((via, -strength, reached))
    circle_ptr = np.zeros(nodes + 1, dtype=np.int64)
    np.cumsum(np.bincount(reached, minlength=nodes), out=circle_ptr[1:])
    strength = strength[order]
    second = np.zeros(nodes, dtype=np.float64)
    has_row = circle_ptr[1:] > circle_ptr[:-1]
    second[has_row] = strength[circle_ptr[:-1][has_row]]
    return WarmGraph(
        you=you,
        you_node=node,
        ids=ids,
        indptr=indptr,
        indices=indices,
        weights=weights,
        mine=mine,
        circle_ptr=circle_ptr,
        circle_via=via[order].astype(np.int32),
        circle_link=link[order],
        circle_strength=strength,
        second=second,
    )
