"""store/history.py: first meetings, touches and imports the coach and report read."""

from __future__ import annotations

from datetime import timedelta

from amity.model import Direction, Interaction, InteractionKind
from amity.store import Store, history
from amity.store.interactions import insert_interaction
from tests.conftest import TODAY
from tests.store.conftest import add_person

WEEK_AGO = TODAY - timedelta(days=7)


def _meet(store: Store, person: int, days_ago: int, *, source: str = "") -> None:
    insert_interaction(
        store,
        Interaction(
            InteractionKind.COFFEE,
            TODAY - timedelta(days=days_ago),
            Direction.MUTUAL,
            [person],
            place="Café Lumen",
        ),
        source=source,
        source_key=f"{person}:{days_ago}" if source else "",
    )
    store.db.execute(
        "UPDATE person SET last_contact_on = ? WHERE id = ?",
        ((TODAY - timedelta(days=days_ago)).isoformat(), person),
    )


def test_first_meetings_are_the_account_s_own_and_not_imported(store: Store, other: Store) -> None:
    new, old, imported = (add_person(store, n) for n in ("Ana", "Ben", "Cy"))
    _meet(store, new, 2)
    _meet(store, old, 40)
    _meet(store, old, 1)
    _meet(store, imported, 3, source="linkedin")
    theirs = add_person(other, "Tom")
    _meet(other, theirs, 2)
    since = history.first_meetings_since(store, WEEK_AGO)
    assert [(m.person_id, m.kind, m.place) for m in since] == [(new, "coffee", "Café Lumen")]
    assert history.new_people_per_day(store, WEEK_AGO) == {TODAY - timedelta(days=2): 1}
    assert [m.person_id for m in history.first_meetings_of(store, [new, old, theirs])] == [
        new,
        old,
    ]
    assert history.first_meetings_of(store, [theirs]) == []
    assert [m.person_id for m in history.first_meetings_since(other, WEEK_AGO)] == [theirs]


def test_touches_and_imports_since_a_day(store: Store, other: Store) -> None:
    ana = add_person(store, "Ana")
    _meet(store, ana, 3, source="linkedin")  # an imported message is contact too
    _meet(store, ana, 30)
    theirs = add_person(other, "Tom")
    _meet(other, theirs, 1)
    touches = history.touches_since(store, [ana, theirs], WEEK_AGO)
    assert touches == {ana: [(TODAY - timedelta(days=3), Direction.MUTUAL)]}
    imported = add_person(other, "Uma", created_on=TODAY.isoformat())
    other.db.execute(
        "INSERT INTO source_record (owner_id, person_id, source, source_key, fingerprint, "
        "payload, first_seen_on, last_seen_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (other.owner_id, imported, "linkedin", "k", "f", "{}", TODAY, TODAY),
    )
    assert history.imported_since(other, WEEK_AGO) == 1
    assert history.imported_since(store, WEEK_AGO) == 0
