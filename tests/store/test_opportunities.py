"""store/opportunities.py: opportunities and referrals of one account only, open ones first,
on both engines."""

from __future__ import annotations

from datetime import date, timedelta

from amity.store import Store, as_date
from amity.store import opportunities as opp
from amity.store.opportunities import NewOpportunity
from tests.conftest import TODAY
from tests.store.conftest import add_person


def _new(
    title: str, person_id: int | None = None, day: date = TODAY, **kw: object
) -> NewOpportunity:
    fields: dict[str, object] = {
        "description": "", "organization": "Plaid", "kind": "job", "for_me": False
    }  # fmt: skip
    fields.update(kw)
    return NewOpportunity(title, person_id=person_id, created_on=day, **fields)  # type: ignore[arg-type]


def test_opportunities_are_the_account_s_own_open_first(store: Store, other: Store) -> None:
    ana = add_person(store, "Ana")
    old = opp.add_opportunity(store, _new("Old", ana, TODAY - timedelta(days=9)))
    new = opp.add_opportunity(store, _new("New", day=TODAY, for_me=True, kind="podcast"))
    gone = opp.add_opportunity(store, _new("Done", day=TODAY))
    tom = add_person(other, "Tom")
    theirs = opp.add_opportunity(other, _new("Secret", tom))
    assert opp.close_opportunity(store, gone, "filled") == 1
    assert [r["title"] for r in opp.opportunities(store, closed=False)] == ["New", "Old"]
    listed = opp.opportunities(store, closed=True)
    assert [(r["title"], bool(r["closed"]), r["outcome"]) for r in listed] == [
        ("New", False, ""), ("Old", False, ""), ("Done", True, "filled")
    ]  # fmt: skip
    row = opp.opportunity(store, old)
    assert row is not None
    assert (row["person_id"], row["person_name"], row["kind"], bool(row["for_me"])) == (
        ana, "Ana", "job", False
    )  # fmt: skip
    assert as_date(row["created_on"]) == TODAY - timedelta(days=9)
    podcast = opp.opportunity(store, new)
    assert podcast is not None and (podcast["kind"], bool(podcast["for_me"])) == ("podcast", True)
    # The other account's opportunity is invisible and untouchable from this one.
    assert opp.opportunity(store, theirs) is None
    assert opp.close_opportunity(store, theirs, "x") == 0
    assert [r["title"] for r in opp.opportunities(other, closed=True)] == ["Secret"]
    mine = opp.opportunity(other, theirs)
    assert mine is not None and not mine["closed"]


def test_referrals_are_per_opportunity_person_and_role(store: Store, other: Store) -> None:
    ana, ben = add_person(store, "Ana"), add_person(store, "Ben")
    job = opp.add_opportunity(store, _new("Job"))
    first = opp.add_referral(store, job, ana, "passed_to", TODAY - timedelta(days=1))
    opp.add_referral(store, job, ben, "passed_to", TODAY)
    assert opp.set_referral_outcome(store, first, "hired") == 1
    rows = opp.referrals(store, job)
    assert [(r["name"], r["role"], r["outcome"]) for r in rows] == [
        ("Ana", "passed_to", "hired"), ("Ben", "passed_to", "")
    ]  # fmt: skip
    found = opp.referral(store, job, ana, "passed_to")
    assert found is not None and found["id"] == first
    assert opp.referral(store, job, ana, "referred_me") is None
    assert opp.referred_ids(store, job) == {ana, ben}
    row = opp.opportunity(store, job)
    assert row is not None and row["referrals"] == 2
    # Someone in the trash is not listed, nor counted.
    store.db.execute("UPDATE person SET deleted_on = ? WHERE id = ?", (TODAY.isoformat(), ben))
    assert [r["name"] for r in opp.referrals(store, job)] == ["Ana"]
    # The other account sees none of it and changes none of it.
    assert opp.referrals(other, job) == [] and opp.referred_ids(other, job) == set()
    assert opp.referral(other, job, ana, "passed_to") is None
    assert opp.set_referral_outcome(other, first, "lost") == 0
    kept = opp.referral(store, job, ana, "passed_to")
    assert kept is not None and kept["outcome"] == "hired"


def test_a_source_in_the_trash_is_no_source(store: Store) -> None:
    ana = add_person(store, "Ana")
    job = opp.add_opportunity(store, _new("Job", ana))
    store.db.execute("UPDATE person SET deleted_on = ? WHERE id = ?", (TODAY.isoformat(), ana))
    row = opp.opportunity(store, job)
    assert row is not None and row["person_name"] is None


def test_profiles_are_the_living_people_with_words(store: Store, other: Store) -> None:
    ana = add_person(store, "Ana", needs="a data job", title="Analyst")
    add_person(store, "Blank")  # nothing to match
    add_person(store, "Archived", needs="a data job", archived=True)
    add_person(store, "Trashed", needs="a data job", deleted_on=TODAY.isoformat())
    add_person(other, "Tom", needs="a data job")
    assert list(opp.profiles(store)) == [(ana, "Ana", "a data job", "", "", "Analyst", "")]
    assert [row[1] for row in opp.profiles(other)] == ["Tom"]


def test_an_edit_changes_the_account_s_own_opportunity_only(store: Store, other: Store) -> None:
    mine = opp.add_opportunity(store, _new("Data Engneer"))
    tom = add_person(other, "Tom")
    theirs = opp.add_opportunity(other, _new("Secret", tom))
    assert opp.update_opportunity(store, mine, {"title": "Data Engineer", "for_me": True}) == 1
    assert opp.update_opportunity(store, theirs, {"title": "Taken over"}) == 0
    row = opp.opportunity(store, mine)
    assert row is not None and (row["title"], bool(row["for_me"])) == ("Data Engineer", True)
    kept = opp.opportunity(other, theirs)
    assert kept is not None and kept["title"] == "Secret"
    assert opp.update_opportunity(store, mine, {}) == 0
