"""How much one import may read, and reading files so that nothing hostile gets past it.

The caps are set far above what real exports hold, so no user meets them, and low enough
that a hostile or broken file is refused at once, before it is read:

- `MAX_IMPORT_BYTES` (256 MiB): the most one import reads: one file (a vCard, a CSV, a
  LinkedIn CSV or the ZIP itself), the files of one folder together, or the *uncompressed*
  members of a ZIP together. A LinkedIn export of 30,000 connections with years of messages
  is tens of MB unzipped; a 100 MB vCard of 770,000 cards is well inside.
- `MAX_ZIP_RATIO` (100 to 1): a member larger than `RATIO_FLOOR_BYTES` (1 MiB) that claims
  to expand more than this is refused. CSV text compresses 4 to 10 times; only a ZIP bomb
  (or a damaged directory) claims more.
- `MAX_ZIP_ENTRIES` (10,000 files): a LinkedIn export holds a few dozen.
- `MAX_CSV_FIELD_CHARS`: one CSV cell may be as large as the file (Python's csv module
  stops at 128 KiB by default; a long LinkedIn message or Google note can be larger).

Everything is decided from sizes the file system or the ZIP's central directory gives
before any byte is decompressed, and checked again while reading.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from amity.errors import ImportFailed

MiB = 1024 * 1024
MAX_IMPORT_BYTES = 256 * MiB
MAX_ZIP_RATIO = 100
RATIO_FLOOR_BYTES = 1 * MiB
MAX_ZIP_ENTRIES = 10_000
MAX_CSV_FIELD_CHARS = MAX_IMPORT_BYTES
READ_CHUNK = 1 * MiB


def megabytes(size: int) -> str:
    """`268435456` -> `256 MB` (MiB, as file managers show them)."""
    return f"{size / MiB:,.0f} MB"


def too_large(name: str, size: int, what: str = "") -> ImportFailed:
    return ImportFailed(
        f"{name}: {what or 'the file is'} {megabytes(size)}, more than the "
        f"{megabytes(MAX_IMPORT_BYTES)} Amity reads in one import; split it or export less"
    )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_a_file(path: Path, mode: int) -> ImportFailed:
    kind = _kind(mode)
    if kind == "a folder":
        return ImportFailed(f"{path} is a folder; give the file inside it")
    return ImportFailed(
        f"{path} is {kind}, not a regular file; save the contacts to a file and import that"
    )


def check_path(path: Path, folders: bool) -> None:
    """Refuse, without opening it, anything but a regular file (or a folder when `folders`).

    A FIFO would block the import until some other program writes to it; a device such as
    `/dev/zero` would be read forever.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise ImportFailed(f"{path} does not exist") from None
    except OSError as error:
        raise ImportFailed(f"cannot read {path}: {error.strerror or error}") from None
    if stat.S_ISREG(mode) or (folders and stat.S_ISDIR(mode)):
        return
    raise not_a_file(path, mode)


def read_file(path: Path, budget: int = MAX_IMPORT_BYTES, shown: str = "") -> bytes:
    """The bytes of a regular file of at most `budget` bytes, else ImportFailed.

    Opened without blocking (a FIFO swapped in after `check_path` still cannot hang the
    import), checked with fstat, then read at most `budget + 1` bytes: a file that grows,
    or lies about its size as some /proc files do, is still refused.
    """
    name = shown or str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise ImportFailed(f"cannot read {name}: {error.strerror or error}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise not_a_file(path, info.st_mode)
        if info.st_size > budget:
            raise too_large(name, info.st_size)
        try:
            data = handle.read(budget + 1)
        except OSError as error:
            raise ImportFailed(f"cannot read {name}: {error.strerror or error}") from None
    if len(data) > budget:
        raise too_large(name, len(data), "the file is more than")
    return data


def file_size(path: Path) -> int:
    """The size of a file found in a folder (0 when it vanished meanwhile)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
