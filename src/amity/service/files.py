"""Writing files the way a careful program does: all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from amity.errors import AmityError


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: never a half-written file."""
    target = path.expanduser()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(target)
    except OSError as exc:
        raise AmityError(f"cannot write {target}: {exc.strerror or exc}") from exc
