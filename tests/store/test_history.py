"""store/history.py: first meetings, touches and imports the coach and report read."""

from __future__ import annotations

from datetime import timedelta

from amity.engines.strength import DEPTH_WEIGHTS
from amity.model import Direction, Interaction, InteractionKind
from amity.store import Store, history
from amity.store.interactions import aggregates_for, insert_interaction
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
    # the first and last contact, as the service maintains them (imported contact included)
    found = aggregates_for(store, [person], DEPTH_WEIGHTS)[person]
    store.db.execute(
        "UPDATE person SET first_contact_on = ?, last_contact_on = ? WHERE id = ?",
        (found["first_on"], found["last_on"], person),
    )


def test_first_meetings_are_the_account_s_own_and_not_imported(store: Store, other: Store) -> None:
    new, old, imported, known = (add_person(store, n) for n in ("Ana", "Ben", "Cy", "Dee"))
    _meet(store, new, 2)
    _meet(store, old, 40)
    _meet(store, old, 1)
    _meet(store, imported, 3, source="linkedin")
    _meet(store, known, 20, source="linkedin")  # known from an import before the week
    _meet(store, known, 2)  # first met this week
    _meet(store, known, 1, source="linkedin")  # an imported message after is contact too
    theirs = add_person(other, "Tom")
    _meet(other, theirs, 2)
    since, touches = history.first_meetings_since(store, WEEK_AGO)
    assert [(m.person_id, m.kind, m.place, m.on) for m in since] == [
        (new, "coffee", "Café Lumen", TODAY - timedelta(days=2)),
        (known, "coffee", "Café Lumen", TODAY - timedelta(days=2)),
    ]
    assert touches == {
        new: [(TODAY - timedelta(days=2), Direction.MUTUAL)],
        known: [
            (TODAY - timedelta(days=2), Direction.MUTUAL),
            (TODAY - timedelta(days=1), Direction.MUTUAL),
        ],
    }
    assert touches == history.touches_since(store, [new, known], WEEK_AGO)
    assert history.new_people_per_day(store, WEEK_AGO) == {TODAY - timedelta(days=2): 2}
    assert [m.person_id for m in history.first_meetings_of(store, [new, old, theirs])] == [
        new,
        old,
    ]
    assert history.first_meetings_of(store, [theirs]) == []
    assert [m.person_id for m in history.first_meetings_since(other, WEEK_AGO)[0]] == [theirs]


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
