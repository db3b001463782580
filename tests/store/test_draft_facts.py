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
    narrow = facts_store.latest_interactions_of(store, both, 5, ("met",), 2)
    assert [(person, meeting) for person, _, meeting in narrow] == [
        (mine, False),
        (mine, False),
        (mine, True),
    ]
    theirs_too = facts_store.latest_interactions_of(other, [theirs], 5, ("met",), 2)
    ids = sorted([*(i for _, i, _ in narrow), *(i for _, i, _ in theirs_too)])
    texts = facts_store.interaction_texts(store, ids)
    assert sorted(r["summary"] for r in texts) == ["mine", "mine"]
    assert facts_store.interaction_texts(store, []) == []
    received = facts_store.received_newest_first(store, both)
    assert [(r["person_id"], r["what"]) for r in received] == [(mine, "mine")]
    events = facts_store.life_events_newest_first(store, both)
    assert [(r["person_id"], r["kind"], r["detail"]) for r in events] == [
        (mine, "promotion", "mine")
    ]


def test_only_the_latest_interactions_and_meetings_come_back(store: Store) -> None:
    pid = add_person(store, "Ana Lima")
    other = add_person(store, "Ben Okafor")
    made = {}
    for days, kind in [(90, "met"), (60, "call"), (50, "met"), (40, "call"), (30, "email"),
                       (20, "met"), (10, "call"), (5, "email"), (1, "call")]:  # fmt: skip
        made[days] = interaction_store.insert_interaction(
            store,
            Interaction(InteractionKind(kind), TODAY - timedelta(days=days), person_ids=[pid]),
        )
    same_day = interaction_store.insert_interaction(
        store, Interaction(InteractionKind.MET, TODAY - timedelta(days=1), person_ids=[pid, other])
    )
    rows = facts_store.latest_interactions_of(store, [pid, other], 3, ("met",), 2)
    mine = [(i, meeting) for person, i, meeting in rows if person == pid]
    # The three newest (the later id first on the same day), then apart the two newest
    # meetings, each list newest first.
    assert mine == [
        (same_day, False),
        (made[1], False),
        (made[5], False),
        (same_day, True),
        (made[20], True),
    ]
    assert [(p, i, m) for p, i, m in rows if p == other] == [
        (other, same_day, False),
        (other, same_day, True),
    ]
    assert facts_store.latest_interactions_of(store, [], 3, ("met",), 2) == []
