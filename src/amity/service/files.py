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
    target = path.expanduser()
    payload = data.encode("utf-8") if isinstance(data, str) else data
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


def _write_error(path: Path, exc: OSError) -> AmityError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return AmityError(f"disk full: cannot write {path}; free some space and try again")
    if exc.errno == errno.EROFS:
        return AmityError(f"cannot write {path}: the file system is read-only")
    return AmityError(f"cannot write {path}: {exc.strerror or exc}")
