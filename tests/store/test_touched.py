"""What a writing statement touched, as the check after a command reads it."""

from __future__ import annotations

from amity.store.touched import touched_by


def test_tables_and_the_columns_an_update_sets() -> None:
    assert touched_by("INSERT INTO tie (owner_id) VALUES (?)") == {"tie"}
    assert touched_by("INSERT OR IGNORE INTO tag (name) VALUES (?)") == {"tag"}
    assert touched_by("DELETE FROM person_tag WHERE person_id = ?") == {"person_tag"}
    assert touched_by("UPDATE person SET strength = ?, next_due_on = ? WHERE id = ?") == {
        "person.strength",
        "person.next_due_on",
    }
    case = "UPDATE person SET archived = CASE WHEN a = 1 THEN 2 END, deleted_on = coalesce(x, ?)"
    assert touched_by(case + " WHERE id = ?") == {"person.archived", "person.deleted_on"}


def test_a_statement_not_understood_is_anything() -> None:
    assert touched_by("WITH x AS (SELECT 1) INSERT INTO tag SELECT * FROM x") == {"*"}
    assert touched_by("CREATE TABLE t (a INTEGER)") == {"*"}
