"""Migration 0010 and every way a participant row is written: its `occurred_on` is always
its interaction's day (the agenda's drafts and second touches read a person's interactions
by the (person, day) index, so a row with another day would be read at the wrong place)."""

from __future__ import annotations

from pathlib import Path

from amity.store.database import Database
from amity.store.migrate import upgrade
from tests.conftest import Amity

MISMATCHED = (
    "SELECT count(*) FROM interaction_participant ip "
    "JOIN interaction i ON i.id = ip.interaction_id WHERE ip.occurred_on <> i.occurred_on"
)


def _counts(url: str) -> tuple[int, int]:
    db = Database.open(url)
    try:
        rows = int(db.scalar("SELECT count(*) FROM interaction_participant"))
        return rows, int(db.scalar(MISMATCHED))
    finally:
        db.close()


def test_an_older_database_gets_each_rows_day(old_database_url: str) -> None:
    upgrade(old_database_url, "0009")
    db = Database.open(old_database_url)
    try:
        with db.transaction():
            owner = db.insert(
                "INSERT INTO account (name, email, created_at) VALUES ('me', '', '2026-01-01')"
            )
            people = [
                db.insert(
                    "INSERT INTO person (owner_id, name, name_key, created_on) "
                    "VALUES (?, ?, ?, '2026-01-01')",
                    (owner, name, name.lower()),
                )
                for name in ("Ada", "Grace")
            ]
            for day in ("2025-03-04", "2026-11-20"):
                talk = db.insert(
                    "INSERT INTO interaction (owner_id, kind, occurred_on, created_at) "
                    "VALUES (?, 'coffee', ?, '2026')",
                    (owner, day),
                )
                for person in people:
                    db.execute(
                        "INSERT INTO interaction_participant (interaction_id, owner_id, "
                        "person_id) VALUES (?, ?, ?)",
                        (talk, owner, person),
                    )
    finally:
        db.close()
    upgrade(old_database_url)
    db = Database.open(old_database_url)
    try:
        days = db.query(
            "SELECT person_id, occurred_on FROM interaction_participant "
            "ORDER BY person_id, occurred_on"
        )
    finally:
        db.close()
    assert [(r["person_id"], str(r["occurred_on"])) for r in days] == [
        (people[0], "2025-03-04"),
        (people[0], "2026-11-20"),
        (people[1], "2025-03-04"),
        (people[1], "2026-11-20"),
    ]


def test_every_write_path_keeps_the_interactions_day(amity: Amity, tmp_path: Path) -> None:
    url = amity.database_url or f"sqlite:///{amity.home / 'amity.db'}"
    amity.ok("demo")
    amity.ok("add", "Alan Turing", "--email", "alan@bletchley.example")
    amity.ok("add", "Alan M. Turing", "--email", "turing@manchester.example")
    amity.ok("log", "Alan Turing", "--kind", "call", "--on", "2026-11-01")
    amity.ok("log", "Alan M. Turing", "--kind", "coffee", "--on", "2026-10-02")
    rows, wrong = _counts(url)
    assert rows > 100 and wrong == 0
    found = amity.ok("search", "Turing", "--json").json()["results"]
    ids = sorted(str(p["id"]) for p in found if p["name"] in ("Alan Turing", "Alan M. Turing"))
    amity.ok("merge", *ids, "--yes")
    assert _counts(url) == (rows, 0)
    amity.ok("undo")  # the merge: the gone person's rows come back with their days
    assert _counts(url) == (rows, 0)
    backup = tmp_path / "backup.json"
    backup.write_text(amity.ok("export", "json").out)
    fresh = Amity(tmp_path / "fresh", None, amity.today)
    fresh.ok("restore", str(backup))
    assert _counts(f"sqlite:///{fresh.home / 'amity.db'}") == (rows, 0)
