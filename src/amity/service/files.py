"""Writing files the way a careful program does: all or nothing, private, and clear about
why not (a missing folder, a full disk)."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from amity.errors import AmityError, UsageError


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write a temporary file beside `path`, then rename it: never a half-written file.

    The file is private (0600, whatever the umask): exports hold a whole network. The
    folder must exist; it is never created silently, so a typo in `-o` is an error."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = path.expanduser()
    if target.exists() and not target.is_file():  # a device, a pipe, /dev/stdout, a folder
        _write_through(path, target, payload)
        return
    if target.is_symlink():  # a link to a file: write where it points; the link stays
        target = target.resolve()
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise UsageError(f"cannot write {path}: the folder {folder} {what}; create it first")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as out:
            os.fchmod(out.fileno(), 0o600)
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        Path(temp).replace(target)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise


def _write_through(path: Path, target: Path, payload: bytes) -> None:
    """`-o /dev/stdout`, `/dev/null` or a named pipe: written into, never replaced by a
    file (a rename would swap the device for a regular file); a folder is refused."""
    if target.is_dir():
        raise UsageError(f"cannot write {path}: it is a folder; name a file inside it")
    try:
        with open(target, "wb") as out:
            out.write(payload)
    except OSError as exc:
        raise _write_error(path, exc) from None


def _write_error(path: Path, exc: OSError) -> AmityError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return AmityError(f"disk full: cannot write {path}; free some space and try again")
    if exc.errno == errno.EROFS:
        return AmityError(f"cannot write {path}: the file system is read-only")
    return AmityError(f"cannot write {path}: {exc.strerror or exc}")
