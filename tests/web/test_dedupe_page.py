"""The Duplicates page: "Not the same person" is remembered, and the page's undo takes it
back (the page's cached pairs notice both)."""

from __future__ import annotations

import re
from typing import Any

from tests.conftest import TODAY
from tests.web.conftest import Web


def _two_john_smiths(web: Web) -> tuple[str, str]:
    ids = []
    for _ in range(2):
        page = web.post("/people/new", {"name": "John Smith", "company": "Acme"}).text
        found = re.search(r"/people/(\d+)/log", page)
        assert found is not None
        ids.append(found.group(1))
    return ids[0], ids[1]


def test_not_the_same_person_is_remembered_and_undone(web: Web) -> None:
    a, b = _two_john_smiths(web)
    page = web.get("/duplicates")
    assert "Not the same person" in page.text and "1 likely pair" in page.text
    said = web.post("/duplicates/dismiss", {"a": a, "b": b}, htmx=True)
    assert said.status_code == 200
    assert "Noted: John Smith and John Smith are not the same person." in said.text
    assert "No likely duplicates." in said.text
    assert "No likely duplicates." in web.get("/duplicates").text
    undone = web.post("/undo", htmx=True)
    assert "Undone: marked John Smith" in undone.text
    assert "1 likely pair" in web.get("/duplicates").text


def test_dismiss_needs_the_page_token(web: Web) -> None:
    a, b = _two_john_smiths(web)
    refused = web.client.post("/duplicates/dismiss", data={"a": a, "b": b})
    assert refused.status_code in (400, 403)
    assert "1 likely pair" in web.get("/duplicates").text


def test_dismissing_someone_gone_says_so(web: Web) -> None:
    a, _ = _two_john_smiths(web)
    web.get("/duplicates")
    gone = web.post("/duplicates/dismiss", {"a": a, "b": "999"}, htmx=True)
    assert gone.status_code == 404 and "no person has id 999" in gone.text


def test_each_side_says_how_often_you_talked_in_words(web: Web, store: Any) -> None:
    from amity.model import InteractionKind
    from amity.service.interactions import Happening, log

    a, _ = _two_john_smiths(web)
    log(store, int(a), Happening(InteractionKind.CALL), TODAY)
    page = web.get("/duplicates").text
    assert f"once, last {TODAY.isoformat()}" in page and "<dd>never</dd>" in page
    assert "1 times" not in page
