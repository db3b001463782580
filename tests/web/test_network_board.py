"""The Network page's introductions board and suggestions: each card in the group of whom
it waits on, its buttons taking the double opt-in one step at a time (htmx and plain
forms), "Propose intro" from a suggestion, errors in words, CSRF on every POST. Both
engines."""

from __future__ import annotations

import re
from typing import Any

from amity.service import introductions as intros
from amity.service.intro_suggestions import suggest_introductions
from amity.store import Store
from tests.conftest import TODAY
from tests.test_paths import CLOSE, WARM, _person
from tests.web.conftest import XSS_NAME, Web


def _pair(store: Store, a: str = "Ana Reyes", b: str = "Ben Ode") -> int:
    with store.db.transaction():
        ana, ben = _person(store, a, CLOSE), _person(store, b, WARM)
    return intros.propose(store, ana, ben, "both build payment systems", TODAY).id


def _group(text: str, title: str) -> str:
    """The HTML of one group of the board ("Waiting on you", ...)."""
    found = re.search(rf'<section class="board-column" aria-label="{title}">(.*?)</section>',
                      text, re.S)  # fmt: skip
    assert found, title
    return found[1]


def _press(web: Web, intro_id: int, step: str, **extra: str) -> Any:
    url = f"/network/introductions/{intro_id}/step"
    return web.post(url, {"step": step, **extra}, htmx=True)


def test_the_board_takes_an_introduction_through_every_step(web: Web, store: Store) -> None:
    n = _pair(store)
    page = web.get("/network").text
    yours = _group(page, "Waiting on you")
    assert "Ana Reyes" in yours and "Ben Ode" in yours and ">proposed<" in yours
    assert "both build payment systems" in yours and f"since {TODAY.isoformat()}" in yours
    assert "Ask Ana Reyes whether an introduction to Ben Ode is welcome" in yours
    assert "I asked Ana Reyes" in yours and "Drop it" in yours
    assert "Draft to Ana Reyes" in yours  # the ask to A, ready to copy
    assert "No answer is out." in _group(page, "Waiting on them")

    asked = _press(web, n, "asked")
    assert asked.status_code == 200 and "<nav" not in asked.text  # only the block
    assert "Ana Reyes → Ben Ode: asked Ana Reyes." in asked.text
    theirs = _group(asked.text, "Waiting on them")
    assert "Wait for Ana&#39;s answer" in theirs and "Ana Reyes said yes" in theirs
    assert "Ana Reyes said no" in theirs and "Draft to" not in theirs
    for step, now in (
        ("agreed", "Ana Reyes agreed"),
        ("asked", "asked Ben Ode"),
        ("agreed", "both agreed"),
    ):
        done = _press(web, n, step)
        assert done.status_code == 200 and f": {now}." in done.text, step
    made = _press(web, n, "introduced")
    closed = _group(made.text, "Made or closed")
    assert ">introduced<" in closed and "How it went" in closed
    assert "Give Ana and Ben time to talk" in closed
    empty = _press(web, n, "done", outcome="  ")
    assert empty.status_code == 400 and "say how it went" in empty.text
    finished = _press(web, n, "done", outcome="they are working together")
    assert finished.status_code == 200
    assert "Done: they are working together" in _group(finished.text, "Made or closed")
    view = intros.get(store, n, today=TODAY)
    assert view.state == "done" and view.outcome == "they are working together"
    assert [state.value for state, _ in view.steps] == [
        "proposed", "asked_a", "a_agreed", "asked_b", "b_agreed", "introduced", "done"
    ]  # fmt: skip


def test_a_no_a_wrong_step_and_a_plain_form(web: Web, store: Store) -> None:
    n = _pair(store)
    early = _press(web, n, "agreed")
    assert early.status_code == 400 and "Ana Reyes has not been asked yet" in early.text
    wrong = web.post(f"/network/introductions/{n}/step", {"step": "introduced"})  # no htmx
    assert wrong.status_code == 400 and "<nav" in wrong.text  # the page, with the sentence
    assert "Ana Reyes has not been asked yet: ask Ana first" in wrong.text
    plain = web.post(f"/network/introductions/{n}/step", {"step": "asked"})
    assert plain.status_code == 200 and plain.url.path == "/network"  # back on the page
    web.clock.advance(8)  # a week without an answer: a nudge, with its draft
    theirs = _group(web.get("/network").text, "Waiting on them")
    assert "Nudge Ana Reyes gently: no answer for 8 days" in theirs
    assert "(8 days)" in theirs and "Draft to Ana Reyes" in theirs
    no = _press(web, n, "declined", by="a")
    assert no.status_code == 200 and "Ana Reyes → Ben Ode: declined." in no.text
    assert intros.get(store, n, today=TODAY).declined_by == "a"
    assert "Declined: nothing more to do" in _group(no.text, "Made or closed")
    missing = _press(web, 999, "asked")
    assert missing.status_code == 404 and "no introduction #999" in missing.text
    bad = _press(web, n, "launch")
    assert bad.status_code == 422


def test_a_suggestion_becomes_a_proposal(demo_web: Web, store: Store) -> None:
    best = suggest_introductions(store, today=TODAY, limit=5)[0]
    page = demo_web.get("/network").text  # the page asks for them once shown
    assert 'hx-get="/network/suggestions" hx-trigger="load"' in page
    assert 'href="/network/suggestions">Show them' in page  # without JavaScript
    suggested = _suggestions(demo_web)
    assert best.a.name in suggested and best.b.name in suggested
    assert f"score {best.score}" in suggested and "Propose intro" in suggested
    offered = rf'name="a" value="{best.a.id}">\s*<input type="hidden" name="b" value="{best.b.id}"'
    assert re.search(offered, suggested)
    form = {"a": best.a.id, "b": best.b.id, "reason": best.reason}
    made = demo_web.post("/network/introductions", form, htmx=True)
    assert made.status_code == 200
    assert f"Proposed: introduce {best.a.name} to {best.b.name}." in made.text
    yours = _group(made.text, "Waiting on you")
    assert best.a.name in yours and best.reason.split(".")[0] in yours
    assert 'hx-get="/network/suggestions"' in made.text  # they come again, without this pair
    assert not re.search(offered, _suggestions(demo_web))
    again = demo_web.post("/network/introductions", form, htmx=True)
    assert again.status_code == 400 and "already have an introduction under way" in again.text
    whole = demo_web.get("/network/suggestions")  # the plain link: the page, with them
    assert "<nav" in whole.text and "Propose intro" in whole.text


def _suggestions(web: Web) -> str:
    partial = web.get("/network/suggestions", headers={"HX-Request": "true"})
    assert partial.status_code == 200 and "<nav" not in partial.text
    assert 'hx-trigger="load"' not in partial.text
    return str(partial.text)


def test_the_empty_board_and_no_suggestions_say_what_to_do(web: Web) -> None:
    page = web.get("/network").text
    assert "No introductions yet." in page and "amity intro Ana Ben" in page
    assert "Nothing to suggest yet." in _suggestions(web)


def test_hostile_names_on_the_board_are_text(web: Web, store: Store) -> None:
    _pair(store, XSS_NAME, "Ben Ode")
    text = web.get("/network").text
    assert "<script>alert(1)</script>" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_the_buttons_need_the_csrf_token(web: Web, store: Store) -> None:
    n = _pair(store)
    web.get("/network")
    refused = web.client.post(f"/network/introductions/{n}/step", data={"step": "asked"})
    assert refused.status_code == 403
    refused = web.client.post(
        "/network/introductions",
        data={"a": 1, "b": 2, "reason": "x"},
        headers={"HX-Request": "true"},
    )
    assert refused.status_code == 403
    assert intros.get(store, n, today=TODAY).state == "proposed"
    assert len(intros.list_introductions(store, today=TODAY)) == 1
