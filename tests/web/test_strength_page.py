"""The person page shows the strength, its tier and the reasons a person would give."""

from __future__ import annotations

import re

from tests.web.conftest import Web


def _person_id(html: str) -> int:
    found = re.search(r'id="person-name"', html) and re.search(r"/people/(\d+)/log", html)
    assert found, html[:400]
    return int(found.group(1))


def test_the_person_page_explains_the_strength(web: Web) -> None:
    pid = _person_id(web.post("/people/new", {"name": "Grace Hopper"}).text)
    web.post(f"/people/{pid}/log", {"what": "coffee"}, htmx=True)
    page = web.get(f"/people/{pid}").text
    strength = page[page.index('id="strength-title"') :]
    strength = strength[: strength.index("</section>")]
    assert '<span class="badge tier-new">new</span>' in strength  # met today: new, not core
    reasons = re.findall(r"<li>([^<]+)</li>", strength)
    assert reasons == [
        "first contact today",
        "1 interaction, today",
        "both ways",
        "mostly in person",
    ]
