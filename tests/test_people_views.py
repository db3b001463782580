"""The people service's typed results and inputs, on SQLite and PostgreSQL: ids in, frozen
dataclasses out, and `as_dict()` exactly the document `--json` prints."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from amity.errors import NotFound, UsageError
from amity.model import Birthday, Circle, InteractionKind
from amity.service.interactions import Happening, met
from amity.service.people import (
    NewPerson,
    PersonChanges,
    add_person,
    edit_person,
    forget_person,
    read_changes,
    resolve_forgotten,
    unforget_person,
)
from amity.service.people_views import PeopleList, PersonSummary, PersonView, SearchResults
from amity.service.views import ListRequest, list_people, search, show_person
from amity.store import Store
from tests.conftest import Amity

TODAY = date(2026, 11, 23)
SHOW_KEYS = [
    "id",
    "name",
    "nickname",
    "headline",
    "location",
    "circle",
    "cadence_days",
    "tags",
    "organization",
    "title",
    "emails",
    "phones",
    "urls",
    "birthday",
    "how_met",
    "where_met",
    "met_through",
    "about",
    "needs",
    "offers",
    "interests",
    "archived",
    "positions",
    "last_interaction",
    "next_due",
    "strength",
    "tier",
    "strength_reasons",
    "strength_summary",
    "linkedin_missing_since",
    "linkedin_missing",
    "interaction_count",
    "interactions",
]
SUMMARY_KEYS = [
    "id",
    "name",
    "circle",
    "tags",
    "organization",
    "title",
    "last_interaction",
    "strength",
]


def _ada_and_grace(store: Store) -> tuple[int, int]:
    grace, _ = add_person(store, NewPerson(name="Grace Hopper"), TODAY)
    ada, _ = add_person(
        store,
        NewPerson(
            name="Ada Lovelace",
            emails=["ada@example.org"],
            company="Analytical Engines",
            title="Engineer",
            tags=["mentor"],
            circle="close",
            met_through="grace",
            birthday="--12-10",
        ),
        TODAY,
    )
    met(
        store, "Ada Lovelace", Happening(InteractionKind.MET, on="2026-11-20", place="PyCon"), TODAY
    )
    return ada, grace


def test_the_json_documents_keep_their_keys_in_order(amity: Amity) -> None:
    amity.ok("add", "Grace Hopper")
    amity.ok("add", "Ada Lovelace", "--company", "Analytical", "--met-through", "grace")
    amity.ok("met", "Ada Lovelace", "--at", "PyCon", "--note", "engines", "--on", "2026-11-20")
    shown = amity.ok("show", "ada", "--json").json()
    assert list(shown) == SHOW_KEYS
    assert shown["met_through"] == {"id": 1, "name": "Grace Hopper"}
    assert list(shown["interactions"][0]) == [
        "id",
        "kind",
        "direction",
        "date",
        "note",
        "summary",
        "learned",
        "promises",
        "place",
    ]
    assert shown["interactions"][0]["date"] == "2026-11-20"
    assert list(shown["positions"][0]) == ["organization", "title", "start", "end", "source"]
    listed = amity.ok("list", "--json").json()
    assert list(listed) == ["results", "total"] and listed["total"] == 2
    assert list(listed["results"][0]) == SUMMARY_KEYS
    assert listed["results"][0]["last_interaction"] == "2026-11-20"
    assert list(amity.ok("search", "ada", "--json").json()) == [
        "query",
        "results",
        "total",
        "capped",
    ]
    # only filters: no words were ranked, so nothing can have been capped
    assert list(amity.ok("search", "company:analytical", "--json").json()) == [
        "query",
        "results",
        "total",
    ]


def test_show_person_takes_an_id_and_returns_a_frozen_view(store: Store) -> None:
    ada, grace = _ada_and_grace(store)
    view = show_person(store, ada, today=TODAY)
    assert isinstance(view, PersonView)
    assert view.circle is Circle.CLOSE and view.birthday == "--12-10"
    assert view.met_through is not None and view.met_through.id == grace
    assert view.last_interaction == date(2026, 11, 20)
    assert view.interactions[0].date == date(2026, 11, 20) and view.interaction_count == 1
    assert view.tier is not None and view.strength == view.as_dict()["strength"]
    assert view.as_dict()["interactions"][0]["place"] == "PyCon"
    stored = show_person(store, ada)  # without a day, the stored score and no reasons
    assert stored.tier is None and "tier" not in stored.as_dict()
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.name = "Someone Else"  # type: ignore[misc]
    with pytest.raises(NotFound, match="no person has id 999"):
        show_person(store, 999)


def test_list_and_search_return_summaries(store: Store) -> None:
    ada, grace = _ada_and_grace(store)
    listed = list_people(store, ListRequest(sort="name"))
    assert isinstance(listed, PeopleList) and listed.total == 2
    assert [p.id for p in listed.people] == [ada, grace]
    first = listed.people[0]
    assert isinstance(first, PersonSummary)
    assert first.tags == ("mentor",) and first.organization == "Analytical Engines"
    assert first.last_interaction == date(2026, 11, 20)
    found = search(store, "ada", today=TODAY)
    assert isinstance(found, SearchResults) and found.ranked
    assert [p.name for p in found.people] == ["Ada Lovelace"]
    filtered = search(store, "tag:mentor", today=TODAY)
    assert not filtered.ranked and "capped" not in filtered.as_dict()
    assert filtered.as_dict()["results"] == [first.as_dict()]


def test_edit_person_takes_an_id_and_typed_changes(store: Store) -> None:
    ada, grace = _ada_and_grace(store)
    edit_person(
        store,
        grace,
        PersonChanges(
            circle=Circle.INNER,
            every=14,
            birthday=Birthday(12, 9, 1906),
            met_through=ada,
            company="US Navy",
            title="Rear Admiral",
            add_tags=("cobol",),
            emails=("grace@navy.mil",),
        ),
        TODAY,
    )
    view = show_person(store, grace)
    assert (view.circle, view.cadence_days, view.birthday) == (Circle.INNER, 14, "1906-12-09")
    assert view.met_through is not None and view.met_through.id == ada
    assert (view.organization, view.title, view.tags) == ("US Navy", "Rear Admiral", ("cobol",))
    assert view.emails == ("grace@navy.mil",)
    edit_person(store, grace, PersonChanges(clear_birthday=True, every=0), TODAY)
    cleared = show_person(store, grace)
    assert cleared.birthday is None and cleared.cadence_days is None
    with pytest.raises(UsageError, match="nothing to change"):
        edit_person(store, grace, PersonChanges(), TODAY)
    with pytest.raises(NotFound, match="no person has id 999"):
        edit_person(store, 999, PersonChanges(circle=Circle.INNER), TODAY)
    with pytest.raises(NotFound, match="no person has id 998"):
        edit_person(store, grace, PersonChanges(met_through=998), TODAY)
    with pytest.raises(UsageError, match="control characters"):
        edit_person(store, grace, PersonChanges(about="bad\x00text"), TODAY)


def test_read_changes_types_the_edit_vocabulary(store: Store) -> None:
    _, grace = _ada_and_grace(store)
    options = {
        "name": None,
        "circle": "inner",
        "every": 0,
        "birthday": "none",
        "met_through": "grace",
        "add_tag": ["mentor", "python"],
        "archived": True,
        "about": "poet of numbers",
    }
    assert read_changes(store, options) == PersonChanges(
        circle=Circle.INNER,
        every=0,
        clear_birthday=True,
        met_through=grace,
        add_tags=("mentor", "python"),
        archived=True,
        about="poet of numbers",
    )
    assert read_changes(store, {"birthday": "--04-15"}).birthday == Birthday(4, 15)
    with pytest.raises(UsageError, match="unknown field 'colour'"):
        read_changes(store, {"colour": "blue"})
    with pytest.raises(UsageError, match="circle"):
        read_changes(store, {"circle": "bestie"})
    with pytest.raises(NotFound, match="no one called 'Nobody Here'"):
        read_changes(store, {"met_through": "Nobody Here"})


def test_forget_and_unforget_take_an_id(store: Store) -> None:
    ada, _ = _ada_and_grace(store)
    with pytest.raises(NotFound, match=r"Ada Lovelace \(#\d+\) is not in the trash"):
        resolve_forgotten(store, "ada")
    assert forget_person(store, ada, TODAY) == "Ada Lovelace"
    with pytest.raises(NotFound, match=f"no person has id {ada}"):
        show_person(store, ada)
    with pytest.raises(NotFound, match=f"no person has id {ada}"):
        forget_person(store, ada, TODAY)
    assert resolve_forgotten(store, "ada") == (ada, "Ada Lovelace")
    assert unforget_person(store, ada, TODAY) == "Ada Lovelace"
    assert show_person(store, ada).name == "Ada Lovelace"
    with pytest.raises(NotFound, match=f"no person has id {ada}"):
        unforget_person(store, ada, TODAY)
