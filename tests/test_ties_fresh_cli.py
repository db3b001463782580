"""Inferred ties follow every write through the real entry point, with no `amity knows` in
between; reads (paths, a person, a what-if day, a read-only home) write nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import Amity


def _cards(tmp_path: Path, *people: tuple[str, str]) -> str:
    lines = []
    for name, org in people:
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{name}", f"ORG:{org}", "END:VCARD"]
    path = tmp_path / "cards.vcf"
    path.write_text("\r\n".join(lines) + "\r\n")
    return str(path)


def _hops(document: dict[str, object]) -> list[list[tuple[str, str]]]:
    return [
        [(h["to"]["name"], h["why"]) for h in path["hops"]]  # type: ignore[index]
        for path in document["paths"]  # type: ignore[attr-defined]
    ]


def _ties(amity: Amity, name: str) -> list[tuple[str, str, str]]:
    listed = amity.ok("show", name, "--json").json()
    return [(t["name"], t["source"], t["why"]) for t in listed.get("ties", [])]


def test_an_import_of_colleagues_gives_a_warm_path_at_once(amity: Amity, tmp_path: Path) -> None:
    amity.ok("import", "vcard", _cards(tmp_path, ("Ana Lima", "Acme"), ("Ben Ode", "Acme")))
    amity.ok("log", "Ana Lima", "--kind", "coffee", "--note", "catch-up")
    document = amity.ok("path", "--to", "Ben Ode", "--json").json()
    assert ("Ana Lima", "Ben Ode") in [tuple(name for name, _ in hops) for hops in _hops(document)]
    (through,) = [hops for hops in _hops(document) if len(hops) == 2]
    assert "colleagues at Acme now" in through[1][1]


def test_a_job_that_ended_drops_the_tie_on_the_next_day_s_write(
    amity: Amity, tmp_path: Path
) -> None:
    amity.ok("import", "vcard", _cards(tmp_path, ("Ana Lima", "Acme"), ("Ben Ode", "Acme")))
    knows = amity.ok("knows", "Ana Lima", "--json").json()["ties"]
    assert [(t["other"]["name"], t["why"]) for t in knows] == [
        ("Ben Ode", "colleagues at Acme now")
    ]
    amity.ok("edit", "Ben Ode", "--company", "Globex", today="2026-12-01")
    # Ben left today: they were colleagues until today, and still are on that day.
    knows = amity.ok("knows", "Ana Lima", "--json", today="2026-12-01").json()["ties"]
    assert [t["why"] for t in knows] == ["colleagues at Acme now"]
    amity.ok("log", "Ana Lima", "--kind", "call", today="2026-12-02")  # the next write
    path = amity.ok("path", "--to", "Ben Ode", "--json", today="2026-12-02").json()
    assert all(len(hops) == 1 for hops in _hops(path))  # no longer through Ana
    assert amity.ok("knows", "Ana Lima", "--json", today="2026-12-02").json()["ties"] == []


def test_tags_events_archive_and_the_trash_are_followed(amity: Amity) -> None:
    amity.ok("add", "Ana Lima")
    amity.ok("add", "Ben Ode")
    amity.ok("add", "Cy Park")
    amity.ok("edit", "Ana Lima", "--add-tag", "climbing")
    amity.ok("edit", "Ben Ode", "--add-tag", "climbing")
    assert _reasons(amity, "Ana Lima") == {"Ben Ode": "both in climbing"}
    amity.ok("edit", "Ben Ode", "--remove-tag", "climbing")
    assert _reasons(amity, "Ana Lima") == {}
    amity.ok("edit", "Cy Park", "--met-through", "Ana Lima")
    assert _reasons(amity, "Ana Lima") == {"Cy Park": "you met Cy Park through Ana Lima"}
    amity.ok("edit", "Cy Park", "--archive")
    assert _reasons(amity, "Ana Lima") == {}
    amity.ok("edit", "Cy Park", "--unarchive")
    amity.ok("forget", "Cy Park")
    assert _reasons(amity, "Ana Lima") == {}
    amity.ok("unforget", "Cy Park")
    assert _reasons(amity, "Ana Lima") == {"Cy Park": "you met Cy Park through Ana Lima"}


def _reasons(amity: Amity, name: str) -> dict[str, str]:
    """The ties as the person's page reads them (a read: nothing is refreshed here)."""
    document = amity.ok("knows", name, "--json").json()
    return {t["other"]["name"]: t["why"] for t in document["ties"] if t["state"] == "inferred"}


def test_a_hidden_tie_stays_hidden_through_later_writes(amity: Amity, tmp_path: Path) -> None:
    amity.ok("import", "vcard", _cards(tmp_path, ("Ana Lima", "Acme"), ("Ben Ode", "Acme")))
    amity.ok("knows", "Ana Lima", "Ben Ode", "--hide")
    amity.ok("add", "Cy Park", "--company", "Acme")  # new evidence: a refresh
    amity.ok("log", "Ana Lima", "--kind", "call", today="2026-12-02")  # a new day: another
    ties = amity.ok("knows", "Ana Lima", "--json", today="2026-12-02").json()["ties"]
    assert [(t["other"]["name"], t["state"]) for t in ties] == [
        ("Cy Park", "inferred"),
        ("Ben Ode", "hidden"),
    ]
    path = amity.ok("path", "--to", "Ben Ode", "--json", today="2026-12-02").json()
    chains = [[name for name, _ in hops] for hops in _hops(path)]
    assert ["Ana Lima", "Ben Ode"] not in chains  # the hidden tie is never a link
    assert ["Ana Lima", "Cy Park", "Ben Ode"] in chains  # the inferred ones are


def test_reads_write_nothing_and_a_read_only_home_still_reads(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    amity = amity_sqlite
    amity.ok("import", "vcard", _cards(tmp_path, ("Ana Lima", "Acme"), ("Ben Ode", "Acme")))
    db = amity.home / "amity.db"
    before = db.read_bytes()
    for args in (
        ("path", "--to", "Ben Ode", "--json"),
        ("show", "Ana Lima", "--json"),
        ("path", "--to-company", "Acme"),
    ):
        amity.ok(*args)
        amity.ok(*args, today="2027-06-01")  # a what-if day: no refresh either
    assert db.read_bytes() == before
    if os.geteuid() == 0:
        pytest.skip("root writes to a read-only home anyway")
    for path in (amity.home, *amity.home.iterdir()):
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        assert amity.ok("path", "--to", "Ben Ode", "--json").json()["paths"]
    finally:
        for path in (amity.home, *amity.home.iterdir()):
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
