"""Layered fixtures: a temp-file SQLite store, a PostgreSQL store, and the real CLI."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from amity.service.home import open_for_reading, with_account
from amity.store import Store

TODAY = date(2026, 11, 22)
POSTGRES_URL = os.environ.get(
    "AMITY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() == "true"


def _postgres_admin_url() -> str:
    return POSTGRES_URL


def _worker_database(worker: str) -> str:
    """One database per xdist worker, created from the test database's server."""
    import psycopg

    name = f"amity_test_{worker}_{os.getpid()}"  # concurrent runs never share a database
    try:
        with psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but unreachable: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {exc}")
    base, _, _ = POSTGRES_URL.rpartition("/")
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def postgres_url(worker_id: str) -> Iterator[str]:
    url = _worker_database(worker_id)
    yield url
    import psycopg

    name = url.rpartition("/")[2]
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _truncate_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version'"
            )
        ]
        if tables:
            conn.execute(
                "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
            )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'amity.db'}"
    url: str = request.getfixturevalue("postgres_url")
    # Migrate once (first use), then empty every table for this test.
    open_for_reading(url).close()
    _truncate_postgres(url)
    return url


OLD_SCHEMA = "0004"  # a migration an older Amity stopped at: the newest is further on


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def old_database_url(
    request: pytest.FixtureRequest, tmp_path: Path, worker_id: str
) -> Iterator[str]:
    """A database an older Amity left, its schema at OLD_SCHEMA, on each engine (on SQLite,
    the file of the home `tmp_path / "home"`)."""
    from amity.store.migrate import upgrade

    if request.param == "sqlite":
        (tmp_path / "home").mkdir()
        url = f"sqlite:///{tmp_path / 'home' / 'amity.db'}"
        upgrade(url, OLD_SCHEMA)
        yield url
        return
    url = _worker_database(f"{worker_id}_old")
    upgrade(url, OLD_SCHEMA)
    yield url
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{url.rpartition("/")[2]}" WITH (FORCE)')


def writable_store(url: str) -> Store:
    """A store that tests write to directly: opened, with its account (no trash purge, so
    rows dated by the fixed TODAY stay put whatever the real clock says)."""
    return with_account(open_for_reading(url))


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = writable_store(database_url)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = writable_store(f"sqlite:///{tmp_path / 'amity.db'}")
    yield opened
    opened.close()


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Amity:
    """Runs the real `amity` entry point in-process against one home."""

    def __init__(self, home: Path, database_url: str | None, today: date) -> None:
        self.home = home
        self.database_url = database_url
        self.today = today

    def __call__(self, *args: str, today: date | str | None = None) -> Result:
        from amity.cli import main

        env = {"AMITY_HOME": str(self.home), "AMITY_TODAY": str(today or self.today)}
        if self.database_url:
            env["AMITY_DATABASE_URL"] = self.database_url
        saved = {k: os.environ.get(k) for k in (*env, "AMITY_DATABASE_URL")}
        os.environ.pop("AMITY_DATABASE_URL", None)
        os.environ.update(env)
        out, err = io.StringIO(), io.StringIO()
        code = 0
        try:
            with redirect_stdout(out), redirect_stderr(err):
                main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
        return Result(code, out.getvalue(), err.getvalue())

    def ok(self, *args: str, today: date | str | None = None) -> Result:
        result = self(*args, today=today)
        assert result.code == 0, f"amity {' '.join(args)} exited {result.code}: {result.err}"
        return result


@pytest.fixture
def amity(tmp_path: Path, database_url: str) -> Amity:
    """The CLI on a fresh home, once on SQLite and once on PostgreSQL."""
    sqlite = database_url.startswith("sqlite")
    return Amity(tmp_path / "home", None if sqlite else database_url, TODAY)


@pytest.fixture
def amity_sqlite(tmp_path: Path) -> Amity:
    return Amity(tmp_path / "home", None, TODAY)


def pytest_configure(config: pytest.Config) -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 3000))
