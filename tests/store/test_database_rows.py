"""`Database.rows`: the same values as `query`, as tuples, streamed in batches."""

from __future__ import annotations

import tracemalloc
from datetime import date

import pytest

from amity.errors import StoreError
from amity.model import InteractionKind
from amity.service.interactions import Happening, met
from amity.store import Store

DAY = date(2026, 11, 22)
COUNT = 50_000
SERIES = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
    "SELECT i, 'person number ' || i AS label FROM n"
)


def test_rows_hold_the_same_values_as_query(store: Store) -> None:
    for name, on in (("Grace Hopper", "2026-11-01"), ("Ada Lovelace", "2026-10-12")):
        met(store, name, Happening(InteractionKind.MET, on=on), DAY)
    sql = (
        "SELECT p.id, p.name, p.circle, i.occurred_on, i.kind FROM person p "
        "JOIN interaction_participant ip ON ip.person_id = p.id "
        "JOIN interaction i ON i.id = ip.interaction_id WHERE p.owner_id = ? ORDER BY p.name"
    )
    as_dicts = store.db.query(sql, (store.owner_id,))
    as_tuples = list(store.db.rows(sql, (store.owner_id,)))
    assert len(as_tuples) == 2
    assert as_tuples == [tuple(row.values()) for row in as_dicts]
    assert [row[1] for row in as_tuples] == ["Ada Lovelace", "Grace Hopper"]
    assert str(as_tuples[0][3]) == "2026-10-12"  # a date as `query` gives it, per engine


def test_rows_of_a_large_result_come_in_order_and_whole(store: Store) -> None:
    seen = 0
    for number, label in store.db.rows(SERIES, (COUNT,), batch=1000):
        seen += 1
        assert number == seen
        assert label == f"person number {seen}"
    assert seen == COUNT
    store.db.end_read()


def test_the_first_row_comes_before_the_rest_is_fetched(store: Store) -> None:
    """Streaming, not building the whole result: the first of 50,000 rows costs a batch's
    memory, a small part of what `query` allocates for the whole result."""
    tracemalloc.start()
    try:
        rows = store.db.rows(SERIES, (COUNT,), batch=500)
        assert next(rows) == (1, "person number 1")
        _, first_peak = tracemalloc.get_traced_memory()
        rows.close()
        tracemalloc.reset_peak()
        before, _ = tracemalloc.get_traced_memory()
        whole = store.db.query(SERIES, (COUNT,))
        _, whole_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(whole) == COUNT
    assert first_peak < (whole_peak - before) / 10
    store.db.end_read()


def test_other_queries_run_while_rows_stream(store: Store) -> None:
    met(store, "Grace Hopper", Happening(InteractionKind.MET, on="2026-11-01"), DAY)
    labels = []
    for number, label in store.db.rows(SERIES, (3,), batch=1):
        people = store.db.scalar(
            "SELECT count(*) FROM person WHERE owner_id = ?", (store.owner_id,)
        )
        labels.append((number, label, int(people)))
    assert labels == [(n, f"person number {n}", 1) for n in (1, 2, 3)]
    store.db.end_read()


def test_a_bad_statement_fails_when_called_with_a_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="database error"):
        store.db.rows("SELECT nothing FROM no_such_table")
    store.db.end_read()
