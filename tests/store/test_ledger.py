from __future__ import annotations

from amity.store import Store
from amity.store import ledger as ledger_store
from tests.conftest import TODAY
from tests.store.conftest import add_person


def test_ledger_entries_and_life_events_are_written_to_the_account(
    store: Store, other: Store
) -> None:
    mine = add_person(store, "Priya Raman")
    theirs = add_person(other, "Tom Becker")
    entry = ledger_store.add_ledger_entry(store, mine, "gave", "intro", "intro to a CTO", TODAY)
    ledger_store.add_ledger_entry(other, theirs, "received", "advice", "CV review", TODAY)
    event = ledger_store.add_life_event(store, mine, "new_job", TODAY, "CTO at Plaid")
    ledger_store.add_life_event(other, theirs, "moved", TODAY, "Berlin", source="demo")
    rows = store.db.query(
        "SELECT id, person_id, what FROM ledger_entry WHERE owner_id = ?", (store.owner_id,)
    )
    assert rows == [{"id": entry, "person_id": mine, "what": "intro to a CTO"}]
    events = store.db.query(
        "SELECT id, detail, source FROM life_event WHERE owner_id = ?", (store.owner_id,)
    )
    assert events == [{"id": event, "detail": "CTO at Plaid", "source": "manual"}]
    theirs_rows = store.db.query(
        "SELECT source FROM life_event WHERE owner_id = ?", (other.owner_id,)
    )
    assert theirs_rows == [{"source": "demo"}]
