"""Generated junk through the real import: every file built in `tests/hostile/junk.py` from a
fixed seed goes to `amity import linkedin|vcard|csv` in-process, and a handful through the
web import. Each ends in exit 0, 1 or 2 within seconds, says at most a couple of lines on
stderr (never a traceback, never the crash log), and a refused import stores no one."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import time
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest

from amity.store import Store
from tests.conftest import TODAY, Amity
from tests.hostile.junk import Case, all_cases
from tests.web import conftest as web_fixtures
from tests.web.conftest import Web

clock, web = web_fixtures.clock, web_fixtures.web  # the web suite's fixtures, used by name

CASES = all_cases()
# CPU seconds: each case takes well under one; a busy machine adds wall time, not CPU
SECONDS_PER_CASE = 5.0
KNOWN_BUGS: dict[str, str] = {}


def _marked(case: Case) -> Any:
    bug = KNOWN_BUGS.get(case.id)
    marks = [pytest.mark.xfail(reason=bug, strict=True)] if bug else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.fixture(scope="module")
def template_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated home with one person, made once: each case imports into its own copy."""
    home = tmp_path_factory.mktemp("template") / "home"
    Amity(home, None, TODAY).ok("add", "Ada Lovelace", "--email", "ada@example.com")
    return home


def _people(home: Path) -> int:
    with sqlite3.connect(home / "amity.db") as db:
        return int(db.execute("SELECT count(*) FROM person").fetchone()[0])


def _said(err: str) -> list[str]:
    return [ln for ln in err.splitlines() if ln.strip() and not ln.startswith(("Usage:", "Try "))]


def _imports_or_refuses_in_one_line(amity: Amity, source: str, path: Path) -> None:
    before = _people(amity.home)
    started = time.process_time()
    result = amity("import", source, str(path))
    seconds = time.process_time() - started
    assert not (amity.home / "crash.log").exists(), result.err
    assert result.code in (0, 1, 2), (result.code, result.err)
    assert "Traceback" not in result.err and len(_said(result.err)) <= 2, result.err
    assert seconds < SECONDS_PER_CASE, seconds
    if result.code != 0:
        assert result.err.strip(), "a refusal says why"
        assert _people(amity.home) == before
    else:
        assert _people(amity.home) >= before
        backup = amity.ok("export", "json").json()  # what was stored reads back
        assert len(backup["people"]) == _people(amity.home)


@pytest.mark.parametrize("case", [_marked(c) for c in CASES])
def test_junk_is_imported_or_refused_in_one_line(
    case: Case, template_home: Path, amity_sqlite: Amity, tmp_path: Path
) -> None:
    shutil.copytree(template_home, amity_sqlite.home)
    _imports_or_refuses_in_one_line(amity_sqlite, case.source, case.write(tmp_path))


def _unzip_what_unzips(archive_path: Path, prefix: Path) -> None:
    """The export as its unzipped folder: the members that still read, at the top level."""
    with zipfile.ZipFile(archive_path) as archive:
        for member in archive.infolist():
            if member.is_dir() or "/" in member.filename:
                continue
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError):
                continue  # damaged, unknown method or "encrypted": the junk ZIP's own point
            Path(f"{prefix}{member.filename}").write_bytes(data)
    archive_path.unlink()


@pytest.mark.parametrize(
    ("source", "prefix"), [("vcard", "vcard-"), ("linkedin", "zip-member-"), ("csv", "csv-")]
)
def test_a_folder_of_junk_is_imported_or_refused_in_one_line(
    source: str, prefix: str, template_home: Path, amity_sqlite: Amity, tmp_path: Path
) -> None:
    """Up to a dozen junk files of one kind side by side in one folder (ZIPs unpacked)."""
    shutil.copytree(template_home, amity_sqlite.home)
    folder = tmp_path / "folder"
    for n, case in enumerate([c for c in CASES if c.id.startswith(prefix)][:12]):
        (folder / str(n)).mkdir(parents=True)
        written = case.write(folder / str(n))
        if written.suffix == ".zip":
            _unzip_what_unzips(written, folder / f"{n}-")
    _imports_or_refuses_in_one_line(amity_sqlite, source, folder)


WEB_CASES = [
    "random-vcard-3",
    "cut-linkedin-Complete_LinkedInDataExport_11-20-2026",
    "flip-linkedin-Complete_LinkedInDataExport_11-20-2026",
    "zip-member-data-flipped",
    "zip-member-nested-zip",
    "vcard-wild-3",
    "vcard-group-deep",
    "vcard-unbalanced-end-only",
    "csv-nul-sprinkled",
    "csv-columns-10k-row",
]


def _case(case_id: str) -> Case:
    return next(c for c in CASES if c.id == case_id)


def test_some_junk_through_the_web_import(web: Web, store: Store, tmp_path: Path) -> None:
    """Upload, dry run, and (when the dry run took the file) confirm: a 200 or a 400 page,
    never a server error, and a refused upload stores no one."""
    outcomes = set()
    for case_id in WEB_CASES:
        case = _case(case_id)
        before = store.db.scalar("SELECT count(*) FROM person")
        data = case.write(tmp_path).read_bytes()
        web.get("/import")
        started = time.process_time()
        upload = web.post("/import", {"source": case.source}, files={"file": (case.filename, data)})
        assert upload.status_code in (200, 400), (case_id, upload.status_code)
        assert "Traceback" not in upload.text
        token = re.search(r'name="token" value="([^"]+)"', upload.text)
        if upload.status_code == 200 and token:
            confirmed = web.post(
                "/import/confirm",
                {"token": token.group(1), "source": case.source, "merge": "1"},
            )
            assert confirmed.status_code == 200, (case_id, confirmed.status_code)
            assert "Undo this import" in confirmed.text, case_id
            outcomes.add("imported")
        else:
            outcomes.add("refused")
            assert store.db.scalar("SELECT count(*) FROM person") == before, case_id
        assert time.process_time() - started < SECONDS_PER_CASE, case_id
    assert outcomes == {"imported", "refused"}  # both paths were walked
    assert web.get("/import").status_code == 200  # the server is alive and well


def test_a_linkedin_date_at_the_end_of_the_calendar_is_skipped_not_a_crash(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    """Found by the junk above: a message or invitation dated 31 Dec 9999 became an
    interaction whose next check-in (`last + cadence`) overflowed `date`."""
    messages = tmp_path / "messages.csv"
    messages.write_text(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
        "DATE,SUBJECT,CONTENT,FOLDER\r\n"
        "1,,Ada Lovelace,https://www.linkedin.com/in/ada,Me,https://www.linkedin.com/in/me,"
        "9999-12-31 23:59:59 UTC,,hello,INBOX\r\n"
        "2,,Ada Lovelace,https://www.linkedin.com/in/ada,Me,https://www.linkedin.com/in/me,"
        "2026-11-01 10:00:00 UTC,,hello again,INBOX\r\n"
    )
    result = amity_sqlite("import", "linkedin", str(messages), "--json")
    assert result.code == 0, result.err
    report = result.json()
    assert [s["line"] for s in report["skipped"]] == [2], report["skipped"]
    assert not (amity_sqlite.home / "crash.log").exists()
    interactions = amity_sqlite.ok("export", "json").json()["interactions"]
    assert [i["occurred_on"] for i in interactions] == ["2026-11-01"]


NUL_CASES = [
    "vcard-nul-bytes",
    "values-John_Doe_ANDROID",
    "csv-nul-sprinkled",
    "cells-csv-outlook_en",
]


def test_junk_with_nul_characters_imports_alike_on_both_engines(
    amity: Amity, tmp_path: Path
) -> None:
    """Found by the junk above: a vCard with NUL characters imported on SQLite (keeping
    them) and was refused on PostgreSQL, which cannot store them. Both drop them now."""
    for case_id in NUL_CASES:
        case = _case(case_id)
        result = amity("import", case.source, str(case.write(tmp_path)))
        assert result.code == 0, (case_id, result.err)
    backup = amity.ok("export", "json").json()
    assert backup["people"] and "\\u0000" not in json.dumps(backup)


def test_a_restored_backup_dated_at_the_end_of_the_calendar_keeps_today_working(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    amity_sqlite.ok("add", "Ada Lovelace")
    amity_sqlite.ok("log", "ada", "--kind", "call")
    backup = amity_sqlite.ok("export", "json").json()
    backup["interactions"][0]["occurred_on"] = "9999-12-31"
    damaged = tmp_path / "backup.json"
    damaged.write_text(json.dumps(backup))
    fresh = Amity(tmp_path / "fresh", None, TODAY)
    restored = fresh("restore", str(damaged))
    if restored.code == 0:  # kept: then the agenda must still work
        today = fresh("today")
        assert today.code == 0 and not (fresh.home / "crash.log").exists(), today.err
    else:
        assert restored.code == 2 and "9999-12-31" in restored.err
