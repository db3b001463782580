"""The person page's promises and reminders: listed with their days, "Remind me on" and
Cancel, through the routes with CSRF, on SQLite and PostgreSQL. Today is Sunday 22 Nov."""

from __future__ import annotations

import re

from tests.web import conftest as web_fixtures
from tests.web.conftest import XSS_NOTE, Web

# The web tests' fixtures, for this file outside tests/web.
clock, web = web_fixtures.clock, web_fixtures.web


def _person(web: Web, name: str = "Ana Lima") -> int:
    page = web.post("/people/new", {"name": name})
    found = re.search(r"/people/(\d+)/remind", page.text)
    assert found, page.text[:400]
    return int(found.group(1))


def test_the_person_page_has_the_form_and_an_empty_list(web: Web) -> None:
    pid = _person(web)
    page = web.get(f"/people/{pid}").text
    assert "Promises and reminders" in page and "No open promises or reminders." in page
    form = page[page.index(f'action="/people/{pid}/remind"') :]
    form = form[: form.index("</form>")]
    assert 'name="csrf_token"' in form and 'name="on"' in form and 'name="text"' in form
    assert 'min="2026-11-22"' in form and "Remind me on" in form


def test_remind_me_on_a_day_then_it_is_on_that_days_agenda(web: Web) -> None:
    pid = _person(web)
    made = web.post(
        f"/people/{pid}/remind", {"on": "2026-12-15", "text": "ask about the offer"}, htmx=True
    )
    assert made.status_code == 200
    assert made.text.lstrip().startswith('<section id="commitments"')
    assert "Reminder set (due Tuesday 15 Dec): ask about the offer" in made.text
    card = made.text[made.text.index("<ul") :]
    assert "ask about the offer" in card and "due Tuesday 15 Dec" in card
    words = web.post(f"/people/{pid}/remind", {"on": "next friday", "text": "send the link"})
    assert words.status_code == 200 and "<nav" in words.text  # the page, after a redirect
    assert words.text.index("send the link") < words.text.index("ask about the offer")
    assert "due Friday 27 Nov" in words.text
    assert "ask about the offer" not in web.get("/").text
    web.clock.day = web.clock.day.replace(month=12, day=15)
    assert "ask about the offer" in web.get("/").text


def test_a_bad_day_or_empty_text_keeps_what_was_typed(web: Web) -> None:
    pid = _person(web)
    past = web.post(f"/people/{pid}/remind", {"on": "2026-11-01", "text": "kept text"}, htmx=True)
    assert past.status_code == 400 and "is in the past" in past.text
    assert 'value="kept text"' in past.text
    empty = web.post(f"/people/{pid}/remind", {"on": "2026-12-01", "text": " "}, htmx=True)
    assert empty.status_code == 400 and "say what to be reminded of" in empty.text
    unread = web.post(f"/people/{pid}/remind", {"on": "someday", "text": "x"}, htmx=True)
    assert unread.status_code == 400 and "is not a day Amity can read" in unread.text
    page = web.post(f"/people/{pid}/remind", {"on": "2026-11-01", "text": "kept"})
    assert page.status_code == 400 and "<nav" in page.text and "is in the past" in page.text
    assert "No open promises or reminders." in web.get(f"/people/{pid}").text


def test_without_the_csrf_token_nothing_is_written(web: Web) -> None:
    pid = _person(web)
    refused = web.client.post(f"/people/{pid}/remind", data={"on": "2026-12-15", "text": "sneaky"})
    assert refused.status_code == 403
    assert "sneaky" not in web.get(f"/people/{pid}").text


def test_cancel_takes_it_off_the_page_and_the_agenda(web: Web) -> None:
    pid = _person(web)
    other = _person(web, "Ben Okafor")
    web.post(f"/people/{pid}/remind", {"on": "2026-11-22", "text": "call today"}, htmx=True)
    assert "call today" in web.get("/").text
    page = web.get(f"/people/{pid}").text
    assert f'action="/people/{pid}/reminders/cancel"' in page
    found = re.search(r'name="id" value="(\d+)"', page)
    assert found
    rid = found.group(1)
    elsewhere = web.post(f"/people/{other}/reminders/cancel", {"id": rid}, htmx=True)
    assert elsewhere.status_code == 404  # not Ben's reminder
    bad = web.post(f"/people/{pid}/reminders/cancel", {"id": "x"}, htmx=True)
    assert bad.status_code in (400, 422)
    gone = web.post(f"/people/{pid}/reminders/cancel", {"id": rid}, htmx=True)
    assert gone.status_code == 200 and "Cancelled: call today" in gone.text
    assert "No open promises or reminders." in gone.text
    assert "call today" not in web.get("/").text


def test_a_promise_with_a_day_from_the_person_page(web: Web) -> None:
    pid = _person(web)
    made = web.post(
        f"/people/{pid}/log", {"what": "promise", "note": "send the paper by Friday"}, htmx=True
    )
    assert "Promise kept on your agenda: send the paper by Friday (due Friday 27 Nov)" in made.text
    assert made.text.lstrip().startswith('<section id="activity"')  # and the promises card:
    oob = made.text[made.text.index('<section id="commitments"') :]
    assert 'hx-swap-oob="true"' in oob[:200] and "due Friday 27 Nov" in oob
    web.post(f"/people/{pid}/log", {"what": "promise", "note": "send the deck"}, htmx=True)
    page = web.get(f"/people/{pid}").text
    card = page[page.index('id="commitments"') :]
    assert "send the paper" in card and "due Friday 27 Nov" in card
    assert "send the deck" in card and "on the agenda from today" in card
    assert "send the deck" in web.get("/").text and "send the paper" not in web.get("/").text
    web.clock.day = web.clock.day.replace(day=30)
    assert "send the paper (due Friday 27 Nov, 3 days overdue)" in web.get("/").text


def test_reminder_text_is_escaped(web: Web) -> None:
    pid = _person(web)
    web.post(f"/people/{pid}/remind", {"on": "2026-11-22", "text": XSS_NOTE}, htmx=True)
    for page in (web.get(f"/people/{pid}").text, web.get("/").text):
        assert "<script>alert(3)" not in page and "&lt;script&gt;alert(3)" in page
