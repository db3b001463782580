from __future__ import annotations

from datetime import timedelta

from amity.model import ContactKind
from amity.store import Store
from amity.store import duplicates as merge_store
from amity.store import ledger as ledger_store
from amity.store import opportunities as opp
from amity.store import people as people_store
from amity.store.opportunities import NewOpportunity
from tests.conftest import TODAY
from tests.store.conftest import add_person


def test_a_merge_moves_the_accounts_rows_only(store: Store, other: Store) -> None:
    keep = add_person(store, "Priya Raman")
    gone = add_person(store, "Priya R.")
    friend = add_person(store, "Sam Okafor", met_through_id=gone)
    theirs = add_person(other, "Tom Becker")
    for pid in (keep, gone):
        people_store.add_contact_point(store, pid, ContactKind.EMAIL, "priya@example.com")
    ledger_store.add_ledger_entry(store, gone, "gave", "intro", "intro", TODAY)
    ledger_store.add_ledger_entry(other, theirs, "gave", "intro", "theirs", TODAY)

    assert people_store.person_row(store, theirs) is None
    row = people_store.person_row(store, gone)
    assert row is not None and row["name"] == "Priya R."
    assert [(r["id"], r["met_through_id"]) for r in merge_store.met_through_any(store, [gone])] == [
        (friend, gone)
    ]
    merge_store.move_rows(store, keep, gone)
    merge_store.set_met_through(store, friend, keep)
    merge_store.delete_merged(store, gone)
    merge_store.delete_merged(store, theirs)  # another account's person stays

    points = store.db.query("SELECT person_id FROM contact_point")
    assert [r["person_id"] for r in points] == [keep]  # the shared email once
    ledger = store.db.query("SELECT person_id, what FROM ledger_entry ORDER BY id")
    assert [(r["person_id"], r["what"]) for r in ledger] == [(keep, "intro"), (theirs, "theirs")]
    assert merge_store.met_through_any(store, [keep]) == [{"id": friend, "met_through_id": keep}]
    assert people_store.person_row(other, theirs) is not None
    assert people_store.person_row(store, gone) is None


def test_a_merge_of_two_referrals_for_one_opportunity_keeps_the_outcome(
    store: Store, other: Store
) -> None:
    """Both records of one person were passed the same job: the referral kept carries the
    outcome the gone one had, and the earlier day."""
    keep, gone = add_person(store, "Priya Raman"), add_person(store, "Priya R.")
    job = opp.add_opportunity(store, NewOpportunity(
        "Backend role", person_id=None, created_on=TODAY, description="", organization="Plaid",
        kind="job", for_me=False,
    ))  # fmt: skip
    opp.add_referral(store, job, keep, "passed_to", TODAY)
    earlier = opp.add_referral(store, job, gone, "passed_to", TODAY - timedelta(days=3))
    assert opp.set_referral_outcome(store, earlier, "hired") == 1
    tom = add_person(other, "Tom Becker")
    theirs = opp.add_opportunity(other, NewOpportunity(
        "Their job", person_id=None, created_on=TODAY, description="", organization="X",
        kind="job", for_me=False,
    ))  # fmt: skip
    opp.add_referral(other, theirs, tom, "passed_to", TODAY)

    merge_store.move_rows(store, keep, gone)
    merge_store.delete_merged(store, gone)

    [kept] = opp.referrals(store, job)
    assert (kept["person_id"], kept["outcome"]) == (keep, "hired")
    assert str(kept["on_date"])[:10] == (TODAY - timedelta(days=3)).isoformat()
    [untouched] = opp.referrals(other, theirs)
    assert (untouched["person_id"], untouched["outcome"]) == (tom, "")
