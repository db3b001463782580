"""The Goals page in a real headless Chromium against a real `amity serve` on the demo
network: set a goal from the form, read its progress and next step, mark it done; nothing
wider than a 390 px phone and every touch target at least 44 px, at 390 and 1280 px.
Skips without Chromium, except in CI (the rules of tests/web/test_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.test_browser import DESKTOP, PHONE, Server, _need_browser
from tests.web.test_browser import browser as browser  # the module's Chromium, reused
from tests.web.test_network_browser import _too_small

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _need_browser()
    running = Server(tmp_path_factory.mktemp("goals") / "home")
    running.amity("init")
    running.amity("demo")
    running.start()
    yield running
    running.stop()


def _fits(tab: Any) -> None:
    width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{tab.url} scrolls sideways: {width}"
    assert _too_small(tab) == [], tab.url


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_set_a_goal_read_it_and_close_it(browser: Any, demo: Server, size: dict[str, int]) -> None:
    context = browser.new_context(viewport=size, base_url=demo.url, device_scale_factor=1)
    tab = context.new_page()
    tab.set_default_timeout(15000)
    try:
        tab.goto("/goals")
        assert "Backend role at a fintech" in tab.locator("main").inner_text()  # the demo's
        _fits(tab)
        title = f"Meet a design lead ({size['width']})"
        tab.get_by_label("Goal", exact=True).fill(title)
        tab.get_by_label("Companies (comma-separated)").fill("Stripe, Figma")
        tab.get_by_label("By").fill("2027-06-30")
        tab.get_by_role("button", name="Set goal").click()
        tab.wait_for_url("**/goals/*")
        main = tab.locator("main").inner_text()
        assert title in main and "Next step" in main and "Since 2026-" in main
        assert "Stripe" in main and "Figma" in main
        _fits(tab)
        tab.get_by_role("button", name="Mark done").click()
        tab.wait_for_url("**/goals")
        closed = tab.locator("section.goals-closed").inner_text()
        assert title in closed and "done" in closed
        _fits(tab)
    finally:
        context.close()
