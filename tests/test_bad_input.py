"""Bad input gets one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY, Amity


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("show", "Nobody Here"), "no one called"),
        (("met", "Ada", "--on", "2026-13-01"), "not a real date"),
        (("met", "Ada", "--on", "yesterdayish"), "not a date"),
        (("log", "Ada", "--kind", "telepathy"), "unknown kind"),
        (("add", "Ada", "--circle", "bestie"), "unknown circle"),
        (("add", "   "), "cannot be empty"),
        (("add", "Ada", "--birthday", "1990-02-30"), "not a real birthday"),
        (("add", "Ada", "--email", "not-an-email"), "not an email"),
        (("add", "Ada", "--every", "0"), "--every must be"),
        (("met", "Ada", "--on", "2031-01-01"), "in the future"),
    ],
)
def test_bad_input_is_a_usage_error(
    amity_sqlite: Amity, args: tuple[str, ...], needle: str
) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    result = amity_sqlite(*args)
    assert result.code == 2, result.err
    assert needle in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) <= 2


def test_bad_today_is_rejected(amity_sqlite: Amity) -> None:
    result = amity_sqlite("list", today="2026-02-31")
    assert result.code == 2
    assert "AMITY_TODAY" in result.err


def test_unreachable_database_is_a_runtime_error(tmp_path: Path) -> None:
    cli = Amity(tmp_path, "postgresql://nobody@127.0.0.1:1/none", TODAY)
    result = cli("list")
    assert result.code == 1
    assert "cannot connect to PostgreSQL" in result.err
    assert "Traceback" not in result.err


def test_unsupported_database_url(tmp_path: Path) -> None:
    result = Amity(tmp_path, "mysql://root@localhost/x", TODAY)("list")
    assert result.code == 2
    assert "unsupported database" in result.err


def test_home_that_cannot_be_written(tmp_path: Path) -> None:
    """A home under a file, or on a read-only file system (/proc), even as root."""
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    for home in (blocker / "home", Path("/proc/amity-home")):
        result = Amity(home, None, TODAY)("add", "Ada")
        assert result.code == 1, result.err
        assert "cannot create the data directory" in result.err
        assert "Traceback" not in result.err


def test_failed_command_writes_nothing(amity_sqlite: Amity) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    bad = amity_sqlite("edit", "ada", "--circle", "inner", "--met-through", "Nobody At All")
    assert bad.code == 2
    assert amity_sqlite.ok("show", "ada", "--json").json()["circle"] == "acquaintance"
