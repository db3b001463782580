"""The revision: bumped once by each committed write, from any connection or process, on
both engines; never by a read. The web's caches are keyed on it (and on the account and
the user's templates), not on file timestamps."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from amity.model import InteractionKind
from amity.service.backup import export_json, restore
from amity.service.interactions import Happening, met
from amity.service.people import NewPerson, add_person
from amity.store import Store, open_store
from amity.store.revision import REVISION_KEY, revision
from amity.web.state import PairsCache, TodayViews

DAY = date(2026, 11, 22)
YESTERDAY = "2026-11-21"


def _meet(store: Store, name: str) -> None:
    met(store, name, Happening(InteractionKind.MET, on=YESTERDAY), DAY)


def _other(store: Store, url: str) -> Store:
    return open_store(url, account_id=store.owner_id)


def test_a_write_transaction_bumps_the_revision_once(store: Store) -> None:
    before = revision(store)
    with store.db.transaction():
        for name in ("Grace Hopper", "Ada Lovelace", "Alan Turing"):
            store.db.execute(
                "INSERT INTO tag (owner_id, name) VALUES (?, ?)", (store.owner_id, name)
            )
    assert revision(store) == before + 1
    _meet(store, "Grace Hopper")
    assert revision(store) == before + 2


def test_a_write_outside_a_transaction_counts_once_committed(store: Store) -> None:
    before = revision(store)
    store.db.execute("INSERT INTO tag (owner_id, name) VALUES (?, 'x')", (store.owner_id,))
    if store.db.dialect == "postgresql":  # psycopg holds it until the next commit
        assert revision(store) == before
        with store.db.transaction():
            pass
    assert revision(store) == before + 1  # SQLite committed it at once (autocommit)


def test_reads_and_empty_writes_leave_the_revision_alone(store: Store) -> None:
    _meet(store, "Grace Hopper")
    before = revision(store)
    store.db.query("SELECT * FROM person WHERE owner_id = ?", (store.owner_id,))
    list(store.db.rows("SELECT id FROM person WHERE owner_id = ?", (store.owner_id,)))
    with store.db.transaction():
        store.db.query("SELECT * FROM person WHERE owner_id = ?", (store.owner_id,))
        store.db.execute("DELETE FROM tag WHERE owner_id = ? AND name = 'none'", (store.owner_id,))
    TodayViews().get(store, DAY, Path("/nonexistent"))
    store.db.end_read()
    assert revision(store) == before


def test_a_rolled_back_write_leaves_the_revision_alone(store: Store) -> None:
    before = revision(store)
    with pytest.raises(RuntimeError), store.db.transaction():
        store.db.execute("INSERT INTO tag (owner_id, name) VALUES (?, 'x')", (store.owner_id,))
        raise RuntimeError("changed my mind")
    assert revision(store) == before
    assert store.db.query("SELECT * FROM tag") == []


def test_another_connections_write_invalidates_the_today_view(
    store: Store, database_url: str, tmp_path: Path
) -> None:
    """The old cache looked at the SQLite file's times: blind on PostgreSQL, and liable to
    miss a write of the same size within the file system's time resolution."""
    _meet(store, "Grace Hopper")
    views = TodayViews()
    first = views.get(store, DAY, tmp_path)
    assert views.get(store, DAY, tmp_path) is first  # cached on both engines
    store.db.end_read()
    other = _other(store, database_url)
    try:
        _meet(other, "Ada Lovelace")
    finally:
        other.close()
    second = views.get(store, DAY, tmp_path)
    assert {i.person_name for i in second.items} == {"Grace Hopper", "Ada Lovelace"}
    store.db.end_read()


def test_another_processs_write_invalidates_the_duplicate_pairs(
    store: Store, database_url: str
) -> None:
    add_person(store, NewPerson("Grace Hopper", emails=["grace@navy.example"]), DAY)
    _meet(store, "Ada Lovelace")
    pairs = PairsCache()
    assert pairs.get(store, 0.5) == []
    store.db.end_read()
    code = (
        "import sys; from datetime import date\n"
        "from amity.service.people import NewPerson, add_person\n"
        "from amity.store import open_store\n"
        "s = open_store(sys.argv[1], account_id=int(sys.argv[2]))\n"
        "add_person(s, NewPerson('Grace M. Hopper', emails=['grace@navy.example']), "
        "date(2026, 11, 22))\n"
    )
    subprocess.run(
        [sys.executable, "-c", code, database_url, str(store.owner_id)], check=True, timeout=60
    )
    found = pairs.get(store, 0.5)
    assert [sorted((p.a.name, p.b.name)) for p in found] == [["Grace Hopper", "Grace M. Hopper"]]
    store.db.end_read()


def test_the_today_view_is_kept_per_account(store: Store, tmp_path: Path) -> None:
    _meet(store, "Grace Hopper")
    views = TodayViews()
    mine = views.get(store, DAY, tmp_path)
    with store.db.transaction():
        second = store.db.insert(
            "INSERT INTO account (name, email, created_at) VALUES ('you', '', '2026-11-22')"
        )
    first_account = store.owner_id
    store.owner_id = second
    try:
        assert views.get(store, DAY, tmp_path).items == []
    finally:
        store.owner_id = first_account
    assert [i.person_name for i in views.get(store, DAY, tmp_path).items] == ["Grace Hopper"]
    assert mine.items[0].person_name == "Grace Hopper"
    store.db.end_read()


def test_editing_a_template_invalidates_the_today_view(store: Store, tmp_path: Path) -> None:
    _meet(store, "Grace Hopper")
    views = TodayViews()
    first = views.get(store, DAY, tmp_path)
    assert "MY OWN WORDS" not in first.items[0].draft
    own = tmp_path / "templates" / "drafts" / "followup.j2"
    own.parent.mkdir(parents=True)
    own.write_text("MY OWN WORDS\n", encoding="utf-8")
    assert views.get(store, DAY, tmp_path).items[0].draft == "MY OWN WORDS\n"
    own.write_text("MINE AGAIN\n", encoding="utf-8")  # same second, other size
    assert views.get(store, DAY, tmp_path).items[0].draft == "MINE AGAIN\n"
    store.db.end_read()


def test_the_revision_is_never_in_a_backup(store: Store, database_url: str) -> None:
    _meet(store, "Grace Hopper")
    assert revision(store) > 0
    document = export_json(store)
    assert REVISION_KEY not in document["settings"]
    document["settings"][REVISION_KEY] = "not a number"  # a hand-edited backup
    with store.db.transaction():
        store.db.execute("DELETE FROM person WHERE owner_id = ?", (store.owner_id,))
        store.db.execute("DELETE FROM interaction WHERE owner_id = ?", (store.owner_id,))
    before = revision(store)
    restore(store, document, DAY)
    assert revision(store) == before + 1
    _meet(store, "Ada Lovelace")  # later writes still count
    assert revision(store) == before + 2
