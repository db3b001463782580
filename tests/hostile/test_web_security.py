"""The local web app against another site: DNS rebinding (a foreign Host), cross-site
writes, forged CSRF pairs, cached backups, listening beyond loopback without a password,
the SMTP password's one home, and error pages that leak nothing and lose no typing.

Through the real app (FastAPI's TestClient) on real SQLite/PostgreSQL homes, and a real
`amity serve` process spoken to with httpx."""

from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import stat
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from amity.service.settings.environment import Settings
from tests.conftest import TODAY, Amity, writable_store
from tests.web import conftest as web_fixtures
from tests.web.conftest import Web

clock, web = web_fixtures.clock, web_fixtures.web  # the web app on a fresh home, both engines

PASSWORD = "correct horse battery staple"
EVIL = "https://evil.example"


def _client(home: Path, url: str | None = None, host: str | None = None, **kw: Any) -> Any:
    from fastapi.testclient import TestClient

    from amity.web import create_app
    from amity.web.access import access_for

    settings = Settings(home, url or f"sqlite:///{home / 'amity.db'}", TODAY)
    access = access_for(home, host) if host else None
    app = create_app(settings, access=access)
    return TestClient(app, base_url="http://127.0.0.1", **kw)


def _token(client: Any, path: str = "/capture") -> str:
    page = client.get(path)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def _set_password(home: Path, password: str = PASSWORD) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AMITY_HOME": str(home), "AMITY_TODAY": TODAY.isoformat()}
    env.pop("AMITY_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "amity", "serve", "--set-password"],
        input=password + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


# --- DNS rebinding: a foreign Host ----------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:8000",
        "127.0.0.1.evil.example",
        "localhost.evil:80",
        "[::2]",
        "127.0.0.1:8000@evil.example",
        "localhost:x",
        "[::1]evil",
    ],
)
def test_a_foreign_host_cannot_read_the_backup(web: Web, host: str) -> None:
    web.post("/people/new", {"name": "Secret Person"})
    refused = web.client.get("/settings/export/json", headers={"Host": host})
    assert refused.status_code == 421
    assert "Secret Person" not in refused.text and "set-cookie" not in refused.headers
    assert web.client.get("/people", headers={"Host": host}).status_code == 421


def test_a_foreign_host_cannot_write(web: Web) -> None:
    web.get("/capture")
    data = {"csrf_token": web.token, "name": "Rebound Person"}
    refused = web.client.post("/people/new", data=data, headers={"Host": "evil.example:8000"})
    assert refused.status_code == 421
    assert "Rebound Person" not in web.get("/people").text


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000"])
def test_the_names_it_is_served_on_are_answered(web: Web, host: str) -> None:
    assert web.client.get("/people", headers={"Host": host}).status_code == 200


# --- cross-site writes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": EVIL},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1.evil.example"},
        {"Origin": "http://127.0.0.1:9999"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
        {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "cross-site"},
    ],
)
def test_a_cross_site_post_is_refused_even_with_a_valid_token(
    web: Web, headers: dict[str, str]
) -> None:
    web.get("/capture")
    data = {"csrf_token": web.token, "name": "Cross Site"}
    refused = web.client.post("/people/new", data=data, headers=headers)
    assert refused.status_code == 403
    upload = web.client.post(
        "/import",
        data={"csrf_token": web.token, "source": "vcard"},
        files={"file": ("a.vcf", b"BEGIN:VCARD\r\nFN:Cross Site\r\nEND:VCARD\r\n", "text/vcard")},
        headers=headers,
    )
    assert upload.status_code == 403
    assert "Cross Site" not in web.get("/people").text


def test_a_same_origin_form_still_works(web: Web) -> None:
    web.get("/capture")
    headers = {"Origin": "http://127.0.0.1", "Sec-Fetch-Site": "same-origin"}
    data = {"csrf_token": web.token, "name": "Same Origin"}
    done = web.client.post("/people/new", data=data, headers=headers, follow_redirects=False)
    assert done.status_code == 303
    assert "Same Origin" in web.get("/people").text


def test_a_csrf_pair_the_attacker_chose_is_refused(web: Web, tmp_path: Path) -> None:
    from amity.web.csrf import COOKIE, form_token

    client = web.client
    real = _token(client)
    chosen = "A" * 43
    for cookie, field in (
        (chosen, chosen),  # plain double submit: cookie == field
        (chosen, form_token(b"0" * 64, chosen)),  # signed with a guessed secret
        (chosen, real),  # the real field with another cookie
    ):
        client.cookies.set(COOKIE, cookie)
        refused = client.post("/people/new", data={"csrf_token": field, "name": "Forged"})
        assert refused.status_code == 403, (cookie, field)
    with _client(tmp_path / "other") as other:  # a pair that is valid on another home
        other_field = _token(other)
        other_cookie = other.cookies.get(COOKIE)
    client.cookies.set(COOKIE, other_cookie)
    refused = client.post("/people/new", data={"csrf_token": other_field, "name": "Forged"})
    assert refused.status_code == 403
    client.cookies.clear()
    assert "Forged" not in web.get("/people").text


@pytest.mark.parametrize("kind", ["json", "vcard", "csv"])
def test_backups_are_never_cached(web: Web, kind: str) -> None:
    response = web.get(f"/settings/export/{kind}")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"


# --- listening beyond loopback needs a password ---------------------------------------------


BEYOND = [["--host", "0.0.0.0"], ["--host", "192.168.1.50", "--workers", "2"]]  # noqa: S104


@pytest.mark.parametrize("args", BEYOND)
def test_serving_beyond_loopback_without_a_password_is_refused(
    amity_sqlite: Amity, args: list[str]
) -> None:
    result = amity_sqlite("serve", *args, "--port", "1")
    assert result.code != 0
    assert "needs a password" in result.err and "amity serve --set-password" in result.err
    assert "Traceback" not in result.err


def test_set_password_keeps_only_an_argon2_hash_in_the_home(amity_sqlite: Amity) -> None:
    amity_sqlite.ok("init")
    assert _set_password(amity_sqlite.home, "short").returncode == 2
    done = _set_password(amity_sqlite.home)
    assert done.returncode == 0, done.stderr
    config_file = amity_sqlite.home / "config.toml"
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    kept = tomllib.loads(config_file.read_text())["web"]
    assert kept["password_hash"].startswith("$argon2id$")
    assert PASSWORD not in config_file.read_text()
    with _client(amity_sqlite.home) as client:  # the secret is made on first use
        client.get("/")
    secret = tomllib.loads(config_file.read_text())["web"]["secret"]
    backup = amity_sqlite.ok("export", "json").out
    database = _dump(amity_sqlite.home)
    for private in (secret, kept["password_hash"], PASSWORD):
        assert private not in backup and private not in database


@pytest.fixture
def lan(tmp_path: Path) -> Iterator[Any]:
    """The app as `amity serve --host 10.1.2.3` builds it, on a home with a password."""
    home = tmp_path / "home"
    assert _set_password(home).returncode == 0
    with _client(home, host="10.1.2.3") as client:
        yield client


def _sign_in(client: Any, password: str = PASSWORD, next_path: str = "/") -> Any:
    token = _token(client, "/sign-in")
    data = {"csrf_token": token, "password": password, "next": next_path}
    return client.post("/sign-in", data=data, follow_redirects=False)


def test_beyond_loopback_every_page_needs_a_sign_in(lan: Any) -> None:
    page = lan.get("/people?q=a", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/sign-in?next=%2Fpeople%3Fq%3Da"
    assert lan.get("/settings/export/json", follow_redirects=False).status_code == 303
    partial = lan.get("/people", headers={"HX-Request": "true"})
    assert partial.status_code == 401 and partial.headers["HX-Redirect"] == "/sign-in"
    token = _token(lan, "/sign-in")
    write = lan.post("/people/new", data={"csrf_token": token, "name": "No Session"})
    assert write.status_code == 401
    assert lan.get("/static/amity.css").status_code == 200
    assert (
        lan.get("/people", headers={"Host": "10.1.2.3:8000"}, follow_redirects=False).status_code
        == 303
    )
    assert lan.get("/people", headers={"Host": "10.1.2.4:8000"}).status_code == 421


def test_a_wrong_password_is_refused_and_the_right_one_signs_in(lan: Any) -> None:
    wrong = _sign_in(lan, "not the password")
    assert wrong.status_code == 401 and "not right" in wrong.text
    assert "amity_session" not in wrong.headers.get("set-cookie", "")
    right = _sign_in(lan, next_path="/people")
    assert right.status_code == 303 and right.headers["location"] == "/people"
    cookie = right.headers["set-cookie"].lower()
    assert "amity_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie
    assert "max-age=" in cookie
    assert lan.get("/people").status_code == 200
    token = _token(lan)
    added = lan.post("/people/new", data={"csrf_token": token, "name": "Signed In"})
    assert added.status_code == 200 and "Signed In" in added.text
    out = lan.post("/sign-out", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303
    assert lan.get("/people", follow_redirects=False).status_code == 303


def test_forged_and_expired_sessions_are_refused(lan: Any) -> None:
    from amity.web.sessions import COOKIE, LIFETIME, new_session, valid_session

    access = lan.app.state.access
    genuine = new_session(access)
    tampered = genuine[:-1] + ("1" if genuine.endswith("0") else "0")  # never the genuine one
    for forged in ("", "x", "9999999999.abc.def", tampered):
        lan.cookies.set(COOKIE, forged)
        assert lan.get("/people", follow_redirects=False).status_code == 303, forged
    old = new_session(access, now=time.time() - LIFETIME - 1)
    assert not valid_session(access, old)
    lan.cookies.set(COOKIE, old)
    assert lan.get("/people", follow_redirects=False).status_code == 303
    lan.cookies.set(COOKIE, new_session(access))
    assert lan.get("/people").status_code == 200


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example"])
def test_signing_in_never_sends_you_to_another_site(lan: Any, target: str) -> None:
    assert _sign_in(lan, next_path=target).headers["location"] == "/"


def test_guessing_is_slowed_then_stopped(lan: Any) -> None:
    from amity.web.sessions import FAILURE_DELAY, MAX_FAILURES

    started = time.monotonic()
    for _ in range(MAX_FAILURES):
        assert _sign_in(lan, "guess").status_code == 401
    assert time.monotonic() - started >= MAX_FAILURES * FAILURE_DELAY
    locked = _sign_in(lan)  # even the right password waits now
    assert locked.status_code == 429 and "Too many" in locked.text


def test_parallel_guesses_are_counted_before_the_password_is_checked() -> None:
    from amity.web.sessions import MAX_FAILURES, WINDOW, Attempts

    attempts = Attempts()
    admitted = [attempts.admit("10.0.0.9", now=100.0) for _ in range(MAX_FAILURES + 5)]
    assert admitted.count(True) == MAX_FAILURES  # none waits for an answer before counting
    assert attempts.admit("10.0.0.8", now=100.0)  # another address is not locked out
    assert attempts.admit("10.0.0.9", now=100.0 + WINDOW + 1)  # and it is forgotten later


def test_set_password_on_a_terminal_asks_twice_and_never_echoes(tmp_path: Path) -> None:
    import pty

    pid, terminal = pty.fork()
    if pid == 0:  # the child: `amity serve --set-password` on a real terminal
        os.environ["AMITY_HOME"] = str(tmp_path / "home")
        os.execv(sys.executable, [sys.executable, "-m", "amity", "serve", "--set-password"])  # noqa: S606
    seen = b""

    def until(marker: bytes) -> None:
        nonlocal seen
        deadline = time.monotonic() + 30
        while marker not in seen and time.monotonic() < deadline:
            try:
                chunk = os.read(terminal, 1024)
            except OSError:
                return
            if not chunk:
                return
            seen += chunk

    until(b"password: ")
    os.write(terminal, PASSWORD.encode() + b"\n")
    until(b"confirmation: ")
    os.write(terminal, PASSWORD.encode() + b"\n")
    until(b"Password set")
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert seen.count(b"password") + seen.count(b"confirmation") == 2
    assert PASSWORD.encode() not in seen  # no echo
    config = tomllib.loads((tmp_path / "home" / "config.toml").read_text())
    assert config["web"]["password_hash"].startswith("$argon2id$")


def test_set_password_refuses_what_sign_in_could_not_accept(amity_sqlite: Amity) -> None:
    for bad in ("", "seven77", "x" * 1025):
        refused = _set_password(amity_sqlite.home, bad)
        assert refused.returncode == 2 and "characters" in refused.stderr
        assert "Traceback" not in refused.stderr
    assert not (amity_sqlite.home / "config.toml").exists()


def test_loopback_needs_no_password_even_when_one_is_set(lan: Any, tmp_path: Path) -> None:
    with _client(tmp_path / "home") as local:
        assert local.get("/people").status_code == 200


# --- a real `amity serve` -------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Any]:
    processes: list[subprocess.Popen[bytes]] = []
    home = tmp_path / "home"
    env = {**os.environ, "AMITY_HOME": str(home), "AMITY_TODAY": TODAY.isoformat()}
    env.pop("AMITY_DATABASE_URL", None)

    def start(*args: str) -> str:
        port = _free_port()
        command = [sys.executable, "-m", "amity", "serve", "--port", str(port), *args]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        processes.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(process.stdout.read().decode() if process.stdout else "")
            try:
                if httpx.get(url + "/static/amity.css", timeout=1).status_code == 200:
                    return url
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("amity serve did not start")

    start.home = home  # type: ignore[attr-defined]
    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_real_server_beyond_loopback_asks_for_the_password(serve: Any, workers: str) -> None:
    assert _set_password(serve.home).returncode == 0
    url = serve("--host", "0.0.0.0", "--workers", workers)  # noqa: S104
    with httpx.Client(base_url=url) as client:
        assert client.get("/", headers={"Host": "evil.example"}).status_code == 421
        first = client.get("/people")
        assert first.status_code == 303 and first.headers["location"].startswith("/sign-in")
        assert _sign_in(client, "wrong password").status_code == 401
        assert _sign_in(client).status_code == 303
        for _ in range(6):  # every worker knows the session (one secret per home)
            assert client.get("/people").status_code == 200
        token = _token(client)
        cross = client.post(
            "/people/new", data={"csrf_token": token, "name": "X"}, headers={"Origin": EVIL}
        )
        assert cross.status_code == 403


def test_a_real_server_on_loopback_needs_none(serve: Any) -> None:
    url = serve()
    with httpx.Client(base_url=url) as client:
        assert client.get("/people").status_code == 200
        token = _token(client)
        added = client.post("/people/new", data={"csrf_token": token, "name": "Local Person"})
        assert added.status_code == 303
        port = url.rsplit(":", 1)[1]
        refused = client.get("/settings/export/json", headers={"Host": f"evil.example:{port}"})
        assert refused.status_code == 421 and "Local Person" not in refused.text


# --- one place for secrets: SMTP ------------------------------------------------------------


SMTP_FORM = {
    "daily_budget": "5",
    "weekly_goal": "3",
    "tone": "casual",
    "smtp_host": "127.0.0.1",
    "smtp_port": "2525",
    "smtp_username": "ada",
    "smtp_password": "web-typed-s3cret",
    "smtp_from": "amity@example.org",
    "smtp_to": "me@example.org",
}


def _database_text(store: Any) -> str:
    rows = store.db.query("SELECT key, value FROM setting WHERE owner_id = ?", (store.owner_id,))
    return json.dumps(rows)


def _dump(home: Path) -> str:
    """Every row of the home's SQLite database, as SQL text."""
    with sqlite3.connect(home / "amity.db") as db:
        return "\n".join(db.iterdump())


def test_the_web_smtp_password_lives_in_config_toml_only(web: Web, store: Any) -> None:
    saved = web.post("/settings", SMTP_FORM)
    assert saved.status_code == 200 and "Saved." in saved.text
    assert "web-typed-s3cret" not in saved.text
    config_file = web.home / "config.toml"
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    smtp = tomllib.loads(config_file.read_text())["smtp"]
    assert smtp["password"] == "web-typed-s3cret" and smtp["sender"] == "amity@example.org"
    assert "web-typed-s3cret" not in _database_text(store)
    assert "web-typed-s3cret" not in web.get("/settings/export/json").text
    again = web.post("/settings", {**SMTP_FORM, "smtp_password": ""})  # blank keeps it
    assert again.status_code == 200
    assert tomllib.loads(config_file.read_text())["smtp"]["password"] == "web-typed-s3cret"


def test_hostile_smtp_values_cannot_break_config_toml(web: Web) -> None:
    hostile = 'x"\n[web]\nsecret = "owned"\\'
    web.get("/capture")
    secret = tomllib.loads((web.home / "config.toml").read_text())["web"]["secret"]
    saved = web.post("/settings", {**SMTP_FORM, "smtp_host": hostile, "smtp_password": hostile})
    assert saved.status_code == 200 and "Saved." in saved.text
    config = tomllib.loads((web.home / "config.toml").read_text())
    assert config["smtp"]["host"] == hostile.strip() and config["smtp"]["password"] == hostile
    assert config["web"]["secret"] == secret


def test_digest_sends_with_the_password_typed_in_the_web(amity_sqlite: Amity) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult

    logins: list[tuple[bytes, bytes]] = []

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        logins.append((data.login, data.password))
        return AuthResult(success=data.password == b"web-typed-s3cret")

    class Sink:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            return "250 OK"

    port = _free_port()
    controller = Controller(
        Sink(), hostname="127.0.0.1", port=port, authenticator=authenticator, auth_require_tls=False
    )
    controller.start()
    try:
        with _client(amity_sqlite.home) as client:
            data = {**SMTP_FORM, "smtp_port": str(port), "csrf_token": _token(client)}
            assert client.post("/settings", data=data).status_code == 200
        sent = amity_sqlite("digest", "--send", "--json")
    finally:
        controller.stop()
    assert sent.code == 0, sent.err
    assert logins == [(b"ada", b"web-typed-s3cret")]


def test_an_smtp_password_left_in_the_database_is_never_exported_and_moves_out(
    amity_sqlite: Amity,
) -> None:
    from amity.service.settings import preferences

    amity_sqlite.ok("init")
    url = f"sqlite:///{amity_sqlite.home / 'amity.db'}"
    legacy = {"host": "mail.example.org", "port": 587, "password": "old-db-s3cret", "from": "a@b.c"}
    old_home = writable_store(url)
    with old_home.db.transaction():
        preferences.put(old_home, "smtp", legacy)
    old_home.close()
    assert "old-db-s3cret" not in amity_sqlite.ok("export", "json").out
    shown = amity_sqlite.ok("settings", "--json").json()["smtp"]
    assert shown["host"] == "mail.example.org" and shown["password"] == "********"
    amity_sqlite.ok("settings", "daily_budget", "4")  # the next write moves it
    smtp = tomllib.loads((amity_sqlite.home / "config.toml").read_text())["smtp"]
    assert smtp["password"] == "old-db-s3cret" and smtp["sender"] == "a@b.c"
    assert "old-db-s3cret" not in _dump(amity_sqlite.home)


# --- error pages: the right status, nothing leaked, nothing typed lost ----------------------


def test_a_huge_form_is_refused_with_413_and_nothing_is_kept(web: Web) -> None:
    web.get("/capture")
    big = {"csrf_token": web.token, "name": "Huge Form", "note": "x" * (2 * 1024 * 1024)}
    refused = web.client.post("/capture", data=big)
    assert refused.status_code == 413 and "larger than 1 MB" in refused.text

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield f"csrf_token={web.token}&name=Chunked+Form&note=".encode()
        for _ in range(40):
            yield b"y" * 65536

    chunked = web.client.post(
        "/capture",
        content=chunks(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert chunked.status_code == 413 and "Traceback" not in chunked.text
    people = web.get("/people").text
    assert "Huge Form" not in people and "Chunked Form" not in people


def test_a_huge_multipart_body_is_refused_outside_the_upload(web: Web) -> None:
    web.get("/capture")
    files = {"file": ("big.bin", b"z" * (2 * 1024 * 1024), "application/octet-stream")}
    data = {"csrf_token": web.token, "name": "Multipart"}
    refused = web.client.post("/people/new", data=data, files=files)
    assert refused.status_code == 413 and not list(web.home.glob("**/big.bin"))


def test_a_database_error_page_names_no_server_and_no_password(tmp_path: Path) -> None:
    url = "postgresql://amity:hunter2-s3cret@127.0.0.1:1/amity"
    with _client(tmp_path / "home", url, raise_server_exceptions=False) as client:
        page = client.get("/people")
    assert page.status_code == 503 and "try again" in page.text
    for leak in ("hunter2", "127.0.0.1:1", "postgresql", str(tmp_path), "Traceback"):
        assert leak not in page.text


def test_a_busy_database_gives_the_form_back_with_what_was_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Writers wait five minutes for one another; here the wait is cut short so the test can
    # see what happens when it runs out.
    monkeypatch.setattr("amity.store.database.BUSY_TIMEOUT_MS", 300)
    home = tmp_path / "home"
    with _client(home) as client:
        token = _token(client)
        client.get("/people")  # the store is open before the lock
        blocker = sqlite3.connect(home / "amity.db", isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            typed = {
                "csrf_token": token,
                "name": "Busy Person",
                "place": "Café",
                "note": "Typed <3",
            }
            busy = client.post("/capture", data=typed)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert busy.status_code == 503
        for value in ('value="Busy Person"', 'value="Café"', "Typed &lt;3"):
            assert value in busy.text
        saved = client.post("/capture", data=typed)  # once free, the same form saves
        assert saved.status_code == 200 and "Saved" in saved.text


def test_a_plain_profile_edit_redirects_to_the_person(web: Web) -> None:
    web.get("/capture")
    added = web.client.post(
        "/people/new", data={"csrf_token": web.token, "name": "Plain Edit"}, follow_redirects=False
    )
    person = added.headers["location"].split("?")[0]
    form = {"csrf_token": web.token, "name": "Plain Edited", "circle": "acquaintance"}
    edited = web.client.post(f"{person}/edit", data=form, follow_redirects=False)
    assert edited.status_code == 303 and edited.headers["location"] == person
    assert "Plain Edited" in web.get(person).text


def test_a_new_person_without_a_name_keeps_the_other_fields(web: Web) -> None:
    kept = web.post(
        "/people/new", {"name": "", "company": "Analytical Engines", "how_met": "PyCon"}
    )
    assert kept.status_code == 400
    assert 'value="Analytical Engines"' in kept.text and "PyCon" in kept.text


def test_settings_that_cannot_be_written_come_back_and_name_no_path(
    web: Web, tmp_path: Path
) -> None:
    web.get("/settings")
    config_file = web.home / "config.toml"
    config_file.unlink()
    config_file.mkdir()  # neither readable nor writable as a file
    failed = web.post("/settings", {**SMTP_FORM, "daily_budget": "7", "signature": "— Ada"})
    assert failed.status_code == 400
    assert 'value="7"' in failed.text and "— Ada" in failed.text
    assert "Type the SMTP password again" in failed.text and "web-typed-s3cret" not in failed.text
    assert str(tmp_path) not in failed.text and "Traceback" not in failed.text


def test_a_field_that_is_too_long_brings_the_form_back(web: Web) -> None:
    long_note = "n" * 6000
    kept = web.post("/capture", {"name": "Long Note", "place": "Hall B", "note": long_note})
    assert kept.status_code == 400 and "longer than 5000" in kept.text
    assert long_note in kept.text and 'value="Hall B"' in kept.text
    settings = web.post("/settings", {**SMTP_FORM, "signature": "s" * 6000})
    assert settings.status_code == 400 and "signature is longer" in settings.text
    assert "Long Note" not in web.get("/people").text


def test_an_unexpected_failure_is_a_plain_500_page(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with _client(home, raise_server_exceptions=False) as client:
        client.get("/settings")
        writable_store(f"sqlite:///{home / 'amity.db'}").close()  # the account a write makes
        with sqlite3.connect(home / "amity.db") as db:  # a row no version of Amity writes
            db.execute("UPDATE setting SET value = '{not json' WHERE key = 'daily_budget'")
            if not db.total_changes:
                db.execute(
                    "INSERT INTO setting (owner_id, key, value) "
                    "SELECT id, 'daily_budget', '{not json' FROM account"
                )
        page = client.get("/settings")
    assert page.status_code == 500 and "Something went wrong" in page.text
    for leak in ("Traceback", "JSONDecodeError", "json", str(tmp_path), "line "):
        assert leak not in page.text
