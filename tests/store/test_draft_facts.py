from __future__ import annotations

from datetime import timedelta

from amity.model import Interaction, InteractionKind
from amity.store import Store
from amity.store import draft_facts as facts_store
from amity.store import interactions as interaction_store
from amity.store import ledger as ledger_store
from tests.conftest import TODAY
from tests.store.conftest import add_person


def _history(owner: Store, pid: int, what: str) -> None:
    for days, kind in ((30, InteractionKind.MET), (10, InteractionKind.CALL)):
        interaction_store.insert_interaction(
            owner,
            Interaction(kind, TODAY - timedelta(days=days), person_ids=[pid], summary=what),
        )
    ledger_store.add_ledger_entry(owner, pid, "received", "advice", what, TODAY)
    ledger_store.add_life_event(owner, pid, "promotion", TODAY, what)
    ledger_store.add_life_event(owner, pid, "birthday", TODAY, "not for drafts")


def test_draft_facts_come_from_the_account_only(store: Store, other: Store) -> None:
    mine = add_person(store, "Priya Raman", organization="Plaid")
    theirs = add_person(other, "Tom Becker")
    _history(store, mine, "mine")
    _history(other, theirs, "theirs")
    both = [mine, theirs]

    assert [r["id"] for r in facts_store.people_for_drafts(store, both)] == [mine]
    narrow = facts_store.interactions_of(store, both)
    assert sorted((r["person_id"], str(r["occurred_on"]), r["kind"]) for r in narrow) == [
        (mine, (TODAY - timedelta(days=30)).isoformat(), "met"),
        (mine, (TODAY - timedelta(days=10)).isoformat(), "call"),
    ]
    their_ids = [int(r["id"]) for r in facts_store.interactions_of(other, [theirs])]
    ids = sorted([*(int(r["id"]) for r in narrow), *their_ids])
    texts = facts_store.interaction_texts(store, ids)
    assert sorted(r["summary"] for r in texts) == ["mine", "mine"]
    assert facts_store.interaction_texts(store, []) == []
    received = facts_store.received_newest_first(store, both)
    assert [(r["person_id"], r["what"]) for r in received] == [(mine, "mine")]
    events = facts_store.life_events_newest_first(store, both)
    assert [(r["person_id"], r["kind"], r["detail"]) for r in events] == [
        (mine, "promotion", "mine")
    ]
