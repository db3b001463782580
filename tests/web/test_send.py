"""One tap from a draft to the message, and avatars: the links are exact and encoded
whatever a name or a draft holds, a channel without an address is not offered, the one
last used comes first, and a photo is served from the home with the right headers."""

from __future__ import annotations

import base64
import html
import io
import re
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from PIL import Image

from amity.model import ContactKind, InteractionKind
from amity.service.interactions import Happening, met
from amity.service.photos import keep_photo
from amity.service.sending import (
    Channel,
    Reach,
    mailto_href,
    send_links,
    sms_href,
    subject_for,
)
from amity.store import Store
from amity.store import people as people_store
from tests.conftest import TODAY
from tests.web.conftest import Web

HOSTILE = 'Zoë "Z" O\'Brien & Sons #1 ?x=1'


def test_mailto_and_sms_hrefs_are_exact() -> None:
    assert mailto_href("a+b@x.example", "Hi & bye", "Zoë #1?\nOK") == (
        "mailto:a%2Bb@x.example?subject=Hi%20%26%20bye&body=Zo%C3%AB%20%231%3F%0D%0AOK"
    )
    assert sms_href("+447946095800", "50% off?\n&more") == (
        "sms:+447946095800?body=50%25%20off%3F%0A%26more"
    )


def test_channels_without_an_address_are_hidden_and_the_last_used_comes_first() -> None:
    everything = Reach(1, "a@x.example", "+14155550101", "https://www.linkedin.com/in/ana")
    assert everything.channels == (Channel.MAIL, Channel.TEXT, Channel.LINKEDIN)
    texted = Reach(1, "a@x.example", "+14155550101", "", last=Channel.TEXT)
    assert texted.channels == (Channel.TEXT, Channel.MAIL)
    only_linkedin = Reach(1, linkedin="https://www.linkedin.com/in/ana", last=Channel.MAIL)
    links = send_links(only_linkedin, "Catching up", "Hi")
    assert [(link.channel, link.copies) for link in links] == [("linkedin", True)]
    assert send_links(Reach(1), "Catching up", "Hi") == ()


def test_a_subject_says_what_the_message_is_for_never_draft() -> None:
    kinds = ["follow_up", "check_in", "going_cold", "birthday", "new_job", "anniversary"]
    kinds += ["promise", "reminder", "reconnect", "intro:4", "checkin", "followup", "thanks"]
    subjects = {kind: subject_for(kind) for kind in kinds}
    assert subjects["birthday"] == "Happy birthday!" and subjects["promise"] == "As promised"
    assert subjects["new_job"] == "Congratulations on the new role"
    assert subjects["intro:4"] == "An introduction"
    assert all(s and "draft" not in s.lower() for s in subjects.values())


def _zoe(store: Store) -> int:
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    what = Happening(InteractionKind.MET, yesterday, note="talked about Rust & Go #2, 100% fun?")
    person = met(store, HOSTILE, what, TODAY).person_id
    with store.db.transaction():  # committed, so the web app's own connection sees them
        people_store.add_contact_point(store, person, ContactKind.EMAIL, "zoe+tag@x.example", "")
        people_store.add_contact_point(
            store, person, ContactKind.PHONE, "+44 20 7946 0958", "mobile"
        )
        people_store.add_contact_point(
            store, person, ContactKind.SOCIAL, "https://www.linkedin.com/in/zo%C3%AB-obrien/", ""
        )
    return person


def _links(page: str) -> dict[str, str]:
    return {
        via: html.unescape(href)
        for href, via in re.findall(
            r'<a class="button send-link[^"]*" href="([^"]*)" data-via="(\w+)"', page
        )
    }


def test_today_s_send_links_carry_the_draft_exactly(web: Web, store: Store) -> None:
    _zoe(store)
    page = web.get("/").text
    found = re.search(r'<textarea id="draft-1"[^>]*>(.*?)</textarea>', page, re.S)
    assert found is not None
    draft = html.unescape(found.group(1))
    assert "Zoë" in draft
    links = _links(page)
    assert list(links) == ["mail", "text", "linkedin"]  # nothing written yet: mail first
    mail = urlsplit(links["mail"])
    assert (mail.scheme, unquote(mail.path)) == ("mailto", "zoe+tag@x.example")
    assert mail.path == "zoe%2Btag@x.example"
    query = parse_qs(mail.query, strict_parsing=True)
    assert query == {"subject": ["Following up"], "body": [draft.replace("\n", "\r\n")]}
    assert links["mail"] == mailto_href("zoe+tag@x.example", "Following up", draft)
    for raw in (links["mail"], links["text"]):
        assert not re.search(r"[\s#\"'<>]", raw) and raw.count("?") == 1
    assert links["mail"].count("&") == 1  # the one between subject and body
    assert links["text"] == sms_href("+442079460958", draft)
    assert parse_qs(urlsplit(links["text"]).query) == {"body": [draft]}
    assert links["linkedin"].startswith("https://www.linkedin.com/in/")
    assert 'data-copy-first target="_blank" rel="noopener noreferrer"' in page
    assert "Sent? Mark done" in page and 'name="via" value="mail"' in page
    assert re.search(r'<form class="send-done"[^>]*hidden>', page)  # shown once a link is used


def test_done_after_a_text_logs_it_and_puts_text_first(web: Web, store: Store) -> None:
    person = _zoe(store)
    page = web.get("/").text
    found = re.search(r'id="item-1" data-key="([^"]+)"', page)
    assert found is not None
    key = html.unescape(found.group(1))
    done = web.post("/agenda/done", {"key": key, "via": "text"}, htmx=True)
    assert done.status_code == 200 and f"Done: {HOSTILE}" in html.unescape(done.text)
    person_page = web.get(f"/people/{person}").text
    assert "followed up by text" in html.unescape(person_page)
    assert list(_links(person_page)) == ["text", "mail", "linkedin"]
    assert "Sent? Log it" in person_page
    bad = web.post("/agenda/done", {"key": key, "via": "pigeon"}, htmx=True)
    assert bad.status_code in (400, 422)


def test_the_person_page_logs_a_sent_message(web: Web, store: Store) -> None:
    person = _zoe(store)
    web.get(f"/people/{person}")
    web.post(f"/people/{person}/log", {"what": "message", "note": "sent on LinkedIn"})
    page = web.get(f"/people/{person}").text
    assert next(iter(_links(page))) == "linkedin"
    for subject in ("Catching up", "Following up", "Thank you"):
        assert f"subject={subject.replace(' ', '%20')}&amp;body=" in page


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 120, 60)).save(out, "JPEG")
    return out.getvalue()


def test_a_photo_is_served_with_its_type_and_cache_headers(web: Web, store: Store) -> None:
    person = _zoe(store)
    bo = met(store, "Bo Chen", Happening(InteractionKind.MET, None), TODAY).person_id
    with store.db.transaction():
        keep_photo(store, person, _jpeg(), "vcard")
    today = web.get("/").text
    version = re.search(rf'src="/people/{person}/photo\?v=(\w+)"', today).group(1)
    people = web.get("/people").text
    assert f'src="/people/{person}/photo?v={version}"' in people
    assert re.search(r'<span class="avatar avatar-initials" aria-hidden="true">BC</span>', people)
    assert f"/people/{person}/photo?v={version}" in web.get(f"/people/{person}").text
    served = web.get(f"/people/{person}/photo?v={version}")
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    assert served.headers["cache-control"] == "private, max-age=31536000, immutable"
    with Image.open(io.BytesIO(served.content)) as image:
        assert image.size == (128, 128)
    etag = served.headers["etag"]
    again = web.get(f"/people/{person}/photo", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.headers["cache-control"] == "private, no-cache"
    assert web.get(f"/people/{bo}/photo").status_code == 404
    assert web.get("/people/999999/photo").status_code == 404


@pytest.mark.parametrize("name", ["李 小龍", "Ünal", "  x  ", "O'Neil-Smith"])
def test_initials_for_any_name(web: Web, store: Store, name: str) -> None:
    met(store, name, Happening(InteractionKind.MET, None), TODAY)
    page = web.get("/people").text
    assert re.search(r'avatar-initials" aria-hidden="true">\S{1,2}</span>', page)


def test_the_import_page_says_who_came_without_a_photo_and_counts_the_kept(web: Web) -> None:
    web.get("/import")
    photo = base64.b64encode(_jpeg()).decode()
    data = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nPHOTO;VALUE=uri:https://example.com/a.jpg"
        f"\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Chen\r\nPHOTO;ENCODING=b;"
        f"TYPE=JPEG:{photo}\r\nEND:VCARD\r\n"
    ).encode()
    dry = web.client.post(
        "/import",
        data={"csrf_token": web.token, "source": "auto"},
        files={"file": ("phone.vcf", data, "text/vcard")},
    )
    text = html.unescape(dry.text)
    assert dry.status_code == 200 and "Imported without a photo" in text
    assert "Ana Lima: its photo is a web link, which Amity never fetches: no photo kept" in text
    assert "<dt>Photos</dt><dd>1</dd>" in text
