"""The SQLite file on disk: private from its first byte, never in a folder made up on the
spot, and still readable in a read-only home.

SQLite creates the database with the process umask, and gives its -wal and -shm files the
database file's mode; so the file is made 0600 here before SQLite ever opens it.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from stat import S_ISREG

from amity.errors import StoreError


def no_space(folder: Path) -> bool:
    """Whether the file system holding `folder` is (all but) full: SQLite reports a full
    disk as SQLITE_FULL on writes but as a plain I/O error when it maps its -shm file."""
    try:
        found = os.statvfs(folder)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < 64 * 1024


def connect(path: str) -> sqlite3.Connection:
    """A connection; in a read-only home (no -shm file can be made beside the database)
    a read-only one, so reading still works and a write says the home is read-only."""
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    if path == ":memory:" or os.access(Path(path).expanduser().parent, os.W_OK):
        return conn
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    uri = Path(path).expanduser().absolute().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def prepare(path: Path) -> None:
    """The database file exists, private (0600), before SQLite opens it: SQLite gives its
    -wal and -shm files the database file's mode, whatever the umask. A missing folder is
    an error naming it, never created silently; a too-open existing file is tightened."""
    folder = path.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise StoreError(
            f"the folder {folder} {what}; create it first or choose another database path"
        )
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        _tighten(path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
        return
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise StoreError(
                f"the Amity home {folder} is read-only and has no database yet; "
                "check its permissions or set AMITY_HOME"
            ) from None
        raise StoreError(f"cannot create the database {path}: {exc.strerror}") from None
    try:
        os.fchmod(fd, 0o600)  # the umask may have taken bits away: set the mode exactly
    finally:
        os.close(fd)


def _tighten(*paths: Path) -> None:
    """Take group and other permissions off files the user owns; leave others alone (a
    read-only home, someone else's file) and never add a permission."""
    for path in paths:
        try:
            st = path.stat()
            if S_ISREG(st.st_mode) and st.st_mode & 0o077 and st.st_uid == os.getuid():
                path.chmod(st.st_mode & 0o700)
        except OSError:
            continue
