"""Reading the CSV files people actually have: any encoding, delimiter or preamble.

Shared by the CSV adapters (`linkedin_*`, `contacts_csv`). Nothing here knows a format's
column names: each adapter says what its header looks like and asks for columns by name.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from amity.errors import ImportFailed
from amity.io.limits import MAX_CSV_FIELD_CHARS

Row = list[str]
Cell = Callable[[Row], str]

_DELIMITERS = (",", "\t", ";")
_QUOTED = re.compile(r'"[^"]*"')
_MOJIBAKE_MARKERS = ("Ã", "Â", "â€", "Å", "Ä")


def decode(data: bytes) -> str:
    """Text of a file whose encoding nobody wrote down.

    A BOM wins (UTF-8, UTF-16 LE/BE); BOM-less UTF-16 is recognised by its NUL bytes;
    then strict UTF-8; then cp1252 (Windows exports), then Latin-1, which never fails.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif (utf16 := bomless_utf16(data)) is not None:
        text = data.decode(utf16, errors="replace")
    else:
        text = _decode_8bit(data)
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text.removeprefix("\ufeff")


def bomless_utf16(data: bytes) -> str | None:
    """`utf-16-le` or `utf-16-be` when the first KiB has a NUL in every other byte."""
    sample = data[:1024]
    half = len(sample) // 2
    if half < 2:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes) -> str:
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def repair_mojibake(text: str) -> str:
    """`JosÃ©` back to `José`: UTF-8 that was once decoded as cp1252 or Latin-1."""
    if text.isascii() or not any(marker in text for marker in _MOJIBAKE_MARKERS):
        return text
    for encoding in ("cp1252", "latin-1"):
        try:
            return text.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def sniff_delimiter(text: str, lines: int = 20) -> str:
    """Comma, tab or semicolon: whichever one line of the first few uses most, outside quotes."""
    best, best_count = ",", 0
    head = text.splitlines()[:lines]
    for delimiter in _DELIMITERS:
        count = max((_QUOTED.sub("", line).count(delimiter) for line in head), default=0)
        if count > best_count:
            best, best_count = delimiter, count
    return best


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file becomes thousands of drafts.

    Drafts hold no reference cycles, yet allocating 30,000 of them triggers repeated full
    collections that cost about as much as the parsing itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def header_key(name: str) -> str:
    """A header cell compared loosely: no BOM, quotes, case or repeated spaces."""
    return " ".join(name.replace("\ufeff", "").strip().strip('"').casefold().split())


def _empty(_row: Row) -> str:
    return ""


def cell_at(index: int | None) -> Cell:
    """A function reading column `index` of a row: stripped, CRLF as LF, "" when absent."""
    if index is None:
        return _empty

    def get(row: Row) -> str:
        if index >= len(row):
            return ""
        value = row[index].strip()
        return value.replace("\r\n", "\n") if "\r" in value else value

    return get


@dataclass(slots=True)
class Table:
    """A CSV file's header and data rows, each row with its physical line number (1-based)."""

    file: str
    header: list[str]
    header_line: int
    rows: list[tuple[int, Row]] = field(default_factory=list)

    def keys(self) -> set[str]:
        return {header_key(name) for name in self.header}

    def index_of(self, *names: str) -> int | None:
        """The first column called any of `names` (compared with `header_key`)."""
        keys = [header_key(name) for name in self.header]
        for name in names:
            if (wanted := header_key(name)) in keys:
                return keys.index(wanted)
        return None

    def cell(self, *names: str) -> Cell:
        """A function reading that column's stripped value from a row ("" when absent)."""
        return cell_at(self.index_of(*names))

    def cells(self, names: Iterable[str]) -> dict[str, Cell]:
        """`cell` for each name, looked up once for a whole file."""
        return {name: self.cell(name) for name in names}


def read_table(
    data: bytes | str,
    file: str,
    is_header: Callable[[set[str]], bool],
    scan: int = 20,
) -> Table:
    """Parse CSV text, finding the header row by its content among the first `scan` rows.

    Without a match the first non-blank row is the header (hand-cleaned files). Blank rows
    are dropped; each data row keeps the physical line on which it starts.
    """
    text = decode(data) if isinstance(data, bytes) else data
    with paused_gc():
        numbered = list(_numbered_rows(text, sniff_delimiter(text), file))
    start = _header_position(numbered, is_header, scan)
    if start is None:
        return Table(file=file, header=[], header_line=0)
    header_line, header = numbered[start]
    return Table(file, [h.strip() for h in header], header_line, numbered[start + 1 :])


def _numbered_rows(text: str, delimiter: str, file: str) -> Iterator[tuple[int, Row]]:
    # A cell may be as large as the file (a long LinkedIn message, a Google note): the csv
    # module's default limit of 128 KiB would turn one into a traceback. Always the same
    # value, so setting this process-wide switch from any thread is harmless.
    csv.field_size_limit(MAX_CSV_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 0
    try:
        for row in reader:
            start = line + 1
            line = reader.line_num
            if any(row) and any(cell.strip() for cell in row):
                yield start, row
    except csv.Error as error:
        raise ImportFailed(
            f"{file}: line {reader.line_num}: not readable as CSV ({error})"
        ) from None


def _header_position(
    rows: list[tuple[int, Row]], is_header: Callable[[set[str]], bool], scan: int
) -> int | None:
    for position, (_line, row) in enumerate(rows[:scan]):
        if is_header({header_key(cell) for cell in row}):
            return position
    return 0 if rows else None
