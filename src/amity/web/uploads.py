"""Uploads streamed straight into `AMITY_HOME/uploads`, size-limited, never elsewhere.

Starlette's own form parser spools large files to the system temp directory; this one
writes the single file part to a randomly named file inside the home, counts bytes as they
arrive, and keeps the small text fields (the CSRF token, the chosen source) in memory.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from fastapi import Request
from python_multipart.multipart import MultipartParser, parse_options_header

from amity.errors import UsageError
from amity.service.imports.sources import UPLOAD_SUFFIXES
from amity.web.errors import TooLarge

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

FIELD_LIMIT = 4096
STALE_SECONDS = 3600
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
EXPIRED = "this upload has expired; please choose the file again"


@dataclass(slots=True)
class Upload:
    fields: dict[str, str]
    path: Path | None  # the file inside the home, or None when no file was chosen
    filename: str


@dataclass(slots=True)
class _Part:
    headers: dict[str, str] = field(default_factory=dict)
    name: str = ""
    filename: str | None = None
    data: bytearray = field(default_factory=bytearray)


def upload_dir(home: Path) -> Path:
    folder = home / "uploads"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _private_file(path: Path) -> IO[bytes]:
    """A new file only its owner can read (0600 whatever the umask): uploads are contacts."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "wb")


def upload_path(home: Path, token: str, suffix: str) -> Path:
    """The file behind a confirm form's token; tokens are hex, so no path escapes the home.
    A kept upload is named by its source's `upload_suffix`."""
    if not _TOKEN.match(token) or suffix not in UPLOAD_SUFFIXES:
        raise UsageError(EXPIRED)
    path = upload_dir(home) / f"{token}{suffix}"
    if not path.is_file():
        raise UsageError(EXPIRED)
    return path


def discard_upload(home: Path, token: str) -> None:
    if not _TOKEN.match(token):
        return
    for suffix in UPLOAD_SUFFIXES:
        (upload_dir(home) / f"{token}{suffix}").unlink(missing_ok=True)


def remove_stale(home: Path, now: float | None = None) -> None:
    cutoff = (now or time.time()) - STALE_SECONDS
    for old in upload_dir(home).glob("*"):
        if old.is_file() and old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)


async def receive_upload(request: Request, home: Path, limit: int) -> Upload:
    """Stream a multipart body; the file goes to `home/uploads/<random>.part`."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise TooLarge(_too_big(limit))
    content_type, params = parse_options_header(request.headers.get("content-type"))
    if content_type != b"multipart/form-data" or b"boundary" not in params:
        raise UsageError("send the file with the form on this page")
    target = upload_dir(home) / f"{secrets.token_hex(16)}.part"
    receiver = _Receiver(target, limit)
    parser = MultipartParser(params[b"boundary"], receiver.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
            receiver.check()
        parser.finalize()
    except BaseException:
        receiver.close()
        target.unlink(missing_ok=True)
        raise
    receiver.close()
    if not receiver.filename or not target.exists() or target.stat().st_size == 0:
        target.unlink(missing_ok=True)
        return Upload(receiver.fields, None, receiver.filename)
    return Upload(receiver.fields, target, receiver.filename)


def _too_big(limit: int) -> str:
    return f"that file is larger than {limit // (1024 * 1024)} MB; export a smaller one"


class _Receiver:
    def __init__(self, target: Path, limit: int) -> None:
        self.target = target
        self.limit = limit
        self.written = 0
        self.fields: dict[str, str] = {}
        self.filename = ""
        self._part = _Part()
        self._header = [bytearray(), bytearray()]
        self._out: IO[bytes] | None = None

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._begin,
            "on_header_field": lambda d, s, e: self._header[0].extend(d[s:e]),
            "on_header_value": lambda d, s, e: self._header[1].extend(d[s:e]),
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_done,
            "on_part_data": self._data,
            "on_part_end": self._end,
        }

    def check(self) -> None:
        if self.written > self.limit:
            raise TooLarge(_too_big(self.limit))

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def _begin(self) -> None:
        self._part = _Part()

    def _header_end(self) -> None:
        name = bytes(self._header[0]).decode("latin-1").strip().lower()
        self._part.headers[name] = bytes(self._header[1]).decode("utf-8", "replace").strip()
        self._header = [bytearray(), bytearray()]

    def _headers_done(self) -> None:
        _, params = parse_options_header(self._part.headers.get("content-disposition", ""))
        self._part.name = params.get(b"name", b"").decode("utf-8", "replace")
        raw = params.get(b"filename")
        if raw is not None:
            self._part.filename = raw.decode("utf-8", "replace")
            if not self.filename and raw:
                self.filename = Path(self._part.filename.replace("\\", "/")).name[:200]
                self._out = _private_file(self.target)

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self._part.filename is not None:
            if self._out is not None and self.filename:
                self.written += end - start
                if self.written <= self.limit:
                    self._out.write(data[start:end])
            return
        if len(self._part.data) + end - start > FIELD_LIMIT:
            raise UsageError(f"the form field {self._part.name!r} is too long")
        self._part.data.extend(data[start:end])

    def _end(self) -> None:
        if self._part.filename is None and self._part.name:
            self.fields[self._part.name] = self._part.data.decode("utf-8", "replace")
        elif self._out is not None:
            self.close()
