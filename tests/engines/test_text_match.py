"""The text matcher: terms, TF-IDF weights worked out by hand, ranking, speed-safe limits."""

from __future__ import annotations

import math

import numpy as np
import pytest

from amity.engines import text_match
from amity.engines.text_match import Corpus, match, shared_terms, stem, terms, words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hiring", "hire"),
        ("hired", "hires"),
        ("designers", "designer"),
        ("designer", "design"),
        ("designing", "design"),
        ("climbing", "climbers"),
        ("bouldering", "boulder"),
        ("companies", "company"),
        ("coding", "code"),
        ("running", "run"),
    ],
)
def test_forms_of_one_word_meet(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize(
    ("a", "b"), [("engineer", "engine"), ("offer", "off"), ("user", "us"), ("design", "sign")]
)
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_terms_fold_case_and_accents_and_drop_noise() -> None:
    assert terms("Café ZÜRICH — Ça va?") == ["cafe", "zurich", "ca", "va"]
    assert terms("2024 a I x") == []
    assert terms("") == []


@pytest.mark.parametrize(
    "text",
    [
        "help with stuff",
        "things, anything, something",
        "looking for someone happy to help",
        "I need help and want to get things",
        "the and of to",
    ],
)
def test_generic_words_are_no_terms(text: str) -> None:
    assert terms(text) == []


def test_words_keep_the_word_each_term_came_from() -> None:
    assert words("Hiring designers") == [("hire", "hiring"), ("design", "designers")]


def test_hostile_text_is_only_words() -> None:
    text = "rust\x00\x1b[31m🎉🧗 bouldering\u202e\ufeff" + "x" * 10 + "\n\t"
    assert terms(text) == ["rust", "31m", "bould", "x" * 10]


def test_tf_idf_by_hand() -> None:
    corpus = Corpus.build(["rust rust golang", "golang", "python"])
    assert corpus.names == ("golang", "python", "rust")
    # idf = ln((1 + n) / (1 + df)) + 1 over n = 3 documents
    rust_idf, golang_idf = math.log(4 / 2) + 1, math.log(4 / 3) + 1
    assert corpus.idf == pytest.approx([golang_idf, rust_idf, rust_idf])
    # document 0: rust twice (1 + ln 2), golang once, then unit length
    rust, golang = (1 + math.log(2)) * rust_idf, golang_idf
    norm = math.hypot(rust, golang)
    ids, weights = corpus.documents.row(0)
    assert list(ids) == [0, 2]
    assert weights == pytest.approx([golang / norm, rust / norm])
    assert weights == pytest.approx([0.4097, 0.9122], abs=1e-4)
    assert list(corpus.documents.row(1)[1]) == [1.0]
    # the cosine of documents 0 and 1 is golang's share of document 0
    (found,) = match(corpus, corpus.documents, corpus.documents, top_k=1, same=True)[:1]
    assert (found.query, found.candidate) == (0, 1)
    assert found.score == pytest.approx(golang / norm)
    assert found.shared_terms == ("golang",)


def test_an_empty_text_is_an_empty_vector_and_matches_nothing() -> None:
    corpus = Corpus.build(["", "rust", ""])
    assert list(np.diff(corpus.documents.ptr)) == [0, 1, 0]
    assert match(corpus, corpus.documents, corpus.documents, same=True) == []
    assert Corpus.build([]).names == ()
    empty = Corpus.build([])
    assert match(empty, empty.documents, empty.documents) == []


def test_best_matches_first_and_only_pairs_sharing_a_term() -> None:
    offers = [
        "product design and user research",
        "design reviews",
        "tax advice",
        "product design, design systems, design critique",
    ]
    corpus = Corpus.build(offers)
    needs = corpus.vectors(["a designer for our product", "someone to help with stuff"])
    found = match(corpus, needs, corpus.documents, top_k=3)
    assert [m.query for m in found] == [0, 0, 0]
    assert [m.candidate for m in found] == [3, 0, 1]  # tax advice shares nothing
    assert found[0].score > found[1].score > found[2].score > 0
    assert found[0].shared_terms[0] in ("design", "product")
    assert set(found[1].shared_terms) == {"design", "product"}


def test_top_k_and_min_score() -> None:
    corpus = Corpus.build(["rust go", "rust", "rust python", "rust java", "java"])
    found = match(corpus, corpus.documents, corpus.documents, top_k=2, same=True)
    assert all(sum(1 for m in found if m.query == q) <= 2 for q in range(5))
    high = match(corpus, corpus.documents, corpus.documents, min_score=0.99, same=True)
    assert high == []


def test_same_documents_never_match_themselves() -> None:
    corpus = Corpus.build(["rust", "rust"])
    found = match(corpus, corpus.documents, corpus.documents, same=True)
    assert {(m.query, m.candidate) for m in found} == {(0, 1), (1, 0)}
    assert all(m.score == pytest.approx(1.0) for m in found)


def test_terms_too_common_are_dropped() -> None:
    docs = ["rust"] * 60 + ["zig"] * 40 + [f"word{i}" for i in range(1900)]
    corpus = Corpus.build(docs, max_df=0.025)  # ceiling max(50, 0.025 * 2000) = 50
    assert "rust" not in corpus.vocabulary
    assert "zig" in corpus.vocabulary


def test_a_small_corpus_keeps_common_terms() -> None:
    corpus = Corpus.build(["rust", "rust", "rust"])  # 100 % of 3 documents, under MIN_COMMON
    assert corpus.names == ("rust",)


def test_max_postings_keeps_the_documents_of_highest_prior() -> None:
    corpus = Corpus.build(["chess"] * 10)
    prior = np.arange(10, dtype=np.float64)
    found = match(
        corpus, corpus.documents, corpus.documents, top_k=10, same=True,
        query_prior=prior, candidate_prior=prior, max_postings=3,
    )  # fmt: skip
    assert {m.query for m in found} == {7, 8, 9}
    assert {m.candidate for m in found} == {7, 8, 9}


def test_chunks_give_the_same_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(3)
    vocab = [f"t{i}" for i in range(30)]
    docs = [" ".join(rng.choice(vocab, size=4)) for _ in range(80)]
    corpus = Corpus.build(docs)
    whole = match(corpus, corpus.documents, corpus.documents, top_k=4, same=True)
    monkeypatch.setattr(text_match, "CHUNK_PAIRS", 7)
    assert match(corpus, corpus.documents, corpus.documents, top_k=4, same=True) == whole


def test_scores_are_cosines() -> None:
    rng = np.random.default_rng(5)
    vocab = [f"t{i}" for i in range(12)]
    docs = [" ".join(rng.choice(vocab, size=5)) for _ in range(20)]
    corpus = Corpus.build(docs)
    dense = np.zeros((20, len(corpus.names)))
    for i in range(20):
        ids, weights = corpus.documents.row(i)
        dense[i, ids] = weights
    for m in match(corpus, corpus.documents, corpus.documents, top_k=20, same=True):
        assert m.score == pytest.approx(min(1.0, float(dense[m.query] @ dense[m.candidate])))
        assert m.shared_terms == shared_terms(
            corpus, corpus.documents, m.query, corpus.documents, m.candidate
        )


def test_take_picks_rows_and_empty_ones() -> None:
    corpus = Corpus.build(["rust", "chess go", "python"])
    picked = corpus.documents.take(np.array([2, -1, 1, 2]))
    assert len(picked) == 4
    assert [list(picked.row(i)[0]) for i in range(4)] == [
        list(corpus.documents.row(2)[0]), [], list(corpus.documents.row(1)[0]),
        list(corpus.documents.row(2)[0]),
    ]  # fmt: skip
    assert len(Corpus.build([]).documents.take(np.array([-1, -1]))) == 2
