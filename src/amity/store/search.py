"""Full-text search: FTS5 on SQLite, tsvector on PostgreSQL, behind one function.

Each person has one document (rowid 2·id) and each interaction one (rowid 2·id + 1), so a
write replaces its document by key. Stopwords are dropped from queries, and only the best
`RANKED_CAP` documents are ranked into people, so a query for a very common word stays fast.

On PostgreSQL a document is stored as its words (`indexed_body`): the words a query is cut
into, so `ana.lima@example.org` is found by its parts as FTS5 finds it on SQLite (to_tsvector
would keep an address as one lexeme that no query word matches). A tsvector holds at most
1 MB, so a document larger than `TSVECTOR_BUDGET` keeps each word once, in order, up to that
budget: a person with hundreds of addresses is still found by each of them.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass

from amity.store.handle import Store

RANKED_CAP = 500
# A word in more documents than this says little about relevance: ranking every match of it
# would cost seconds, so such queries take the newest matches instead (rowid order, which
# FTS5 walks without scoring anything).
COMMON_DOCS = 20_000
# Bytes of words a PostgreSQL document keeps: under the 1 MB (1,048,575 bytes) a tsvector
# holds, with room for each lexeme's entry and positions (at most 10 bytes each).
TSVECTOR_BUDGET = 600_000
_LEXEME_OVERHEAD = 10
_LEXEME_MAX = 2047  # bytes; PostgreSQL skips longer words

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "i",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "so",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
    ]
)

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def person_doc_id(person_id: int) -> int:
    return person_id * 2


def interaction_doc_id(interaction_id: int) -> int:
    return interaction_id * 2 + 1


def query_terms(text: str) -> list[str]:
    """The words worth searching for: stopwords dropped unless nothing else is left."""
    words = [w.lower() for w in _WORD.findall(text)]
    kept = [w for w in words if w not in STOPWORDS]
    return kept or words


def indexed_body(dialect: str, body: str) -> str:
    """What is stored for `body` on this engine (see the module's docstring)."""
    if dialect == "sqlite":
        return body
    words: list[str] = _WORD.findall(body)
    if len(body.encode()) + len(words) * _LEXEME_OVERHEAD <= TSVECTOR_BUDGET:
        return " ".join(words)
    kept: dict[str, None] = {}
    spent = 0
    for word in words:
        size = len(word.encode()) + _LEXEME_OVERHEAD
        if word in kept or size > _LEXEME_MAX:
            continue
        if spent + size > TSVECTOR_BUDGET:
            break
        kept[word] = None
        spent += size
    return " ".join(kept)


def put_doc(store: Store, doc_id: int, person_id: int, body: str, *, new: bool = False) -> None:
    """Write a document; `new` says there cannot be an older one (a row just inserted)."""
    db = store.db
    body = indexed_body(db.dialect, body)
    if db.dialect == "sqlite":
        if not new:
            db.execute(
                "DELETE FROM search_doc WHERE rowid = ? AND owner_id = ?", (doc_id, store.owner_id)
            )
        db.execute(
            "INSERT INTO search_doc (rowid, body, owner_id, person_id) VALUES (?, ?, ?, ?)",
            (doc_id, body, store.owner_id, person_id),
        )
    else:
        db.execute(
            "INSERT INTO search_doc (id, owner_id, person_id, body) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET body = excluded.body, person_id = excluded.person_id "
            "WHERE search_doc.owner_id = excluded.owner_id",
            (doc_id, store.owner_id, person_id, body),
        )


def delete_doc(store: Store, doc_id: int) -> None:
    column = "rowid" if store.db.dialect == "sqlite" else "id"
    store.db.execute(
        f"DELETE FROM search_doc WHERE {column} = ? AND owner_id = ?", (doc_id, store.owner_id)
    )


def delete_person_doc(store: Store, person_id: int) -> None:
    delete_doc(store, person_doc_id(person_id))


@dataclass(frozen=True, slots=True)
class Hits:
    person_ids: list[int]  # best first, each person once
    capped: bool  # more documents matched than were ranked


def search_people(store: Store, text: str) -> Hits:
    terms = query_terms(text)
    if not terms:
        return Hits([], False)
    if store.db.dialect == "sqlite":
        words = _Vocabulary(store, terms)
        order = "rowid DESC" if all(words.common(term) for term in terms) else "rank"
        rows = store.db.query(
            "SELECT person_id FROM search_doc WHERE search_doc MATCH ? AND owner_id = ? "
            f"ORDER BY {order} LIMIT ?",
            (_fts5_query(terms, prefix=not words.complete(terms[-1])), store.owner_id, RANKED_CAP),
        )
    else:
        rows = store.db.query(
            "SELECT person_id FROM (SELECT person_id, tsv, id FROM search_doc, "
            "to_tsquery('english', ?) q WHERE owner_id = ? AND tsv @@ q LIMIT ?) hits, "
            "to_tsquery('english', ?) q ORDER BY ts_rank(hits.tsv, q) DESC, hits.id",
            (_tsquery(terms), store.owner_id, RANKED_CAP * 20, _tsquery(terms)),
        )[:RANKED_CAP]
    seen: dict[int, None] = {}
    for row in rows:
        seen.setdefault(int(row["person_id"]), None)
    return Hits(list(seen), len(rows) >= RANKED_CAP)


class _Vocabulary:
    """What the index holds for each query word, read without touching a frequent word's
    whole list of documents (fts5vocab counts every document of each term it reads: 15 ms
    for a word in 400,000 of them).

    A word the tokenizer keeps as it is (`project`, not `running`, stored as `run`) is
    looked up in two cheap steps: the terms that extend it (the range just past the word,
    so the word's own list is never counted), and its own documents counted up to
    COMMON_DOCS + 1 by a plain match. Any other word takes the full vocabulary range."""

    def __init__(self, store: Store, terms: list[str]) -> None:
        self._db = store.db
        self._stems = dict(zip(terms, stems(terms), strict=True))
        self._longer: dict[str, list[tuple[str, int]]] = {}

    def _kept(self, term: str) -> bool:
        return self._stems[term] == term

    def _extensions(self, term: str) -> list[tuple[str, int]]:
        """Index terms that start with `term` and are longer (with their document counts).
        Every character a token holds sorts after \x01, so the range skips `term` itself."""
        if term not in self._longer:
            rows = self._db.query(
                "SELECT term, doc FROM search_vocab WHERE term >= ? AND term < ?",
                (term + "\x01", term + "\uffff"),
            )
            self._longer[term] = [(str(r["term"]), int(r["doc"])) for r in rows]
        return self._longer[term]

    def common(self, term: str) -> bool:
        """Whether an index term starting with `term` is in more than COMMON_DOCS documents."""
        if not self._kept(term):
            most = self._db.scalar(
                "SELECT max(doc) FROM search_vocab WHERE term >= ? AND term < ?",
                (term, term + "\uffff"),
            )
            return most is not None and int(most) > COMMON_DOCS
        if any(doc > COMMON_DOCS for _, doc in self._extensions(term)):
            return True
        found = self._db.scalar(
            "SELECT count(*) FROM (SELECT 1 FROM search_doc WHERE search_doc MATCH ? LIMIT ?) d",
            (_quoted(term), COMMON_DOCS + 1),
        )
        return int(found or 0) > COMMON_DOCS

    def complete(self, term: str) -> bool:
        """Whether `term` as a prefix matches only itself: then the exact word finds the same
        documents, ranked the same, without FTS5 merging a prefix's lists (12 ms for a word
        in 400,000 documents)."""
        return self._kept(term) and not self._extensions(term)


# The search table's tokenizer (migration 0001); a test checks it against the live schema.
TOKENIZER = "porter unicode61 remove_diacritics 2"
_stemmer: list[sqlite3.Connection] = []  # made on first use, one per process
_stemming = threading.Lock()  # the web app searches from several threads


def stems(words: list[str]) -> list[str]:
    """How the search index stores each word (one token each, as `query_terms` cuts them):
    tokenized by SQLite itself, in a private in-memory table with the same tokenizer. A word
    that does not come out as exactly one token is its own (it then takes the slow path)."""
    with _stemming:
        if not _stemmer:
            conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            conn.execute(f"CREATE VIRTUAL TABLE words USING fts5(body, tokenize = '{TOKENIZER}')")
            conn.execute("CREATE VIRTUAL TABLE terms USING fts5vocab(words, 'instance')")
            _stemmer.append(conn)
        conn = _stemmer[0]
        found = []
        for word in words:
            conn.execute("DELETE FROM words")
            conn.execute("INSERT INTO words (body) VALUES (?)", (word,))
            tokens = [str(t) for (t,) in conn.execute("SELECT term FROM terms")]
            found.append(tokens[0] if len(tokens) == 1 else word + "\x00")
        return found


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _fts5_query(terms: list[str], *, prefix: bool = True) -> str:
    """Every term must match; the last one as a prefix, for search-as-you-type (unless it
    is known to match only itself)."""
    quoted = [_quoted(t) for t in terms]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def _tsquery(terms: list[str]) -> str:
    cleaned = [re.sub(r"[^\w]", "", t) for t in terms]
    cleaned = [t for t in cleaned if t]
    parts = [f"'{t}'" for t in cleaned]
    if parts:
        parts[-1] += ":*"
    return " & ".join(parts) or "''"
