from __future__ import annotations

from datetime import timedelta

from amity.model import Interaction, InteractionKind, Position
from amity.store import Store
from amity.store import demo as demo_store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from tests.conftest import TODAY
from tests.store.conftest import add_person


def test_demo_writes_touch_only_the_account(store: Store, other: Store) -> None:
    mine = add_person(store, "Priya Raman")
    theirs = add_person(other, "Tom Becker")
    for owner, pid in ((store, mine), (other, theirs)):
        people_store.add_position(owner, pid, Position("Plaid", "CTO", None, None, "manual"))
    assert demo_store.current_job(store, mine) == {"organization": "Plaid", "title": "CTO"}
    assert demo_store.current_job(store, theirs) is None
    start = TODAY - timedelta(days=3)
    demo_store.start_current_position(store, mine, start)
    demo_store.start_current_position(store, theirs, start)  # not ours: nothing changes
    demo_store.set_birthday(store, theirs, 1, 2)
    starts = store.db.query("SELECT person_id, start_on FROM position ORDER BY person_id")
    assert [(r["person_id"], str(r["start_on"])) for r in starts] == [
        (mine, start.isoformat()),
        (theirs, "None"),
    ]
    assert store.db.scalar("SELECT birthday_month FROM person WHERE id = ?", (theirs,)) is None
    event = demo_store.add_event(store, "PyCon", TODAY, "Lisbon", "meet", "three", "planned")
    demo_store.add_attendance(store, event, mine, "target")
    demo_store.add_attendance(store, event, mine, "target")  # once only
    friend = add_person(store, "Sam Okafor")
    demo_store.add_tie(store, min(mine, friend), max(mine, friend), "knows", 50, "demo")
    interaction_store.insert_interaction(
        other, Interaction(InteractionKind.CALL, TODAY, person_ids=[theirs])
    )
    assert demo_store.count_interactions(store) == 0
    assert demo_store.count_interactions(other) == 1
    assert people_store.count_people(store) == 2
    assert people_store.count_people(other) == 1
    for table in ("event", "event_attendance", "tie"):
        assert (
            store.db.scalar(f"SELECT count(*) FROM {table} WHERE owner_id = ?", (store.owner_id,))
            == 1
        )
        assert (
            store.db.scalar(f"SELECT count(*) FROM {table} WHERE owner_id = ?", (other.owner_id,))
            == 0
        )
