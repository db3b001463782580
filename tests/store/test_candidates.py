"""store/candidates.py: the people the duplicate matcher compares, one account's only."""

from __future__ import annotations

from amity.model import ContactKind
from amity.store import Store, candidates
from amity.store import people as people_store
from tests.store.conftest import add_person


def test_candidates_carry_contact_points_and_stay_in_the_account(
    store: Store, other: Store
) -> None:
    ana = add_person(store, "Ana Lima", birthday_month=4, birthday_day=15)
    people_store.add_contact_point(store, ana, ContactKind.EMAIL, "Ana@Example.com")
    people_store.add_contact_point(
        store, ana, ContactKind.URL, "https://www.linkedin.com/in/ana-lima"
    )
    gone = add_person(store, "Old Ana", deleted_on="2026-11-01")
    tom = add_person(other, "Ana Lima")
    people_store.add_contact_point(other, tom, ContactKind.EMAIL, "ana@example.com")
    found = candidates.load_candidates(store)
    assert [c.id for c in found] == [ana]  # not the trash, not the other account
    (me,) = found
    assert me.emails == ("ana@example.com",) and me.birthday == "--04-15"
    assert "linkedin.com/in/ana-lima" in me.linkedin
    assert candidates.load_candidates(store, [tom, gone]) == []
    assert [c.id for c in candidates.load_candidates(other)] == [tom]
