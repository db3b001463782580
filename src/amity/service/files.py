"""Writing files the way a careful program does: all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from amity.errors import AmityError


def write_atomically(path: Path, data: bytes | str) -> None:
    """Write a temporary file beside `path`, then rename it: never a half-written file."""
    target = path.expanduser()
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise AmityError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        Path(temp).replace(target)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise AmityError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
