"""store/sqlite_file.py: the SQLite file is private from its first byte, and a folder that
cannot hold it is named in words (a read-only home: tests/hostile/test_cli_robustness.py)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from amity.errors import StoreError
from amity.store import sqlite_file


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_file_is_0600_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "amity.db"
    old = os.umask(0)
    try:
        sqlite_file.prepare(path)
    finally:
        os.umask(old)
    assert path.exists() and _mode(path) == 0o600


def test_an_existing_too_open_file_and_its_wal_are_tightened(tmp_path: Path) -> None:
    path, wal = tmp_path / "amity.db", tmp_path / "amity.db-wal"
    for each in (path, wal):
        each.write_bytes(b"")
        each.chmod(0o664)
    sqlite_file.prepare(path)
    assert _mode(path) == 0o600 and _mode(wal) == 0o600


def test_a_missing_folder_is_an_error_naming_it_never_created(tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    with pytest.raises(StoreError, match="nowhere does not exist"):
        sqlite_file.prepare(folder / "amity.db")
    assert not folder.exists()
