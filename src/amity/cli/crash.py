"""The last line of defence: an unexpected error becomes one line and a crash log.

The traceback goes to `crash.log` in the home (0600, passwords redacted), or to a private
temporary file when the home cannot be written; the one line says where.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

CRASH_LOG = "crash.log"
_MAX_LOG_BYTES = 1 << 20  # a log that grew past this starts again


def write_crash_log(exc: BaseException, argv: list[str]) -> Path | None:
    """Write the traceback; return where, or None when nothing could be written."""
    from amity.store.database import redact

    text = redact(_report_text(exc, argv))
    data = text.encode("utf-8", "backslashreplace")
    for opener in (_open_home_log, _open_temporary_log):
        try:
            opened = opener()
        except OSError:
            continue
        fd, path = opened
        try:
            os.fchmod(fd, 0o600)
            _write_all(fd, data)
        except OSError:
            continue
        finally:
            os.close(fd)
        return path
    return None


def _write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data) :]


def _report_text(exc: BaseException, argv: list[str]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        amity_version = version("amity")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        amity_version = "unknown"
    shown = " ".join(ascii(a) for a in argv)
    when = datetime.now(UTC).isoformat(timespec="seconds")
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return (
        f"--- {when} amity {amity_version}, Python {sys.version.split()[0]}\n"
        f"arguments: {shown}\n{''.join(lines)}\n"
    )


def _open_home_log() -> tuple[int, Path]:
    home = os.environ.get("AMITY_HOME")
    if not home:
        import platformdirs

        home = platformdirs.user_data_dir("amity", appauthor=False)
    path = Path(home).expanduser() / CRASH_LOG
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    try:
        if path.stat().st_size > _MAX_LOG_BYTES:
            flags |= os.O_TRUNC
    except OSError:
        pass
    return os.open(path, flags, 0o600), path


def _open_temporary_log() -> tuple[int, Path]:
    fd, name = tempfile.mkstemp(prefix="amity-crash-", suffix=".log")
    return fd, Path(name)
