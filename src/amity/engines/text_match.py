"""Which texts are about the same thing: words, TF-IDF vectors and the best matches.

Pure and small, over numpy alone. Used to match what one contact needs with what another
offers (`amity intros`) and an opportunity with the contacts it suits. The API:

- `words(text)`: the terms of a text, in order, each with the word it came from.
- `Corpus.build(docs)`: the vocabulary and inverse document frequencies of some documents,
  and their vectors (`corpus.documents`). `corpus.vectors(texts)` weighs other texts with
  the same vocabulary (words it does not know are ignored). `vectors.take(rows)` picks rows
  (-1: an empty one), e.g. one per person from a corpus of only the texts not empty.
- `match(corpus, queries, candidates, top_k=...)`: for each query vector, its `top_k` best
  candidates as `Match(query, candidate, score, shared_terms)`, the indexes into the two
  `Vectors`, the cosine similarity (0..1) and the terms both share, the most telling first.
  `shared_terms(corpus, queries, q, candidates, c)` gives them for one pair.

For example, the contacts an opportunity suits (`ids[i]` the contact of `texts[i]`)::

    corpus = Corpus.build(texts)
    wanted = corpus.vectors(["Senior Rust engineer, remote, fintech"])
    best = [(ids[m.candidate], m.score, m.shared_terms)
            for m in match(corpus, wanted, corpus.documents, top_k=10)]

**Terms** are cut by `amity.engines.text_terms` (folded, stemmed so "hiring" meets "hire"
and "designers" "design", stop words and a profile's generic words left out); `words`,
`terms`, `stem`, `fold` and `STOP_TERMS` are re-exported here.

**Weights.** A term's weight in a document is `(1 + ln tf) * idf`, with
`idf = ln((1 + n) / (1 + df)) + 1` over the corpus's `n` documents (`df`: how many hold the
term), and each vector has unit length, so a match's score is the cosine of the two texts.
A term in more than `max_df` of the documents (and in more than `MIN_COMMON` of them, so a
handful of documents keeps every term) is too common to mean anything and is dropped.

**Speed.** `match` joins the two sides through an inverted index: only pairs sharing a term
are scored, in chunks of at most `CHUNK_PAIRS` products. A term held by very many documents
still makes many pairs; given a `prior` per document (e.g. how close you are to each
person) and `max_postings`, only the `max_postings` documents of highest prior are kept for
each term on that side.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from amity.engines.text_terms import STOP_TERMS, fold, stem, terms, words

__all__ = [
    "STOP_TERMS", "Corpus", "Match", "Vectors", "fold", "match", "shared_terms", "stem",
    "terms", "words",
]  # fmt: skip

Ints = NDArray[np.int64]
Floats = NDArray[np.float64]

MAX_DF = 0.05
MIN_COMMON = 50
CHUNK_PAIRS = 2_000_000


def _counts(texts: Iterable[str]) -> list[Counter[str]]:
    """Each text's term counts (a text met twice is cut into terms once)."""
    seen: dict[str, Counter[str]] = {}
    found: list[Counter[str]] = []
    for text in texts:
        counted = seen.get(text)
        if counted is None:
            counted = Counter(terms(text))
            if len(text) < 1000:
                seen[text] = counted
        found.append(counted)
    return found


@dataclass(frozen=True, slots=True)
class Vectors:
    """Sparse unit vectors, one per document: document `i` holds the term ids
    `terms[ptr[i]:ptr[i+1]]` (ascending) with their `weights`. An empty text is an empty row."""

    ptr: Ints
    terms: Ints
    weights: Floats

    def __len__(self) -> int:
        return len(self.ptr) - 1

    def row(self, i: int) -> tuple[Ints, Floats]:
        lo, hi = int(self.ptr[i]), int(self.ptr[i + 1])
        return self.terms[lo:hi], self.weights[lo:hi]

    def take(self, rows: Ints) -> Vectors:
        """These rows, in this order; a row of -1 is an empty vector."""
        rows = np.asarray(rows, dtype=np.int64)
        picked = np.maximum(rows, 0)
        sizes = np.where(rows >= 0, np.diff(self.ptr)[picked] if len(self) else 0, 0)
        ptr = np.r_[0, np.cumsum(sizes)].astype(np.int64)
        total = int(ptr[-1])
        starts = np.repeat(self.ptr[picked] - ptr[:-1], sizes) if total else np.zeros(0, np.int64)
        at = np.arange(total, dtype=np.int64) + starts
        return Vectors(ptr, self.terms[at], self.weights[at])


@dataclass(frozen=True, slots=True)
class Corpus:
    """A vocabulary with its inverse document frequencies, and the documents' vectors."""

    vocabulary: dict[str, int]
    names: tuple[str, ...]
    idf: Floats
    documents: Vectors

    @classmethod
    def build(cls, docs: Sequence[str], *, max_df: float = MAX_DF) -> Corpus:
        counts = _counts(docs)
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(docs)
        ceiling = max(max_df * n, MIN_COMMON)
        names = tuple(sorted(t for t, k in df.items() if k <= ceiling))
        vocabulary = {t: i for i, t in enumerate(names)}
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in names], dtype=np.float64)
        return cls(vocabulary, names, idf, _vectors(counts, vocabulary, idf))

    def vectors(self, texts: Iterable[str]) -> Vectors:
        """Other texts, weighed with this corpus's vocabulary (unknown terms ignored)."""
        return _vectors(_counts(texts), self.vocabulary, self.idf)


def _vectors(counts: Sequence[Counter[str]], vocabulary: dict[str, int], idf: Floats) -> Vectors:
    sizes: list[int] = []
    ids: list[int] = []
    tfs: list[int] = []
    for c in counts:
        before = len(ids)
        for t, k in c.items():
            i = vocabulary.get(t)
            if i is not None:
                ids.append(i)
                tfs.append(k)
        sizes.append(len(ids) - before)
    size = np.array(sizes, dtype=np.int64)
    ptr = np.r_[0, np.cumsum(size)].astype(np.int64)
    term_ids = np.array(ids, dtype=np.int64)
    if not ids:
        return Vectors(ptr, term_ids, np.zeros(0))
    doc = np.repeat(np.arange(len(size), dtype=np.int64), size)
    order = np.lexsort((term_ids, doc))  # each row's terms ascending
    term_ids = term_ids[order]
    weights = (1.0 + np.log(np.array(tfs, dtype=np.float64)[order])) * idf[term_ids]
    filled = size > 0
    norms = np.sqrt(np.add.reduceat(weights**2, ptr[:-1][filled]))
    return Vectors(ptr, term_ids, weights / np.repeat(norms, size[filled]))


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate for a query: indexes into the two `Vectors`, the cosine, the terms."""

    query: int
    candidate: int
    score: float
    shared_terms: tuple[str, ...]


def shared_terms(
    corpus: Corpus, queries: Vectors, q: int, candidates: Vectors, c: int
) -> tuple[str, ...]:
    """The terms two documents share, the largest part of their score first."""
    qt, qw = queries.row(q)
    ct, cw = candidates.row(c)
    common, qi, ci = np.intersect1d(qt, ct, assume_unique=True, return_indices=True)
    order = sorted(range(len(common)), key=lambda k: (-qw[qi[k]] * cw[ci[k]], int(common[k])))
    return tuple(corpus.names[int(common[k])] for k in order)


@dataclass(frozen=True, slots=True)
class _Postings:
    term: Ints  # ascending
    doc: Ints
    weight: Floats


def _postings(vectors: Vectors, prior: Floats | None, max_postings: int | None) -> _Postings:
    doc = np.repeat(np.arange(len(vectors), dtype=np.int64), np.diff(vectors.ptr))
    if prior is None or max_postings is None:
        order = np.argsort(vectors.terms, kind="stable")
    else:
        order = np.lexsort((doc, -prior[doc], vectors.terms))
    term, doc, weight = vectors.terms[order], doc[order], vectors.weights[order]
    if prior is not None and max_postings is not None and len(term):
        starts = np.flatnonzero(np.r_[True, term[1:] != term[:-1]])
        rank = np.arange(len(term)) - np.repeat(starts, np.diff(np.r_[starts, len(term)]))
        keep = rank < max_postings
        term, doc, weight = term[keep], doc[keep], weight[keep]
    return _Postings(term, doc, weight)


def match(
    corpus: Corpus,
    queries: Vectors,
    candidates: Vectors,
    *,
    top_k: int = 5,
    min_score: float = 0.0,
    same: bool = False,
    explain: bool = True,
    query_prior: Floats | None = None,
    candidate_prior: Floats | None = None,
    max_postings: int | None = None,
) -> list[Match]:
    """Each query's `top_k` candidates scoring above `min_score`, best first (ties by
    candidate index), queries in order. `same`: the two are the same documents, so a
    document never matches itself. `explain=False` leaves `shared_terms` empty (ask
    `shared_terms` for the few pairs you show). A side's prior with `max_postings` keeps, for
    each term, only that many of its documents, those of highest prior."""
    qp = _postings(queries, query_prior, max_postings)
    cp = _postings(candidates, candidate_prior, max_postings)
    vocab = len(corpus.names)
    c_start = np.searchsorted(cp.term, np.arange(vocab + 1))
    c_count = np.diff(c_start)
    q_order = np.argsort(qp.doc, kind="stable")  # the query side in query order
    q_doc, q_term, q_w = qp.doc[q_order], qp.term[q_order], qp.weight[q_order]
    pairs = c_count[q_term] if len(q_term) else np.zeros(0, dtype=np.int64)
    found: list[Match] = []
    for lo, hi in _chunks(q_doc, pairs):
        found.extend(
            _chunk_matches(
                (q_doc[lo:hi], q_term[lo:hi], q_w[lo:hi]), pairs[lo:hi], cp, c_start,
                (len(candidates), top_k, min_score, same),
            )
        )  # fmt: skip
    if explain:
        found = [
            Match(
                m.query,
                m.candidate,
                m.score,
                shared_terms(corpus, queries, m.query, candidates, m.candidate),
            )
            for m in found
        ]
    return found


def _chunks(q_doc: Ints, pairs: Ints) -> list[tuple[int, int]]:
    """Slices of the query postings, whole queries each, of about `CHUNK_PAIRS` pairs."""
    if not len(q_doc):
        return []
    bounds = np.flatnonzero(np.r_[True, q_doc[1:] != q_doc[:-1], True])
    total = np.r_[0, np.cumsum(pairs)]
    cuts: list[tuple[int, int]] = []
    lo = 0
    for b in bounds[1:]:
        if total[b] - total[lo] >= CHUNK_PAIRS:
            cuts.append((lo, int(b)))
            lo = int(b)
    if lo < len(q_doc):
        cuts.append((lo, len(q_doc)))
    return cuts


def _chunk_matches(
    query: tuple[Ints, Ints, Floats],
    pairs: Ints,
    cp: _Postings,
    c_start: Ints,
    opts: tuple[int, int, int | float, bool],
) -> list[Match]:
    n_cand, top_k, min_score, same = opts
    q_doc, q_term, q_w = query
    total = int(pairs.sum())
    if total == 0:
        return []
    rep = np.repeat(np.arange(len(q_term)), pairs)
    within = np.arange(total) - np.repeat(np.cumsum(pairs) - pairs, pairs)
    pos = c_start[q_term][rep] + within
    qd, cd = q_doc[rep], cp.doc[pos]
    value = q_w[rep] * cp.weight[pos]
    if same:
        keep = qd != cd
        qd, cd, value = qd[keep], cd[keep], value[keep]
    keys, inverse = np.unique(qd * n_cand + cd, return_inverse=True)
    sums = np.bincount(inverse.ravel(), weights=value, minlength=len(keys))
    qs, cs = keys // n_cand, keys % n_cand
    order = np.lexsort((cs, -sums, qs))
    qs, cs, sums = qs[order], cs[order], sums[order]
    starts = np.flatnonzero(np.r_[True, qs[1:] != qs[:-1]]) if len(qs) else np.zeros(0, np.int64)
    rank = np.arange(len(qs)) - np.repeat(starts, np.diff(np.r_[starts, len(qs)]))
    keep = (rank < top_k) & (sums > min_score)
    return [
        Match(int(q), int(c), min(1.0, float(s)), ())
        for q, c, s in zip(qs[keep], cs[keep], sums[keep], strict=True)
    ]
