"""Importing through the real CLI: idempotence, job changes, merges, undo, atomicity."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from amity.service.home import open_for_reading
from amity.service.settings import preferences
from tests.conftest import Amity
from tests.dump import dump

FIXTURES = Path(__file__).parent / "fixtures"
JUNE = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_06-15-2026.zip"
NOVEMBER = FIXTURES / "linkedin" / "Complete_LinkedInDataExport_11-20-2026.zip"


def _store_dump(amity: Amity) -> dict[str, list[tuple[object, ...]]]:
    url = amity.database_url or f"sqlite:///{amity.home / 'amity.db'}"
    store = open_for_reading(url)
    try:
        return dump(store)
    finally:
        store.close()


def test_linkedin_import_is_idempotent(amity: Amity) -> None:
    first = amity.ok("import", "linkedin", str(JUNE), "--json", today="2026-06-15").json()
    assert first["created"] == 394  # 380 connections + 14 people met only in messages
    assert first["interactions"] == 140
    assert first["skipped"] == []
    before = _store_dump(amity)
    again = amity.ok("import", "linkedin", str(JUNE), "--json", today="2026-06-15").json()
    assert (again["created"], again["updated"], again["merged"]) == (0, 0, 0)
    assert again["unchanged"] == 380
    assert again["interactions"] == 0
    after = _store_dump(amity)
    assert {k: v for k, v in after.items() if k != "source_record"} == {
        k: v for k, v in before.items() if k != "source_record"
    }


def test_newer_export_records_job_changes_and_marks_missing(amity: Amity) -> None:
    amity.ok("import", "linkedin", str(JUNE), today="2026-06-15")
    newer = amity.ok("import", "linkedin", str(NOVEMBER), "--json", today="2026-11-20").json()
    assert newer["new_jobs"] == 3
    assert newer["updated"] == 3
    assert newer["missing"] == 1
    found = amity.ok(
        "search", 'name:"ximena fitzgerald"', "company:woodgrove", "--json", today="2026-11-20"
    ).json()["results"]
    assert len(found) == 1  # two Ximena Fitzgeralds are connections; one changed jobs
    ximena = amity.ok("show", str(found[0]["id"]), "--json", today="2026-11-20").json()
    assert ximena["organization"] == "Woodgrove Bank"
    assert ximena["title"] == "Director of Engineering"
    closed = [p for p in ximena["positions"] if p["end"] == "2026-11-20"]
    assert len(closed) == 1
    today = amity.ok("today", "--json", "--no-drafts", today="2026-11-20").json()
    congrats = [i for i in today["items"] if i["kind"] == "new_job"]
    assert {i["person"]["name"] for i in congrats} == {
        "Ximena Fitzgerald",
        "Nadia Agarwal",
        "Grace Ivanova",
    }
    viktor = amity.ok("show", "Viktor Schmidt", "--json", today="2026-11-20").json()
    assert viktor["name"] == "Viktor Schmidt"  # never deleted


def test_dry_run_writes_nothing(amity: Amity) -> None:
    report = amity.ok("import", "linkedin", str(JUNE), "--dry-run", "--json").json()
    assert report["dry_run"] is True
    assert report["created"] == 394
    assert amity.ok("list", "--json").json()["total"] == 0


def test_undo_reverses_an_import_exactly(amity: Amity) -> None:
    amity.ok("import", "linkedin", str(JUNE), today="2026-06-15")
    amity.ok("add", "Someone Else", today="2026-06-15")
    before = _store_dump(amity)
    amity.ok("import", "linkedin", str(NOVEMBER), today="2026-11-20")
    assert _store_dump(amity) != before
    out = amity.ok("undo", today="2026-11-20").out
    assert "Undone: import of Complete_LinkedInDataExport_11-20-2026.zip" in out
    assert _store_dump(amity) == before


def test_vcard_and_csv_merge_with_linkedin_by_email(amity_sqlite: Amity, tmp_path: Path) -> None:
    cli = amity_sqlite
    cli.ok("add", "Robert Smith", "--email", "bob@example.org", "--company", "Acme")
    card = tmp_path / "bob.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Smith\r\nN:Smith;Bob;;;\r\n"
        "EMAIL:BOB@example.org\r\nTEL:+1 415 555 0199\r\nEND:VCARD\r\n"
    )
    report = cli.ok("import", "vcard", str(card), "--json").json()
    assert report["merged"] == 1 and report["created"] == 0
    assert "same email bob@example.org" in report["merges"][0]["reasons"]
    bob = cli.ok("show", "Robert Smith", "--json").json()
    assert bob["phones"] == ["+1 415 555 0199"]
    separate = tmp_path / "other.vcf"
    # The same phone, another email (an email is a card's identity when it has no UID).
    separate.write_text(
        card.read_text().replace("Bob Smith", "Bobby Smith").replace("BOB@", "bobby@")
    )
    kept = cli.ok("import", "vcard", str(separate), "--no-merge", "--json").json()
    assert kept["created"] == 1 and kept["merged"] == 0


def test_every_vcard_fixture_imports(amity_sqlite: Amity) -> None:
    report = amity_sqlite.ok("import", "vcard", str(FIXTURES / "vcard"), "--json").json()
    assert report["created"] + report["merged"] >= 70
    assert all(s["file"] and s["line"] >= 1 and s["reason"] for s in report["skipped"])


def test_google_and_outlook_csv_import(amity_sqlite: Amity) -> None:
    google = amity_sqlite.ok(
        "import", "csv", str(FIXTURES / "csv" / "synthetic_google_contacts_current.csv"), "--json"
    ).json()
    assert google["created"] + google["merged"] == 60
    outlook = amity_sqlite.ok(
        "import", "csv", str(FIXTURES / "csv" / "outlook_de_semicolon.csv"), "--json"
    ).json()
    assert outlook["created"] + outlook["merged"] == 2


def test_bad_import_input_is_a_clear_error(amity_sqlite: Amity, tmp_path: Path) -> None:
    missing = amity_sqlite("import", "linkedin", str(tmp_path / "nope.zip"))
    assert missing.code == 1 and "does not exist" in missing.err
    junk = tmp_path / "junk.vcf"
    junk.write_bytes(b"\x00\x01 not a card at all")
    bad = amity_sqlite("import", "vcard", str(junk))
    assert bad.code == 1 and "Traceback" not in bad.err
    unknown = amity_sqlite("import", "myspace", str(junk))
    assert unknown.code == 2 and "unknown source" in unknown.err


def test_merge_and_undo_restore_both_people(amity: Amity) -> None:
    amity.ok("add", "Liz Taylor", "--email", "liz@example.org", "--tag", "film")
    amity.ok("add", "Elizabeth Taylor", "--phone", "+44 20 7946 0000", "--circle", "close")
    amity.ok("log", "Elizabeth Taylor", "--kind", "call", "--note", "talked about Cleopatra")
    before = _store_dump(amity)
    pairs = amity.ok("dedupe", "--json").json()["pairs"]
    assert pairs and {pairs[0]["a_name"], pairs[0]["b_name"]} == {"Liz Taylor", "Elizabeth Taylor"}
    assert any("nickname" in r for r in pairs[0]["reasons"])
    amity.ok("merge", "Liz Taylor", "Elizabeth Taylor", "--yes")
    merged = amity.ok("show", "Liz Taylor", "--json").json()
    assert merged["circle"] == "close"
    assert merged["phones"] == ["+44 20 7946 0000"]
    assert merged["interactions"][0]["note"] == "talked about Cleopatra"
    assert amity.ok("list", "--json").json()["total"] == 1
    amity.ok("undo")
    assert _store_dump(amity) == before
    assert amity("undo").code == 1  # nothing left to undo


def test_killed_import_leaves_nothing(tmp_path: Path) -> None:
    """kill -9 in the middle of a large import: the home is as it was."""
    rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    rows += [
        f"P{n},Q{n},https://www.linkedin.com/in/p{n},,Co{n % 50},Eng,05 Mar 2024"
        for n in range(60000)
    ]
    big = tmp_path / "Connections.csv"
    big.write_text("\n".join(rows) + "\n")
    home = tmp_path / "home"
    env = {**os.environ, "AMITY_HOME": str(home), "AMITY_TODAY": "2026-11-22"}
    env.pop("AMITY_DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "-m", "amity", "init"], env=env, check=True, capture_output=True
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "amity", "import", "linkedin", str(big)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    db = home / "amity.db"
    deadline = time.monotonic() + 60
    wal = home / "amity.db-wal"
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 256 * 1024:  # writing is under way
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the import finished before it could be interrupted"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = open_for_reading(f"sqlite:///{db}")
    try:
        assert store.db.scalar("SELECT count(*) FROM person") == 0
        assert store.db.scalar("SELECT count(*) FROM source_record") == 0
    finally:
        store.close()


def test_linkedin_import_keeps_the_users_own_profile(amity: Amity) -> None:
    before = amity.ok("settings", "--json").json()
    amity.ok("import", "linkedin", str(JUNE), today="2026-06-15")
    url = amity.database_url or f"sqlite:///{amity.home / 'amity.db'}"
    store = open_for_reading(url)
    try:
        profile = preferences.get(store, "profile")
        account = store.db.one("SELECT name FROM account")
    finally:
        store.close()
    assert profile["name"] and profile["positions"]
    assert account is not None and account["name"] == profile["name"]
    amity.ok("undo", today="2026-06-15")
    assert amity.ok("settings", "--json").json() == before
    store = open_for_reading(url)
    try:
        assert preferences.get(store, "profile") is None
        assert store.db.scalar("SELECT name FROM account") == "me"
    finally:
        store.close()
