"""Captures a phone kept while it had no connection, sent later: stored once per client id,
dated by the day they were typed, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from amity.engines.follow_ups import follow_up_key
from amity.store import Store, reminders
from amity.store import interactions as interaction_store
from amity.store.database import as_date
from tests.conftest import TODAY
from tests.web.conftest import Web

PHONE_ID = "5d0c6f0e-2b8e-4c1a-9d1e-2f8b3a7c6e41"


def _queued(web: Web, **fields: str) -> Any:
    """What the phone's queue sends: a form body, the page's token in a header."""
    if not web.token:
        web.get("/capture")
    entry = {
        "name": "Maya Chen",
        "place": "Career fair",
        "note": "Data team, hiring interns",
        "client_id": PHONE_ID,
        "typed_on": TODAY.isoformat(),
        **fields,
    }
    return web.client.post("/capture/queued", data=entry, headers={"X-CSRF-Token": web.token})


def test_the_same_capture_sent_twice_is_stored_once_and_the_second_answer_says_so(
    web: Web, store: Store
) -> None:
    first = _queued(web)
    second = _queued(web)
    assert first.status_code == 200 and second.status_code == 200
    assert first.json()["stored"] == "new" and first.json()["created"] is True
    assert second.json()["stored"] == "already"
    assert second.json()["interaction_id"] == first.json()["interaction_id"]
    assert second.json()["person_name"] == "Maya Chen"
    person_id = first.json()["person_id"]
    assert interaction_store.count_for_person(store, person_id) == 1
    stored = interaction_store.captured(store, PHONE_ID)
    assert stored == (first.json()["interaction_id"], person_id, "Maya Chen")


def test_a_capture_synced_days_later_is_dated_by_when_it_was_typed(web: Web, store: Store) -> None:
    typed = TODAY - timedelta(days=2)
    answer = _queued(web, typed_on=typed.isoformat()).json()
    assert answer["follow_up_due"] == (typed + timedelta(days=1)).isoformat()
    [meeting] = interaction_store.for_person(store, answer["person_id"])
    assert meeting.occurred_on == typed
    follow_up = reminders.get_by_key(store, follow_up_key(answer["interaction_id"]))
    assert follow_up is not None
    assert as_date(follow_up["due_on"]) == typed + timedelta(days=1)


def test_a_captured_name_of_someone_known_goes_to_them(web: Web, store: Store) -> None:
    known = web.post("/capture", {"name": "Priya Raman", "place": "PyCon"})
    assert known.status_code == 200
    answer = _queued(web, name="priya raman", note="Rust in production").json()
    assert answer["created"] is False and answer["person_name"] == "Priya Raman"
    assert interaction_store.count_for_person(store, answer["person_id"]) == 2


def test_a_day_in_the_future_or_long_ago_is_refused_clearly(web: Web, store: Store) -> None:
    future = _queued(web, typed_on=(TODAY + timedelta(days=2)).isoformat())
    assert future.status_code == 400
    assert "in the future" in future.json()["error"]["message"]
    old = _queued(web, typed_on=(TODAY - timedelta(days=400)).isoformat(), client_id="old-phone-1")
    assert old.status_code == 400 and "more than a year ago" in old.json()["error"]["message"]
    garbled = _queued(web, typed_on="yesterday-ish", client_id="garbled-1")
    assert garbled.status_code == 400 and "is not a date" in garbled.json()["error"]["message"]
    assert interaction_store.captured(store, PHONE_ID) is None  # nothing was half-stored


def test_a_phone_a_time_zone_ahead_is_on_tomorrow_which_is_today_here(
    web: Web, store: Store
) -> None:
    ahead = _queued(web, typed_on=(TODAY + timedelta(days=1)).isoformat())
    assert ahead.status_code == 200, ahead.text
    [(on,)] = store.db.rows("SELECT occurred_on FROM interaction WHERE client_id = ?", (PHONE_ID,))
    assert str(on)[:10] == TODAY.isoformat()
    assert ahead.json()["follow_up_due"] == (TODAY + timedelta(days=1)).isoformat()


def test_a_queued_capture_needs_its_id_and_a_name(web: Web) -> None:
    missing = _queued(web, client_id="")
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "missing"
    bad_id = _queued(web, client_id="a b")
    assert bad_id.status_code == 400 and "client id" in bad_id.json()["error"]["message"]
    nameless = _queued(web, name="  ")
    assert nameless.status_code == 400 and "a name is needed" in nameless.json()["error"]["message"]


def test_a_queued_capture_without_the_page_token_is_refused(web: Web, store: Store) -> None:
    web.get("/capture")
    refused = web.client.post(
        "/capture/queued",
        data={"name": "Eve", "client_id": PHONE_ID, "typed_on": TODAY.isoformat()},
        headers={"X-CSRF-Token": "0" * 64},
    )
    assert refused.status_code == 403
    assert interaction_store.captured(store, PHONE_ID) is None


def test_the_form_with_a_client_id_posted_twice_saves_once(web: Web, store: Store) -> None:
    fields = {
        "name": "Grace Hopper",
        "place": "PyCon",
        "client_id": PHONE_ID,
        "typed_on": TODAY.isoformat(),
    }
    first = web.post("/capture", fields)
    again = web.post("/capture", fields)
    assert "Saved" in first.text and "Already saved" in again.text
    found = interaction_store.captured(store, PHONE_ID)
    assert found is not None and interaction_store.count_for_person(store, found[1]) == 1


def test_a_queued_capture_at_an_event_is_linked_to_it(web: Web, store: Store) -> None:
    from amity.model.events import Event
    from amity.store import events as event_store

    with store.db.transaction():
        fair = event_store.insert_event(store, Event("Career Fair", TODAY, created_on=TODAY))
    answer = _queued(web, place="", event=str(fair)).json()
    [meeting] = interaction_store.for_person(store, answer["person_id"])
    assert meeting.event_id == fair and meeting.place == "Career Fair"
