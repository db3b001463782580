"""Nothing lost: a read (on any what-if day) deletes nothing, and undo keeps later work."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from amity.service.home import open_for_reading
from tests.conftest import Amity, writable_store
from tests.dump import dump
from tests.web import conftest as web_fixtures

clock, web = web_fixtures.clock, web_fixtures.web  # the web's fixtures, here too

FAR = (date.today() + timedelta(days=400)).isoformat()  # a what-if day long after any purge
READS = (
    ("list", "--json"),
    ("today", "--json"),
    ("report", "--json"),
    ("coach", "--json"),
    ("search", "dennis", "--json"),
    ("dedupe", "--json"),
    ("export", "json"),
    ("settings", "--json"),
    ("digest", "--json"),
    ("import", "vcard", "--dry-run", "MISSING"),  # replaced by a real file in the test
)


def _url(amity: Amity) -> str:
    return amity.database_url or f"sqlite:///{amity.home / 'amity.db'}"


def _dump(amity: Amity) -> dict[str, list[tuple[Any, ...]]]:
    store = open_for_reading(_url(amity))
    try:
        return dump(store)
    finally:
        store.close()


def _forgotten_days_ago(amity: Amity, name: str, days: int) -> None:
    """Put someone in the trash `days` real days ago."""
    store = writable_store(_url(amity))
    try:
        with store.db.transaction():
            store.db.execute(
                "UPDATE person SET deleted_on = ? WHERE name = ?",
                ((date.today() - timedelta(days=days)).isoformat(), name),
            )
    finally:
        store.close()


def _people(amity: Amity) -> set[str]:
    store = open_for_reading(_url(amity))
    try:
        return {r["name"] for r in store.db.query("SELECT name FROM person")}
    finally:
        store.close()


def _vcard(path: Path, *cards: str) -> Path:
    body = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{c}END:VCARD\r\n" for c in cards)
    path.write_text(body, encoding="utf-8")
    return path


# -- a read never deletes ----------------------------------------------------------------


def test_a_what_if_day_never_empties_the_trash(amity: Amity, tmp_path: Path) -> None:
    amity.ok("add", "Dennis Ritchie")
    amity.ok("forget", "dennis")
    card = _vcard(tmp_path / "one.vcf", "FN:Ken Thompson\r\nN:Thompson;Ken;;;\r\n")
    for args in READS:
        args = tuple(str(card) if a == "MISSING" else a for a in args)
        amity(*args, today=FAR)
        amity("--today", FAR, *args)
    amity.ok("add", "Brian Kernighan", today=FAR)  # a write on a what-if day: no purge either
    assert "Dennis Ritchie" in _people(amity)
    amity.ok("unforget", "dennis")


def test_reads_write_nothing_even_with_expired_trash(amity: Amity, tmp_path: Path) -> None:
    amity.ok("add", "Dennis Ritchie")
    amity.ok("add", "Ken Thompson")
    amity.ok("forget", "dennis")
    _forgotten_days_ago(amity, "Dennis Ritchie", 45)  # over by the real clock too
    before = _dump(amity)
    card = _vcard(tmp_path / "one.vcf", "FN:Rob Pike\r\nN:Pike;Rob;;;\r\n")
    for args in READS:
        amity(*(str(card) if a == "MISSING" else a for a in args))
    assert _dump(amity) == before
    assert "Dennis Ritchie" in _people(amity)  # still in the trash
    amity.ok("add", "Rob Pike")  # the first write purges, by the real clock
    assert _people(amity) == {"Ken Thompson", "Rob Pike"}


def test_a_new_home_is_not_written_by_a_read(amity: Amity) -> None:
    assert amity.ok("list", "--json").json()["total"] == 0
    assert amity.ok("today", "--json").json()["items"] == []
    store = open_for_reading(_url(amity))
    try:
        assert store.db.scalar("SELECT count(*) FROM account") == 0
    finally:
        store.close()
    amity.ok("add", "Ada Lovelace")
    assert amity.ok("list", "--json").json()["total"] == 1
    amity.ok("init")  # init still makes the account, once
    store = open_for_reading(_url(amity))
    try:
        assert store.db.scalar("SELECT count(*) FROM account") == 1
    finally:
        store.close()


def test_the_web_reads_never_purge_and_its_writes_purge_by_the_real_clock(
    web: Any, store: Any
) -> None:
    from amity.service.people import NewPerson, add_person, forget_person

    dennis, _ = add_person(store, NewPerson(name="Dennis Ritchie"), date.today())
    add_person(store, NewPerson(name="Ken Thompson"), date.today())
    forget_person(store, dennis, date.today())
    with store.db.transaction():
        store.db.execute(
            "UPDATE person SET deleted_on = ? WHERE name = 'Dennis Ritchie'",
            ((date.today() - timedelta(days=45)).isoformat(),),
        )
    web.clock.day = date.today() + timedelta(days=400)
    for page in ("/", "/people", "/report", "/duplicates", "/capture", "/later", "/settings"):
        web.get(page)
    assert store.db.scalar("SELECT count(*) FROM person WHERE name = 'Dennis Ritchie'") == 1
    response = web.post("/capture", {"name": "Rob Pike", "place": "Bell Labs"})
    assert response.status_code < 500
    assert store.db.scalar("SELECT count(*) FROM person WHERE name = 'Dennis Ritchie'") == 0


# -- undo never destroys later work ------------------------------------------------------

ADA = "UID:ada\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\nEMAIL:ada@example.org\r\n"
GRACE = (
    "UID:grace\r\nFN:Grace Hopper\r\nN:Hopper;Grace;;;\r\nEMAIL:grace@navy.example\r\n"
    "TEL:+1 202 555 0100\r\nORG:US Navy\r\nTITLE:Rear Admiral\r\n"
)


def _import(amity: Amity, tmp_path: Path, *cards: str) -> None:
    amity.ok("import", "vcard", str(_vcard(tmp_path / "cards.vcf", *cards)))


def _show(amity: Amity, who: str) -> dict[str, Any]:
    shown: dict[str, Any] = amity.ok("show", who, "--json").json()
    return shown


@pytest.mark.parametrize(
    "later, listed",
    [
        (("met", "Ada Lovelace", "--note", "the engine"), "a first meeting on"),
        (("met", "Ada Lovelace", "--promise", "send the notes"), 'the promise "send the notes"'),
        (("gave", "Ada Lovelace", "advice", "a reading list"), "a ledger entry"),
        (
            ("remind", "Ada Lovelace", "--on", "2026-12-24", "ask about the engine"),
            'the reminder "ask about the engine"',
        ),
        (("edit", "Ada Lovelace", "--location", "London"), "edits to Ada Lovelace"),
        (("edit", "Ada Lovelace", "--add-tag", "math"), "edits to Ada Lovelace"),
    ],
)
def test_undo_of_an_import_refuses_to_delete_later_work_on_its_people(
    amity: Amity, tmp_path: Path, later: tuple[str, ...], listed: str
) -> None:
    _import(amity, tmp_path, ADA)
    amity.ok(*later)
    before = _dump(amity)
    refused = amity("undo")
    assert refused.code == 1
    assert listed in refused.err and "Ada Lovelace" in refused.err
    assert "--force" in refused.err and "Traceback" not in refused.err
    assert _dump(amity) == before  # nothing changed
    forced = amity.ok("undo", "--force")
    assert listed in forced.out
    assert "Ada Lovelace" not in _people(amity)
    store = open_for_reading(_url(amity))
    try:  # nothing orphaned: no interaction, reminder or ledger entry without its person
        assert store.db.scalar("SELECT count(*) FROM interaction") == 0
        assert store.db.scalar("SELECT count(*) FROM reminder") == 0
        assert store.db.scalar("SELECT count(*) FROM ledger_entry") == 0
    finally:
        store.close()


def test_undo_of_an_import_keeps_later_work_on_the_people_it_updated(
    amity: Amity, tmp_path: Path
) -> None:
    amity.ok("add", "Grace Hopper", "--email", "grace@navy.example")
    _import(amity, tmp_path, GRACE, ADA)
    assert _show(amity, "Grace Hopper")["organization"] == "US Navy"
    amity.ok("met", "Grace Hopper", "--note", "COBOL", "--promise", "send the compiler notes")
    amity.ok("gave", "Grace Hopper", "resource", "a nanosecond wire")
    amity.ok("edit", "Grace Hopper", "--location", "Arlington")
    out = amity.ok("undo").out
    assert "Undone: import of cards.vcf" in out
    grace = _show(amity, "Grace Hopper")
    assert grace["location"] == "Arlington"  # the edit made since stays
    assert grace["organization"] == ""  # what the import brought goes
    assert grace["phones"] == []
    assert [i["note"] for i in grace["interactions"]] == ["COBOL"]
    assert grace["interaction_count"] == 1
    assert "Ada Lovelace" not in _people(amity)
    agenda = amity.ok("today", "--json", "--no-drafts", today="2026-11-24").json()
    assert "send the compiler notes" in str(agenda)  # the promise made since is still due
    store = open_for_reading(_url(amity))
    try:
        ledger = store.db.query("SELECT what, person_id FROM ledger_entry")
        assert [r["what"] for r in ledger] == ["a nanosecond wire"]
    finally:
        store.close()


def _two_turings(amity: Amity) -> None:
    amity.ok("add", "Alan Turing", "--email", "alan@bletchley.example")
    amity.ok("add", "Alan M. Turing", "--email", "turing@manchester.example")
    amity.ok("log", "Alan Turing", "--kind", "call", "--note", "enigma", "--on", "2026-11-01")
    amity.ok("log", "2", "--kind", "coffee", "--note", "morphogenesis", "--on", "2026-11-02")


def test_undo_of_a_merge_keeps_what_was_logged_since_with_the_kept_person(
    amity: Amity,
) -> None:
    _two_turings(amity)
    amity.ok("merge", "1", "2", "--yes")
    amity.ok("log", "1", "--kind", "video", "--note", "the imitation game")
    amity.ok("met", "1", "--promise", "read the paper")
    amity.ok("gave", "1", "introduction", "to Christopher Strachey")
    amity.ok("edit", "1", "--location", "Wilmslow")
    amity.ok("undo")
    first, second = _show(amity, "1"), _show(amity, "2")
    assert {i["note"] for i in first["interactions"]} == {"enigma", "the imitation game", ""}
    assert [i["note"] for i in second["interactions"]] == ["morphogenesis"]
    assert first["location"] == "Wilmslow"
    assert second["emails"] == ["turing@manchester.example"]
    assert first["emails"] == ["alan@bletchley.example"]
    assert first["interaction_count"] == 3 and second["interaction_count"] == 1
    store = open_for_reading(_url(amity))
    try:
        assert store.db.scalar("SELECT count(*) FROM ledger_entry WHERE person_id = 1") == 1
        assert store.db.scalar("SELECT count(*) FROM reminder WHERE person_id = 1") >= 1
    finally:
        store.close()


def test_undo_of_dedupe_apply_keeps_later_work(amity: Amity) -> None:
    for n in range(3):
        amity.ok("add", f"Edsger Dijkstra{n}", "--email", f"ewd{n}@example.org")
        amity.ok("add", f"Edsger W. Dijkstra{n}", "--email", f"ewd{n}@example.org")
    assert amity.ok("dedupe", "--apply", "--json", "--min-score", "0.9").json()["count"] == 3
    amity.ok("log", "1", "--kind", "call", "--note", "goto considered harmful")
    amity.ok("undo")
    assert amity.ok("list", "--json").json()["total"] == 6
    assert [i["note"] for i in _show(amity, "1")["interactions"]] == ["goto considered harmful"]


# -- a backup is data, never code ----------------------------------------------------------


def test_the_snapshot_allow_list_is_the_live_schema(store: Any) -> None:
    from amity.store.snapshots import COLUMNS, COPIED, PERSON_TABLES
    from tests.test_backup import _columns, _tables

    for table, columns in COLUMNS.items():  # what a snapshot leaves out is put back
        assert _columns(store, table) == set(columns) | COPIED.get(table, set()), table
    assert {t for t, _ in PERSON_TABLES} | {"person"} == set(COLUMNS)
    # Every column that points at a person is one a snapshot follows (or met_through_id,
    # which merges and restores handle on the person row itself).
    for table in _tables(store):
        for column in _columns(store, table):
            if column.startswith("person") and column.endswith("_id"):
                assert (table, column) in PERSON_TABLES, (table, column)


def _merged_backup(amity: Amity) -> dict[str, Any]:
    _two_turings(amity)
    amity.ok("merge", "1", "2", "--yes")
    document: dict[str, Any] = amity.ok("export", "json").json()
    return document


def _craft(document: dict[str, Any], change: Any) -> dict[str, Any]:
    import copy
    import json

    crafted = copy.deepcopy(document)
    payload = json.loads(crafted["change_sets"][0]["payload"])
    changed = change(payload)
    crafted["change_sets"][0]["payload"] = (
        changed if isinstance(changed, str) else json.dumps(payload)
    )
    return crafted


HOSTILE = {
    "table": lambda p: p["snapshots"][0]["rows"].append(
        ["person; DROP TABLE account; --", {"owner_id": 1, "person_id": 1}]
    ),
    "account table": lambda p: p["snapshots"][0]["rows"].append(
        ["account", {"id": 1, "name": "x", "person_id": 1}]
    ),
    "person column": lambda p: p["snapshots"][0]["person"].update(
        {"name = 'pwned', owner_id": "x"}
    ),
    "row column": lambda p: p["snapshots"][0]["rows"][0][1].update(
        {"person_id) VALUES (1); DROP TABLE person; --": 1}
    ),
    "value": lambda p: p["snapshots"][0]["person"].update({"name": {"sql": "DROP"}}),
    "another person": lambda p: p["snapshots"][0]["rows"][0][1].update({"person_id": 99}),
    "not json": lambda p: "DROP TABLE person",
    "deep json": lambda p: "[" * 200_000 + "]" * 200_000,
    "malformed snapshot": lambda p: p.update({"snapshots": [{"rows": "x"}]}),
    "marks": lambda p: p.update({"marks": {"person": "1; DROP TABLE person"}}),
    "text id": lambda p: p["snapshots"][0]["rows"][0][1].update({"id": "1 OR 1=1"}),
    "not a list": lambda p: p.update({"created_people": "1; DROP TABLE person"}),
}


@pytest.mark.parametrize("how", sorted(HOSTILE))
def test_a_crafted_backup_is_refused_before_anything_runs(
    amity: Amity, tmp_path: Path, how: str
) -> None:
    import json

    crafted = _craft(_merged_backup(amity), HOSTILE[how])
    path = tmp_path / "crafted.json"
    path.write_text(json.dumps(crafted), encoding="utf-8")
    fresh = Amity(tmp_path / "fresh", amity.database_url, amity.today)
    if amity.database_url:
        from tests.conftest import _truncate_postgres

        _truncate_postgres(amity.database_url)
    result = fresh("restore", str(path))
    assert result.code == 1, result.err
    assert "undo record" in result.err and "Traceback" not in result.err
    assert fresh.ok("list", "--json").json()["total"] == 0  # nothing restored


def test_undo_from_a_backup_refuses_rows_of_another_account(amity: Amity, tmp_path: Path) -> None:
    import json

    def other_account(payload: dict[str, Any]) -> None:
        payload["snapshots"][1]["person"]["owner_id"] = 99

    crafted = _craft(_merged_backup(amity), other_account)
    path = tmp_path / "crafted.json"
    path.write_text(json.dumps(crafted), encoding="utf-8")
    fresh = Amity(tmp_path / "fresh", amity.database_url, amity.today)
    if amity.database_url:
        from tests.conftest import _truncate_postgres

        _truncate_postgres(amity.database_url)
    fresh.ok("restore", str(path))
    before = _dump(fresh)
    result = fresh("undo")
    assert result.code == 1 and "another account" in result.err
    assert _dump(fresh) == before


def test_undo_never_touches_another_accounts_rows(amity_sqlite: Amity, tmp_path: Path) -> None:
    """A journal (say, edited in the database) that lists another account's people and
    interactions as its own: undo leaves them alone."""
    import json

    amity = amity_sqlite
    _import(amity, tmp_path, ADA)
    store = writable_store(_url(amity))
    try:
        with store.db.transaction():
            other = store.db.insert(
                "INSERT INTO account (name, email, created_at) VALUES ('other', '', '2026')"
            )
            person = store.db.insert(
                "INSERT INTO person (owner_id, name, name_key, created_on) "
                "VALUES (?, 'Eve Other', 'eve other', '2026-01-01')",
                (other,),
            )
            talk = store.db.insert(
                "INSERT INTO interaction (owner_id, kind, occurred_on, created_at) "
                "VALUES (?, 'call', '2026-01-02', '2026')",
                (other,),
            )
            store.db.execute(
                "INSERT INTO interaction_participant "
                "(interaction_id, owner_id, person_id, occurred_on) VALUES (?, ?, ?, '2026-01-02')",
                (talk, other, person),
            )
            row = store.db.one("SELECT id, payload FROM change_set")
            assert row is not None
            payload = json.loads(row["payload"])
            payload["created_people"].append(person)
            payload["created_interactions"].append(talk)
            store.db.execute(
                "UPDATE change_set SET payload = ? WHERE id = ?", (json.dumps(payload), row["id"])
            )
    finally:
        store.close()
    amity.ok("undo", "--force")
    assert _people(amity) == {"Eve Other"}
    store = open_for_reading(_url(amity))
    try:
        assert store.db.scalar("SELECT count(*) FROM interaction") == 1
        assert store.db.scalar("SELECT count(*) FROM interaction_participant") == 1
    finally:
        store.close()


def test_dedupe_apply_commits_in_chunks_and_one_undo_reverses_them_all(
    amity: Amity, monkeypatch: pytest.MonkeyPatch
) -> None:
    from amity.service import duplicates

    monkeypatch.setattr(duplicates, "CHUNK", 2)
    for n in range(5):
        amity.ok("add", f"Barbara Liskov{n}", "--email", f"bl{n}@example.org", "--tag", "cs")
        amity.ok("add", f"Barbara H. Liskov{n}", "--email", f"bl{n}@example.org")
        amity.ok("log", f"Barbara Liskov{n}", "--kind", "call", "--note", f"call {n}")
    before = _dump(amity)
    assert amity.ok("dedupe", "--apply", "--json", "--min-score", "0.9").json()["count"] == 5
    store = open_for_reading(_url(amity))
    try:  # three transactions, three journal entries of one group
        assert store.db.scalar("SELECT count(*) FROM change_set WHERE undone = ?", (False,)) == 3
    finally:
        store.close()
    out = amity.ok("undo").out
    assert "merged 5 duplicate pairs (3 steps)" in out
    assert _dump(amity) == before
    assert amity("undo").code == 1  # nothing left: the whole apply was one undo


def test_the_web_undo_refuses_to_delete_later_work_too(
    web: Any, store: Any, tmp_path: Path
) -> None:
    from amity.service.imports.run import run_import
    from amity.service.imports.sources import source_named
    from tests.conftest import TODAY

    run_import(store, source_named("vcard"), _vcard(tmp_path / "cards.vcf", ADA), TODAY)
    web.post("/capture", {"name": "Ada Lovelace", "place": "the Analytical Society"})
    refused = web.post("/undo")
    assert refused.status_code == 400
    assert "Ada Lovelace" in refused.text and "--force" in refused.text
    assert store.db.scalar("SELECT count(*) FROM person WHERE name = 'Ada Lovelace'") == 1
    assert store.db.scalar("SELECT count(*) FROM interaction") == 1


def test_dedupe_apply_skips_pairs_another_writer_removed_between_chunks(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from amity.service import duplicates
    from amity.service.people import NewPerson, add_person
    from amity.store.people import delete_person
    from tests.conftest import TODAY

    for n in range(3):
        for name in (f"Frances Allen{n}", f"Frances E. Allen{n}"):
            add_person(store, NewPerson(name=name, emails=[f"fa{n}@example.org"]), TODAY)
    monkeypatch.setattr(duplicates, "CHUNK", 1)
    chunk = duplicates._merge_chunk

    def another_writer_first(*args: Any) -> Any:
        if store.db.scalar("SELECT count(*) FROM change_set") == 1:
            with store.db.transaction():  # between chunks, someone deletes a person
                delete_person(store, int(store.db.scalar("SELECT max(id) FROM person")))
        return chunk(*args)

    monkeypatch.setattr(duplicates, "_merge_chunk", another_writer_first)
    result = duplicates.apply_pairs(store, 0.9, TODAY)
    assert result.count == 2
    assert store.db.scalar("SELECT count(*) FROM person") == 3
