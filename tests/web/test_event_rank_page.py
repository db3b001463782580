"""GET /events/rank: the "worth it?" ranking as a page and as the partial the Events page
includes, on the demo network (PyCon 200 days ago, Web Summit 3 days ago)."""

from __future__ import annotations

from tests.web.conftest import Web


def test_the_ranking_page_judges_old_events_and_waits_on_new_ones(demo_web: Web) -> None:
    response = demo_web.get("/events/rank")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Events</h1>" in html and "Which events were worth it" in html
    pycon, summit = html.index("<strong>PyCon</strong>"), html.index("<strong>Web Summit</strong>")
    assert pycon < summit  # judged events first; too-early ones after
    assert "5 met" in html
    assert "<em>too early</em> to judge" in html[summit:]
    assert "<svg" in html and "Lasting ties, 90 days on" in html
    assert "the most lasting ties made there" in html


def test_the_partial_alone_for_htmx(demo_web: Web) -> None:
    response = demo_web.get("/events/rank", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section class="card event-rank"')
    assert "<html" not in response.text


def test_an_empty_home_says_how_the_ranking_fills(web: Web) -> None:
    response = web.get("/events/rank")
    assert response.status_code == 200
    assert "No past events yet" in response.text
