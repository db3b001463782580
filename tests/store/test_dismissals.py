"""store/dismissals.py: "these two are different people", remembered per account."""

from __future__ import annotations

from amity.store import Store, dismissals
from tests.conftest import TODAY
from tests.store.conftest import add_person


def test_a_dismissal_is_one_account_s_and_ordered(store: Store, other: Store) -> None:
    a, b = add_person(store, "Ana Lima"), add_person(store, "Ana Lima")
    assert dismissals.dismiss(store, b, a, TODAY) is True
    assert dismissals.dismiss(store, a, b, TODAY) is False  # known already, either order
    assert dismissals.is_dismissed(store, a, b) and dismissals.is_dismissed(store, b, a)
    assert dismissals.dismissed_pairs(store) == {(min(a, b), max(a, b))}
    assert not dismissals.is_dismissed(other, a, b)
    assert dismissals.dismissed_pairs(other) == set()
    assert dismissals.undismiss(other, a, b) is False
    assert dismissals.is_dismissed(store, a, b)
    assert dismissals.undismiss(store, a, b) is True
    assert dismissals.dismissed_pairs(store) == set()


def test_a_merge_moves_the_dismissals_of_the_one_that_goes(store: Store, other: Store) -> None:
    keep, gone, third = (add_person(store, n) for n in ("Ana Lima", "Ana L.", "Ana Lima"))
    dismissals.dismiss(store, gone, third, TODAY)
    dismissals.dismiss(store, keep, gone, TODAY)
    x, y = add_person(other, "Tom"), add_person(other, "Tom")
    dismissals.dismiss(other, x, y, TODAY)
    dismissals.move_dismissals(store, keep, gone)
    assert dismissals.dismissed_pairs(store) == {(min(keep, third), max(keep, third))}
    assert dismissals.dismissed_pairs(other) == {(min(x, y), max(x, y))}
