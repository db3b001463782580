"""CSRF on every POST, escaping of everything a user types, and the upload's limits."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import FIXTURES, XSS_NAME, XSS_NOTE, Web


def _post_routes() -> list[str]:
    from amity.web.routes import ROUTERS

    paths = []
    for route in (r for router in ROUTERS for r in router.routes):
        if "POST" in getattr(route, "methods", set()):
            path = route.path.replace("{action}", "done")
            paths.append(re.sub(r"\{\w+(:int)?\}", "1", path))  # any id: 1
    return paths


def test_every_post_without_the_token_is_refused(web: Web) -> None:
    web.get("/")
    routes = _post_routes()
    assert len(routes) >= 10
    for path in routes:
        missing = web.client.post(path, data={"name": "x"})
        assert missing.status_code == 403, path
        wrong = web.client.post(path, data={"name": "x", "csrf_token": "forged"})
        assert wrong.status_code == 403, path
    files = {"file": ("a.vcf", b"BEGIN:VCARD\r\nEND:VCARD\r\n", "text/vcard")}
    assert web.client.post("/import", files=files).status_code == 403
    assert (
        web.client.post("/capture", files=files, headers={"X-CSRF-Token": web.token}).status_code
        == 403
    )


def test_the_token_cookie_is_strict_and_http_only(web: Web) -> None:
    web.client.cookies.clear()
    response = web.client.get("/capture")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def _inert(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img" in html


def test_user_text_is_escaped_everywhere(web: Web) -> None:
    created = web.post("/capture", {"name": XSS_NAME, "place": XSS_NOTE, "note": XSS_NOTE})
    assert created.status_code == 200
    person = re.search(r'href="/people/(\d+)"', created.text)
    assert person
    pages = ["/people", f"/people/{person.group(1)}", "/people?q=script", "/report", "/duplicates"]
    web.clock.advance(1)
    pages.append("/")
    for path in pages:
        html = web.get(path).text
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html, path
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in web.get(f"/people/{person.group(1)}").text


def test_an_upload_over_the_limit_is_refused_and_nothing_is_kept(web: Web) -> None:
    web.get("/import")
    big = b"BEGIN:VCARD\r\nFN:x\r\n" + b"NOTE:" + b"a" * 200_000 + b"\r\nEND:VCARD\r\n"
    response = web.client.post(
        "/import",
        data={"csrf_token": web.token, "source": "vcard"},
        files={"file": ("big.vcf", big, "text/vcard")},
    )
    assert response.status_code == 413
    assert "larger than" in response.text
    assert not any((web.home / "uploads").iterdir())


@pytest.mark.parametrize("name", ["../../evil.vcf", "..\\..\\evil.vcf", "/etc/passwd"])
def test_upload_names_never_choose_the_path(web: Web, name: str) -> None:
    web.get("/import")
    data = (FIXTURES / "two-people-one-nameless.vcf").read_bytes()
    response = web.client.post(
        "/import",
        data={"csrf_token": web.token, "source": "vcard"},
        files={"file": (name, data, "text/vcard")},
    )
    assert response.status_code == 200
    kept = list((web.home / "uploads").iterdir())
    assert len(kept) == 1 and re.fullmatch(r"[0-9a-f]{32}\.vcf", kept[0].name)
    assert not (web.home.parent / "evil.vcf").exists()


def test_a_forged_upload_token_cannot_reach_outside_the_home(web: Web) -> None:
    response = web.post("/import/confirm", {"token": "../../amity", "source": "vcard"})
    assert response.status_code == 400
    assert "expired" in response.text


def test_xss_payload_in_a_person_name_and_note(web: Web) -> None:
    added = web.post("/people/new", {"name": XSS_NAME, "how_met": XSS_NOTE})
    assert added.status_code == 200
    _inert(added.text)
