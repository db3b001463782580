"""The event ranking in a real headless Chromium on a 390 px phone: no sideways scroll,
the chart drawn, even with a very long event name. Skips without Chromium, except in CI
(the rules of tests/web/test_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.test_browser import PHONE, Server, _need_browser
from tests.web.test_browser import browser as browser  # the module's Chromium, reused

pytestmark = pytest.mark.browser

LONG = "The-International-Conference-On-Extremely-Long-Event-Names-Without-Spaces-2026"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _need_browser()
    running = Server(tmp_path_factory.mktemp("rank") / "home")
    running.amity("init")
    running.amity("demo")
    running.amity("edit", "1", "--how-met", f"met at {LONG}")
    running.start()
    yield running
    running.stop()


def test_the_ranking_fits_a_phone(browser: Any, demo: Server) -> None:
    context = browser.new_context(viewport=PHONE, base_url=demo.url, device_scale_factor=1)
    tab = context.new_page()
    tab.set_default_timeout(10000)
    tab.goto("/events/rank")
    tab.get_by_role("heading", name="Which events were worth it").wait_for()
    assert tab.locator("#event-rank svg").count() == 1
    width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width}"
    context.close()
