"""Migration 0008 on a database an older Amity wrote introductions and opportunities to:
"accepted" (both agreed) becomes b_agreed, no step is dated, every opportunity is a job for
others; and an older backup restores the same way."""

from __future__ import annotations

import json

from amity.io.json_backup import unpack
from amity.store.database import Database
from amity.store.migrate import upgrade


def test_older_introductions_keep_their_state_under_the_new_names(old_database_url: str) -> None:
    upgrade(old_database_url, "0007")
    db = Database.open(old_database_url)
    try:
        with db.transaction():
            owner = db.insert(
                "INSERT INTO account (name, email, created_at) VALUES ('me', '', '2026-01-01')"
            )
            ana, ben = (
                db.insert(
                    "INSERT INTO person (owner_id, name, name_key, created_on) "
                    "VALUES (?, ?, ?, '2026-01-01')",
                    (owner, name, name.lower()),
                )
                for name in ("Ana", "Ben")
            )
            for state in ("accepted", "declined", "proposed"):
                db.execute(
                    "INSERT INTO introduction (owner_id, person_a_id, person_b_id, reason, state, "
                    "created_on, updated_on) VALUES (?, ?, ?, 'ML', ?, '2026-02-01', '2026-02-03')",
                    (owner, ana, ben, state),
                )
            db.execute(
                "INSERT INTO opportunity (owner_id, title, created_on) "
                "VALUES (?, 'Staff role', '2026-02-01')",
                (owner,),
            )
    finally:
        db.close()
    upgrade(old_database_url)
    db = Database.open(old_database_url)
    try:
        intros = db.query(
            "SELECT state, asked_a_on, declined_on, declined_by, outcome FROM introduction "
            "WHERE owner_id = ? ORDER BY id",
            (owner,),
        )
        jobs = db.query(
            "SELECT kind, for_me, outcome FROM opportunity WHERE owner_id = ?", (owner,)
        )
        referrals = db.query("SELECT count(*) AS n FROM referral WHERE owner_id = ?", (owner,))
    finally:
        db.close()
    assert [tuple(r.values()) for r in intros] == [
        ("b_agreed", None, None, "", ""),
        ("declined", None, None, "", ""),
        ("proposed", None, None, "", ""),
    ]
    assert [(r["kind"], bool(r["for_me"]), r["outcome"]) for r in jobs] == [("job", False, "")]
    assert referrals[0]["n"] == 0


def test_an_older_backup_of_introductions_and_opportunities_reads_the_same_way() -> None:
    document = {
        "format": "amity-backup",
        "version": 1,
        "exported_for": {"name": "me", "email": "", "created_at": "2026-01-01"},
        "people": [],
        "interactions": [],
        "settings": {},
        **{
            key: []
            for key in [
                "organizations",
                "tags",
                "ties",
                "reminders",
                "reminder_deliveries",
                "life_events",
                "ledger",
                "events",
                "event_attendance",
                "goals",
                "sources",
                "change_sets",
            ]
        },
        "opportunities": [
            {
                "id": 1,
                "title": "Staff role",
                "description": "",
                "organization": "",
                "person_id": None,
                "created_on": "2026-02-01",
                "closed": False,
            }
        ],
        "introductions": [
            {
                "id": 1,
                "person_a_id": 1,
                "person_b_id": 2,
                "reason": "ML",
                "state": "accepted",
                "created_on": "2026-02-01",
                "updated_on": "2026-02-03",
            }
        ],
    }
    backup = unpack(json.loads(json.dumps(document)))
    (intro,) = backup.tables["introduction"]
    assert intro["state"] == "b_agreed"
    assert intro["asked_a_on"] is None and intro["outcome"] == ""
    (job,) = backup.tables["opportunity"]
    assert (job["kind"], job["for_me"]) == ("job", False)
    assert backup.tables["referral"] == []
