"""Sending a draft in a real Chromium: an edited draft is what the mail link carries, the
LinkedIn button puts the draft on the clipboard and opens the profile in a new tab (served
here by a stand-in: no request leaves the machine), and "Sent? Mark done" marks it done."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from amity.service.sending import mailto_href
from tests.web.test_browser import PHONE, Server, _need_browser, browser

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the module's Chromium, shared with the other browser tests

NAME = "Zoë O'Brien & Co"
PROFILE = "https://www.linkedin.com/in/zoe-obrien-test"


def _card(path: Path) -> Path:
    out = io.BytesIO()
    Image.new("RGB", (240, 240), (30, 90, 160)).save(out, "JPEG")
    photo = base64.b64encode(out.getvalue()).decode()
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{NAME}", "EMAIL:zoe+test@example.org"]
    lines += ["TEL;TYPE=CELL:+1 415 555 0101", f"URL:{PROFILE}"]
    lines += [f"PHOTO;ENCODING=b;TYPE=JPEG:{photo}", "END:VCARD"]
    path.write_text("\r\n".join(lines) + "\r\n")
    return path


@pytest.fixture(scope="module")
def sending(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _need_browser()
    home = tmp_path_factory.mktemp("send")
    running = Server(home / "home")
    running.amity("init")
    running.amity("import", "vcard", str(_card(home / "zoe.vcf")))
    running.amity("met", NAME, "--on", "yesterday", "--topic", "Rust & Go #2")
    running.start()
    yield running
    running.stop()


@pytest.fixture
def tab(browser: Any, sending: Server) -> Iterator[Any]:
    context = browser.new_context(
        viewport=PHONE, base_url=sending.url, permissions=["clipboard-read", "clipboard-write"]
    )
    opened: list[str] = []
    context.route(  # LinkedIn is never reached: a stand-in page answers
        "https://www.linkedin.com/**",
        lambda route: (opened.append(route.request.url), route.fulfill(body="profile")),
    )
    page = context.new_page()
    page.set_default_timeout(5000)
    page.opened = opened
    page.add_init_script(  # the mail and messages apps are not there: stay on the page
        "addEventListener('click', e => { const a = e.target.closest('a[href^=\"mailto:\"],"
        ' a[href^="sms:"]\'); if (a) e.preventDefault(); }, true);'
    )
    yield page
    context.close()


def _tall_enough(boxes: list[Any]) -> None:
    for box in boxes:
        height = box.bounding_box()["height"]
        assert height >= 44, f"{box} is {height} px high: not a touch target"


def test_copy_for_linkedin_then_sent_marks_it_done_and_puts_linkedin_first(tab: Any) -> None:
    tab.goto("/")
    item = tab.locator(".item", has_text=NAME)
    assert item.locator("img.avatar").get_attribute("src").startswith("/people/")
    send = item.locator(".send")
    links = send.locator("a.send-link")
    assert links.all_inner_texts() == ["Email", "Text", "Copy, open LinkedIn"]
    _tall_enough(links.all())
    assert not send.get_by_role("button", name="Sent? Mark done").is_visible()
    draft = item.locator("textarea")
    edited = draft.input_value() + "\nP.S. 100% & #3?"
    draft.fill(edited)
    send.get_by_role("link", name="Email").click()
    assert links.first.get_attribute("href") == mailto_href(
        "zoe+test@example.org", "Following up", edited
    )
    with tab.context.expect_page() as popup:
        send.get_by_role("link", name="Copy, open LinkedIn").click()
    popup.value.wait_for_load_state()
    assert popup.value.url.startswith(PROFILE) and tab.opened
    popup.value.close()
    assert tab.evaluate("navigator.clipboard.readText()") == edited
    assert send.get_by_text("Draft copied").is_visible()
    _tall_enough([send.get_by_role("button", name="Sent? Mark done")])
    send.get_by_role("button", name="Sent? Mark done").click()
    tab.get_by_text(f"Done: {NAME}").wait_for()
    assert tab.locator('.item[data-state="done"]', has_text=NAME).count() == 1
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1
    # Then the person page offers LinkedIn first: it was used last. (One test, not two: a
    # second would depend on this one having run before it, in the same worker.)
    tab.goto("/people/1")
    assert tab.locator(".profile-head img.avatar").count() == 1
    assert "followed up on LinkedIn" in tab.content()
    first = tab.locator(".send a.send-link").first
    assert first.text_content() == "Copy, open LinkedIn"  # in a closed <details>
