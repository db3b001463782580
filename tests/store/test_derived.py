"""store/derived.py: the maintained person columns are read and written per account."""

from __future__ import annotations

from amity.store import Store, derived
from tests.store.conftest import add_person


def test_derived_inputs_and_updates_stay_in_the_account(store: Store, other: Store) -> None:
    mine = add_person(store, "Ana Lima", circle="friends", cadence_days=14)
    plain = add_person(store, "Ben Okafor", circle="friends")
    theirs = add_person(other, "Tom Becker", circle="friends")
    rows = derived.derived_inputs(store, [mine, plain, theirs])
    assert sorted((r["id"], r["cadence_days"]) for r in rows) == [(mine, 14), (plain, None)]
    assert derived.ids_on_circle_default(store, "friends") == [plain]
    assert derived.ids_on_circle_default(other, "friends") == [theirs]
    update = ("2026-01-01", "2026-11-01", "2026-11-01", 3, 1, 2, 5, "2026-12-01", 61)
    derived.set_derived(store, [(*update, mine), (*update, theirs)])
    counts = {
        r["id"]: r["interaction_count"]
        for r in store.db.query("SELECT id, interaction_count FROM person")
    }
    assert counts[mine] == 3 and counts[theirs] == 0
