"""The Network page's search: warm paths to a company, a role or a person drawn as chains,
each link with its reason, the first person to ask and the draft; the honest answers when
there is nobody; hostile names stay text. Both engines.

The home is built as in tests/test_paths.py (hand-checked strengths: Ana 0.65 direct, Ben
0.88 then his tie to Cara 0.60)."""

from __future__ import annotations

import html
import re
from datetime import date

from amity.model.people import Position
from amity.store import Store
from amity.store.people import add_position
from tests.test_paths import CLOSE, ENGAGED, WARM, _person, _tie
from tests.web.conftest import XSS_NAME, Web


def _stripe(store: Store) -> dict[str, int]:
    with store.db.transaction():  # committed, for the app's own connection (PostgreSQL)
        ana = _person(store, "Ana Reyes", ENGAGED, company="Stripe")
        ben = _person(store, "Ben Ode", CLOSE)
        cara = _person(store, "Cara Lin", company="Stripe, Inc.", title="Engineer")
        gus = _person(store, "Gus Former", WARM)
        job = Position("Stripe, Inc.", "PM", date(2019, 1, 1), date(2022, 6, 1))
        add_position(store, gus, job)
        _tie(store, ben, cara, 60, kind="colleague", source="linkedin", since=date(2019, 3, 1))
    return {"ana": ana, "ben": ben, "cara": cara, "gus": gus}


def _cards(text: str) -> list[str]:
    """Each path's card, as HTML."""
    answer = text.split('<section id="paths"', 1)[1].split("</section>", 1)[0]
    return answer.split('<li class="card path">')[1:]


def _chain(card: str) -> list[str]:
    """The names along a drawn chain, after You."""
    chain = card.split('<ol class="chain"', 1)[1].split("</ol>", 1)[0]
    return [html.unescape(n) for n in re.findall(r'class="chain-node"[^>]*>([^<]*)<', chain)]


def test_paths_to_a_company_are_chains_with_reasons_and_the_draft(web: Web, store: Store) -> None:
    who = _stripe(store)
    page = web.get("/network?kind=company&q=stripe")
    assert page.status_code == 200
    text = page.text
    assert "4 paths to <strong>Stripe</strong> (3 people in your network)" in text
    cards = _cards(text)
    assert [_chain(card) for card in cards] == [
        ["Gus Former"], ["Ana Reyes"], ["Ben Ode", "Cara Lin"], ["Cara Lin"]
    ]  # fmt: skip
    gus, ana, intro, faint = cards
    assert 'badge former">former</span>' in gus and "at Stripe, Inc. 2019\u20132022" in gus
    assert "former" not in ana
    assert "14 interactions, last 3 weeks ago" in ana and "strength 0.65 · direct" in ana
    # Two links: each with its strength and reason; Ben is the one to ask, and the draft says so.
    assert "strength 0.53 · 2 links" in intro
    assert "0.88" in intro and "60 interactions, last 5 days ago" in intro
    assert "0.60" in intro and "colleagues since 2019 (from linkedin)" in intro
    assert "Ask Ben Ode first" in intro and "Engineer at Stripe, Inc." in intro
    draft = html.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", intro, re.S)[1])
    assert "I saw you know Cara Lin: would you be open to introducing us?" in draft
    assert "someone at Stripe" in draft and draft.startswith("Hi Ben,")
    assert 'data-copy="ask-3"' in intro and 'id="ask-3"' in intro
    assert "in your contacts, never in touch" in faint
    assert f'href="/people/{who["cara"]}"' in faint
    # the short form for links, and the htmx search swaps only the answer
    assert _cards(web.get("/network?company=Stripe").text) == cards
    partial = web.get("/network?kind=company&q=Stripe", headers={"HX-Request": "true"})
    assert '<section id="paths"' in partial.text and "<nav" not in partial.text
    assert _cards(partial.text) == cards


def test_a_role_and_a_person(web: Web, store: Store) -> None:
    _stripe(store)
    role = web.get("/network?kind=role&q=engineer").text
    assert "2 paths to <strong>engineer</strong> (1 person in your network)" in role
    assert [_chain(card) for card in _cards(role)] == [["Ben Ode", "Cara Lin"], ["Cara Lin"]]
    person = web.get("/network?kind=person&q=cara lin").text
    assert "2 paths to <strong>Cara Lin</strong>, the strongest first." in person
    assert "(1 person" not in person  # no head count for one person
    assert _chain(_cards(person)[0]) == ["Ben Ode", "Cara Lin"]


def test_an_unknown_company_suggests_close_names_and_says_what_to_do(
    web: Web, store: Store
) -> None:
    _stripe(store)
    typo = web.get("/network?kind=company&q=Strpe")
    assert typo.status_code == 200
    assert "Nobody at Strpe is in your network." in typo.text
    assert "Did you mean" in typo.text and 'href="/network?kind=company&amp;q=Stripe' in typo.text
    assert "amity knows Ana Ben" in typo.text  # what to do about it
    assert _cards(typo.text) == []
    # a company that is someone's name offers that person's paths instead of guessing
    named = web.get("/network?kind=company&q=Ben Ode").text
    assert "Nobody at Ben Ode is in your network." in named
    assert 'href="/network?kind=person&amp;q=Ben+Ode"' in named
    nobody = web.get("/network?kind=role&q=astronaut").text
    assert "Nobody with the title astronaut is in your network." in nobody


def test_an_unknown_or_ambiguous_person_says_so_with_the_close_ones(web: Web, store: Store) -> None:
    _stripe(store)
    with store.db.transaction():
        _person(store, "Ana Reyes")  # a second one
    unknown = web.get("/network?kind=person&q=Cara Lim")
    assert unknown.status_code == 404
    assert "Did you mean" in unknown.text and "kind=person&amp;q=Cara+Lin" in unknown.text
    two = web.get("/network?kind=person&q=Ana Reyes")
    assert two.status_code == 409 and "Which one?" in two.text
    assert two.text.count("kind=person&amp;q=%23") == 2  # by id
    assert _cards(two.text) == []


def test_an_empty_home_and_an_empty_search(web: Web) -> None:
    page = web.get("/network")
    assert page.status_code == 200
    assert "Type a company, a role or a person" in page.text
    assert 'aria-current="page">Network' in page.text and "Coming soon" not in page.text
    asked = web.get("/network?kind=company&q=Stripe").text
    assert "Nobody at Stripe is in your network." in asked and "Did you mean" not in asked
    too_long = web.get("/network?q=" + "x" * 201)
    assert too_long.status_code == 422


def test_paths_only_through_strangers_are_called_faint(web: Web, store: Store) -> None:
    with store.db.transaction():
        _person(store, "Cara Lin", company="Plaid")  # imported, never in touch
    text = web.get("/network?company=Plaid").text
    assert _chain(_cards(text)[0]) == ["Cara Lin"]
    assert "These are faint" in text and "in your contacts, never in touch" in text
    _stripe(store)
    warm = web.get("/network?company=Stripe").text
    assert "These are faint" not in warm


def test_hostile_names_are_text(web: Web, store: Store) -> None:
    with store.db.transaction():
        ben = _person(store, XSS_NAME, CLOSE)
        cara = _person(store, "Cara Lin", company=XSS_NAME)
        _tie(store, ben, cara, 60)
    text = web.get("/network", params={"kind": "company", "q": XSS_NAME}).text
    assert "<script>alert(1)</script>" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert _chain(_cards(text)[0]) == [XSS_NAME, "Cara Lin"]
