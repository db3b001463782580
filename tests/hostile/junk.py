"""Junk built at test time from a fixed seed: random bytes, truncations and byte flips of the
real fixtures, damaged LinkedIn ZIPs, wild vCards and broken CSVs. Nothing here is committed
as data; every case is rebuilt the same way from its id on every run."""

from __future__ import annotations

import io
import random
import struct
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SEED = 20261122
FIXTURES = Path(__file__).parents[1] / "fixtures"
REAL_ZIP = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-20-2026.zip"
CONNECTIONS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
GOOGLE = "First Name,Last Name,Notes,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Value"
CRLF = "\r\n"

Build = Callable[[random.Random], bytes]


@dataclass(frozen=True)
class Case:
    id: str
    source: str  # linkedin | vcard | csv
    filename: str
    build: Build

    def write(self, folder: Path) -> Path:
        rng = random.Random(f"{SEED}:{self.id}")
        path = folder / self.filename
        path.write_bytes(self.build(rng))
        return path


# --- the real fixtures, truncated and flipped ---------------------------------------------


def fixture_files() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.suffix != ".md":
            source = {"csv": "csv", "vcard": "vcard"}.get(path.relative_to(FIXTURES).parts[0])
            found.append((source or "linkedin", path))
    return found


def _truncated(path: Path) -> Build:
    def build(rng: random.Random) -> bytes:
        data = path.read_bytes()
        return data[: rng.randrange(1, len(data))]

    return build


def _flipped(path: Path) -> Build:
    def build(rng: random.Random) -> bytes:
        data = bytearray(path.read_bytes())
        for _ in range(rng.randint(1, 24)):
            data[rng.randrange(len(data))] ^= rng.randint(1, 255)
        return bytes(data)

    return build


def _short(path: Path) -> str:
    """`Project__case.vcf` -> `case`; a file in a sub-folder keeps the folder's name."""
    short = path.stem.split("__")[-1]
    return short if path.parent.parent == FIXTURES else f"{path.parent.name}-{short}"


def fixture_cases() -> list[Case]:
    cases = []
    for source, path in fixture_files():
        short = _short(path)
        cases.append(Case(f"cut-{source}-{short}", source, path.name, _truncated(path)))
        cases.append(Case(f"flip-{source}-{short}", source, path.name, _flipped(path)))
    return cases


# --- random bytes ---------------------------------------------------------------------------

PREFIXES = (
    b"",
    b"PK\x03\x04",
    b"BEGIN:VCARD\r\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    CONNECTIONS.encode() + b"\r\n",
    GOOGLE.encode() + b"\n",
    b"\x00" * 8,
    b"Notes:\r\n",
)
SIZES = (0, 1, 3, 64, 511, 4096, 65536)


def _random_bytes(prefix: bytes, size: int) -> Build:
    return lambda rng: prefix + rng.randbytes(size)


def random_cases() -> list[Case]:
    names = {"linkedin": ("export.zip", "Connections.csv"), "vcard": ("junk.vcf",),
             "csv": ("contacts.csv",)}  # fmt: skip
    cases = []
    for source, files in names.items():
        for n in range(8):
            prefix, size = PREFIXES[n % len(PREFIXES)], SIZES[(n * 5) % len(SIZES)]
            name = files[n % len(files)]
            cases.append(Case(f"random-{source}-{n}", source, name, _random_bytes(prefix, size)))
    return cases


# --- damaged LinkedIn ZIPs ------------------------------------------------------------------


def _members() -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(REAL_ZIP) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _zip(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", method) as archive:
        warnings.simplefilter("ignore")  # "Duplicate name": a duplicate is what a case wants
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def _replaced(member: str, data: Callable[[random.Random, bytes], bytes]) -> Build:
    def build(rng: random.Random) -> bytes:
        return _zip([(i.filename, data(rng, d) if i.filename == member else d)
                     for i, d in _members()])  # fmt: skip

    return build


def _patched(edit: Callable[[random.Random, bytearray, list[int], int], None]) -> Build:
    """The real export with its bytes edited: `edit(rng, data, local_offsets, central_at)`."""

    def build(rng: random.Random) -> bytes:
        data = bytearray(REAL_ZIP.read_bytes())
        with zipfile.ZipFile(REAL_ZIP) as archive:
            offsets = [i.header_offset for i in archive.infolist()]
        central = data.find(b"PK\x01\x02")  # the first member's directory entry
        edit(rng, data, offsets, central)
        return bytes(data)

    return build


def _flip_member_data(rng: random.Random, data: bytearray, offsets: list[int], _c: int) -> None:
    name_length, extra_length = struct.unpack_from("<HH", data, offsets[0] + 26)
    start = offsets[0] + 30 + name_length + extra_length
    for _ in range(8):
        data[start + rng.randrange(200)] ^= rng.randint(1, 255)


def _unknown_method(_r: random.Random, data: bytearray, offsets: list[int], central: int) -> None:
    struct.pack_into("<H", data, offsets[0] + 8, 99)
    struct.pack_into("<H", data, central + 10, 99)


def _encrypted_flag(_r: random.Random, data: bytearray, offsets: list[int], central: int) -> None:
    struct.pack_into("<H", data, offsets[0] + 6, 1)
    struct.pack_into("<H", data, central + 8, 1)


def _lying_size(_r: random.Random, data: bytearray, offsets: list[int], central: int) -> None:
    struct.pack_into("<I", data, offsets[0] + 22, 10)
    struct.pack_into("<I", data, central + 24, 10)


def _bad_local_offset(rng: random.Random, data: bytearray, _o: list[int], central: int) -> None:
    struct.pack_into("<I", data, central + 42, rng.randrange(len(data)))


def _bad_directory_count(_r: random.Random, data: bytearray, _o: list[int], _c: int) -> None:
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 60000, 60000)


def _nested_zip(rng: random.Random, _d: bytes) -> bytes:
    return REAL_ZIP.read_bytes()


def zip_cases() -> list[Case]:
    conn = "Connections.csv"
    builds: dict[str, Build] = {
        "member-random": _replaced(conn, lambda rng, d: rng.randbytes(4000)),
        "member-empty": _replaced(conn, lambda rng, d: b""),
        "member-nul": _replaced(conn, lambda rng, d: d.replace(b",", b"\x00,", 40)),
        "member-utf16-no-bom": _replaced(conn, lambda rng, d: d.decode().encode("utf-16-le")),
        "member-latin1": _replaced(conn, lambda rng, d: d.decode().encode("latin-1", "replace")),
        "member-10k-columns": _replaced(conn, lambda rng, d: b",".join([b"x"] * 10000)),
        "member-lone-quote": _replaced(conn, lambda rng, d: d[:300] + b'"' + d[300:]),
        "member-nested-zip": _replaced(conn, _nested_zip),
        "messages-random": _replaced("messages.csv", lambda rng, d: rng.randbytes(3000)),
        "profile-random": _replaced("Profile.csv", lambda rng, d: rng.randbytes(300)),
        "member-data-flipped": _patched(_flip_member_data),
        "member-unknown-method": _patched(_unknown_method),
        "member-encrypted-flag": _patched(_encrypted_flag),
        "member-lying-size": _patched(_lying_size),
        "member-bad-offset": _patched(_bad_local_offset),
        "directory-bad-count": _patched(_bad_directory_count),
        "traversal-name": lambda rng: _zip([("../../evil/Connections.csv",
                                             f"{CONNECTIONS}\r\nAda,Lovelace,,,,,".encode())]),
        "directory-named-csv": lambda rng: _zip([("Connections.csv/", b"")]),
        "duplicate-members": lambda rng: _zip([(conn, f"{CONNECTIONS}\r\n".encode()),
                                               (conn, rng.randbytes(500))]),
        "stored-random": lambda rng: _zip([(conn, rng.randbytes(2000))], zipfile.ZIP_STORED),
        "lzma-members": lambda rng: _zip([(i.filename, d) for i, d in _members()],
                                         zipfile.ZIP_LZMA),
    }  # fmt: skip
    return [Case(f"zip-{name}", "linkedin", "export.zip", b) for name, b in builds.items()]


# --- vCards ---------------------------------------------------------------------------------

_PROP_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789.;:=,"\\ \té€😀\x00\x7f'


def _card(*lines: str) -> str:
    return CRLF.join(("BEGIN:VCARD", "VERSION:3.0", "FN:Junk Person", *lines, "END:VCARD", ""))


def _wild_line(rng: random.Random) -> str:
    name = "".join(rng.choice(_PROP_CHARS) for _ in range(rng.randint(0, 30)))
    params = ";".join(
        "".join(rng.choice(_PROP_CHARS) for _ in range(rng.randint(0, 20)))
        for _ in range(rng.randint(0, 6))
    )
    value = "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 80)))
    return f"{name};{params}:{value}".replace("\r", "").replace("\n", "")


def _wild(rng: random.Random) -> bytes:
    return _card(*(_wild_line(rng) for _ in range(rng.randint(20, 200)))).encode(
        "utf-8", "surrogatepass"
    )


def _text(*parts: str, encoding: str = "utf-8") -> Build:
    return lambda rng: "".join(parts).encode(encoding, "surrogatepass")


def vcard_cases() -> list[Case]:
    begin, end = "BEGIN:VCARD\r\n", "END:VCARD\r\n"
    fold = "NOTE:start" + "\r\n x" * 200_000 + "\r\n"
    builds: dict[str, Build] = {f"wild-{n}": _wild for n in range(10)}
    builds |= {
        "fold-endless": _text(begin, "VERSION:3.0\r\nFN:Folded\r\n", fold, end),
        "fold-before-any-line": _text(" continued\r\n\tagain\r\n", _card()),
        "fold-only-blank": _text(begin, "FN:A\r\n", " \r\n" * 50_000, end),
        "fold-inside-begin": _text("BEG\r\n IN:VCARD\r\nFN:Split\r\nEND:VC\r\n ARD\r\n"),
        "fold-qp-soft-breaks": _text(begin, "VERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE:",
                                     "=\r\n" * 50_000, "\r\n", end),
        "nest-begin-10k": _text(begin * 10_000, "FN:Deep\r\n", end * 10_000),
        "nest-begin-no-end": _text(begin * 20_000, "FN:Deeper\r\n"),
        "nest-agent-2.1": _text(*(f"{begin}VERSION:2.1\r\nFN:Agent {i}\r\nAGENT:\r\n"
                                   for i in range(3000)), end * 3000),
        "nest-agent-escaped": _text(begin, "VERSION:3.0\r\nFN:A\r\nAGENT:",
                                    "BEGIN:VCARD\\nAGENT:" * 5000, "\r\n", end),
        "unbalanced-end-only": _text("FN:Orphan\r\n", end * 1000),
        "unbalanced-begin-only": _text(begin, "VERSION:3.0\r\nFN:Open\r\n"),
        "unbalanced-vcalendar-end": _text(begin, "FN:Cal\r\nEND:VCALENDAR\r\n"),
        "unbalanced-interleaved": _text(begin, "FN:A\r\n", begin, "FN:B\r\n", end),
        "unbalanced-end-begin": _text(end, "FN:Backwards\r\n", begin),
        "line-1mb": _text(_card("NOTE:" + "x" * 1_000_000)),
        "name-100k": _text(_card("N:" + ";" * 100_000)),
        "group-deep": _text(_card("a." * 5000 + "TEL:123")),
        "param-open-quote": _text(_card('TEL;TYPE="work:+1 555 0100', 'EMAIL;X="":a@b')),
        "param-no-value": _text(_card("TEL;;;=;TYPE=:1", ";:;", ":", "EMAIL:")),
        "charset-unknown": _text(begin, "VERSION:2.1\r\nN;CHARSET=x-no-such:Doe;Jane\r\n", end),
        "charset-utf32": _text(begin, "VERSION:2.1\r\nFN;CHARSET=UTF-32:Doe\r\n", end),
        "base64-garbage": _text(_card("PHOTO;ENCODING=b;TYPE=JPEG:" + "!@#$%^&*" * 5000)),
        "qp-broken": _text(begin, "VERSION:2.1\r\nFN;ENCODING=QUOTED-PRINTABLE:=ZZ=0=\r\n", end),
        "version-99": _text(begin, "VERSION:99.0\r\nFN:Future\r\n", end),
        "nul-bytes": _text(_card("NOTE:a\x00b", "EM\x00AIL:x@y"), "\x00" * 100),
        "cr-only": _text(_card("TEL:1").replace("\r\n", "\r")),
        "invalid-utf8": lambda rng: _card("NOTE:ok").encode() + b"\xc3\x28\xa0\xa1\xff" * 300,
        "many-empty-cards": _text((begin + end) * 20_000),
    }  # fmt: skip
    return [Case(f"vcard-{name}", "vcard", "cards.vcf", b) for name, b in builds.items()]


# --- CSVs -------------------------------------------------------------------------------------


def _rows(header: str, *rows: str, end: str = "\r\n") -> str:
    return end.join((header, *rows, ""))


def _mixed_encodings(header: str) -> Build:
    def build(rng: random.Random) -> bytes:
        return (header.encode() + b"\r\n" + "José,Müller,,,,,".encode() + b"\r\n"
                + "Zoë,Ångström,,,,,".encode("latin-1") + b"\r\n"
                + "Łukasz,Żółć,,,,,".encode("cp1250") + b"\r\n"
                + "Ada,Lovelace,,,,,".encode("utf-16") + b"\r\n"
                + "山田,太郎,,,,,".encode("shift_jis") + b"\r\n"
                + b"\xef\xbb\xbfBOM,Inside,,,,,\r\n")  # fmt: skip

    return build


def _csv_builds(header: str, row: str) -> dict[str, Build]:
    wide = ",".join(f"c{i}" for i in range(10_000))
    return {
        "nul-sprinkled": _text(_rows(header, row.replace(",", "\x00,"), row)),
        "nul-only": lambda rng: b"\x00" * 5000,
        "nul-in-header": _text(_rows(header.replace(",", ",\x00", 3), row)),
        "lone-quote": _text('"'),
        "quote-unterminated-row": _text(_rows(header, '"' + row, row)),
        "quote-mid-field": _text(_rows(header, 'Ad"a,Lo"ve"lace,,,,,')),
        "quote-whole-file": _text('"' + _rows(header, *[row] * 2000)),
        "columns-10k-header": _text(_rows(wide, row)),
        "columns-10k-row": _text(_rows(header, ",".join(["Ada"] * 10_000))),
        "columns-10k-both": _text(_rows(wide, ",".join(["x"] * 10_000))),
        "mixed-encodings": _mixed_encodings(header),
        "header-only": _text(header),
        "empty": _text(""),
        "newlines-only": _text("\r\n" * 50_000),
        "cr-only": _text(_rows(header, row, row, end="\r")),
        "semicolon-tab-mix": _text(_rows(header.replace(",", ";"), row.replace(",", "\t"))),
        "empty-rows-50k": _text(_rows(header, *[""] * 50_000, row)),
        "utf16-bom-middle": lambda rng: (
            (header + "\r\n").encode() + (row + "\r\n").encode("utf-16")
        ),
    }


def csv_cases() -> list[Case]:
    google_row = "Ada,Lovelace,Analyst,Work,ada@example.com,+44 20 7946 0000"
    linkedin_row = "Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,01 Jan 2020"
    cases = [Case(f"csv-{n}", "csv", "contacts.csv", b)
             for n, b in _csv_builds(GOOGLE, google_row).items()]  # fmt: skip
    cases += [Case(f"connections-{n}", "linkedin", "Connections.csv", b)
              for n, b in _csv_builds(CONNECTIONS, linkedin_row).items()]  # fmt: skip
    return cases


def all_cases() -> list[Case]:
    cases = [*random_cases(), *fixture_cases(), *zip_cases(), *vcard_cases(), *csv_cases()]
    from tests.hostile.junk_values import value_cases  # it builds on the helpers above

    cases += value_cases()
    assert len({c.id for c in cases}) == len(cases), "case ids are unique"
    return cases
