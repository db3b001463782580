"""Migration 0009 on a database an older Amity wrote goals and events to: a goal's one
target organisation becomes its first company target, events keep everything they had, and
an older backup restores the same way."""

from __future__ import annotations

from amity.io.json_backup import unpack
from amity.store.database import Database
from amity.store.migrate import upgrade


def test_a_goals_target_organisation_becomes_its_first_company_target(
    old_database_url: str,
) -> None:
    upgrade(old_database_url, "0008")
    db = Database.open(old_database_url)
    try:
        with db.transaction():
            owner = db.insert(
                "INSERT INTO account (name, email, created_at) VALUES ('me', '', '2026-01-01')"
            )
            for title, organization in (("Fintech role", "Plaid"), ("Read more", "")):
                db.execute(
                    "INSERT INTO goal (owner_id, title, target_organization) VALUES (?, ?, ?)",
                    (owner, title, organization),
                )
            db.execute(
                "INSERT INTO event (owner_id, name, starts_on, place, status) "
                "VALUES (?, 'PyCon', '2026-05-14', 'Pittsburgh', 'attended')",
                (owner,),
            )
    finally:
        db.close()
    upgrade(old_database_url)
    db = Database.open(old_database_url)
    try:
        goals = db.query(
            "SELECT title, target_organization, created_on FROM goal WHERE owner_id = ? "
            "ORDER BY id",
            (owner,),
        )
        targets = db.query(
            "SELECT g.title, t.kind, t.value, t.person_id FROM goal_target t "
            "JOIN goal g ON g.id = t.goal_id WHERE t.owner_id = ?",
            (owner,),
        )
        events = db.query(
            "SELECT name, place, status, starts_at, source, debriefed_on FROM event "
            "WHERE owner_id = ?",
            (owner,),
        )
    finally:
        db.close()
    assert [tuple(r.values()) for r in goals] == [
        ("Fintech role", "", None),
        ("Read more", "", None),
    ]
    assert [tuple(r.values()) for r in targets] == [("Fintech role", "company", "Plaid", None)]
    assert [tuple(r.values()) for r in events] == [
        ("PyCon", "Pittsburgh", "attended", "", "", None)
    ]


def test_an_older_backups_goal_organisation_restores_as_a_company_target() -> None:
    document = {
        "format": "amity-backup",
        "version": 1,
        "exported_for": {"name": "me", "email": "", "created_at": "2026-01-01"},
        "people": [],
        "interactions": [],
        "goals": [
            {
                "id": 3,
                "title": "Fintech role",
                "detail": "",
                "target_organization": "Plaid",
                "due_on": None,
                "status": "active",
                "event_id": None,
            }
        ],
        "events": [
            {
                "id": 1,
                "name": "PyCon",
                "starts_on": "2026-05-14",
                "ends_on": None,
                "place": "",
                "purpose": "",
                "goals": "",
                "pitch": "",
                "notes": "",
                "status": "attended",
            }
        ],
        "settings": {},
        **{
            key: []
            for key in (
                "organizations", "tags", "ties", "reminders", "reminder_deliveries",
                "life_events", "ledger", "event_attendance", "opportunities",
                "introductions", "sources", "change_sets",
            )
        },
    }  # fmt: skip
    backup = unpack(document)
    assert backup.tables["goal"][0]["target_organization"] == ""
    assert backup.tables["goal"][0]["created_on"] is None
    assert backup.tables["goal_target"] == [
        {"id": 1, "goal_id": 3, "kind": "company", "value": "Plaid", "person_id": None}
    ]
    assert backup.tables["event"][0]["starts_at"] == ""
    assert backup.tables["event"][0]["debriefed_on"] is None
