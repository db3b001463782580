"""store/tags.py and store/ties.py: tag lists and who-knows-whom, never across accounts."""

from __future__ import annotations

from amity.store import Store, tags, ties
from amity.store import people as people_store
from tests.store.conftest import add_person


def test_tags_are_the_account_s_own(store: Store, other: Store) -> None:
    ana, ben = add_person(store, "Ana Lima"), add_person(store, "Ben Okafor")
    people_store.add_tags(store, ana, ["climbing", "fintech"])
    people_store.add_tags(store, ben, ["fintech"])
    tom = add_person(other, "Tom Becker")
    people_store.add_tags(other, tom, ["secret-project", "fintech"])
    assert tags.tag_names(store) == ["climbing", "fintech"]
    assert tags.tag_names(store, limit=1) == ["climbing"]
    assert {k: sorted(v) for k, v in tags.tags_by_person(store).items()} == {
        ana: ["climbing", "fintech"],
        ben: ["fintech"],
    }
    assert {k: sorted(v) for k, v in tags.tags_by_person(other).items()} == {
        tom: ["fintech", "secret-project"]
    }


def _tie(store: Store, a: int, b: int, kind: str, strength: int) -> None:
    store.db.execute(
        "INSERT INTO tie (owner_id, person_a_id, person_b_id, kind, strength) "
        "VALUES (?, ?, ?, ?, ?)",
        (store.owner_id, a, b, kind, strength),
    )


def test_ties_of_a_person_strongest_first_living_only(store: Store, other: Store) -> None:
    ana, ben, cy, dee = (add_person(store, n) for n in ("Ana", "Ben", "Cy", "Dee"))
    _tie(store, ana, ben, "colleague", 40)
    _tie(store, cy, ana, "friend", 90)
    _tie(store, ana, dee, "friend", 50)
    store.db.execute("UPDATE person SET deleted_on = ? WHERE id = ?", ("2026-11-01", dee))
    tom = add_person(other, "Tom")
    _tie(other, ana, tom, "spy", 100)  # another account's row naming my person
    found = ties.ties_of(store, ana)
    assert [(r["name"], r["kind"]) for r in found] == [("Cy", "friend"), ("Ben", "colleague")]
    assert [r["name"] for r in ties.ties_of(store, ana, limit=1)] == ["Cy"]
    assert [r["name"] for r in ties.ties_of(store, tom)] == []
