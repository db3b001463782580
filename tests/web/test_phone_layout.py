"""Every page on a 390 x 844 phone, in a real headless Chromium against a real `amity serve`
on the demo network (and a duplicate pair): nothing wider than the screen, the five main
destinations in the bottom bar, the rest one tap away in "More" (with the keyboard too), and
every visible button, field, link and disclosure at least 44 px in both directions. A link
inside a sentence (a paragraph's "import your contacts") is the one exception: it is text, and
making it 44 px tall would break the line. A checkbox counts by its label, the thing a thumb
taps. At 1280 x 800 every destination stays in the top bar.

Skips without Chromium, except in CI (the rules of tests/web/test_browser.py). Saves the phone
screenshots to docs/screenshots/*-phone.png.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import FIXTURES
from tests.web.test_browser import (
    DESKTOP,
    PHONE,
    PHONES_DAY,
    SCREENSHOTS,
    Server,
    _need_browser,
)
from tests.web.test_browser import browser as browser  # the module's Chromium, reused

pytestmark = pytest.mark.browser

TOUCH = 44  # px: the smallest target a thumb hits reliably
MAIN = ("Today", "People", "Capture", "Network", "Events")
MORE = ("Import", "Duplicates", "Report", "Goals", "Settings", "Help")

# Every page, as a phone opens it. SHOTS are saved as docs/screenshots/NAME-phone.png (the
# Network page's picture, with its paths drawn, is test_network_browser.py's).
PAGES = {
    "today": "/",
    "people": "/people",
    "people-filtered": "/people?circle=inner&sort=strength",
    "people-search": "/people?q=berg",
    "person": "/people/1",
    "person-edit": "/people/1/edit",
    "person-new": "/people/new",
    "capture": "/capture",
    "import": "/import",
    "duplicates": "/duplicates",
    "report": "/report",
    "network": "/network?company=Stripe",
    "settings": "/settings",
    "help": "/help",
    "events": "/events",
    "goals": "/goals",
    "not-found": "/people/424242",
}
SHOTS = ("today", "people", "person", "capture", "import", "duplicates", "report", "settings")

TOO_SMALL = """(least) => {
  const found = [];
  const inSentence = (el) => getComputedStyle(el).display === 'inline'
      && el.parentElement.textContent.trim().length > el.textContent.trim().length;
  for (const el of document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary')) {
    let box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // not shown, or visually hidden
    if (box.right <= 0 || box.left >= innerWidth) continue;  // the skip link, until focused
    if (getComputedStyle(el).visibility === 'hidden') continue;
    if (el.tagName === 'A' && inSentence(el)) continue;
    if (el.type === 'checkbox' || el.type === 'radio') {
      const label = el.closest('label') || (el.labels && el.labels[0]);
      if (label) box = label.getBoundingClientRect();
    }
    if (box.width < least - 0.5 || box.height < least - 0.5) {
      const what = el.getAttribute('aria-label') || el.name || el.textContent.trim();
      found.push(`${el.tagName.toLowerCase()} "${what.slice(0, 40)}" `
        + `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return found;
}"""

# A destination is visible when it is inside the viewport and nothing covers its centre.
SHOWN = """(label) => {
  const links = Array.from(document.querySelectorAll('nav[aria-label=Main] a'))
    .filter((a) => a.textContent.trim() === label);
  return links.some((a) => {
    const r = a.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || r.left < 0 || r.top < 0
        || r.right > innerWidth || r.bottom > innerHeight) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === a || a.contains(hit);
  });
}"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _need_browser()
    running = Server(tmp_path_factory.mktemp("phone") / "home")
    running.amity("init")
    running.amity("demo")
    running.amity("add", "Sam Rivera", "--email", "sam.rivera@example.org", "--company", "Plaid")
    running.amity("add", "Samuel Rivera", "--email", "sam.rivera@example.org")
    running.start()
    yield running
    running.stop()


@pytest.fixture
def phone(browser: Any, demo: Server) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, base_url=demo.url, device_scale_factor=1)
    context.clock.set_fixed_time(PHONES_DAY)
    tab = context.new_page()
    tab.set_default_timeout(10000)
    yield tab
    context.close()


def _open(tab: Any, path: str) -> None:
    tab.goto(path)
    tab.wait_for_load_state("networkidle")  # the Network page loads its suggestions after


def _fits(tab: Any, path: str) -> None:
    """Nothing wider than the screen, the main destinations in view, every target 44 px."""
    width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{path} scrolls sideways at 390 px: {width}"
    hidden = [label for label in MAIN if not tab.evaluate(SHOWN, label)]
    assert hidden == [], f"{path}: main destinations not visible: {hidden}"
    assert tab.get_by_role("navigation", name="Main").locator("summary").is_visible()
    assert tab.evaluate(TOO_SMALL, TOUCH) == [], f"{path}: targets under {TOUCH} px"


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_fits_a_phone(phone: Any, name: str) -> None:
    path = PAGES[name]
    _open(phone, path)
    _fits(phone, path)
    phone.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # the bar stays at the end
    assert all(phone.evaluate(SHOWN, label) for label in MAIN)
    phone.evaluate("window.scrollTo(0, 0)")
    if name in SHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        phone.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"))


def test_every_page_fits_a_small_phone_too(browser: Any, demo: Server) -> None:
    """320 px, the narrowest phone in use: still no sideways swipe, the bar still whole."""
    small = {"width": 320, "height": 568}
    context = browser.new_context(viewport=small, base_url=demo.url, device_scale_factor=1)
    tab = context.new_page()
    for path in PAGES.values():
        _open(tab, path)
        width = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{path} scrolls sideways at 320 px: {width}"
        assert all(tab.evaluate(SHOWN, label) for label in MAIN), path
    context.close()


def test_the_import_preview_and_a_saved_capture_fit_a_phone(phone: Any) -> None:
    _open(phone, "/import")
    phone.get_by_label("File", exact=True).set_input_files(
        str(FIXTURES / "two-people-one-nameless.vcf")
    )
    phone.get_by_role("button", name="Check the file").click()
    phone.get_by_text("What this import would do").wait_for()
    _fits(phone, "/import (preview)")
    phone.get_by_role("button", name="Cancel").click()
    _open(phone, "/capture")
    assert phone.evaluate("document.activeElement.id") == "c-name"  # ready to type
    phone.get_by_label("Name", exact=True).fill("Maya Booth")
    phone.get_by_label("Where", exact=True).fill("Career fair")
    phone.get_by_label("One note").fill("data engineer at a bank")
    save = phone.get_by_role("button", name="Save")
    assert save.bounding_box()["y"] + save.bounding_box()["height"] < PHONE["height"] - 56
    save.click()
    phone.get_by_text("Saved").first.wait_for()
    _fits(phone, "/capture (saved)")
    assert phone.get_by_label("Where", exact=True).input_value() == "Career fair"


def test_more_opens_with_a_tap_and_with_the_keyboard(phone: Any) -> None:
    _open(phone, "/report")
    nav = phone.get_by_role("navigation", name="Main")
    more = nav.locator("summary")
    for label in MORE:
        assert not phone.evaluate(SHOWN, label)  # folded away
    more.click()
    shown = [label for label in MORE if phone.evaluate(SHOWN, label)]
    assert shown == list(MORE)
    assert phone.evaluate(TOO_SMALL, TOUCH) == []
    assert nav.get_by_role("link", name="Report").get_attribute("aria-current") == "page"
    phone.keyboard.press("Escape")  # closes, and the focus goes back to "More"
    assert not phone.evaluate(SHOWN, "Settings")
    more.focus()
    phone.keyboard.press("Enter")
    assert phone.evaluate(SHOWN, "Settings")
    for _ in MORE:
        phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")  # past the last link: the menu folds away
    assert not phone.evaluate(SHOWN, "Settings")
    more.focus()
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Tab")  # Import, then Duplicates
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/duplicates")


def test_the_menu_works_without_javascript(browser: Any, demo: Server) -> None:
    context = browser.new_context(
        viewport=PHONE, base_url=demo.url, java_script_enabled=False, device_scale_factor=1
    )
    tab = context.new_page()
    tab.goto("/")
    tab.get_by_role("navigation", name="Main").locator("summary").click()
    tab.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    tab.wait_for_url("**/settings")
    tab.goto("/people")
    tab.get_by_text("Filters and sort").click()  # folded on a phone, open with a tap
    assert tab.get_by_label("Circle").is_visible()
    context.close()


def test_people_on_a_phone_are_cards_and_the_filters_fold(phone: Any) -> None:
    _open(phone, "/people?sort=last")
    assert not phone.get_by_label("Circle").is_visible()  # folded behind one button
    phone.get_by_text("Filters and sort").click()
    phone.get_by_label("Circle").select_option("inner")
    phone.wait_for_url("**circle=inner**")
    card = phone.locator("#results tbody tr").first
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert "Last contact" in card.inner_text()
    _open(phone, "/people?sort=last")
    why = phone.locator("#results .why", has_text="Today:").first
    assert why.is_visible()  # the reason to write now, from today's agenda
    phone.keyboard.press("g")
    phone.keyboard.press("t")  # the shortcuts work at any width
    phone.wait_for_url(lambda url: url.endswith("/"))


def test_a_desktop_shows_every_destination(browser: Any, demo: Server) -> None:
    context = browser.new_context(viewport=DESKTOP, base_url=demo.url, device_scale_factor=1)
    tab = context.new_page()
    for path in ("/", "/people", "/people/1", "/settings", "/network"):
        tab.goto(path)
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= DESKTOP["width"], f"{path} scrolls sideways on a desktop"
        hidden = [label for label in (*MAIN, *MORE) if not tab.evaluate(SHOWN, label)]
        assert hidden == [], f"{path}: destinations not visible on a desktop: {hidden}"
        assert not tab.get_by_role("navigation", name="Main").locator("summary").is_visible()
        top = tab.get_by_role("navigation", name="Main").bounding_box()
        assert top["y"] < 80  # one calm bar at the top
    tab.goto("/people")
    assert tab.get_by_label("Circle").is_visible()  # the filters open on a wide screen
    tab.keyboard.press("g")
    tab.keyboard.press("o")
    tab.wait_for_url("**/goals")
    context.close()
