"""Writers wait, they do not fail: a CLI write or a web form during a long import waits
for it and lands, and kill -9 of the import leaves it fully absent while the write lands."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from amity.service.home import open_for_reading

ROWS = 80_000  # a LinkedIn file big enough that its import holds the write lock for seconds


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    rows += [
        f"P{n},Q{n},https://www.linkedin.com/in/p{n},,Co{n % 50},Eng,05 Mar 2024"
        for n in range(ROWS)
    ]
    path = tmp_path_factory.mktemp("export") / "Connections.csv"
    path.write_text("\n".join(rows) + "\n")
    return path


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "AMITY_HOME": str(home), "AMITY_TODAY": "2026-11-22"}
    env.pop("AMITY_DATABASE_URL", None)
    return env


def _amity(home: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "amity", *args],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def importing(tmp_path: Path, big_export: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """A home with an import under way: it holds the write lock when this yields."""
    home = tmp_path / "home"
    subprocess.run(
        [sys.executable, "-m", "amity", "init"], env=_env(home), check=True, capture_output=True
    )
    proc = _amity(home, "import", "linkedin", str(big_export))
    wal = home / "amity.db-wal"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 256 * 1024:  # writing is under way
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before the test could write"
    yield home, proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()


def _count(home: Path, sql: str) -> int:
    store = open_for_reading(f"sqlite:///{home / 'amity.db'}")
    try:
        return int(store.db.scalar(sql))
    finally:
        store.close()


def test_a_cli_write_during_an_import_waits_and_lands(
    importing: tuple[Path, subprocess.Popen[str]],
) -> None:
    home, proc = importing
    started = time.monotonic()
    writer = _amity(home, "add", "Wendy Waiter", "--email", "wendy@example.org")
    _, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert "locked" not in err
    assert proc.wait(timeout=300) == 0
    assert time.monotonic() - started > 0.5  # it really waited for the import
    assert _count(home, "SELECT count(*) FROM person WHERE name = 'Wendy Waiter'") == 1
    assert _count(home, "SELECT count(*) FROM person") == ROWS + 1


def test_a_web_form_during_an_import_waits_and_lands(
    importing: tuple[Path, subprocess.Popen[str]],
) -> None:
    from fastapi.testclient import TestClient

    from amity.service.settings.environment import Settings
    from amity.web import create_app
    from tests.conftest import TODAY
    from tests.web.conftest import Clock, Web

    home, proc = importing
    settings = Settings(home, f"sqlite:///{home / 'amity.db'}", TODAY)
    with TestClient(create_app(settings, clock=Clock()), base_url="http://127.0.0.1") as client:
        web = Web(client, home, Clock())
        web.get("/capture")  # a read during the import: answered at once
        saved: Any = web.post("/capture", {"name": "Wanda Web", "place": "the lobby"})
    assert saved.status_code == 200, saved.text[-500:]
    assert proc.wait(timeout=300) == 0
    assert _count(home, "SELECT count(*) FROM person WHERE name = 'Wanda Web'") == 1


def test_kill_9_of_the_import_leaves_it_absent_and_the_waiting_write_lands(
    importing: tuple[Path, subprocess.Popen[str]],
) -> None:
    home, proc = importing
    writer = _amity(home, "add", "Kim Killjoy")
    time.sleep(0.5)  # the writer is waiting for the lock now
    assert writer.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert _count(home, "SELECT count(*) FROM person") == 1  # the import is fully absent
    assert _count(home, "SELECT count(*) FROM source_record") == 0
    assert _count(home, "SELECT count(*) FROM person WHERE name = 'Kim Killjoy'") == 1


@pytest.mark.postgres
def test_postgresql_writers_wait_on_locks_without_a_timeout(postgres_url: str) -> None:
    store = open_for_reading(postgres_url)
    try:
        assert store.db.scalar("SHOW lock_timeout") in ("0", "0ms")
        assert store.db.scalar("SHOW statement_timeout") in ("0", "0ms")
    finally:
        store.close()
