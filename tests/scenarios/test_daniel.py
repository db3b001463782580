"""Daniel, a senior engineer changing teams, replays his November with AMITY_TODAY: his
phone's vCards (one from 2009, quoted-printable) and his LinkedIn connections with heavy
overlap, duplicates he can see the reasons for and undo, then a weekly rhythm of three
check-ins, never the same person twice in a month unless they are in his inner circle, and
a birthday and a promotion on their day."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

from tests.conftest import Amity

PHONE = """\
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller
TEL;CELL:+49 151 2345 6789
BDAY:1984-12-03
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Sofia Costa
N:Costa;Sofia;;;
TEL;TYPE=CELL:+1 415 555 0101
EMAIL:sofia.costa@gmail.com
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Ana Lima
N:Lima;Ana;;;
EMAIL:ana.lima@initech.example
END:VCARD
""" + "".join(  # four colleagues behind the office switchboard
    f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nORG:Initech\nTEL;TYPE=WORK:+1 415 555 0100\nEND:VCARD\n"
    for name in ("Raj Patel", "Lena Novak", "Tom Baker", "Mei Lin")
)
CONNECTIONS = (
    "\ufeffNotes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses'
    ' are missing."\r\n\r\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Sofia,Costa,https://www.linkedin.com/in/sofia-costa,sofia.costa@gmail.com,Globex,"
    "Staff Engineer,05 Mar 2024\r\n"
    "Ana,Lima,https://www.linkedin.com/in/ana-lima,ana.lima@initech.example,Initech,"
    "Engineering Manager,10 Jan 2023\r\n"
    "Jürgen,Müller,https://www.linkedin.com/in/jmueller,,Initech,Principal Engineer,"
    "01 Feb 2020\r\n"
    "Omar,Haddad,https://www.linkedin.com/in/omar-haddad,,Initech,Director of Platform,"
    "01 Feb 2021\r\n"
)
START = date(2026, 11, 2)  # a Monday


def _names(amity: Amity, day: str) -> list[str]:
    people = amity.ok("list", "--json", today=day).json()["results"]
    return sorted(p["name"] for p in people)


def _today(amity: Amity, day: date) -> dict[str, Any]:
    view: dict[str, Any] = amity.ok("today", "--json", today=day.isoformat()).json()
    return view


def test_daniel_s_month(amity: Amity, tmp_path: Path) -> None:
    phone, linkedin = tmp_path / "phone.vcf", tmp_path / "Connections.csv"
    phone.write_text(PHONE, encoding="utf-8")
    linkedin.write_bytes(CONNECTIONS.encode("utf-8"))
    day = START.isoformat()
    amity.ok("import", "vcard", str(phone), today=day)
    merged = amity.ok("import", "linkedin", str(linkedin), today=day).out
    # One person per human where the evidence is sure, with the reason said.
    assert "same email sofia.costa@gmail.com" in merged
    assert _names(amity, day).count("Sofia Costa") == 1
    assert _names(amity, day).count("Ana Lima") == 1
    # The 2009 card's quoted-printable name reads right; with a name alone the two Jürgens
    # are offered for review, never merged by --apply; the switchboard joins nobody.
    pairs = amity.ok("dedupe", "--json", today=day).json()["pairs"]
    assert [{p["a_name"], p["b_name"]} for p in pairs] == [{"Jürgen Müller"}]
    assert pairs[0]["reasons"]
    applied = amity.ok("dedupe", "--apply", today=day).out
    assert "1 less sure pair left for review" in applied
    assert _names(amity, day).count("Jürgen Müller") == 2
    # He merges them by hand, sees it undone, merges again.
    a, b = pairs[0]["a"], pairs[0]["b"]
    amity.ok("merge", str(a), str(b), "--yes", today=day)
    assert _names(amity, day).count("Jürgen Müller") == 1
    amity.ok("undo", today=day)
    assert _names(amity, day).count("Jürgen Müller") == 2
    amity.ok("merge", str(a), str(b), "--yes", today=day)
    assert len(_names(amity, day)) == 8

    # His circles and what happened before this month.
    amity.ok("edit", "Sofia Costa", "--circle", "inner", today=day)
    amity.ok("edit", "Ana Lima", "--circle", "close", today=day)
    amity.ok("edit", "Omar Haddad", "--circle", "active", today=day)
    amity.ok("log", "Sofia Costa", "--kind", "coffee", "--on", "2026-10-12", today=day)
    amity.ok("log", "Ana Lima", "--kind", "call", "--on", "2026-09-20", today=day)
    amity.ok("log", "Omar Haddad", "--kind", "meeting", "--on", "2026-06-01", today=day)
    amity.ok("settings", "weekly_goal", "3", today=day)
    amity.ok(
        "life",
        "Ana Lima",
        "promotion",
        "--title",
        "Director",
        "--on",
        "2026-11-16",
        today="2026-11-16",
    )

    # Every weekday he does the first open check-in; a month of it.
    touched: dict[str, list[date]] = {}
    promotion_seen = birthday_seen = None
    for offset in range(0, 32):
        today = START + timedelta(days=offset)
        view = _today(amity, today)
        assert len(view["items"]) <= 5  # a small list, every day
        for item in view["items"]:
            if item["kind"] == "new_job" and promotion_seen is None:
                promotion_seen = today
            if item["kind"] == "birthday" and item["person"]["name"] == "Jürgen Müller":
                birthday_seen = birthday_seen or today
        if today.weekday() >= 5:
            continue
        open_check_ins = [
            i
            for i in view["items"]
            if i["state"] == "open" and i["kind"] in ("check_in", "going_cold")
        ]
        if open_check_ins:
            item = open_check_ins[0]
            amity.ok("done", str(item["number"]), today=today.isoformat())
            touched.setdefault(item["person"]["name"], []).append(today)
    for name, days in touched.items():
        gaps = [(later - earlier).days for earlier, later in pairwise(days)]
        if name != "Sofia Costa":  # only the inner circle comes round within a month
            assert all(gap >= 30 for gap in gaps), (name, days)
        else:
            assert all(gap >= 14 for gap in gaps), days
    assert {"Sofia Costa", "Ana Lima", "Omar Haddad"} <= set(touched)
    assert promotion_seen is not None and promotion_seen <= date(2026, 11, 19)
    assert birthday_seen == date(2026, 12, 3)  # on the day itself

    # The habit counts what he did; search and --json serve his scripts.
    habit = _today(amity, date(2026, 11, 6))["habit"]
    assert habit["done"] >= 1
    found = amity.ok("search", "Initech", "--json", today="2026-12-03").json()
    assert any("Ana Lima" in str(hit) for hit in found["results"])
