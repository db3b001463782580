"""`amity event import FILE.ics`: conference and meetup calendars as planned events, on
SQLite and PostgreSQL; the same file twice changes nothing, a newer one updates what the
calendar says and keeps what you wrote; bad files are refused whole."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from amity.errors import ImportFailed
from amity.io.icalendar_import import MAX_CALENDAR_BYTES, read_calendar
from amity.service.event_import import CalendarImport, import_calendar
from amity.service.home import open_for_reading
from amity.store import Store
from amity.store import calendar_events as calendar_store
from tests.conftest import TODAY, Amity

FIXTURES = Path(__file__).parent / "fixtures" / "ics"
LONDON = ZoneInfo("Europe/London")


def _store(amity: Amity) -> Store:
    return open_for_reading(amity.database_url or f"sqlite:///{amity.home / 'amity.db'}")


def _import(amity: Amity, name: str | Path, today: date = TODAY) -> CalendarImport:
    store = _store(amity)
    try:
        path = name if isinstance(name, Path) else FIXTURES / name
        return import_calendar(store, path, today, LONDON)
    finally:
        store.close()


@pytest.fixture
def home(amity: Amity) -> Iterator[Amity]:
    amity.ok("init")
    amity.ok("add", "Ana Lima", "--email", "ana.lima@example.com")
    amity.ok("add", "Ben Ode", "--email", "ben@ode.example")
    amity.ok("add", "Cara Diaz", "--email", "cara@diaz.example")
    yield amity


def _events(amity: Amity) -> dict[str, calendar_store.StoredCalendarEvent]:
    store = _store(amity)
    try:
        return calendar_store.events_of_source(store, "ics")
    finally:
        store.close()


def _attending(amity: Amity, event_id: int) -> set[int]:
    store = _store(amity)
    try:
        return calendar_store.attending_ids(store, event_id)
    finally:
        store.close()


def test_a_conference_with_its_sessions_becomes_planned_events(home: Amity) -> None:
    report = _import(home, "conference_sessions.ics")
    assert (report.created, report.updated, report.unchanged) == (4, 0, 0)
    assert report.attendees_linked == 3  # Ben twice, Cara once; nobody@ is no one known
    events = _events(home)
    conference = events["devconf-2026@conf.example"]
    assert (conference.name, conference.starts_on, conference.ends_on, conference.starts_at) == (
        "DevConf 2026",
        date(2026, 12, 9),
        date(2026, 12, 11),
        "",
    )  # all-day, three days: DTEND is the day after the last
    assert conference.place == "Javits Center, New York"
    keynote = events["devconf-2026-keynote@conf.example"]
    assert (keynote.starts_on, keynote.starts_at) == (date(2026, 12, 9), "09:00")  # New York time
    remote = events["devconf-2026-remote@conf.example"]
    assert (remote.starts_at, remote.place) == ("16:00", "https://stream.conf.example/panel")
    assert _attending(home, keynote.id) == {2}
    assert _attending(home, events["devconf-2026-payments@conf.example"].id) == {2, 3}


def test_the_same_file_twice_changes_nothing(home: Amity) -> None:
    _import(home, "conference_sessions.ics")
    before = _events(home)
    again = _import(home, "conference_sessions.ics")
    assert (again.created, again.updated, again.unchanged, again.attendees_linked) == (0, 0, 4, 0)
    assert _events(home) == before


def test_an_updated_file_moves_the_session_and_keeps_the_rest(home: Amity) -> None:
    _import(home, "conference_sessions.ics")
    store = _store(home)
    payments = calendar_store.events_of_source(store, "ics")["devconf-2026-payments@conf.example"]
    with store.db.transaction():
        store.db.execute(
            "UPDATE event SET purpose = ?, pitch = ?, notes = ? WHERE owner_id = ? AND id = ?",
            ("meet payments people", "I build ledgers", "ask about Stripe", store.owner_id,
             payments.id),
        )  # fmt: skip
    store.close()
    report = _import(home, "conference_sessions_updated.ics")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 3)
    moved = _events(home)["devconf-2026-payments@conf.example"]
    assert moved.id == payments.id
    assert (moved.name, moved.starts_at, moved.place) == (
        "Payments at scale (moved to Room 5)",
        "15:00",
        "Room 5",
    )
    store = _store(home)
    kept = store.db.one(
        "SELECT purpose, pitch, notes FROM event WHERE owner_id = ? AND id = ?",
        (store.owner_id, payments.id),
    )
    store.close()
    assert kept == {"purpose": "meet payments people", "pitch": "I build ledgers",
                    "notes": "ask about Stripe"}  # fmt: skip


def test_a_monthly_meetup_becomes_one_event_per_occurrence_in_the_window(home: Amity) -> None:
    report = _import(home, "meetup_recurring.ics")
    events = sorted(_events(home).values(), key=lambda e: e.starts_on)
    # 12 first Thursdays from September 2026, October's cancelled (EXDATE), November's moved
    # to Friday; the window ends 180 days after 22 November: up to May 2027.
    assert report.created == len(events) == 8
    days = [e.starts_on for e in events]
    assert date(2026, 10, 1) not in days
    moved = next(e for e in events if e.starts_on == date(2026, 11, 6))
    assert (moved.name, moved.starts_at, moved.place) == (
        "Python Meetup Berlin (moved: lightning talks)",
        "18:30",
        "c-base, Rungestr. 20, Berlin",
    )
    assert all(e.starts_at in ("19:00", "18:30") for e in events)  # Berlin time, summer or not
    assert {e.key.split("/")[0] for e in events} == {"python-meetup-berlin@example.org"}
    first = next(e for e in events if e.starts_on == date(2026, 9, 3))
    assert _attending(home, first.id) == {1}  # Ana, by her email in any case


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("rrule_secondly.ics", "'Every second' repeats secondly"),
        ("rrule_byminute.ics", "repeats many times a day"),
        ("truncated.ics", "the calendar is cut short"),
        ("latin1.ics", "not UTF-8 text"),
    ],
)
def test_a_bad_file_is_refused_whole(home: Amity, name: str, said: str) -> None:
    with pytest.raises(ImportFailed, match=said):
        _import(home, name)
    assert _events(home) == {}


def test_not_a_calendar_and_a_huge_file_are_refused(home: Amity, tmp_path: Path) -> None:
    vcard = tmp_path / "contacts.ics"
    vcard.write_text("BEGIN:VCARD\nFN:Ana\nEND:VCARD\n")
    with pytest.raises(ImportFailed, match="not an iCalendar file"):
        _import(home, vcard)
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:notadate\nEND:VCALENDAR\n")
    with pytest.raises(ImportFailed, match="not a valid iCalendar file"):
        _import(home, broken)
    huge = tmp_path / "huge.ics"
    with huge.open("wb") as out:
        out.truncate(50 * 1024 * 1024)
    with pytest.raises(ImportFailed, match="the file is 50 MB, more than the 20 MB"):
        _import(home, huge)
    assert MAX_CALENDAR_BYTES < 50 * 1024 * 1024
    assert _events(home) == {}


def test_hostile_strings_are_kept_as_plain_text() -> None:
    found = read_calendar((FIXTURES / "hostile_strings.ics").read_bytes(), TODAY)
    (event,) = found
    assert "\x1b" not in event.name and "\u202e" not in event.name
    assert "<script>" in event.name  # text, escaped wherever it is shown
    assert event.place == "<img src=x onerror=alert(1)>"


def test_the_command_reports_and_refuses_without_a_traceback(home: Amity) -> None:
    first = home.ok("event", "import", str(FIXTURES / "conference_sessions.ics"))
    assert first.out.startswith(
        "conference_sessions.ics: 4 new events, 0 updated, 0 unchanged; 3 attendees linked."
    )
    again = home.ok("event", "import", str(FIXTURES / "conference_sessions.ics"), "--json")
    assert again.json() == {"created": 0, "updated": 0, "unchanged": 4, "attendees_linked": 0}
    edited = home.ok("event", "edit", "Payments at scale", "--purpose", "meet payments people")
    assert edited.code == 0
    home.ok("event", "import", str(FIXTURES / "conference_sessions_updated.ics"))
    shown = home.ok("event", "show", "Payments at scale (moved to Room 5)", "--json").json()
    assert "meet payments people" in str(shown)
    for bad in ("rrule_secondly.ics", "truncated.ics", "latin1.ics"):
        refused = home("event", "import", str(FIXTURES / bad))
        assert refused.code == 1 and "Traceback" not in refused.err
        assert refused.err.startswith("amity: " + bad)
    missing = home("event", "import", "/no/such/calendar.ics")
    assert missing.code != 0 and "Traceback" not in missing.err
