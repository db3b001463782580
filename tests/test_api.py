"""The Python API (`amity.api`, exported by `amity`) on SQLite and PostgreSQL: what a script
sees is what the CLI shows, every result is frozen, and bad input is an Amity error."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

import amity
from amity.errors import Ambiguous, AmityError, ImportFailed, NotFound, UsageError
from tests.conftest import TODAY, Amity
from tests.test_architecture import _modules_after

VCARDS = Path(__file__).parent / "fixtures" / "vcard"
TOMORROW = TODAY + timedelta(days=1)


def _open(tmp_path: Path, database_url: str, day: date = TODAY) -> amity.Home:
    return amity.open_home(tmp_path / "home", database_url=database_url, today=day)


@pytest.fixture
def home(tmp_path: Path, database_url: str) -> Iterator[amity.Home]:
    with _open(tmp_path, database_url) as opened:
        yield opened


# -- people and interactions ---------------------------------------------------------------


def test_add_person_returns_the_id_and_the_cleaned_name(home: amity.Home) -> None:
    ada = amity.add_person(
        home,
        "  Ada   Lovelace ",
        emails=["ada@example.org"],
        company="Analytical Engines",
        title="Analyst",
        tags=["Math"],
        circle=amity.Circle.CLOSE,
        every=30,
        birthday=date(1815, 12, 10),
    )
    assert ada == amity.Added(ada.id, "Ada Lovelace", ())
    assert amity.find_person(home, "ada") == amity.PersonRef(ada.id, "Ada Lovelace")
    [found] = amity.search(home, "ada@example.org").people
    assert (found.id, found.circle, found.tags) == (ada.id, "close", ("math",))
    assert (found.organization, found.title, found.last_interaction) == (
        "Analytical Engines",
        "Analyst",
        None,
    )


def test_one_string_is_one_value_not_its_letters(home: amity.Home) -> None:
    amity.add_person(home, "Ada Lovelace", tags="mentor", emails="ada@example.org")
    [ada] = amity.search(home, "tag:mentor").people
    assert ada.tags == ("mentor",)
    assert amity.search(home, "ada@example.org").total == 1


def test_add_person_mentions_a_very_similar_name(home: amity.Home) -> None:
    first = amity.add_person(home, "Jonathan Smith")
    second = amity.add_person(home, "Jonathon Smith", met_through=first.id)
    assert second.similar == (amity.PersonRef(first.id, "Jonathan Smith"),)


def test_met_adds_a_new_person_and_the_follow_up_is_on_tomorrows_agenda(
    tmp_path: Path, database_url: str
) -> None:
    with _open(tmp_path, database_url) as home:
        logged = amity.met(home, "Priya Raman", place="PyCon", topic="Rust in production")
        assert logged.created and logged.person.name == "Priya Raman"
        assert logged.follow_up_due == TOMORROW
        assert not amity.today(home).items  # due tomorrow, not today
    with _open(tmp_path, database_url, TOMORROW) as home:
        view = amity.today(home)
        [item] = view.items
        assert (item.number, item.kind, item.person_id) == (1, "follow_up", logged.person.id)
        assert item.due == TOMORROW and item.state == "open"
        assert "Rust in production" in item.draft
        assert amity.done(home, 1).startswith("Done: Priya Raman")
        [after] = amity.today(home).items  # the number holds all day
        assert (after.number, after.state) == (1, "done")
        assert not amity.today(home).open_items


def test_met_with_an_id_logs_with_that_person(home: amity.Home) -> None:
    ada = amity.add_person(home, "Ada Lovelace")
    logged = amity.met(home, ada.id, on=TODAY - timedelta(days=2))
    assert not logged.created and logged.person == amity.PersonRef(ada.id, "Ada Lovelace")


def test_log_interaction_by_name_closes_the_follow_up(home: amity.Home) -> None:
    met = amity.met(home, "Grace Hopper", on=TODAY - timedelta(days=1))
    assert met.follow_up_due == TODAY
    wrote = amity.log_interaction(home, "grace", "message", note="thanks for the chat")
    assert wrote.person == met.person and wrote.closed_follow_ups == 1
    assert wrote.interaction_id != met.interaction_id
    assert amity.today(home).items == []
    [grace] = amity.search(home, "Grace").people
    assert grace.last_interaction == TODAY


def test_log_interaction_takes_enums_and_a_day_as_words(home: amity.Home) -> None:
    ada = amity.add_person(home, "Ada Lovelace")
    called = amity.log_interaction(
        home,
        ada.id,
        amity.InteractionKind.CALL,
        on="yesterday",
        direction=amity.Direction.INBOUND,
        promise="send the notes",
    )
    assert called.follow_up_due is None and called.closed_follow_ups == 0
    [promise] = amity.today(home).items
    assert promise.kind == "promise" and "send the notes" in promise.reason


# -- the agenda ----------------------------------------------------------------------------


def test_skip_and_snooze_act_on_todays_items(home: amity.Home) -> None:
    amity.met(home, "Ada Lovelace", on=TODAY - timedelta(days=1))
    amity.met(home, "Grace Hopper", on=TODAY - timedelta(days=1))
    assert amity.skip(home, "ada").startswith("Skipped: Ada Lovelace")
    assert amity.snooze(home, "Grace", 3) == (
        f"Snoozed until {(TODAY + timedelta(days=3)).isoformat()}: "
        "Grace Hopper (met yesterday, no follow-up yet)"
    )
    assert [i.state for i in amity.today(home).items] == ["skipped", "snoozed"]


def test_today_is_what_the_cli_prints(tmp_path: Path, database_url: str) -> None:
    cli = Amity(tmp_path / "home", database_url, TODAY)
    cli.ok("met", "Priya Raman", "--on", "yesterday", "--promise", "send the talk")
    with _open(tmp_path, database_url) as home:
        assert amity.today(home).as_dict() == cli.ok("today", "--json").json()


def test_a_fresh_home_reads_as_a_first_run_and_writes_nothing(
    tmp_path: Path, database_url: str
) -> None:
    with _open(tmp_path, database_url) as home:
        view = amity.today(home)
        assert view.first_run and view.items == [] and view.date == TODAY
        assert home.store.db.scalar("SELECT count(*) FROM account") == 0
        amity.add_person(home, "Ada Lovelace")  # the first write creates the account
        assert home.store.db.scalar("SELECT count(*) FROM account") == 1


# -- search and import ---------------------------------------------------------------------


def test_search_ranks_filters_and_limits(home: amity.Home) -> None:
    for name in ("Ada Lovelace", "Ada Byron", "Alan Turing"):
        amity.add_person(home, name, company="Engines" if name != "Alan Turing" else "Bletchley")
    found = amity.search(home, "ada", limit=1)
    assert found.query == "ada" and found.total == 2 and len(found.people) == 1
    bletchley = amity.search(home, "company:bletchley")
    assert [p.name for p in bletchley.people] == ["Alan Turing"]
    assert amity.search(home, "nobody-here").people == ()


def test_import_a_vcard_then_again_changes_nothing(home: amity.Home) -> None:
    path = VCARDS / "mangstadt_ez-vcard__John_Doe_GMAIL.vcf"
    first = amity.import_file(home, "vcard", path)
    assert (first.source, first.created, first.dry_run) == ("vcard", 1, False)
    again = amity.import_file(home, "vcard", str(path))
    assert (again.created, again.unchanged) == (0, 1)
    [john] = amity.search(home, "company:ibm").people
    assert john.organization == "IBM"


def test_a_dry_run_import_writes_nothing(home: amity.Home) -> None:
    report = amity.import_file(home, "vcard", VCARDS / "KDE_kcontacts__vcard10.vcf", dry_run=True)
    assert report.dry_run and report.created >= 1
    assert amity.today(home).first_run  # still an empty home


def test_an_import_reports_skipped_records(home: amity.Home) -> None:
    report = amity.import_file(home, "vcard", VCARDS / "jeroendesloovere_vcard__example.vcf")
    assert all(isinstance(s, amity.Skipped) for s in report.skipped)
    assert report.created + len(report.skipped) >= 1


# -- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", [999, 0, -1, 2**70, "Nobody Here"])
def test_an_unknown_person_is_not_found(home: amity.Home, who: int | str) -> None:
    amity.add_person(home, "Ada Lovelace")
    with pytest.raises(NotFound):
        amity.log_interaction(home, who, "call")
    with pytest.raises(NotFound):
        amity.find_person(home, who)


def test_bad_input_raises_amity_errors_and_writes_nothing(home: amity.Home, tmp_path: Path) -> None:
    amity.add_person(home, "Ada Lovelace")
    amity.add_person(home, "Ada Byron")
    with pytest.raises(Ambiguous) as ambiguous:
        amity.log_interaction(home, "Ada", "call")
    assert len(ambiguous.value.candidates) == 2
    with pytest.raises(UsageError, match="kind"):
        amity.log_interaction(home, "Ada Lovelace", "telepathy")
    with pytest.raises(UsageError, match="future"):
        amity.met(home, "Ada Lovelace", on=TOMORROW)
    with pytest.raises(UsageError):
        amity.add_person(home, "   ")
    with pytest.raises(UsageError):
        amity.add_person(home, "Grace Hopper", circle="best friends")
    with pytest.raises(UsageError):
        amity.find_person(home, True)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        amity.done(home, 1)  # nothing on today's list
    with pytest.raises(UsageError):
        amity.search(home, "   ")
    with pytest.raises(UsageError):
        amity.import_file(home, "spreadsheet", tmp_path)
    empty = tmp_path / "empty.vcf"
    empty.write_text("not a vcard\n", encoding="utf-8")
    with pytest.raises(ImportFailed):
        amity.import_file(home, "vcard", empty)
    with pytest.raises(AmityError):
        amity.import_file(home, "vcard", tmp_path / "missing.vcf")
    assert amity.search(home, "ada").total == 2  # nothing else was written
    assert amity.today(home).items == []


def test_a_day_amity_cannot_plan_around_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="out of range"):
        amity.open_home(tmp_path, today=date(1800, 1, 1))


# -- results are frozen --------------------------------------------------------------------


def test_every_result_is_frozen(home: amity.Home) -> None:
    added = amity.add_person(home, "Ada Lovelace", company="Engines")
    logged = amity.met(home, added.id, on=TODAY - timedelta(days=1))
    view = amity.today(home)
    found = amity.search(home, "ada")
    imported = amity.import_file(home, "vcard", VCARDS / "mangstadt_ez-vcard__John_Doe_GMAIL.vcf")
    results = [added, logged, logged.person, view, view.items[0], found, found.people[0], imported]
    for result in results:
        field = dataclasses.fields(result)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(result, field, None)


# -- opening a home ------------------------------------------------------------------------


def test_a_path_uses_the_homes_own_database_whatever_the_environment_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AMITY_DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    with amity.open_home(tmp_path / "mine", today=TODAY) as home:
        amity.add_person(home, "Ada Lovelace")
        assert home.settings.database_in_home
    assert (tmp_path / "mine" / "amity.db").is_file()
    assert not (tmp_path / "elsewhere.db").exists()


def test_no_path_opens_the_clis_home_and_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AMITY_HOME", str(tmp_path / "cli-home"))
    monkeypatch.setenv("AMITY_TODAY", "2026-11-20")
    monkeypatch.delenv("AMITY_DATABASE_URL", raising=False)
    with amity.open_home() as home:
        assert home.today == date(2026, 11, 20)
        assert home.settings.home == tmp_path / "cli-home"
        amity.met(home, "Ada Lovelace")
    cli = Amity(tmp_path / "cli-home", None, date(2026, 11, 21))
    assert [item["person"]["name"] for item in cli.ok("today", "--json").json()["items"]] == [
        "Ada Lovelace"
    ]


def test_closing_the_home_closes_its_store(tmp_path: Path, database_url: str) -> None:
    with _open(tmp_path, database_url) as home:
        amity.add_person(home, "Ada Lovelace")
        store = home.store
    with pytest.raises(Exception):  # noqa: B017 - the driver's own "closed" error
        store.db.scalar("SELECT 1")
    with _open(tmp_path, database_url) as again:  # and the data is there
        assert amity.find_person(again, "Ada").name == "Ada Lovelace"


# -- the package -------------------------------------------------------------------------


def test_import_amity_loads_no_heavy_module() -> None:
    loaded = _modules_after("import amity")
    heavy = {"sqlalchemy", "psycopg", "sqlite3", "fastapi", "jinja2", "rich", "click", "dateparser"}
    assert not heavy & loaded
    assert not {m for m in loaded if m.startswith("amity.")}, "import amity loads only amity"


def test_every_exported_name_resolves() -> None:
    from amity import api

    assert set(amity.__all__) - {"__version__"} == set(api.__all__)
    for name in amity.__all__:
        assert getattr(amity, name) is getattr(api, name, amity.__version__), name
    assert set(amity.__all__) <= set(dir(amity))
    namespace: dict[str, object] = {}
    exec("from amity import *", namespace)  # noqa: S102 - the star import a script may write
    assert namespace["open_home"] is api.open_home
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        amity.nothing_here  # type: ignore[attr-defined]  # noqa: B018
