"""The Events pages through the routes, on SQLite and PostgreSQL: plan, the event's page
with its brief, everyone met captured from a phone, the debrief, the quick capture's
event field; everything a user typed comes back escaped."""

from __future__ import annotations

import re
from datetime import timedelta

from tests.web.conftest import XSS_NAME, XSS_NOTE, Web


def _plan(web: Web, **fields: str) -> int:
    data = {"name": "Fintech Fair", "on": web.clock.day.isoformat(), "time": "10:00",
            "place": "Moscone West", "purpose": "find a backend role", **fields}  # fmt: skip
    planned = web.post("/events", data)
    assert planned.status_code == 200, planned.text[:300]
    found = re.search(r"/events/(\d+)/met", planned.text)
    assert found, planned.text[:400]
    return int(found.group(1))


def test_plan_then_the_list_and_the_event_page_with_its_brief(web: Web) -> None:
    assert "No events yet" in web.get("/events").text
    event_id = _plan(web, companies="Stripe, Plaid")
    page = web.get(f"/events/{event_id}").text
    assert "<h1>Brief: Fintech Fair</h1>" in page and "Stripe" in page
    assert "Who did you meet?" in page and page.count('name="name') == 6
    listed = web.get("/events").text
    assert f'href="/events/{event_id}"' in listed and "Fintech Fair" in listed
    printable = web.get(f"/events/{event_id}/brief")
    assert printable.status_code == 200 and "@media print" in printable.text
    assert "<nav" not in printable.text  # the page alone, to print


def test_a_bad_plan_comes_back_with_what_was_typed(web: Web) -> None:
    bad = web.post("/events", {"name": "Fair", "on": "someday", "purpose": "kept purpose"})
    assert bad.status_code == 400
    assert "is not a day" in bad.text and 'value="kept purpose"' in bad.text
    unknown = web.post("/events", {"name": "Fair", "on": "2026-12-01", "people": "Nobody Here"})
    assert unknown.status_code in (400, 404) and "Nobody Here" in unknown.text


def test_capture_everyone_met_then_debrief(web: Web) -> None:
    event_id = _plan(web)
    saved = web.post(f"/events/{event_id}/met", {"name0": "Lee Park", "note0": "talked Go",
                                                  "name1": "Ana Reyes", "name2": "  "})  # fmt: skip
    assert saved.status_code == 200
    assert "Saved" in saved.text and "Lee Park" in saved.text and "Ana Reyes" in saved.text
    web.clock.advance(1)
    today = web.get("/").text
    assert "Debrief Fintech Fair: you met 2 people" in today
    assert f'href="/events/{event_id}"' in today  # the item opens the event, not a person
    done = web.post(f"/events/{event_id}/debrief", {"went": "yes"})
    assert done.status_code == 200 and "Debriefed: attended, 2 met" in done.text
    assert "Debrief Fintech Fair" not in web.get("/").text


def test_quick_capture_links_the_meeting_to_an_event_of_today(web: Web) -> None:
    event_id = _plan(web)
    form = web.get("/capture").text
    assert f'<option value="{event_id}"' in form
    saved = web.post("/capture", {"name": "Grace Hopper", "note": "COBOL", "event": str(event_id)})
    assert saved.status_code == 200 and f'<option value="{event_id}" selected' in saved.text
    page = web.get(f"/events/{event_id}").text
    assert "Met: " in page and "Grace Hopper" in page


def test_everything_typed_is_escaped(web: Web) -> None:
    event_id = _plan(web, name=XSS_NAME, purpose=XSS_NOTE)
    web.post(f"/events/{event_id}/met", {"name0": XSS_NAME, "note0": XSS_NOTE})
    for url in (f"/events/{event_id}", f"/events/{event_id}/brief", "/events"):
        text = web.get(url).text
        assert "<script>alert" not in text and "<img src=x" not in text, url


def test_the_brief_item_opens_the_event_the_day_before(web: Web) -> None:
    _plan(web, on=(web.clock.day + timedelta(days=1)).isoformat())
    assert "Read your brief for Fintech Fair, tomorrow at 10:00" in web.get("/").text


def test_an_unknown_event_is_a_404_page(web: Web) -> None:
    missing = web.get("/events/999")
    assert missing.status_code == 404 and "no event has id 999" in missing.text


def test_the_events_page_loads_which_events_were_worth_it(web: Web) -> None:
    page = web.get("/events").text
    assert 'hx-get="/events/rank"' in page and 'href="/events/rank"' in page  # a link without JS
    partial = web.get("/events/rank", headers={"HX-Request": "true"}).text
    assert partial.lstrip().startswith('<section class="card event-rank" id="event-rank">')
    assert "No past events yet" in partial and "<nav" not in partial
