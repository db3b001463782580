"""The things people do on each page, through the routes, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re

from amity.store import Store
from tests.web.conftest import FIXTURES, Web


def _person_id(html: str) -> int:
    found = re.search(r'id="person-name"', html) and re.search(r"/people/(\d+)/log", html)
    assert found, html[:400]
    return int(found.group(1))


def test_capture_then_the_follow_up_is_on_today_and_done_in_place(web: Web) -> None:
    saved = web.post("/capture", {"name": "Grace Hopper", "place": "PyCon", "note": "COBOL talk"})
    assert saved.status_code == 200
    assert "Grace Hopper" in saved.text and "follow-up is on your agenda" in saved.text
    assert 'value="PyCon"' in saved.text  # the place stays for the next person
    web.clock.advance(1)
    today = web.get("/")
    assert "Grace Hopper" in today.text and "follow up" in today.text
    key = re.search(r'name="key" value="([^"]+)"', today.text)
    assert key
    done = web.post("/agenda/done", {"key": key.group(1)}, htmx=True)
    assert done.status_code == 200
    assert done.text.lstrip().startswith('<section id="agenda"')
    assert "Done: Grace Hopper" in done.text
    assert "All done for today" in done.text  # the item stays, marked done, at its number
    assert 'data-state="done"' in done.text and 'name="key"' not in done.text


def test_snooze_and_skip_in_place(web: Web) -> None:
    web.post("/capture", {"name": "Alan Turing", "place": "Bletchley"})
    web.post("/capture", {"name": "Joan Clarke", "place": "Bletchley"})
    web.clock.advance(1)
    keys = re.findall(r'name="key" value="([^"]+)"', web.get("/").text)
    assert len(keys) == 2
    snoozed = web.post("/agenda/snooze", {"key": keys[0], "days": "7"}, htmx=True)
    assert "Snoozed until" in snoozed.text
    skipped = web.post("/agenda/skip", {"key": keys[1]}, htmx=True)
    assert "Skipped" in skipped.text
    bad = web.post("/agenda/snooze", {"key": keys[0], "days": "0"}, htmx=True)
    assert bad.status_code == 422


def test_capture_without_a_name_keeps_the_fields(web: Web) -> None:
    response = web.post("/capture", {"name": "  ", "place": "Meetup", "note": "kept note"})
    assert response.status_code == 400
    assert "a name is needed" in response.text
    assert 'value="Meetup"' in response.text and "kept note" in response.text


def test_add_person_with_a_bad_email_keeps_the_fields(web: Web) -> None:
    response = web.post("/people/new", {"name": "Edsger", "email": "not-an-email", "company": "TH"})
    assert response.status_code == 400
    assert "is not an email address" in response.text
    assert 'value="Edsger"' in response.text and 'value="TH"' in response.text
    ok = web.post("/people/new", {"name": "Edsger Dijkstra", "tags": "mentor, dutch"})
    assert "Added Edsger Dijkstra" in ok.text and "mentor" in ok.text


def test_people_search_filters_sort_and_pages(web: Web, store: Store) -> None:
    from amity.service.people import NewPerson, add_person
    from tests.conftest import TODAY

    for n in range(120):
        tags = ["even"] if n % 2 == 0 else []
        add_person(
            store, NewPerson(f"Person {n:03d}", company="Acme" if n < 10 else "", tags=tags), TODAY
        )
    first = web.get("/people")
    assert "1–50 of 120" in first.text and "Page 1 of 3" in first.text
    second = web.get("/people?page=2", headers={"HX-Request": "true"})
    assert second.text.lstrip().startswith('<section id="results"') and "Person 050" in second.text
    assert "of 60" in web.get("/people?tag=even").text
    assert "of 10" in web.get("/people?company=acme").text
    found = web.get("/people?q=Person+007", headers={"HX-Request": "true"})
    assert "Person 007" in found.text and "<html" not in found.text
    assert web.get("/people?sort=strength").status_code == 200


def test_bulk_tag_circle_and_archive(web: Web, store: Store) -> None:
    from amity.service.views import ListRequest, list_people

    ids = [_person_id(web.post("/people/new", {"name": f"Bulk {n}"}).text) for n in range(3)]
    tagged = web.post(
        "/people/bulk", {"action": "tag", "value": "alumni", "ids": ids[:2]}, htmx=True
    )
    assert "Tagged “alumni” for 2 people" in tagged.text
    web.post("/people/bulk", {"action": "circle", "value": "close", "ids": ids})
    web.post("/people/bulk", {"action": "archive", "ids": [ids[2]]})
    people = list_people(store, ListRequest(include_archived=False)).people
    assert {p.id for p in people if "alumni" in p.tags} == set(ids[:2])
    assert all(p.circle == "close" for p in people) and len(people) == 2
    none = web.post("/people/bulk", {"action": "tag", "value": "x"}, htmx=True)
    assert none.status_code == 400 and "tick at least one person" in none.text
    bad = web.post("/people/bulk", {"action": "circle", "value": "cosmic", "ids": ids}, htmx=True)
    assert bad.status_code == 400 and "unknown circle" in bad.text


def test_log_interaction_promise_and_gift_from_the_person_page(web: Web) -> None:
    pid = _person_id(web.post("/people/new", {"name": "Barbara Liskov"}).text)
    call = web.post(f"/people/{pid}/log", {"what": "call", "note": "talked about CLU"}, htmx=True)
    assert (
        call.status_code == 200 and "Logged a call" in call.text and "talked about CLU" in call.text
    )
    promise = web.post(
        f"/people/{pid}/log", {"what": "promise", "note": "send the paper"}, htmx=True
    )
    assert "Promise kept on your agenda" in promise.text
    gave = web.post(
        f"/people/{pid}/log",
        {"what": "gave", "note": "intro to Ada", "kind": "introduction"},
        htmx=True,
    )
    assert "you gave" in gave.text and "intro to Ada" in gave.text
    assert "“intro to Ada”. Give and take is even." in gave.text  # a sentence, capitalised
    empty = web.post(f"/people/{pid}/log", {"what": "promise", "note": ""}, htmx=True)
    assert empty.status_code == 400 and "write what you promised" in empty.text
    future = web.post(
        f"/people/{pid}/log", {"what": "call", "note": "kept", "on": "2030-01-01"}, htmx=True
    )
    assert future.status_code == 400 and "in the future" in future.text and "kept" in future.text
    assert "send the paper" in web.get("/").text


def test_edit_inline(web: Web) -> None:
    pid = _person_id(web.post("/people/new", {"name": "Ken Thompson", "company": "Bell Labs"}).text)
    form = web.get(f"/people/{pid}/edit", headers={"HX-Request": "true"})
    assert (
        form.text.lstrip().startswith('<section id="profile"') and 'value="Bell Labs"' in form.text
    )
    fields = {
        "name": "Ken Thompson",
        "company": "Google",
        "title": "Distinguished Engineer",
        "circle": "close",
        "tags": "unix, go",
        "about": "wrote Unix",
    }
    saved = web.post(f"/people/{pid}/edit", fields, htmx=True)
    assert saved.status_code == 200 and "Saved." in saved.text
    assert "Google" in saved.text and "unix" in saved.text and "close" in saved.text
    bad = web.post(f"/people/{pid}/edit", {**fields, "birthday": "31st of never"}, htmx=True)
    assert bad.status_code == 400 and 'value="31st of never"' in bad.text
    assert "wrote Unix" in bad.text


def test_import_a_vcard_dry_run_then_confirm(web: Web) -> None:
    web.get("/import")
    data = (FIXTURES / "two-people-one-nameless.vcf").read_bytes()
    dry = web.client.post(
        "/import",
        data={"csrf_token": web.token, "source": "auto"},
        files={"file": ("phone.vcf", data, "text/vcard")},
    )
    assert dry.status_code == 200, dry.text
    assert "What this import would do" in dry.text and "Skipped rows" in dry.text
    assert "Linus Webcard" not in web.get("/people").text  # nothing saved yet
    token = re.search(r'name="token" value="([0-9a-f]{32})"', dry.text)
    assert token
    done = web.post("/import/confirm", {"token": token.group(1), "source": "vcard", "merge": "1"})
    assert done.status_code == 200 and "Imported" in done.text
    assert not any((web.home / "uploads").iterdir())
    people = web.get("/people").text
    assert "Linus Webcard" in people and "Margaret Vcard" in people
    again = web.post("/import/confirm", {"token": token.group(1), "source": "vcard"})
    assert again.status_code == 400 and "expired" in again.text


def test_an_unreadable_upload_says_why(web: Web) -> None:
    web.get("/import")
    response = web.client.post(
        "/import",
        data={"csrf_token": web.token, "source": "auto"},
        files={"file": ("notes.txt", b"hello", "text/plain")},
    )
    assert response.status_code == 400 and "cannot tell what kind of file" in response.text
    empty = web.client.post(
        "/import",
        data={"csrf_token": web.token, "source": "vcard"},
        files={"file": ("", b"", "application/octet-stream")},
    )
    assert empty.status_code == 400 and "choose a file" in empty.text


def test_merge_a_duplicate_and_undo(web: Web) -> None:
    a = _person_id(
        web.post("/people/new", {"name": "Katherine Johnson", "email": "kj@nasa.gov"}).text
    )
    b = _person_id(
        web.post("/people/new", {"name": "Katherine G. Johnson", "email": "kj@nasa.gov"}).text
    )
    page = web.get("/duplicates")
    assert "Katherine G. Johnson" in page.text and "alike" in page.text
    merged = web.post("/duplicates/merge", {"keep": a, "gone": b}, htmx=True)
    assert "Merged Katherine G. Johnson into Katherine Johnson" in merged.text
    assert web.get(f"/people/{b}").status_code == 404
    undone = web.post("/undo", htmx=True)
    assert "Undone" in undone.text
    assert web.get(f"/people/{b}").status_code == 200
    nothing = web.post("/undo", htmx=True)
    assert nothing.status_code == 400


def test_settings_save_keep_fields_on_error_and_export(web: Web) -> None:
    form = {
        "daily_budget": "7",
        "weekly_goal": "4",
        "tone": "formal",
        "signature": "— Ada",
        "cadence_inner": "10",
        "cadence_close": "30",
        "cadence_active": "",
        "cadence_acquaintance": "",
        "cadence_dormant": "",
        "smtp_port": "587",
        "smtp_host": "smtp.example.org",
        "smtp_password": "s3cret",
    }
    saved = web.post("/settings", form)
    assert saved.status_code == 200 and "Saved." in saved.text
    assert 'value="7"' in saved.text and "s3cret" not in saved.text
    bad = web.post("/settings", {**form, "daily_budget": "lots"})
    assert bad.status_code == 400 and 'value="lots"' in bad.text
    assert "daily_budget (the daily budget) must be a whole number" in bad.text  # as the CLI
    web.post("/people/new", {"name": "Export Me"})
    backup = web.get("/settings/export/json")
    assert backup.headers["content-disposition"].startswith("attachment")
    assert "Export Me" in json.dumps(backup.json())
    assert "Export Me" in web.get("/settings/export/vcard").text
    assert web.get("/settings/export/xml").status_code == 422


def test_forget_moves_to_the_trash(web: Web) -> None:
    pid = _person_id(web.post("/people/new", {"name": "Temporary Person"}).text)
    gone = web.post(f"/people/{pid}/forget")
    assert gone.status_code == 200 and "Temporary Person" not in gone.text
