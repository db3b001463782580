"""`amity db status` and `amity db upgrade`, and `amity init` on a home an older Amity left,
on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from amity.service.schema import schema_status
from amity.store.migrate import HEAD
from tests.conftest import OLD_SCHEMA, TODAY, Amity


def _old_home(tmp_path: Path, url: str) -> Amity:
    """The CLI on the old database (on SQLite, the home's own file)."""
    return Amity(tmp_path / "home", None if url.startswith("sqlite") else url, TODAY)


def test_db_upgrade_brings_an_old_home_to_the_newest_schema(
    tmp_path: Path, old_database_url: str
) -> None:
    amity = _old_home(tmp_path, old_database_url)
    status = amity.ok("db", "status").out
    assert f"Database at {OLD_SCHEMA}" in status and HEAD in status and "amity db upgrade" in status
    assert amity.ok("db", "status", "--json").json() == {
        "current": OLD_SCHEMA,
        "head": HEAD,
        "behind": True,
    }
    assert schema_status(old_database_url).current == OLD_SCHEMA  # status changed nothing
    assert amity.ok("db", "upgrade").out == f"Database upgraded from {OLD_SCHEMA} to {HEAD}.\n"
    assert schema_status(old_database_url).current == HEAD
    assert amity.ok("db", "upgrade").out == f"Already at {HEAD}.\n"
    assert amity.ok("db", "upgrade", "--json").json() == {
        "before": HEAD,
        "after": HEAD,
        "changed": False,
    }
    assert amity.ok("db", "status").out == f"Database at {HEAD}, the newest schema.\n"


def test_db_upgrade_on_a_current_home_changes_nothing(amity: Amity) -> None:
    amity.ok("add", "Ada Lovelace")
    assert amity.ok("db", "upgrade").out == f"Already at {HEAD}.\n"
    assert amity.ok("list", "--json").json()["total"] == 1


def test_db_upgrade_creates_a_new_home_s_database(amity_sqlite: Amity) -> None:
    assert amity_sqlite.ok("db", "status", "--json").json()["current"] is None
    assert amity_sqlite.ok("db", "upgrade").out == f"Database created at {HEAD}.\n"
    assert amity_sqlite.ok("db", "status", "--json").json()["current"] == HEAD


def test_init_migrates_an_old_home_and_creates_its_account(
    tmp_path: Path, old_database_url: str
) -> None:
    amity = _old_home(tmp_path, old_database_url)
    out = amity.ok("init").out
    assert f"Database upgraded from {OLD_SCHEMA} to {HEAD}." in out and "Amity is ready" in out
    assert schema_status(old_database_url).current == HEAD
    assert amity.ok("init").out.startswith("Amity is ready")  # again: nothing to say
    assert amity.ok("add", "Ada Lovelace").out  # the account init made is the one used


def test_a_read_on_an_old_home_migrates_it_first(tmp_path: Path, old_database_url: str) -> None:
    """As before `amity db upgrade` existed: a command that finds the schema behind runs it."""
    amity = _old_home(tmp_path, old_database_url)
    assert amity.ok("list", "--json").json()["total"] == 0
    assert schema_status(old_database_url).current == HEAD


def test_db_upgrade_on_an_unreachable_database_says_so(amity_sqlite: Amity) -> None:
    for args in (("db", "upgrade"), ("db", "status")):
        result = amity_sqlite("--db", "postgresql://nobody:secret@127.0.0.1:1/none", *args)
        assert result.code != 0 and result.out == ""
        assert "cannot connect" in result.err and "Traceback" not in result.err
        assert "secret" not in result.err
