"""The Network page in a real headless Chromium against a real `amity serve` on the demo
network: search, the chains (across on a desktop, down on a phone), copying the ask, the
introductions; nothing wider than a 390 px phone and every touch target at least 44 px.
Skips without Chromium, except in CI (the rules of tests/web/test_browser.py). Saves
docs/screenshots/network.png (desktop) and network-phone.png."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.test_browser import DESKTOP, PHONE, SCREENSHOTS, Server, _need_browser
from tests.web.test_browser import browser as browser  # the module's Chromium, reused

pytestmark = pytest.mark.browser

TOUCH = 44  # px: the smallest target a thumb hits reliably


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _need_browser()
    running = Server(tmp_path_factory.mktemp("network") / "home")
    running.amity("init")
    running.amity("demo")
    running.amity("intro", "Ada Berg", "Mary Hopper", "--reason", "both build payment systems")
    running.amity("intro", "Shafi Iyer", "Guido Silva", "--reason", "Shafi is hiring a designer")
    running.amity("intro", "asked", "2")
    running.start()
    yield running
    running.stop()


def _tab(browser: Any, demo: Server, size: dict[str, int]) -> Any:
    context = browser.new_context(viewport=size, base_url=demo.url, device_scale_factor=1)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo.url)
    tab = context.new_page()
    tab.set_default_timeout(10000)
    return tab


def _search(tab: Any, kind: str, text: str) -> None:
    tab.goto("/network")
    tab.get_by_label(kind).check()
    tab.get_by_label("Company, role or person").fill(text)
    tab.evaluate("window.__stayed = true")  # survives the htmx swap, not a page load
    tab.get_by_role("button", name="Find paths").click()
    tab.locator("#paths .path").first.wait_for()
    assert tab.evaluate("window.__stayed") is True
    assert "q=" in tab.url  # the address is the search's: it can be shared or reloaded


def _too_small(tab: Any) -> list[str]:
    """Visible buttons, fields, links and disclosures in the page that are under 44 px high."""
    return list(
        tab.evaluate(
            """(least) => Array.from(document.querySelectorAll('main a, main button, '
                 + 'main input:not([type=radio]), main select, main textarea, main summary, '
                 + 'main label.choice'))
               .filter((el) => el.offsetParent !== null)
               .filter((el) => el.getBoundingClientRect().height < least)
               .map((el) => el.tagName + ' ' + (el.name || el.textContent.trim().slice(0, 40)))""",
            TOUCH,
        )
    )


def _rows(tab: Any, card: Any) -> list[float]:
    """The top of each person on a drawn chain (You first)."""
    return [box["y"] for box in (n.bounding_box() for n in card.locator(".chain-node").all())]


def test_paths_on_a_phone_wrap_down_and_fit(browser: Any, demo: Server) -> None:
    tab = _tab(browser, demo, PHONE)
    _search(tab, "a company", "Stripe")
    width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width}"
    assert _too_small(tab) == []
    intro = tab.locator("#paths .path", has=tab.locator(".chain-hop:nth-of-type(3)")).first
    tops = _rows(tab, intro)
    assert len(tops) == 3 and tops[0] < tops[1] < tops[2]  # You, then down the chain
    tab.screenshot(path=str(SCREENSHOTS / "network-phone.png"), full_page=False)
    tab.context.close()


def test_paths_on_a_desktop_run_across_and_the_ask_copies(browser: Any, demo: Server) -> None:
    tab = _tab(browser, demo, DESKTOP)
    _search(tab, "a company", "Stripe")
    assert tab.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
    assert _too_small(tab) == []
    intro = tab.locator("#paths .path", has=tab.locator(".chain-hop:nth-of-type(3)")).first
    tops = _rows(tab, intro)
    assert len(tops) == 3 and max(tops) - min(tops) < 10  # one line: You → Ada → Mary
    tab.locator("#suggestions .suggestion").first.wait_for()  # loaded after the page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "network.png"), full_page=True)
    first = tab.locator("#paths .path").first
    draft = first.locator("textarea").input_value()
    assert draft.startswith("Hi ") and "Stripe" in draft
    first.get_by_role("button", name="Copy draft").click()
    first.get_by_role("button", name="Copied").wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == draft
    tab.context.close()


def test_the_board_and_the_suggestions_on_a_phone(browser: Any, demo: Server) -> None:
    tab = _tab(browser, demo, PHONE)
    tab.goto("/network")
    first = tab.locator("#suggestions .suggestion").first
    first.wait_for()  # loaded after the page is shown
    width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways: {width}"
    assert _too_small(tab) == []
    yours = tab.get_by_role("region", name="Waiting on you")
    yours.locator("summary", has_text="Draft to Ada Berg").click()
    assert yours.locator("textarea").input_value().startswith("Hi Ada")
    yours.get_by_role("button", name="I asked Ada Berg").click()
    tab.get_by_text("Ada Berg → Mary Hopper: asked Ada Berg.").wait_for()
    theirs = tab.get_by_role("region", name="Waiting on them")
    theirs.get_by_role("button", name="Ada Berg said yes").wait_for()
    first.wait_for()  # the block came again: the suggestions load anew
    pair = first.locator(".intro-names a").all_inner_texts()
    first.get_by_role("button", name="Propose intro").click()
    tab.get_by_text(f"Proposed: introduce {pair[0]} to {pair[1]}.").wait_for()
    tab.locator("#suggestions .suggestion").first.wait_for()  # and they come again
    assert tab.get_by_role("region", name="Waiting on you").get_by_text(pair[1]).count() >= 1
    tab.context.close()


def test_an_unknown_company_offers_the_close_one(browser: Any, demo: Server) -> None:
    tab = _tab(browser, demo, PHONE)
    tab.goto("/network?company=Strpe")
    tab.get_by_text("Nobody at Strpe is in your network.").wait_for()
    tab.get_by_role("link", name="Stripe").click()
    tab.locator("#paths .path").first.wait_for()
    tab.context.close()
