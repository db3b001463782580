"""Reading a ZIP archive that may be damaged or hostile, within the caps of `limits`.

Three decisions are made before a byte is decompressed: the end-of-central-directory
record (read by hand, before `zipfile` builds an object per entry) must declare at most
`MAX_ZIP_ENTRIES` entries; the members to be read must together expand to at most
`MAX_IMPORT_BYTES`; and none of them may claim a compression ratio only a ZIP bomb has.
Members are then decompressed one chunk at a time against what is left of the budget
(`zipfile` also stops at the declared size and checks the CRC), and any damage —
truncation, a bad CRC, corrupt deflate data — becomes one `ImportFailed` that says so.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from amity.errors import ImportFailed
from amity.io.limits import (
    MAX_IMPORT_BYTES,
    MAX_ZIP_ENTRIES,
    MAX_ZIP_RATIO,
    RATIO_FLOOR_BYTES,
    READ_CHUNK,
    megabytes,
)

LOCAL_HEADER = b"PK\x03\x04"
_END = b"PK\x05\x06"
_END_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
_MAX_COMMENT = 0xFFFF
_MAX_DIRECTORY_BYTES = MAX_ZIP_ENTRIES * 1024  # an entry is its name plus 46 bytes


def damaged(name: str, detail: str = "") -> ImportFailed:
    why = f" ({detail})" if detail else ""
    return ImportFailed(
        f"{name}: the ZIP archive is damaged or incomplete{why}; download the export again"
    )


@contextmanager
def reading(name: str) -> Iterator[None]:
    """Whatever a broken archive raises while it is read, as one clear ImportFailed."""
    try:
        yield
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise damaged(name, str(error)) from None
    except NotImplementedError:
        raise ImportFailed(f"{name}: uses a compression method Amity cannot read") from None
    except RuntimeError as error:  # zipfile: "File ... is encrypted, password required"
        if "encrypted" not in str(error):
            raise
        raise ImportFailed(f"{name}: is password-protected; export it without a password") from None
    except OSError as error:
        raise ImportFailed(f"cannot read {name}: {error.strerror or error}") from None


def _tail_counts(path: Path) -> tuple[int, int] | None:
    """(entries, central directory bytes) from the end record, or None if there is none."""
    with path.open("rb") as handle:
        size = handle.seek(0, io.SEEK_END)
        start = max(0, size - _END_SIZE - _MAX_COMMENT)
        handle.seek(start)
        tail = handle.read()
        at = tail.rfind(_END)
        if at < 0 or len(tail) - at < _END_SIZE:
            return None
        entries, directory = struct.unpack("<HI", tail[at + 10 : at + 16])
        if entries != 0xFFFF and directory != 0xFFFFFFFF:
            return entries, directory
        return _zip64_counts(handle, start + at)


def _zip64_counts(handle: io.BufferedReader, end_at: int) -> tuple[int, int] | None:
    if end_at < 20:
        return None
    handle.seek(end_at - 20)
    locator = handle.read(20)
    if not locator.startswith(_ZIP64_LOCATOR):
        return None
    (record_at,) = struct.unpack("<Q", locator[8:16])
    handle.seek(record_at)
    record = handle.read(56)
    if len(record) < 56 or not record.startswith(_ZIP64_END):
        return None
    entries, directory = struct.unpack("<QQ", record[32:48])
    return entries, directory


def check_directory(path: Path, name: str) -> None:
    """Refuse an archive whose directory alone would fill memory, before `zipfile` reads it."""
    with reading(name):
        counts = _tail_counts(path)
    if counts is None:
        raise damaged(name, "no central directory")
    entries, directory = counts
    if directory > _MAX_DIRECTORY_BYTES:
        raise ImportFailed(
            f"{name}: its list of files alone is {megabytes(directory)}; a LinkedIn export's "
            "is a few KB: the archive is damaged or not an export"
        )
    if entries > MAX_ZIP_ENTRIES:
        raise ImportFailed(
            f"{name}: holds {entries:,} files; a LinkedIn export holds a few dozen "
            f"(Amity reads archives of up to {MAX_ZIP_ENTRIES:,})"
        )


def check_members(name: str, members: Sequence[zipfile.ZipInfo]) -> None:
    """The members about to be read: their total size, then each one's compression ratio."""
    total = sum(member.file_size for member in members)
    if total > MAX_IMPORT_BYTES:
        names = ", ".join(member.filename for member in members if member.file_size)
        raise ImportFailed(
            f"{name}: {names} would expand to {megabytes(total)}, more than the "
            f"{megabytes(MAX_IMPORT_BYTES)} Amity reads in one import; "
            "import the CSV files one at a time"
        )
    for member in members:
        packed = max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR_BYTES and member.file_size > MAX_ZIP_RATIO * packed:
            raise ImportFailed(
                f"{name}: {member.filename} claims {megabytes(member.file_size)} compressed "
                f"into {packed / 1024:,.0f} KB ({member.file_size // packed:,} to 1; real "
                "exports compress about 5 to 1): the archive is damaged or a ZIP bomb"
            )


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str, budget: int) -> bytes:
    """A member's bytes, decompressed a chunk at a time, never more than `budget`."""
    out = io.BytesIO()
    with reading(name), archive.open(member) as stream:
        while chunk := stream.read(READ_CHUNK):
            if out.tell() + len(chunk) > budget:
                raise ImportFailed(
                    f"{name}: {member.filename} expands past the "
                    f"{megabytes(MAX_IMPORT_BYTES)} Amity reads in one import"
                )
            out.write(chunk)
    return out.getvalue()
