"""The Goals page: set a goal from the form, see its progress and next step with the draft,
mark it done; bad input comes back on the form with the message, on both engines."""

from __future__ import annotations

from datetime import date

from amity.model import Direction, Interaction, InteractionKind, Position
from amity.service.relationships import refresh_people
from amity.store import Store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store.ties import TieRow, put_tie
from tests.store.conftest import add_person
from tests.web.conftest import Web


def _network(store: Store) -> None:
    with store.db.transaction():
        _people(store)


def _people(store: Store) -> None:
    ana = add_person(store, "Ana Ruiz")
    lee = add_person(store, "Lee Park", title="Backend Engineer", organization="Plaid")
    people_store.add_position(store, lee, Position("Plaid", "Backend Engineer"))
    put_tie(store, TieRow(ana, lee, "knows", 80, "manual", "confirmed", "worked together"))
    for day in (date(2026, 9, 1), date(2026, 10, 5)):  # Ana, Maya's TA, well known
        interaction_store.insert_interaction(
            store, Interaction(InteractionKind.COFFEE, day, Direction.MUTUAL, [ana])
        )
    refresh_people(store, [ana], date(2026, 10, 5))


def test_a_goal_set_shown_and_done(web: Web, store: Store) -> None:
    _network(store)
    empty = web.get("/goals")
    assert empty.status_code == 200 and "No goals yet" in empty.text
    assert "Coming soon" not in empty.text
    shown = web.post(
        "/goals",
        {
            "title": "Backend role at a fintech",
            "companies": "Plaid",
            "by": "2027-06-30",
            "why": "first job after graduation",
        },
    )
    assert shown.status_code == 200 and shown.url.path == "/goals/1"
    text = shown.text
    assert "Backend role at a fintech" in text and "first job after graduation" in text
    assert "Ask Ana Ruiz to introduce you to Lee Park (Backend Engineer at Plaid)" in text
    assert "would you be open to introducing us?" in text
    assert "Plaid" in web.get("/goals").text
    done = web.post("/goals/1/close", {"status": "done"})
    assert done.url.path == "/goals" and "Done and dropped" in done.text
    assert "No goals yet" in done.text


def test_bad_input_comes_back_on_the_form(web: Web, store: Store) -> None:
    _network(store)
    nobody = web.post("/goals", {"title": "Meet a designer", "people": "Zed Nobody"})
    assert nobody.status_code == 404 and "Zed Nobody" in nobody.text
    assert 'value="Meet a designer"' in nobody.text  # what was typed stays
    past = web.post("/goals", {"title": "Too late", "by": "2020-01-01"})
    assert past.status_code == 400 and "in the past" in past.text
    assert web.get("/goals/99").status_code == 404
