"""The web app in a real headless Chromium against a real `amity serve` process.

Runs when Debian's /usr/bin/chromium exists; skips (with the reason) when it does not,
unless CI=true, where a missing browser fails the run. Saves screenshots of every page at
desktop size to docs/screenshots/ (tests/web/test_phone_layout.py takes the phone ones).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import IN_CI, TODAY
from tests.web.conftest import FIXTURES, XSS_NAME, XSS_NOTE

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def _need_browser() -> None:
    reason = f"{CHROMIUM} is not installed (apt-get install chromium)"
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "AMITY_HOME": str(home), "AMITY_TODAY": TODAY.isoformat()}
        self.env.pop("AMITY_DATABASE_URL", None)
        self.process: subprocess.Popen[bytes] | None = None

    def amity(self, *args: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "amity", *args],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def start(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "amity", "serve", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                out = self.process.stdout.read().decode() if self.process.stdout else ""
                raise RuntimeError(f"amity serve exited: {out}")
            try:
                with urllib.request.urlopen(self.url + "/help", timeout=1) as r:  # noqa: S310
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("amity serve did not start within 20 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    _need_browser()
    running = Server(tmp_path_factory.mktemp("browser") / "home")
    running.amity("init")
    running.start()
    yield running
    running.stop()


# A capture form sends the day it was typed by the browser's clock; the server runs on the
# tests' what-if day, so the browser's clock is set to it (a later day would be refused).
PHONES_DAY = datetime(TODAY.year, TODAY.month, TODAY.day, 12, 0)


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP, base_url=server.url)
    context.clock.set_fixed_time(PHONES_DAY)  # the browser's day is the server's `--today`
    tab = context.new_page()
    tab.set_default_timeout(5000)
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.dialogs = dialogs
    yield tab
    context.close()
    assert not dialogs, f"a dialog fired: {dialogs}"


def _add(page: Any, name: str, email: str = "") -> str:
    page.goto("/people/new")
    page.get_by_label("Name", exact=True).fill(name)
    if email:
        page.get_by_label("Email", exact=True).fill(email)
    page.get_by_role("button", name="Add").click()
    page.wait_for_url("**/people/*?added=1")
    return str(page.url.split("/people/")[1].split("?")[0])


def test_add_log_met_follow_up_on_today_then_done(page: Any) -> None:
    _add(page, "Grace Browser")
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    page.get_by_label("Note, promise or what was given").fill("talked about compilers")
    page.get_by_label("When").fill(yesterday)
    page.get_by_role("button", name="Met", exact=True).click()
    page.get_by_text("Logged a met with Grace Browser").wait_for()
    page.keyboard.press("Escape")
    page.locator("body").click(position={"x": 5, "y": 300})
    page.keyboard.press("g")
    page.keyboard.press("t")  # the Today shortcut
    page.wait_for_url("**/")
    item = page.locator(".item", has_text="Grace Browser")
    item.get_by_text("Draft message").click()
    assert "Grace" in item.locator("textarea").input_value()
    page.evaluate("window.__stayed = true")  # survives an htmx swap, not a page load
    item.get_by_role("button", name="Done").click()
    page.get_by_text("Done: Grace Browser").wait_for()
    done = page.locator('.item[data-state="done"]', has_text="Grace Browser")
    assert done.count() == 1  # it keeps its number for the day, marked done
    assert done.get_by_role("button", name="Done").count() == 0
    assert page.evaluate("window.__stayed") is True


def test_import_a_vcard_file(page: Any) -> None:
    page.goto("/import")
    page.get_by_label("File", exact=True).set_input_files(
        str(FIXTURES / "two-people-one-nameless.vcf")
    )
    page.get_by_role("button", name="Check the file").click()
    page.get_by_text("What this import would do").wait_for()
    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_role("heading", name="Imported: two-people-one-nameless.vcf").wait_for()
    page.goto("/people?q=Webcard")
    page.get_by_role("link", name="Linus Webcard").wait_for()


def test_merge_a_duplicate_and_undo(page: Any) -> None:
    _add(page, "Dorothy Vaughan", "dv@nasa.gov")
    _add(page, "Dorothy J. Vaughan", "dv@nasa.gov")
    page.goto("/duplicates")
    pair = page.locator(".pair", has_text="Dorothy J. Vaughan")
    pair.get_by_role("button", name="Keep this one, merge the other in").first.click()
    page.get_by_text("Merged Dorothy J. Vaughan into Dorothy Vaughan").wait_for()
    page.get_by_role("button", name="Undo the last merge or import").click()
    page.get_by_text("Undone").wait_for()


def test_bulk_tag_from_people(page: Any) -> None:
    from playwright.sync_api import expect

    for n in (1, 2, 3):
        _add(page, f"Bulkfriend {n}")
    page.goto("/people")
    page.keyboard.press("/")
    page.keyboard.type("Bulkfriend")  # search as you type, debounced
    page.wait_for_url("**/people?q=Bulkfriend*")  # the last answer is in: no swap unticks
    expect(page.locator("#results tbody tr")).to_have_count(3)
    page.get_by_label("Tick everyone on this page").check()
    page.get_by_label("With ticked:").select_option("tag")
    page.get_by_label("Value").fill("vip")
    page.get_by_role("button", name="Apply").click()
    page.get_by_text("Tagged “vip” for 3 people").wait_for()
    page.goto("/people?tag=vip")
    assert page.locator("#results tbody tr").count() == 3


def test_hostile_text_stays_inert(page: Any) -> None:
    page.goto("/capture")
    page.get_by_label("Name", exact=True).fill(XSS_NAME)
    page.get_by_label("Where", exact=True).fill(XSS_NOTE)
    page.get_by_label("One note").fill(XSS_NOTE)
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved").first.wait_for()
    page.locator(".flash-ok a").first.click()
    page.wait_for_url("**/people/*")
    assert page.locator("#person-name").inner_text().startswith("<script>")
    for path in ("/people", "/people?q=script", "/report"):
        page.goto(path)
    assert page.evaluate("document.querySelectorAll('img[src=x]').length") == 0


def test_screenshots_of_every_page(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    demo = Server(tmp_path_factory.mktemp("shots") / "home")
    demo.amity("init")
    demo.amity("demo")
    demo.amity("add", "Sam Rivera", "--email", "sam.rivera@example.org", "--company", "Plaid")
    demo.amity("add", "Samuel Rivera", "--email", "sam.rivera@example.org")
    demo.start()
    try:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        pages = {
            "today": "/",
            "people": "/people",
            "person": "/people/1",
            "capture": "/capture",
            "import": "/import",
            "duplicates": "/duplicates",
            "report": "/report",
            "settings": "/settings",
        }
        # The phone pictures are test_phone_layout.py's, which checks every page at 390 px.
        for size_name, size in (("desktop", DESKTOP),):
            context = browser.new_context(viewport=size, base_url=demo.url, device_scale_factor=1)
            tab = context.new_page()
            for name, path in pages.items():
                tab.goto(path)
                tab.wait_for_load_state("networkidle")
                width = tab.evaluate("document.documentElement.scrollWidth")
                assert width <= size["width"] + 1, f"{path} scrolls sideways at {size_name}"
                tab.screenshot(path=str(SCREENSHOTS / f"{name}-{size_name}.png"))
            context.close()
    finally:
        demo.stop()
    assert len(list(SCREENSHOTS.glob("*.png"))) >= 16
    assert shutil.which("true") is not None
