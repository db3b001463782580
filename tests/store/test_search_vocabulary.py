"""Search reads a frequent word's vocabulary cheaply (`store.search._Vocabulary`): the
people found, and their order, are those of the plain prefix query over the whole
vocabulary range, which the tests below keep as the reference."""

from __future__ import annotations

import pytest

from amity.store import Store
from amity.store import search as search_store
from tests.store.conftest import add_person

# Each person's one document: stems that extend one another (project, projector,
# projection -> project), a word the stemmer changes (running -> run), diacritics.
BODIES = [
    "project kickoff with the payments team",
    "projects for the winter, and a projector",
    "a projection of the numbers",
    "running club on sundays",
    "runner and project lead",
    "Zoë from the sourdough class",
    "zoe and a sourdough starter, project notes",
    "the project, the project, and the project again",
    "nothing in common",
    "generalisation of a general rule",
]
QUERIES = [
    "project",
    "projects",
    "projector",
    "proj",
    "running",
    "run",
    "runner",
    "sourdough",
    "zoë",
    "zoe",
    "project sourdough",
    "sourdough project",
    "the",
    "general",
    "generalisation",
    "missing",
    "project missing",
]


def _reference(store: Store, text: str) -> list[int]:
    """The query as it ran before: every word's whole vocabulary range read, and the last
    word always a prefix."""
    terms = search_store.query_terms(text)
    common = True
    for term in terms:
        most = store.db.scalar(
            "SELECT max(doc) FROM search_vocab WHERE term >= ? AND term < ?",
            (term, term + "\uffff"),
        )
        common = common and most is not None and int(most) > search_store.COMMON_DOCS
    order = "rowid DESC" if common else "rank"
    rows = store.db.query(
        "SELECT person_id FROM search_doc WHERE search_doc MATCH ? AND owner_id = ? "
        f"ORDER BY {order} LIMIT ?",
        (search_store._fts5_query(terms), store.owner_id, search_store.RANKED_CAP),
    )
    return list(dict.fromkeys(int(r["person_id"]) for r in rows))


@pytest.fixture
def home(sqlite_store: Store) -> Store:
    for n, body in enumerate(BODIES):
        person_id = add_person(sqlite_store, f"Person {n}")
        search_store.put_doc(
            sqlite_store, search_store.interaction_doc_id(1000 + n), person_id, body
        )
    return sqlite_store


@pytest.mark.parametrize("common_docs", [0, 1, 2, 3, 20_000])
def test_search_finds_what_the_prefix_query_finds_in_the_same_order(
    home: Store, common_docs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # COMMON_DOCS low enough makes words common: newest first instead of ranked, both paths
    monkeypatch.setattr(search_store, "COMMON_DOCS", common_docs)
    for query in QUERIES:
        expected = _reference(home, query)
        assert search_store.search_people(home, query).person_ids == expected, query


def test_a_word_that_matches_only_itself_is_searched_as_that_word(home: Store) -> None:
    vocabulary = search_store._Vocabulary(home, ["runner", "sourdough", "run", "project"])
    assert vocabulary.complete("runner")  # no longer term starts with it
    assert vocabulary.complete("sourdough")
    assert not vocabulary.complete("run")  # runner does
    assert not vocabulary.complete("project")  # projector does (projects is project)


def test_words_are_stemmed_as_the_index_stems_them() -> None:
    assert search_store.stems(["running", "projects", "zoë", "project"]) == [
        "run",
        "project",
        "zoe",
        "project",
    ]


def test_the_stemmer_uses_the_search_tables_tokenizer(sqlite_store: Store) -> None:
    sql = sqlite_store.db.scalar("SELECT sql FROM sqlite_master WHERE name = 'search_doc'")
    assert f"tokenize = '{search_store.TOKENIZER}'" in str(sql)
