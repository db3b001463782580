"""Hostile files: a clear refusal, fast, in bounded memory; large honest files still import.

ZIP bombs are built here at test time (one deflated 1 MiB block of CSV rows, repeated), never
committed. Memory is measured with tracemalloc around the real CLI in-process, or around a
request through the web app's TestClient.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import sys
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from amity.io.limits import MAX_IMPORT_BYTES, MAX_ZIP_ENTRIES
from tests.conftest import TODAY, Amity

MiB = 1024 * 1024
CONNECTIONS_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
CONNECTION_ROW = b"Ada,Lovelace,https://www.linkedin.com/in/ada,,Acme,Engineer,01 Jan 2020\r\n"
GOOGLE_HEADER = "First Name,Last Name,Notes,E-mail 1 - Label,E-mail 1 - Value"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


def deflated_bomb(
    path: Path,
    member: str,
    head: bytes,
    row: bytes,
    megabytes: int,
    declared: int | None = None,
    flags: int = 0,
) -> Path:
    """A ZIP whose one member is `head` then `megabytes` MiB of `row`, written without ever
    holding the expanded text: one 1 MiB block is deflated once and its bytes repeated.
    `declared` is the uncompressed size its headers claim (a lie, when given)."""
    block = row * (MiB // len(row))
    first = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = first.compress(head) + first.flush(zlib.Z_FULL_FLUSH)
    again = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = again.compress(block) + again.flush(zlib.Z_FULL_FLUSH)
    end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        crc = zlib.crc32(block, crc)
    size = len(head) + len(block) * megabytes if declared is None else declared
    packed = len(start) + len(piece) * megabytes + len(end)
    name = member.encode()
    common = struct.pack("<HHHHHIIIH", 20, flags, 8, 0, 0x21, crc, packed, size, len(name))
    with path.open("wb") as out:
        out.write(b"PK\x03\x04" + common + b"\x00\x00" + name + start)
        for _ in range(megabytes):
            out.write(piece)
        out.write(end)
        directory_at = out.tell()
        out.write(b"PK\x01\x02" + struct.pack("<H", 20) + common)
        out.write(struct.pack("<HHHHII", 0, 0, 0, 0, 0, 0) + name)
        directory_size = out.tell() - directory_at
        out.write(b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, directory_size,
                                             directory_at, 0))  # fmt: skip
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The issue's bomb: about 1.5 MB of ZIP expanding to 500 MB of Connections.csv rows."""
    folder = tmp_path_factory.mktemp("bomb")
    return deflated_bomb(
        folder / "export.zip", "Connections.csv", CONNECTIONS_HEADER, CONNECTION_ROW, 500
    )


def measured(run: Callable[[], Any]) -> tuple[Any, float, float]:
    """`run()`'s result, its CPU seconds (a busy machine adds wall time, not CPU) and its
    peak Python memory in MB (after a first, unmeasured run: the time to import Amity's
    modules is not the file's doing)."""
    run()
    tracemalloc.start()
    started = time.process_time()
    try:
        result = run()
    finally:
        seconds = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return result, seconds, peak


def one_line_refusal(result: Any, *words: str) -> str:
    assert result.code != 0, result.out
    assert "Traceback" not in result.err, result.err
    message = " ".join(result.err.split())
    for word in words:
        assert word in message, message
    return message


# --- ZIPs --------------------------------------------------------------------------------


def test_a_zip_bomb_is_refused_from_its_directory_fast_and_in_bounded_memory(
    amity_sqlite: Amity, bomb: Path
) -> None:
    assert bomb.stat().st_size < 2 * MiB
    result, seconds, peak = measured(lambda: amity_sqlite("import", "linkedin", str(bomb)))
    message = one_line_refusal(result, "export.zip", "Connections.csv", "500 MB", "256 MB")
    assert seconds < 0.5 and peak < 100, (seconds, peak, message)


def test_a_zip_member_with_a_bomb_like_compression_ratio_is_refused(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    """Under the total cap, but 1,000 to 1: no real CSV compresses like that."""
    small = deflated_bomb(
        tmp_path / "x.zip", "messages.csv", b"CONVERSATION ID,FROM,TO,DATE,CONTENT\r\n",
        b"1,Ada,Alan,2020-01-01 10:00:00 UTC,hi\r\n", 100,
    )  # fmt: skip
    result, seconds, peak = measured(lambda: amity_sqlite("import", "linkedin", str(small)))
    one_line_refusal(result, "messages.csv", "compressed", "damaged or a ZIP bomb")
    assert seconds < 0.5 and peak < 50, (seconds, peak)


def test_a_member_that_lies_about_its_size_is_stopped_at_the_size_it_declared(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    """The directory says 900 KB (no cap, no ratio to object to); the data is 300 MB."""
    liar = deflated_bomb(
        tmp_path / "liar.zip", "Connections.csv", CONNECTIONS_HEADER, CONNECTION_ROW, 300,
        declared=900_000,
    )  # fmt: skip
    result, seconds, peak = measured(lambda: amity_sqlite("import", "linkedin", str(liar)))
    one_line_refusal(result, "liar.zip", "damaged")
    assert seconds < 1 and peak < 50, (seconds, peak)


def test_a_password_protected_zip_says_so(amity_sqlite: Amity, tmp_path: Path) -> None:
    locked = deflated_bomb(
        tmp_path / "locked.zip", "Connections.csv", CONNECTIONS_HEADER, CONNECTION_ROW, 0, flags=1
    )
    one_line_refusal(amity_sqlite("import", "linkedin", str(locked)), "password")


def test_a_zip_with_more_members_than_any_export_is_refused(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as archive:
        archive.writestr("Connections.csv", CONNECTIONS_HEADER + CONNECTION_ROW)
        for n in range(MAX_ZIP_ENTRIES):
            archive.writestr(f"junk/{n}.txt", b"")
    result = amity_sqlite("import", "linkedin", str(many))
    one_line_refusal(result, "many.zip", f"{MAX_ZIP_ENTRIES + 1:,} files")


def _small_export(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        rows = b"".join(
            f"Person{n},Example{n},https://www.linkedin.com/in/p{n},,Acme,Dev,01 Jan 2020\r\n"
            .encode() for n in range(2000)
        )  # fmt: skip
        archive.writestr("Connections.csv", CONNECTIONS_HEADER + rows)
    return path


def test_a_truncated_zip_says_it_is_damaged(amity_sqlite: Amity, tmp_path: Path) -> None:
    whole = _small_export(tmp_path / "whole.zip").read_bytes()
    cut = tmp_path / "Complete_LinkedInDataExport.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    result = amity_sqlite("import", "linkedin", str(cut))
    one_line_refusal(result, "Complete_LinkedInDataExport.zip", "damaged")


def test_a_zip_with_corrupted_data_says_it_is_damaged(amity_sqlite: Amity, tmp_path: Path) -> None:
    data = bytearray(_small_export(tmp_path / "whole.zip").read_bytes())
    middle = len(data) // 3
    data[middle : middle + 64] = bytes(64)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(bytes(data))
    result = amity_sqlite("import", "linkedin", str(broken))
    one_line_refusal(result, "broken.zip", "damaged")
    assert amity_sqlite.ok("list", "--json").json()["total"] == 0


def test_a_real_sized_export_still_imports(amity_sqlite: Amity, tmp_path: Path) -> None:
    export = _small_export(tmp_path / "export.zip")
    report = amity_sqlite.ok("import", "linkedin", str(export), "--json").json()
    assert report["created"] == 2000


# --- single files ------------------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("source", ["csv", "vcard", "linkedin"])
def test_a_device_is_refused_at_once(amity_sqlite: Amity, source: str) -> None:
    result, seconds, _peak = measured(lambda: amity_sqlite("import", source, "/dev/zero"))
    one_line_refusal(result, "/dev/zero", "not a regular file")
    assert seconds < 1


@posix_only
@pytest.mark.parametrize("source", ["csv", "vcard", "linkedin"])
def test_a_fifo_is_refused_without_waiting_for_a_writer(
    amity_sqlite: Amity, tmp_path: Path, source: str
) -> None:
    fifo = tmp_path / "contacts.csv"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    result = amity_sqlite("import", source, str(fifo))
    one_line_refusal(result, "contacts.csv", "not a regular file")


def test_a_folder_is_refused_where_a_file_is_expected(amity_sqlite: Amity, tmp_path: Path) -> None:
    folder = tmp_path / "contacts"
    folder.mkdir()
    (folder / "google.csv").write_text(f"{GOOGLE_HEADER}\nAda,Lovelace,,,ada@example.org\n")
    result = amity_sqlite("import", "csv", str(folder))
    one_line_refusal(result, "contacts", "is a folder")


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as out:
        out.truncate(size)
    return path


@pytest.mark.parametrize(
    ("source", "name"), [("csv", "big.csv"), ("vcard", "big.vcf"), ("linkedin", "Connections.csv")]
)
def test_a_file_over_the_size_cap_is_refused_before_reading(
    amity_sqlite: Amity, tmp_path: Path, source: str, name: str
) -> None:
    huge = _sparse(tmp_path / name, MAX_IMPORT_BYTES + 1)
    result, seconds, peak = measured(lambda: amity_sqlite("import", source, str(huge)))
    one_line_refusal(result, name, "256 MB")
    assert seconds < 1 and peak < 50, (seconds, peak)


@pytest.mark.parametrize(("source", "name"), [("vcard", "a.vcf"), ("linkedin", "messages.csv")])
def test_a_folder_whose_files_add_up_past_the_cap_is_refused(
    amity_sqlite: Amity, tmp_path: Path, source: str, name: str
) -> None:
    folder = tmp_path / "export"
    (folder / "sub").mkdir(parents=True)
    (folder / "Connections.csv").write_bytes(CONNECTIONS_HEADER + CONNECTION_ROW)
    _sparse(folder / name, MAX_IMPORT_BYTES // 2 + 1)
    _sparse(folder / "sub" / ("b.vcf" if source == "vcard" else "Invitations.csv"),
            MAX_IMPORT_BYTES // 2 + 1)  # fmt: skip
    result, seconds, peak = measured(lambda: amity_sqlite("import", source, str(folder)))
    one_line_refusal(result, "256 MB")
    assert seconds < 1 and peak < 50, (seconds, peak)


def test_csv_fields_over_128_kib_import(amity_sqlite: Amity, tmp_path: Path) -> None:
    note = "Long notes. " * 20_000  # 240 KB: over Python's default csv field limit
    google = tmp_path / "google.csv"
    google.write_text(f'{GOOGLE_HEADER}\nAda,Lovelace,"{note}",,ada@example.org\n')
    report = amity_sqlite.ok("import", "csv", str(google), "--json").json()
    assert report["created"] == 1
    person = amity_sqlite.ok("show", "Ada Lovelace", "--json").json()
    assert len(person["about"]) > 200_000


def test_a_linkedin_message_over_128_kib_imports(amity_sqlite: Amity, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "Connections.csv").write_bytes(
        CONNECTIONS_HEADER
        + b"Alan,Turing,https://www.linkedin.com/in/alan,,Acme,Dev,01 Jan 2020\r\n"
    )
    content = "A very long message. " * 10_000
    (export / "messages.csv").write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\n"
        f"c1,,Alan Turing,https://www.linkedin.com/in/alan,Ada Lovelace,"
        f'https://www.linkedin.com/in/ada,2026-01-05 10:00:00 UTC,,"{content}",INBOX\n'
    )
    report = amity_sqlite.ok("import", "linkedin", str(export), "--json").json()
    assert report["interactions"] == 1 and not report["skipped"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_vcard_without_a_bom_is_read(
    amity_sqlite: Amity, tmp_path: Path, encoding: str
) -> None:
    card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:José Müller\r\nN:Müller;José;;;\r\n" \
        "EMAIL:jose@example.org\r\nEND:VCARD\r\n"  # fmt: skip
    path = tmp_path / "contacts.vcf"
    path.write_bytes(card.encode(encoding))
    report = amity_sqlite.ok("import", "vcard", str(path), "--json").json()
    assert report["created"] == 1
    people = amity_sqlite.ok("list", "--json").json()["results"]
    assert [p["name"] for p in people] == ["José Müller"]


# --- the web app -------------------------------------------------------------------------


@pytest.fixture
def web_app(tmp_path: Path) -> Iterator[Any]:
    """The app with its real upload limit (20 MB), so a 1.5 MB bomb gets through the upload."""
    from fastapi.testclient import TestClient

    from amity.service.settings.environment import Settings
    from amity.web import create_app

    settings = Settings(tmp_path / "home", f"sqlite:///{tmp_path / 'amity.db'}", TODAY)
    with TestClient(create_app(settings), base_url="http://127.0.0.1") as client:
        yield client


def _csrf(client: Any) -> str:
    import re

    page = client.get("/import")
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def test_a_zip_bomb_uploaded_through_the_web_gets_a_clear_400_page(
    web_app: Any, bomb: Path, tmp_path: Path
) -> None:
    token = _csrf(web_app)
    data = bomb.read_bytes()

    def upload() -> Any:
        return web_app.post(
            "/import",
            data={"csrf_token": token, "source": "linkedin"},
            files={"file": ("export.zip", io.BytesIO(data), "application/zip")},
        )

    response, seconds, peak = measured(upload)
    assert response.status_code == 400
    assert "500 MB" in response.text and "Traceback" not in response.text
    assert seconds < 5 and peak < 100, (seconds, peak)
    assert not list((tmp_path / "home" / "uploads").iterdir())
    assert web_app.get("/import").status_code == 200  # the server is alive and well
