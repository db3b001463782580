"""Reminders that reach you: an iCalendar file and an email digest over real SMTP."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.conftest import Amity


def test_calendar_is_valid_ics_with_stable_uids(amity_sqlite: Amity, tmp_path: Path) -> None:
    cli = amity_sqlite
    cli.ok("met", "Grace Hopper", "--at", "PyCon", today="2026-11-20")
    cli.ok("add", "Birthday Bea", "--birthday", "--11-25")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    cli.ok("calendar", "-o", str(first), "--days", "14", today="2026-11-21")
    cli.ok("calendar", "-o", str(second), "--days", "14", today="2026-11-21")
    events = {}
    for path in (first, second):
        cal = Calendar.from_ical(path.read_bytes())
        assert cal["VERSION"] == "2.0" and cal["PRODID"]
        events[path.name] = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    assert set(events["a.ics"]) == set(events["b.ics"])
    by_summary = {str(e["SUMMARY"]): e for e in events["a.ics"].values()}
    assert "Follow up with Grace Hopper" in by_summary
    bday = by_summary["Wish Birthday Bea a happy birthday"]
    assert bday.decoded("DTSTART").isoformat() == "2026-11-25"
    assert all(str(uid).endswith("@amity.local") for uid in events["a.ics"])


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server() -> Iterator[tuple[int, Inbox]]:
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, inbox
    finally:
        controller.stop()


def test_digest_is_sent_once_a_day_and_catches_up(
    amity_sqlite: Amity, smtp_server: tuple[int, Inbox]
) -> None:
    port, inbox = smtp_server
    cli = amity_sqlite
    for key, value in (
        ("smtp.host", "127.0.0.1"),
        ("smtp.port", str(port)),
        ("smtp.sender", "amity@example.org"),
        ("smtp.to", "me@example.org"),
    ):
        cli.ok("settings", key, value)
    cli.ok("met", "Priya Raman", "--at", "PyCon", "--topic", "Rust", today="2026-11-16")
    sent = cli.ok("digest", "--send", "--json", today="2026-11-17").json()
    assert sent["sent"] is True and sent["days"] == ["2026-11-17"]
    assert len(inbox.messages) == 1
    mail = inbox.messages[0]
    assert mail["To"] == "me@example.org"
    body = mail.get_payload(decode=True).decode()
    assert "Priya Raman: met at PyCon yesterday, no follow-up yet" in body
    again = cli.ok("digest", "--send", "--json", today="2026-11-17").json()
    assert again["sent"] is False and "already sent" in again["reason"]
    assert len(inbox.messages) == 1
    later = cli.ok("digest", "--send", "--json", today="2026-11-20").json()
    assert later["days"] == ["2026-11-18", "2026-11-19", "2026-11-20"]
    assert "catching up 2 missed days" in str(inbox.messages[1]["Subject"])


def test_digest_without_smtp_is_a_clear_error(amity_sqlite: Amity) -> None:
    result = amity_sqlite("digest", "--send")
    assert result.code == 2 and "no SMTP server set" in result.err


def test_digest_to_an_unreachable_server_fails_cleanly(amity_sqlite: Amity) -> None:
    amity_sqlite.ok("settings", "smtp.host", "127.0.0.1")
    amity_sqlite.ok("settings", "smtp.port", "1")
    result = amity_sqlite("digest", "--send")
    assert result.code == 1 and "could not send the digest" in result.err
    assert amity_sqlite("digest", "--json").code == 0  # nothing was logged as sent


def test_settings_validate_values(amity_sqlite: Amity) -> None:
    assert amity_sqlite("settings", "daily_budget", "lots").code == 2
    assert amity_sqlite("settings", "cadence.bestie", "10").code == 2
    assert amity_sqlite("settings", "smtp.port", "99999").code == 2
    amity_sqlite.ok("settings", "cadence.acquaintance", "60")
    shown = amity_sqlite.ok("settings", "--json").json()
    assert shown["cadence"]["acquaintance"] == 60
