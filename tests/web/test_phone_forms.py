"""Every form field brings up the keyboard its value needs on a phone: an email field the
one with "@", a phone field the dial pad, a day the date picker, a count the number pad; a
name starts each word with a capital, a tag or a server name never does. And the navigation
holds every destination once in the main bar or the "More" menu."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.web.conftest import Web

PAGES = ("/", "/people", "/people/new", "/people/1", "/people/1/edit", "/capture")
PAGES += ("/import", "/duplicates", "/report", "/settings", "/network", "/help")

EMAIL = {"email", "smtp_from", "smtp_to"}
PHONE = {"phone"}
DAY = {"on"}
COUNT = {"every", "daily_budget", "weekly_goal", "follow_up_fade_days", "smtp_port"}
NAMES = {"name", "nickname", "other"}  # a person's name: Capitalised Words
NO_CAPITALS = {"tag", "tags", "smtp_host", "smtp_username"}


class Fields(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: list[dict[str, str]] = []
        self.nav: list[tuple[str, str]] = []  # (which list, href) for each nav link
        self._list = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "input":
            self.fields.append(found)
        elif tag in ("ul", "details") and found.get("class", "").startswith("nav-"):
            self._list = found["class"]
        elif tag == "a" and self._list:
            self.nav.append((self._list, found["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._list = ""


def _parse(web: Web, path: str) -> Fields:
    response = web.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    parsed = Fields()
    parsed.feed(response.text)
    return parsed


def test_every_field_has_the_keyboard_its_value_needs(demo_web: Web) -> None:
    seen: set[str] = set()
    for path in PAGES:
        for f in _parse(demo_web, path).fields:
            name, kind = f.get("name", ""), f.get("type", "text")
            seen.add(name)
            where = f"{path} {name}"
            if name in EMAIL:
                assert kind == "email", where
            if name in PHONE:
                assert kind == "tel", where
            if name in DAY:
                assert kind == "date", where
            if name in COUNT:
                assert f.get("inputmode") == "numeric", where
            if name in NAMES and kind == "text":
                assert f.get("autocapitalize") == "words", where
            if name in NO_CAPITALS:
                assert f.get("autocapitalize") == "off", where
    assert {"email", "phone", "on", "every", "smtp_port", "name", "tags"} <= seen


def test_the_capture_form_is_ready_to_type_into(web: Web) -> None:
    fields = {f.get("id"): f for f in _parse(web, "/capture").fields}
    assert "autofocus" in fields["c-name"] and fields["c-name"]["enterkeyhint"] == "next"


def test_the_navigation_holds_every_destination(web: Web) -> None:
    nav = _parse(web, "/").nav
    main = [href for which, href in nav if which == "nav-main"]
    more = [href for which, href in nav if which == "nav-more"]
    wide = [href for which, href in nav if which == "nav-rest"]
    assert main == ["/", "/people", "/capture", "/network", "/events"]
    assert more == wide == ["/import", "/duplicates", "/report", "/goals", "/settings", "/help"]
