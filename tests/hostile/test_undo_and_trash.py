"""Nothing lost: a read (on any what-if day) deletes nothing, and undo keeps later work."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from amity.store import open_store
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
    store = open_store(_url(amity))
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
    store = open_store(_url(amity))
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
    amity.ok("add", "Rob Pike")  # the first write purges, by the real clock
    assert _people(amity) == {"Ken Thompson", "Rob Pike"}


def test_a_new_home_is_not_written_by_a_read(amity: Amity) -> None:
    assert amity.ok("list", "--json").json()["total"] == 0
    assert amity.ok("today", "--json").json()["items"] == []
    store = open_store(_url(amity))
    try:
        assert store.db.scalar("SELECT count(*) FROM account") == 0
    finally:
        store.close()
    amity.ok("add", "Ada Lovelace")
    assert amity.ok("list", "--json").json()["total"] == 1
    amity.ok("init")  # init still makes the account, once
    store = open_store(_url(amity))
    try:
        assert store.db.scalar("SELECT count(*) FROM account") == 1
    finally:
        store.close()


def test_the_web_reads_never_purge_and_its_writes_purge_by_the_real_clock(
    web: Any, store: Any
) -> None:
    from amity.service.people import NewPerson, add_person, forget_person

    for name in ("Dennis Ritchie", "Ken Thompson"):
        add_person(store, NewPerson(name=name), date.today())
    forget_person(store, "dennis", date.today())
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
