from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from amity.engines.agenda import AgendaItem, build_agenda
from amity.engines.cadence import keep_in_touch_item
from amity.engines.follow_ups import follow_up_item
from amity.io.icalendar_export import agenda_to_ics

MON = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)


def _agenda_items(today: date) -> list[AgendaItem]:
    items = [follow_up_item(812, 7, "Ana Ruiz", "PyCon", MON - timedelta(days=1), today)]
    for n in range(1, 7):
        found = keep_in_touch_item(n, f"Friend {n}", date(2026, 1, 1), 30, None, today)
        assert found is not None
        items.append(found)
    return items


def _events(data: bytes) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(data)
    return {
        str(event["UID"]): {
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "stamp": event.decoded("DTSTAMP"),
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
        }
        for event in calendar.walk("VEVENT")
    }


def test_one_all_day_event_per_planned_item() -> None:
    agenda = build_agenda(_agenda_items(MON), MON)
    drafts = {"follow_up:interaction:812": "Hi Ana, great to meet you at PyCon!"}
    data = agenda_to_ics(agenda.dated_items(), "Amity", NOW, drafts)

    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Amity//Agenda//EN"
    assert str(calendar["X-WR-CALNAME"]) == "Amity"
    events = _events(data)
    assert len(events) == 7
    follow_up = events["follow_up:interaction:812@amity.local"]
    assert follow_up["start"] == MON
    assert follow_up["end"] == MON + timedelta(days=1)
    assert follow_up["stamp"] == NOW
    assert follow_up["summary"] == "Follow up with Ana Ruiz"
    assert follow_up["description"] == (
        "Met at PyCon yesterday, no follow-up yet\n\nDraft:\nHi Ana, great to meet you at PyCon!"
    )
    later = [e for e in events.values() if e["start"] == MON + timedelta(days=1)]
    assert len(later) == 2
    assert all(str(e["summary"]).startswith("Reconnect with Friend") for e in later)
    assert b"\r\n" in data


def test_uids_are_stable_across_exports() -> None:
    monday = build_agenda(_agenda_items(MON), MON)
    tuesday_today = MON + timedelta(days=1)
    done = set(monday.schedule[MON])
    tuesday = build_agenda(_agenda_items(tuesday_today), tuesday_today, done=done)

    first = _events(agenda_to_ics(monday.dated_items(), "Amity", NOW))
    second = _events(agenda_to_ics(tuesday.dated_items(), "Amity", NOW + timedelta(days=1)))
    deferred = set(first) - {f"{key}@amity.local" for key in done}
    assert deferred == set(second)
    for uid in deferred:
        assert second[uid]["start"] == first[uid]["start"]


def test_export_is_byte_for_byte_repeatable() -> None:
    agenda = build_agenda(_agenda_items(MON), MON)
    once = agenda_to_ics(agenda.dated_items(), "Amity", NOW)
    assert once == agenda_to_ics(list(reversed(agenda.dated_items())), "Amity", NOW)


def test_naive_now_is_taken_as_utc() -> None:
    agenda = build_agenda(_agenda_items(MON), MON)
    data = agenda_to_ics(agenda.dated_items(), "Amity", datetime(2026, 3, 2, 7, 30))
    assert b"DTSTAMP:20260302T073000Z" in data
