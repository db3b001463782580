"""The benchmark's synthetic home is a real Amity home: the CLI works on it, and its derived
columns are what Amity itself would compute."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from amity.service.home import open_for_reading
from amity.service.relationships import refresh_people
from tests.conftest import Amity

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_generated_home_works_and_matches_amity(tmp_path: Path) -> None:
    home = tmp_path / "home"
    subprocess.run(
        [
            sys.executable,
            str(BENCH / "generate.py"),
            "--home",
            str(home),
            "--people",
            "300",
            "--interactions",
            "3000",
            "--seed",
            "3",
        ],
        check=True,
        capture_output=True,
        cwd=BENCH,
    )
    cli = Amity(home, None, date(2026, 11, 22))
    assert cli.ok("list", "--json").json()["total"] >= 290
    assert "items" in cli.ok("today", "--json").json()
    assert cli.ok("search", "project", "--json").json()["total"] > 0
    store = open_for_reading(f"sqlite:///{home / 'amity.db'}")
    try:
        columns = "id, last_contact_on, interaction_count, next_due_on, strength"
        before = store.db.query(f"SELECT {columns} FROM person ORDER BY id LIMIT 40")
        with store.db.transaction():
            refresh_people(store, [int(r["id"]) for r in before], date(2026, 11, 22))
        after = store.db.query(f"SELECT {columns} FROM person ORDER BY id LIMIT 40")
    finally:
        store.close()
    assert after == before
