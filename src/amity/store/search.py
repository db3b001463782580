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
        order = "rowid DESC" if _all_common(store, terms) else "rank"
        rows = store.db.query(
            "SELECT person_id FROM search_doc WHERE search_doc MATCH ? AND owner_id = ? "
            f"ORDER BY {order} LIMIT ?",
            (_fts5_query(terms), store.owner_id, RANKED_CAP),
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


def _all_common(store: Store, terms: list[str]) -> bool:
    """Whether every word is in more than COMMON_DOCS documents (fts5vocab: one lookup)."""
    for term in terms:
        stem = store.db.scalar(
            "SELECT max(doc) FROM search_vocab WHERE term >= ? AND term < ?",
            (term, term + "\uffff"),
        )
        if stem is None or int(stem) <= COMMON_DOCS:
            return False
    return True


def _fts5_query(terms: list[str]) -> str:
    """Every term must match; the last one as a prefix, for search-as-you-type."""
    quoted = ['"' + t.replace('"', '""') + '"' for t in terms]
    quoted[-1] += "*"
    return " ".join(quoted)


def _tsquery(terms: list[str]) -> str:
    cleaned = [re.sub(r"[^\w]", "", t) for t in terms]
    cleaned = [t for t in cleaned if t]
    parts = [f"'{t}'" for t in cleaned]
    if parts:
        parts[-1] += ":*"
    return " & ".join(parts) or "''"
