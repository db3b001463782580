"""A network is private: the home is 0700, and the database, its WAL and shared memory,
exports, uploads and the crash log are 0600, whatever the umask says."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TODAY, Amity, writable_store


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The most careless umask there is: everything world-readable and writable."""
    saved = os.umask(0)
    yield
    os.umask(saved)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_home_and_database_are_private(
    amity_sqlite: Amity, open_umask: None, tmp_path: Path
) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    home = amity_sqlite.home
    assert _mode(home) == 0o700
    assert _mode(home / "amity.db") == 0o600


def test_the_wal_and_shm_files_are_private_while_open(
    amity_sqlite: Amity, open_umask: None
) -> None:
    amity_sqlite.ok("init")
    db = amity_sqlite.home / "amity.db"
    store = writable_store(f"sqlite:///{db}")
    try:
        with store.db.transaction():
            store.db.execute("UPDATE account SET name = ? WHERE id = ?", ("me", store.owner_id))
        for suffix in ("-wal", "-shm"):
            side = db.with_name(db.name + suffix)
            assert side.exists(), suffix
            assert _mode(side) == 0o600, suffix
    finally:
        store.close()


def test_a_database_given_with_db_is_created_private(tmp_path: Path, open_umask: None) -> None:
    db = tmp_path / "elsewhere.db"
    Amity(tmp_path / "home", f"sqlite:///{db}", TODAY).ok("add", "Ada")
    assert _mode(db) == 0o600


def test_a_restrictive_umask_still_leaves_a_usable_database(tmp_path: Path) -> None:
    saved = os.umask(0o277)  # would make a new file read-only for its owner
    try:
        cli = Amity(tmp_path / "home", None, TODAY)
        cli.ok("add", "Ada")
        cli.ok("add", "Bob")
    finally:
        os.umask(saved)
    assert _mode(tmp_path / "home" / "amity.db") == 0o600


@pytest.mark.parametrize("kind", ["json", "vcard", "csv"])
def test_exports_are_private(
    amity_sqlite: Amity, tmp_path: Path, open_umask: None, kind: str
) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    target = tmp_path / f"export.{kind}"
    target.write_text("an older, world-readable export")
    target.chmod(0o666)
    amity_sqlite.ok("export", kind, "-o", str(target))
    assert _mode(target) == 0o600
    assert "Lovelace" in target.read_text()


def test_the_calendar_file_is_private(
    amity_sqlite: Amity, tmp_path: Path, open_umask: None
) -> None:
    amity_sqlite.ok("met", "Ada Lovelace")
    target = tmp_path / "agenda.ics"
    amity_sqlite.ok("calendar", "-o", str(target))
    assert _mode(target) == 0o600


def test_a_too_open_home_is_tightened_on_open(amity_sqlite: Amity) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    home = amity_sqlite.home
    home.chmod(0o777)
    (home / "amity.db").chmod(0o666)
    amity_sqlite.ok("list")
    assert _mode(home) == 0o700
    assert _mode(home / "amity.db") == 0o600


def test_tightening_never_adds_a_permission(amity_sqlite: Amity) -> None:
    """A database the user made read-only for themselves stays read-only."""
    amity_sqlite.ok("add", "Ada Lovelace")
    db = amity_sqlite.home / "amity.db"
    db.chmod(0o444)
    amity_sqlite("list")
    assert _mode(db) == 0o400
    db.chmod(0o600)


def test_uploads_are_private(tmp_path: Path, open_umask: None) -> None:
    from fastapi.testclient import TestClient

    from amity.service.settings.environment import Settings
    from amity.web import create_app

    home = tmp_path / "home"
    settings = Settings(home, f"sqlite:///{tmp_path / 'amity.db'}", TODAY)
    vcard = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n"
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        page = client.get("/import").text
        token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = client.post(
            "/import",
            data={"csrf_token": token, "source": "vcard"},
            files={"file": ("ada.vcf", vcard, "text/vcard")},
        )
        assert response.status_code == 200, response.text
    uploads = home / "uploads"
    kept = list(uploads.iterdir())
    assert kept, "the upload is kept until it is confirmed"
    assert _mode(uploads) == 0o700
    assert all(_mode(p) == 0o600 for p in kept)


def test_the_users_own_home_directory_keeps_its_permissions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AMITY_HOME=~ : Amity's files are private, the user's home directory is not changed."""
    user_home = tmp_path / "me"
    user_home.mkdir()
    user_home.chmod(0o755)
    monkeypatch.setenv("HOME", str(user_home))
    Amity(user_home, None, TODAY).ok("add", "Ada")
    assert _mode(user_home) == 0o755
    assert _mode(user_home / "amity.db") == 0o600


def test_a_database_path_that_is_a_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "projects"
    folder.mkdir()
    folder.chmod(0o755)
    result = Amity(tmp_path / "home", f"sqlite:///{folder}", TODAY)("list")
    assert result.code == 1 and "cannot open the database" in result.err
    assert _mode(folder) == 0o755


def test_an_export_onto_a_device_or_a_link_never_replaces_it(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    """`-o /dev/null` used to rename a regular file over the device (as root, over the real
    /dev/null); `-o link` replaced the link. Devices and pipes are written into, links are
    followed, folders refused."""
    amity_sqlite.ok("add", "Ada Lovelace")
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    amity_sqlite.ok("export", "csv", "-o", str(null))
    assert stat.S_ISCHR(null.stat().st_mode)
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    amity_sqlite.ok("export", "csv", "-o", str(link))
    assert link.is_symlink() and "Lovelace" in real.read_text()
    folder = tmp_path / "folder"
    folder.mkdir()
    refused = amity_sqlite("export", "csv", "-o", str(folder))
    assert refused.code == 2 and "is a directory" in refused.err
