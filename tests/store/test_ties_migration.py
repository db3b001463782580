"""Migration 0007 on a database an older Amity wrote ties to: each pair once, lower id
first, its strongest row kept, a tie of a person with themself gone, every tie confirmed."""

from __future__ import annotations

from amity.store.database import Database
from amity.store.migrate import upgrade


def test_older_ties_become_one_confirmed_tie_per_pair(old_database_url: str) -> None:
    upgrade(old_database_url, "0006")
    db = Database.open(old_database_url)
    try:
        with db.transaction():
            owner = db.insert(
                "INSERT INTO account (name, email, created_at) VALUES ('me', '', '2026-01-01')"
            )
            ids = [
                db.insert(
                    "INSERT INTO person (owner_id, name, name_key, created_on) "
                    "VALUES (?, ?, ?, '2026-01-01')",
                    (owner, name, name.lower()),
                )
                for name in ("Ana", "Ben", "Cy")
            ]
            ana, ben, cy = ids
            for a, b, strength in ((ben, ana, 70), (ana, ben, 40), (cy, cy, 90), (cy, ana, 20)):
                db.execute(
                    "INSERT INTO tie (owner_id, person_a_id, person_b_id, strength) "
                    "VALUES (?, ?, ?, ?)",
                    (owner, a, b, strength),
                )
    finally:
        db.close()
    upgrade(old_database_url)
    db = Database.open(old_database_url)
    try:
        rows = db.query(
            "SELECT person_a_id, person_b_id, strength, state, why FROM tie "
            "WHERE owner_id = ? ORDER BY person_a_id, person_b_id",
            (owner,),
        )
    finally:
        db.close()
    assert [tuple(r.values()) for r in rows] == [
        (ana, ben, 70, "confirmed", ""),
        (ana, cy, 20, "confirmed", ""),
    ]
