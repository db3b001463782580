"""Backups are always restorable: nothing stored can make `export json` write a file that
`restore` refuses, on SQLite or PostgreSQL, and restore holds the CLI's limits."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import pytest

from amity.model.limits import LATEST_STORED_DAY
from tests.conftest import TODAY, Amity, _truncate_postgres

HOSTILE_CARDS = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zed "
    + b"x" * 400
    + b"\r\nNOTE:nul\x00here \x01\x02 ctrl \xff\xfe bad utf8 \xed\xa0\x80 surrogate\r\n"
    + b"ORG:Nul\x00Corp\r\nBDAY:0001-01-01\r\nEMAIL:zed@example.org\r\nEND:VCARD\r\n"
    + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\x00\x00\r\nEMAIL:nul@example.org\r\nEND:VCARD\r\n"
    + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\x7f\x1b[31m\r\nNOTE:only controls\r\nEND:VCARD\r\n"
)


def _fresh(amity: Amity, tmp_path: Path, name: str) -> Amity:
    if amity.database_url:
        _truncate_postgres(amity.database_url)
    return Amity(tmp_path / name, amity.database_url, TODAY)


def _backup(amity: Amity, path: Path) -> dict[str, Any]:
    amity.ok("export", "json", "-o", str(path))
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return document


@pytest.mark.postgres
def test_hostile_imports_back_up_and_restore_on_both_engines(
    amity_sqlite: Amity, tmp_path: Path, postgres_url: str
) -> None:
    """Imported on SQLite (which stores NUL and anything else), restored on PostgreSQL
    (which does not) and on SQLite: the same people, names within the CLI's limit."""
    cards = tmp_path / "hostile.vcf"
    cards.write_bytes(HOSTILE_CARDS)
    amity_sqlite.ok("import", "vcard", str(cards))
    first = _backup(amity_sqlite, tmp_path / "first.json")
    names = [p["name"] for p in first["people"]]
    assert len(names) == 3 and all(0 < len(n) <= 200 for n in names)
    assert "\x00" not in (tmp_path / "first.json").read_text(encoding="utf-8")
    for url in (postgres_url, None):
        restored = _fresh(Amity(tmp_path, url, TODAY), tmp_path, f"restored-{url is None}")
        restored.ok("restore", str(tmp_path / "first.json"))
        again = _backup(restored, tmp_path / "again.json")
        assert [p["name"] for p in again["people"]] == names
        assert again["people"] == first["people"]


BAD_FIELDS = {
    "a name too long for the CLI": {"name": "x" * 201},
    "an empty name": {"name": "   "},
    "a cadence of 0 days": {"cadence_days": 0},
    "a cadence of 4000 days": {"cadence_days": 4000},
    "30 February": {"birthday_month": 2, "birthday_day": 30},
    "month 13": {"birthday_month": 13, "birthday_day": 1},
    "a day without a month": {"birthday_day": 3},
    "an unknown circle": {"circle": "besties"},
}


@pytest.fixture(scope="module")
def small_backup(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("small")
    amity = Amity(home / "home", None, TODAY)
    amity.ok("add", "Ana Lima", "--email", "ana@example.org", "--every", "30")
    return _backup(amity, home / "small.json")


@pytest.mark.parametrize("case", sorted(BAD_FIELDS))
def test_restore_refuses_what_the_cli_refuses(
    amity_sqlite: Amity, tmp_path: Path, small_backup: dict[str, Any], case: str
) -> None:
    document = json.loads(json.dumps(small_backup))
    document["people"][0].update(BAD_FIELDS[case])
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = amity_sqlite("restore", str(path))
    assert result.code == 2, result.err
    assert result.err.count("\n") == 1 and "not an Amity backup: people[0]" in result.err
    assert amity_sqlite.ok("list", "--json").json()["total"] == 0


def test_restore_refuses_an_unknown_contact_kind(
    amity_sqlite: Amity, tmp_path: Path, small_backup: dict[str, Any]
) -> None:
    document = json.loads(json.dumps(small_backup))
    document["people"][0]["contact_points"][0]["kind"] = "fax"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = amity_sqlite("restore", str(path))
    assert result.code == 2 and "contact_points[0].kind should be one of" in result.err


def test_the_cli_refuses_a_name_restore_would_refuse(amity_sqlite: Amity) -> None:
    for name in ("x" * 201, "Bad \udcff name", "nul\x00name"):
        result = amity_sqlite("add", name)
        assert result.code == 2 and result.err.count("\n") == 1, result.err
    amity_sqlite.ok("add", "Ana Lima")
    for args in (("--about", "bad \udcff bytes"), ("--how-met", "esc\x1b[31m"), ("--tag", "\x00")):
        command = ("edit", "Ana Lima", *args) if args[0] != "--tag" else ("add", "Rui", *args)
        result = amity_sqlite(*command)
        # invalid bytes are stopped at the command line, before any field check
        said = {"\udcff": "not valid UTF-8", "\x00": "NUL"}.get(
            next((c for c in args[1] if c in "\udcff\x00"), ""), "control characters"
        )
        assert result.code == 2 and said in result.err, result.err


# --- PostgreSQL: a person with hundreds of emails ------------------------------------------


def _many_emails(words: list[str]) -> str:
    emails = "".join(f"EMAIL:{w}@example.org\r\n" for w in words)
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Many Mails\r\n{emails}END:VCARD\r\n"


@pytest.mark.postgres
def test_a_person_with_hundreds_of_long_emails_restores_on_postgresql(
    tmp_path: Path, postgres_url: str
) -> None:
    """600 addresses of 1,900 characters each: over PostgreSQL's 1 MB tsvector limit as
    written, and still found by each address after the restore."""
    local = "y" * 1900
    words = [f"p{i}.{local}" for i in range(600)]
    sqlite = Amity(tmp_path / "sqlite", None, TODAY)
    cards = tmp_path / "many.vcf"
    cards.write_text(_many_emails(words), encoding="utf-8")
    sqlite.ok("import", "vcard", str(cards))
    sqlite.ok("export", "json", "-o", str(tmp_path / "many.json"))
    _truncate_postgres(postgres_url)
    postgres = Amity(tmp_path / "pg", postgres_url, TODAY)
    postgres.ok("restore", str(tmp_path / "many.json"))
    for word in words[::97]:
        found = postgres.ok("search", f"{word}@example.org", "--json").json()["results"]
        assert [p["name"] for p in found] == ["Many Mails"], word


@pytest.mark.postgres
def test_a_person_whose_words_alone_pass_the_limit_still_restores(
    tmp_path: Path, postgres_url: str
) -> None:
    """600 different 1,900-character addresses cannot all be indexed: the person is still
    restored and found by name and by the first addresses."""
    letters = string.ascii_lowercase
    words = [
        "".join(letters[(i * 7 + j * 3 + i // 26) % 26] for j in range(1900)) + f"q{i}"
        for i in range(600)
    ]
    _truncate_postgres(postgres_url)
    postgres = Amity(tmp_path / "pg", postgres_url, TODAY)
    cards = tmp_path / "many.vcf"
    cards.write_text(_many_emails(words), encoding="utf-8")
    postgres.ok("import", "vcard", str(cards))
    assert postgres.ok("search", "many mails", "--json").json()["total"] == 1
    found = postgres.ok("search", f"{words[0]}@example.org", "--json").json()["results"]
    assert [p["name"] for p in found] == ["Many Mails"]


@pytest.mark.postgres
def test_postgresql_search_finds_a_person_by_an_email_unlike_their_name(
    tmp_path: Path, postgres_url: str
) -> None:
    _truncate_postgres(postgres_url)
    postgres = Amity(tmp_path / "pg", postgres_url, TODAY)
    postgres.ok("add", "Ana Lima", "--email", "zed.quux@contoso.example")
    found = postgres.ok("search", "zed.quux@contoso.example", "--json").json()["results"]
    assert [p["name"] for p in found] == ["Ana Lima"]


def _incompressible(n: int, seed: int) -> str:
    import random

    rng = random.Random(seed)
    return "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(n))


@pytest.mark.postgres
def test_very_long_indexed_values_import_and_restore_on_postgresql(
    tmp_path: Path, postgres_url: str
) -> None:
    """9,000 characters of email, organisation, tag and UID: PostgreSQL cannot index such
    values (8,191 bytes at most); the import fits them, on SQLite and PostgreSQL alike."""
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Fields\r\n"
        f"EMAIL:{_incompressible(9000, 1)}@example.org\r\nORG:{_incompressible(9000, 2)}\r\n"
        f"CATEGORIES:{_incompressible(9000, 3)}\r\nUID:{_incompressible(9000, 4)}\r\n"
        "END:VCARD\r\n"
    )
    cards = tmp_path / "long.vcf"
    cards.write_text(card, encoding="utf-8")
    sqlite = Amity(tmp_path / "sqlite", None, TODAY)
    sqlite.ok("import", "vcard", str(cards))
    document = _backup(sqlite, tmp_path / "long.json")
    (person,) = document["people"]
    assert len(person["contact_points"][0]["value"]) == 9012  # the address is kept whole
    _truncate_postgres(postgres_url)
    Amity(tmp_path / "restored", postgres_url, TODAY).ok("restore", str(tmp_path / "long.json"))
    _truncate_postgres(postgres_url)
    direct = Amity(tmp_path / "pg", postgres_url, TODAY)
    direct.ok("import", "vcard", str(cards))
    again = direct.ok("import", "vcard", str(cards), "--json").json()
    assert (again["created"], again["unchanged"]) == (0, 1)


def test_the_cli_refuses_values_too_long_to_index(amity_sqlite: Amity) -> None:
    long = "x" * 501
    for args in (
        ("add", "Ana", "--company", long),
        ("add", "Ana", "--tag", long),
        ("add", "Ana", "--email", f"{long}@example.org"),
    ):
        result = amity_sqlite(*args)
        assert result.code == 2 and "at most 500 characters" in result.err, result.err
    assert amity_sqlite.ok("list", "--json").json()["total"] == 0


# --- whatever restore accepts, every page can show ---------------------------------------

ODD_NAME = ("<b>Zoë</b> \u202e\u200d👩‍👩‍👧 " + "ÿ" * 200)[:200]


LATEST = LATEST_STORED_DAY.isoformat()  # the newest date a backup may hold


def _odd_backup(tmp_path: Path) -> Path:
    """The demo's backup with odd but valid values: the oldest and newest dates, a name at
    the limit, a quarter megabyte of notes with control characters, 29 February."""
    demo = Amity(tmp_path / "demo", None, TODAY)
    demo.ok("demo")
    document = _backup(demo, tmp_path / "demo.json")
    first, second = document["people"][0], document["people"][1]
    first.update(name=ODD_NAME, about="\x01\x1b[31m" + "notes " * 40_000, cadence_days=1)
    first.update(birthday_month=2, birthday_day=29, birthday_year=None)
    first.update(first_contact_on="0001-01-01", last_contact_on="0001-01-01")
    first.update(last_outbound_on="0001-01-01", next_due_on="0001-01-02")
    second.update(birthday_month=12, birthday_day=31, birthday_year=9999, cadence_days=3650)
    second.update(last_contact_on=LATEST, next_due_on=LATEST)
    for position in first["positions"]:
        position.update(start_on="0001-01-01", end_on=None)
    document["interactions"][0]["occurred_on"] = "0001-01-01"
    document["interactions"][1]["occurred_on"] = LATEST
    for row in document["life_events"][:2]:
        row["occurred_on"] = LATEST
    for row in document["reminders"][:2]:
        row["due_on"] = "0001-01-01"
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_odd_values_restore_and_every_page_shows_them(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from amity.service.settings.environment import Settings
    from amity.web import create_app

    home = Amity(tmp_path / "home", None, TODAY)
    home.ok("restore", str(_odd_backup(tmp_path)))
    for command in (("today",), ("report",), ("show", "1"), ("show", "2"), ("list",)):
        home.ok(*command)
    app = create_app(Settings(home.home, f"sqlite:///{home.home / 'amity.db'}", TODAY))
    with TestClient(app, base_url="http://127.0.0.1") as client:
        for url in ("/", "/people", "/people/1", "/people/2", "/people/1/edit", "/report",
                    "/duplicates", "/people?q=notes", "/settings"):  # fmt: skip
            response = client.get(url)
            assert response.status_code == 200, (url, response.text[-500:])
        assert "&lt;b&gt;Zoë&lt;/b&gt;" in client.get("/people/1").text


BAD_SETTINGS = {
    "daily_budget": 0,
    "weekly_goal": "three",
    "tone": "sarcastic",
    "signature": "x" * 501,
    "cadence": {"inner": 4000},
}


@pytest.mark.parametrize("key", sorted(BAD_SETTINGS))
def test_restore_refuses_settings_amity_settings_refuses(
    amity_sqlite: Amity, tmp_path: Path, small_backup: dict[str, Any], key: str
) -> None:
    document = json.loads(json.dumps(small_backup))
    document["settings"][key] = BAD_SETTINGS[key]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = amity_sqlite("restore", str(path))
    assert result.code == 2 and f"settings.{key} should" in result.err, result.err


def test_an_imported_draft_is_fitted_only_when_it_must_be() -> None:
    from amity.model import ContactDraft, ContactKind, PersonDraft, PositionDraft
    from amity.service.imports.fit import fit_draft

    clean = PersonDraft("Ana Lima", "vcard", "", about="line\none\ttab")
    assert fit_draft(clean) is clean
    hostile = PersonDraft(
        "  Ana\x00  Lima " + "x" * 300,
        "vcard",
        "",
        about="a\x00b\x1bc\ud800",
        contacts=[ContactDraft(ContactKind.EMAIL, "nul\x00@example.org")],
        positions=[PositionDraft("O" * 900, "t\x07")],
        tags=["t" * 900],
    )
    fitted = fit_draft(hostile)
    assert fitted.name.startswith("Ana Lima x") and len(fitted.name) == 200
    assert (fitted.about, fitted.contacts[0].value) == ("abc", "nul@example.org")
    assert (len(fitted.positions[0].organization), fitted.positions[0].title) == (500, "t")
    assert len(fitted.tags[0]) == 500
    assert fit_draft(PersonDraft("\x00\x01", "vcard", "")).name == "(no name)"


def test_a_home_stored_before_the_limits_still_backs_up_restorably(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    """An older Amity imported names of any length and NUL bytes: the backup fits them."""
    import sqlite3

    amity_sqlite.ok("add", "Ana Lima", "--company", "Contoso")
    with sqlite3.connect(amity_sqlite.home / "amity.db") as db:
        db.execute("UPDATE person SET name = ?, about = ?", ("Ana " + "y" * 400, "a\x00b"))
        db.execute("UPDATE organization SET name = ?", ("C" * 900,))
    amity_sqlite.ok("export", "json", "-o", str(tmp_path / "old.json"))
    restored = Amity(tmp_path / "restored", None, TODAY)
    restored.ok("restore", str(tmp_path / "old.json"))
    (person,) = _backup(restored, tmp_path / "again.json")["people"]
    assert (len(person["name"]), person["about"]) == (200, "ab")
