"""The person page's Knows card: who they know with source and why, add a tie by name,
confirm or hide an inferred one (CSRF as every person form)."""

from __future__ import annotations

from amity.service.people import NewPerson, add_person
from amity.store import Store
from tests.conftest import TODAY
from tests.web.conftest import Web


def _people(store: Store) -> tuple[int, int, int]:
    ana = add_person(store, NewPerson("Ana Lima", tags=["climbing"]), TODAY)
    ben = add_person(store, NewPerson("Ben Okafor", tags=["climbing"]), TODAY)
    cy = add_person(store, NewPerson("Cy Twombly"), TODAY)
    return ana[0], ben[0], cy[0]


def test_the_person_page_shows_inferred_ties_with_their_reason(web: Web, store: Store) -> None:
    ana, ben, _ = _people(store)
    before = web.get(f"/people/{ana}")  # a page view writes nothing, inferences included
    assert "both in climbing" not in before.text and "Look for ties again" in before.text
    looked = web.post(f"/people/{ana}/ties/refresh", {}, htmx=True)
    assert looked.status_code == 200 and "Looked again: 1 inferred tie." in looked.text
    again = web.post(f"/people/{ana}/ties/refresh", {}, htmx=True)
    assert "Ties are up to date." in again.text
    page = web.get(f"/people/{ana}")
    assert "Ben Okafor" in page.text and "both in climbing" in page.text
    assert "No ties recorded." not in page.text
    hidden = web.post(f"/people/{ana}/ties/state", {"other": ben, "state": "hidden"}, htmx=True)
    assert hidden.status_code == 200 and "Hidden: knows Ben Okafor." in hidden.text
    assert "tie-hidden" in hidden.text
    back = web.post(f"/people/{ana}/ties/state", {"other": ben, "state": "confirmed"}, htmx=True)
    assert "Confirmed: knows Ben Okafor." in back.text and "tie-confirmed" in back.text


def test_adding_a_tie_by_name_and_errors_keep_what_was_typed(web: Web, store: Store) -> None:
    ana, _, cy = _people(store)
    added = web.post(
        f"/people/{ana}/ties",
        {"other": "cy twombly", "how": "studied together", "strength": "strong"},
    )  # a plain form post: back on the page
    assert added.status_code == 200 and "studied together" in added.text
    assert f'href="/people/{cy}"' in added.text
    missing = web.post(
        f"/people/{ana}/ties", {"other": "Nobody Here", "how": "kept words"}, htmx=True
    )
    assert missing.status_code == 404 and 'value="kept words"' in missing.text
    same = web.post(f"/people/{ana}/ties", {"other": "Ana Lima"}, htmx=True)
    assert same.status_code == 400 and "a tie needs two" in same.text


def test_tie_forms_need_the_csrf_token(web: Web, store: Store) -> None:
    ana, ben, _ = _people(store)
    web.get(f"/people/{ana}")
    refused = web.client.post(f"/people/{ana}/ties", data={"other": "Ben"})
    assert refused.status_code == 403
    refused = web.client.post(f"/people/{ana}/ties/state", data={"other": ben, "state": "hidden"})
    assert refused.status_code == 403


def test_a_write_in_the_app_brings_the_inferred_ties_along(web: Web, store: Store) -> None:
    ana, ben, cy = _people(store)
    web.post("/people/bulk", {"action": "tag", "value": "chess", "ids": [ben, cy]}, htmx=True)
    page = web.get(f"/people/{cy}")  # no "Look for ties again": the bulk tag refreshed
    assert "Ben Okafor" in page.text and "both in chess" in page.text
    ana_page = web.get(f"/people/{ana}")
    assert "both in climbing" in ana_page.text  # the evidence from before the app wrote
