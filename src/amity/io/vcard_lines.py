"""The tolerant line layer of the vCard adapter: file bytes in, cards of content lines out.

Real exports break the RFCs in the same few ways, and every one is handled here, before any
text is decoded: CR-only or mixed line ends (even `CR CR LF`), folds that split a UTF-8
sequence (lines are unfolded as bytes), quoted-printable soft line breaks (`=` at a line's
end), a file that starts with a continuation line, stray comment lines, property names in
any case, and a card whose `END:VCARD` is missing (the next `BEGIN` or the end of the file
closes it). Values are decoded only when asked for, with their own CHARSET, so a Shift_JIS
byte that happens to be a backslash never reaches the unescaping.
"""

from __future__ import annotations

import binascii
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from amity.io.csv_text import bomless_utf16

_SPLIT_CHUNK = 4 * 1024 * 1024
_HEADER_CACHE = 4096
_CACHED_HEADER_BYTES = 200
_NAME = re.compile(r"(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)")
_PROPERTY_START = re.compile(rb"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?[;:]")
_ENCODINGS = frozenset({"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"})
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":", '"': '"', "'": "'"}
_QUOTE = 0x22
_COLON = 0x3A
_BLANKS = (0x20, 0x09)


@dataclass(frozen=True, slots=True)
class Header:
    """What comes before a line's value colon, parsed once per distinct header in a file."""

    group: str
    name: str  # upper case
    params: tuple[tuple[str, str], ...]  # (upper-case name, value without quotes)
    text: str
    charset: str = ""
    quoted_printable: bool = False
    types: tuple[str, ...] = ()  # every TYPE value, split at commas, lower case


@dataclass(slots=True)
class ContentLine:
    """One unfolded property line: `group.NAME;PARAM=value:raw value bytes`."""

    head: Header
    raw: bytes
    line: int

    @property
    def group(self) -> str:
        return self.head.group

    @property
    def name(self) -> str:
        """The property name, upper case."""
        return self.head.name

    @property
    def params(self) -> tuple[tuple[str, str], ...]:
        return self.head.params

    @property
    def header(self) -> str:
        return self.head.text

    @property
    def charset(self) -> str:
        return self.head.charset

    @property
    def quoted_printable(self) -> bool:
        return self.head.quoted_printable

    def param(self, name: str) -> str:
        """The first value of parameter `name` (upper case), or ``""``."""
        for key, value in self.head.params:
            if key == name:
                return value
        return ""

    def types(self) -> list[str]:
        """Every TYPE value, split at commas and lower-cased (2.1 bare params included)."""
        return list(self.head.types)

    def text(self) -> str:
        """The value as text: quoted-printable and CHARSET decoded, escapes still in place."""
        raw = binascii.a2b_qp(self.raw) if self.head.quoted_printable else self.raw
        return decode_bytes(raw, self.head.charset)


@dataclass(slots=True)
class RawCard:
    """The content lines between one `BEGIN:VCARD` and its end."""

    line: int
    lines: list[ContentLine] = field(default_factory=list)
    closed: bool = False


def decode_bytes(raw: bytes, charset: str = "") -> str:
    """Bytes as text: the declared charset if Python knows it (a bad byte becomes U+FFFD),
    else UTF-8, else cp1252, else Latin-1 (Apple exports Latin-1 without saying so)."""
    if raw.isascii():
        return raw.decode("ascii")
    if charset:
        try:
            return raw.decode(codecs.lookup(charset).name, errors="replace")
        except LookupError:
            pass
    for encoding in ("utf-8", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def unescape(text: str) -> str:
    r"""Undo vCard text escaping (`\n`, `\,`, `\;`, `\\`, and the common stray `\:`)."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: _UNESCAPED.get(m.group(1), m.group(0)), text)


def split_escaped(text: str, separator: str) -> list[str]:
    """Split at separators that are not backslash-escaped, then unescape each part."""
    if "\\" not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for char in chars:
        if char == "\\":
            current.append(char + next(chars, ""))
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [unescape(part) for part in parts]


def _normalise_bytes(data: bytes) -> bytes:
    """UTF-8 without a BOM or NUL; UTF-16 files are re-encoded first, told by their BOM or,
    as the CSV readers do, by the NUL in every other byte of a BOM-less file. NUL characters
    are dropped as the CSV readers drop them: no vCard value holds one, and PostgreSQL
    cannot store one (an import would work on SQLite and be refused there)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    elif (utf16 := bomless_utf16(data)) is not None:
        data = data.decode(utf16, errors="replace").removeprefix("\ufeff").encode("utf-8")
    else:
        data = data.removeprefix(b"\xef\xbb\xbf")
    return data.replace(b"\x00", b"") if b"\x00" in data else data


def _physical_lines(data: bytes) -> Iterator[bytes]:
    """The file's lines (CR LF, CR or LF), split a few MB at a time, never all at once."""
    start = 0
    while start < len(data):
        cut = data.find(b"\n", start + _SPLIT_CHUNK)
        end = len(data) if cut < 0 else cut + 1
        yield from data[start:end].splitlines()
        start = end


def _is_quoted_printable(line: bytes) -> bool:
    return b"QUOTED-PRINTABLE" in line.partition(b":")[0].upper()


def logical_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Unfolded lines with the number of the physical line each starts on.

    A line starting with a space or tab continues the previous one (blank lines between
    them are skipped: some iOS exports end lines with `CR CR LF`). After a quoted-printable
    line ending in `=`, the next line continues the value unless it is blank or starts a
    property.
    """
    start = 0
    buffer: list[bytes] = []
    soft_breaks: bool | None = False  # None: not looked at yet for this logical line
    for number, line in enumerate(_physical_lines(_normalise_bytes(data)), 1):
        if not line:
            soft_breaks = False
            continue
        if buffer and buffer[-1].endswith(b"=") and soft_breaks is not False:
            if soft_breaks is None:
                soft_breaks = _is_quoted_printable(buffer[0])
            if soft_breaks and not _PROPERTY_START.match(line):
                buffer[-1] = buffer[-1][:-1]
                buffer.append(line)
                continue
        if line[0] in _BLANKS:
            if buffer:
                buffer.append(line[1:])
                continue
            line = line.lstrip()
        if buffer:
            yield start, buffer[0] if len(buffer) == 1 else b"".join(buffer)
        buffer, start, soft_breaks = [line], number, None
    if buffer:
        yield start, b"".join(buffer)


def _header_end(line: bytes) -> int:
    """Index of the colon that ends the header (colons inside quoted params don't count)."""
    colon = line.find(b":")
    if colon < 0 or line.find(b'"', 0, colon) < 0:
        return colon
    in_quotes = False
    for index, byte in enumerate(line):
        if byte == _QUOTE:
            in_quotes = not in_quotes
        elif byte == _COLON and not in_quotes:
            return index
    return -1


def _split_params(header: str) -> list[str]:
    if '"' not in header:
        return header.split(";")
    parts = [""]
    in_quotes = False
    for char in header:
        if char == '"':
            in_quotes = not in_quotes
        if char == ";" and not in_quotes:
            parts.append("")
        else:
            parts[-1] += char
    return parts


def _param(text: str) -> tuple[str, str]:
    key, equals, value = text.partition("=")
    if not equals:  # vCard 2.1 bare parameter: `TEL;WORK;VOICE:` or `NOTE;QUOTED-PRINTABLE:`
        bare = key.strip()
        return ("ENCODING" if bare.upper() in _ENCODINGS else "TYPE"), bare
    return key.strip().upper(), value.strip().replace('"', "")


def parse_header(head: bytes) -> Header | None:
    """`item1.TEL;TYPE=CELL` as a `Header`, or None when it is not vCard syntax."""
    header = head.decode("ascii") if head.isascii() else decode_bytes(head)
    parts = _split_params(header) if ";" in header else [header]
    match = _NAME.fullmatch(parts[0].strip())
    if match is None:
        return None
    params = tuple(_param(part) for part in parts[1:] if part and not part.isspace())
    charset = next((value for key, value in params if key == "CHARSET"), "")
    quoted_printable = any(
        key == "ENCODING" and value.upper() == "QUOTED-PRINTABLE" for key, value in params
    )
    types = tuple(
        v.strip().lower() for key, value in params if key == "TYPE" for v in value.split(",")
        if v.strip()
    )  # fmt: skip
    group, name = match.group(1) or "", match.group(2).upper()
    return Header(group, name, params, header, charset, quoted_printable, types)


_NOT_A_HEADER = Header("", "", (), "")
_HEADERS: dict[bytes, Header] = {}  # shared by every file: a few dozen distinct headers each


def parse_line(number: int, line: bytes) -> ContentLine | None:
    """One logical line as a content line, or None when it is not vCard syntax."""
    end = _header_end(line)
    if end <= 0:
        return None
    head_bytes = line[:end]
    head = _HEADERS.get(head_bytes)
    if head is None:
        head = parse_header(head_bytes) or _NOT_A_HEADER
        if len(_HEADERS) < _HEADER_CACHE and len(head_bytes) <= _CACHED_HEADER_BYTES:
            _HEADERS[head_bytes] = head
    if head is _NOT_A_HEADER:
        return None
    return ContentLine(head, line[end + 1 :], number)


def _is_vcard(content: ContentLine) -> bool:
    return content.raw.strip().upper() == b"VCARD"


def iter_cards(data: bytes, stray: list[int]) -> Iterator[RawCard]:
    """The cards in a file, one at a time (a big file never holds every line in memory).

    The numbers of lines outside any card that are not `BEGIN`/`END` are appended to
    `stray`, so a caller can tell a file that is not a vCard at all.
    """
    current: RawCard | None = None
    for number, line in logical_lines(data):
        content = parse_line(number, line)
        if content is None:
            if current is None:
                stray.append(number)
        elif content.name == "BEGIN" and _is_vcard(content):
            if current is not None:
                yield current
            current = RawCard(number)
        elif content.name == "END" and _is_vcard(content):
            if current is not None:
                current.closed = True
                yield current
            current = None
        elif current is None:
            stray.append(number)
        else:
            current.lines.append(content)
    if current is not None:
        yield current
