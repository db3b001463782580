"""The Events pages in a real headless Chromium against `amity serve`, at a phone's 390 px
and a desktop's 1280 px: plan from the form, capture two people met, debrief; no page
scrolls sideways and every control is at least 44 px tall."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest

from tests.conftest import TODAY
from tests.web.test_browser import DESKTOP, PHONE, Server, browser

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the Chromium fixture, shared

CONTROLS = ", ".join(
    (
        ".events-page button",
        ".events-page .button",
        ".events-page input:not([type=hidden]):not([type=radio]):not([type=checkbox])",
        ".events-page select",
        ".events-page textarea",
        ".events-page .field.check",
        ".event-line a",
    )
)
SMALL_CONTROLS = (
    f"() => [...document.querySelectorAll('{CONTROLS}')]"
    ".filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)"
    ".map(e => e.outerHTML.slice(0, 80))"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(tmp_path_factory.mktemp("events") / "home")
    running.amity("init")
    running.amity("demo")
    running.start()
    yield running
    running.stop()


def _fits(tab: Any, size: dict[str, int], where: str) -> None:
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"] + 1, f"{where} scrolls sideways at {size['width']} px"
    assert tab.evaluate(SMALL_CONTROLS) == [], f"{where}: controls under 44 px"


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390", "1280"])
def test_plan_capture_and_debrief_on_a_phone_and_a_desktop(
    browser: Any, demo: Server, size: dict[str, int]
) -> None:
    context = browser.new_context(viewport=size, base_url=demo.url)
    tab = context.new_page()
    tab.set_default_timeout(8000)
    try:
        tab.goto("/events")
        _fits(tab, size, "/events")
        name = f"Payments Meetup {size['width']}"
        tab.get_by_label("Name", exact=True).fill(name)
        tab.get_by_label("Day", exact=True).fill(TODAY.isoformat())
        tab.get_by_label("Starts at", exact=True).fill("18:30")
        tab.get_by_label("Why you are going").fill("meet engineers who build payment rails")
        tab.get_by_label("Companies to meet").fill("Plaid, Stripe")
        tab.get_by_role("button", name="Plan it").click()
        tab.get_by_role("heading", name=f"Brief: {name}").wait_for()
        _fits(tab, size, "the event page")
        tab.locator("#m-name0").fill("Lena Browser")
        tab.locator("#m-note0").fill("builds ledgers in Go")
        tab.locator("#m-name1").fill("Omar Browser")
        tab.get_by_role("button", name="Save who I met").click()
        tab.get_by_text("each has a follow-up on your agenda tomorrow").wait_for()
        tab.get_by_role("button", name="Debrief").click()
        tab.get_by_text("Debriefed: attended, 2 met").wait_for()
        _fits(tab, size, "the debriefed event page")
        tab.goto("/capture")
        assert tab.get_by_label("At an event").count() == 1
    finally:
        context.close()


def test_the_printable_brief_fits_a_phone(browser: Any, demo: Server) -> None:
    context = browser.new_context(viewport=PHONE, base_url=demo.url)
    tab = context.new_page()
    try:
        tab.goto("/events")
        tab.get_by_role("link", name="Fintech Founders Night").click()
        tab.get_by_role("link", name="Printable brief").click()
        tab.get_by_role("heading", name="Brief: Fintech Founders Night").wait_for()
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"] + 1
        assert (TODAY + timedelta(days=12)).isoformat() in tab.content()
    finally:
        context.close()
