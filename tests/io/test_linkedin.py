"""The LinkedIn adapter over real-layout fixtures: every Connections.csv era, messages,
invitations, the owner's profile, and the speed of a 30,000-row file."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from amity.errors import ImportFailed
from amity.io.csv_text import decode, read_table, sniff_delimiter
from amity.io.linkedin import LinkedInExport, read_connections, read_linkedin
from amity.io.linkedin_connections import split_credentials
from amity.io.linkedin_dates import parse_date
from amity.model import ContactKind, Direction, InteractionKind, PersonDraft, PositionDraft

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "linkedin"
SHARED = HERE.parents[2] / "shared" / "fixtures" / "linkedin"
ROOT = HERE.parents[1]
JUNE = FIXTURES / "Complete_LinkedInDataExport_06-15-2026.zip"
NOVEMBER = FIXTURES / "Complete_LinkedInDataExport_11-20-2026.zip"
TODAY = date(2026, 11, 20)


def shared_file(name: str) -> Path:
    """A GPL sample kept outside the repo; skipped when absent, unless running in CI."""
    path = SHARED / name
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is required in CI")
        pytest.skip(f"GPL sample {name} not available (looked in {SHARED})")
    return path


def by_key(export: LinkedInExport) -> dict[str, PersonDraft]:
    return {person.source_key: person for person in export.people}


@pytest.fixture(scope="module")
def june() -> LinkedInExport:
    return read_linkedin(JUNE, date(2026, 6, 15))


@pytest.fixture(scope="module")
def november() -> LinkedInExport:
    return read_linkedin(NOVEMBER, TODAY)


def test_current_export_reads_every_connection(june: LinkedInExport) -> None:
    assert len(june.people) == 380
    assert june.skipped == []
    assert "Connections.csv" in june.files and "Email Addresses.csv" in june.files


def test_connection_fields(june: LinkedInExport) -> None:
    ben = by_key(june)["https://www.linkedin.com/in/ben-obrien-3e9"]
    assert (ben.name, ben.given_name, ben.family_name) == ("Ben O'Brien", "Ben", "O'Brien")
    assert ben.positions == [PositionDraft("Relecloud", "Founder & CEO")]
    assert ben.connected_on == date(2023, 10, 18)
    assert ben.how_met == "LinkedIn"
    assert (ben.source, ben.file, ben.line) == ("linkedin", "Connections.csv", 6)


def test_percent_encoded_url_is_decoded_and_canonical(june: LinkedInExport) -> None:
    bjorn = by_key(june)["https://www.linkedin.com/in/bjørn-svensson-3f7"]
    assert bjorn.positions == [PositionDraft("Proseware, Inc.", "Engineering Manager, Payments")]
    assert [(c.kind, c.value) for c in bjorn.contacts] == [
        (ContactKind.SOCIAL, "https://www.linkedin.com/in/bjørn-svensson-3f7"),
        (ContactKind.EMAIL, "b.15@example.org"),
    ]


def test_credentials_leave_the_name_for_the_headline(june: LinkedInExport) -> None:
    ingrid = by_key(june)["https://www.linkedin.com/in/ingrid-park-cfa-42a"]
    assert (ingrid.name, ingrid.family_name, ingrid.headline) == ("Ingrid Park", "Park", "CFA")


def test_two_john_smiths_stay_two_people(june: LinkedInExport) -> None:
    assert len([p for p in june.people if p.name == "John Smith"]) == 2
    assert len(by_key(june)) == 380


def test_newer_export_shows_job_changes_and_gone_connections(
    june: LinkedInExport, november: LinkedInExport
) -> None:
    old, new = by_key(june), by_key(november)
    assert len(new) == 399
    assert len(new.keys() - old.keys()) == 20
    gone = [old[key].name for key in old.keys() - new.keys()]
    assert gone == ["Viktor Schmidt"]
    changed = {
        new[k].name: new[k].positions[0]
        for k in old.keys() & new.keys()
        if old[k].positions != new[k].positions
    }
    assert changed == {
        "Ximena Fitzgerald": PositionDraft("Woodgrove Bank", "Director of Engineering"),
        "Nadia Agarwal": PositionDraft("Relecloud", "Staff Engineer"),
        "Grace Ivanova": PositionDraft("Coho Winery", "Head of Growth"),
    }


def test_owner_profile_and_job_history(november: LinkedInExport) -> None:
    owner = november.owner_profile
    assert owner is not None
    assert (owner.name, owner.headline, owner.location) == (
        "Alex Rivera",
        "Backend engineer moving into fintech",
        "Berlin, Germany",
    )
    assert owner.positions == [
        PositionDraft("Tailspin Toys", "Backend Engineer", date(2023, 3, 1), None),
        PositionDraft("Litware", "Software Engineer", date(2019, 9, 1), date(2023, 2, 1)),
    ]
    assert ("alex.rivera@example.org", "primary") in [(c.value, c.label) for c in owner.contacts]
    assert ("+49 30 1234567", "mobile") in [(c.value, c.label) for c in owner.contacts]


def test_messages_direction_and_counterparts(june: LinkedInExport) -> None:
    messages = [i for i in june.interactions if i.kind is InteractionKind.MESSAGE]
    assert len(messages) == 120
    assert sum(m.direction is Direction.OUTBOUND for m in messages) == 56
    first = messages[0]
    assert first.direction is Direction.OUTBOUND
    assert first.occurred_on == date(2026, 6, 5)
    assert first.counterpart_keys == ["https://www.linkedin.com/in/quentin-kim-414"]
    assert first.counterpart_names == ["Quentin Kim"]
    assert first.source_key.startswith("2-002604197139|2026-06-05 01:01:00 UTC|")
    assert len({m.source_key for m in messages}) == 120
    assert all(m.counterpart_keys for m in messages)


def test_message_keys_are_stable_across_reads(june: LinkedInExport) -> None:
    again = read_linkedin(JUNE, date(2026, 6, 15))
    assert [i.source_key for i in again.interactions] == [i.source_key for i in june.interactions]


def test_invitations_set_how_met(november: LinkedInExport) -> None:
    people = by_key(november)
    elif_ = people["https://www.linkedin.com/in/elif-agarwal-564"]
    assert elif_.how_met == "LinkedIn invitation from them"
    ingrid = people["https://www.linkedin.com/in/ingrid-ivanova-56e"]
    assert ingrid.how_met == (
        "LinkedIn invitation from you: Hi! We met at the PyData panel, I'd love to stay in touch."
    )
    invitations = [i for i in november.interactions if i.kind is InteractionKind.OTHER]
    assert len(invitations) == 20
    assert invitations[0].occurred_on == date(2026, 11, 3)


def test_unzipped_folder_reads_like_the_zip(tmp_path: Path, june: LinkedInExport) -> None:
    with zipfile.ZipFile(JUNE) as archive:
        archive.extractall(tmp_path)
    folder = read_linkedin(tmp_path, date(2026, 6, 15))
    assert len(folder.people) == len(june.people)
    assert len(folder.interactions) == len(june.interactions)


def test_2018_export_folder() -> None:
    export = read_linkedin(FIXTURES / "export_2018", date(2019, 1, 1))
    people = {p.name: p for p in export.people}
    marta = people["Marta Kowalczyk"]
    assert marta.source_key == "urn:li:member:664293716"
    assert marta.contacts == []  # the urn is not an email
    assert marta.connected_on == date(2018, 1, 8)
    tom = people["Tom Baker"]
    assert (tom.source_key, tom.headline, tom.connected_on) == (
        "tom.baker@example.com",
        "MBA",
        date(2017, 12, 24),
    )
    assert people["Samir Haddad"].source_key == ""  # known by its whole content
    assert [(s.file, s.line, s.reason) for s in export.skipped] == [
        ("Connections.csv", 4, "no name"),
        ("Connections.csv", 5, "unparseable Connected On date 'yesterday'"),
        ("Messages.csv", 5, "unparseable DATE date 'someday'"),
    ]


def test_2018_messages_and_utf16_invitations() -> None:
    export = read_linkedin(FIXTURES / "export_2018", date(2019, 1, 1))
    messages = [i for i in export.interactions if i.kind is InteractionKind.MESSAGE]
    assert [m.direction for m in messages] == [
        Direction.INBOUND,
        Direction.OUTBOUND,
        Direction.OUTBOUND,
    ]
    assert messages[0].notes == "Hi Jordan, it’s been a while — coffee next week?"
    assert messages[2].counterpart_names == ["Tom Baker", "Samir Haddad"]
    assert export.owner_profile is not None
    assert export.owner_profile.name == "Jordan Lee"
    assert export.owner_profile.contacts[0].value == "+1 206 555 0100"  # "Phone Numbers.csv"
    samir = next(p for p in export.people if p.name == "Samir Haddad")
    assert samir.how_met == "LinkedIn"  # invitation without URLs: no key to match on
    invitations = [i for i in export.interactions if i.kind is InteractionKind.OTHER]
    assert [(i.direction, i.counterpart_names) for i in invitations] == [
        (Direction.INBOUND, ["Samir Haddad"]),
        (Direction.OUTBOUND, ["Marta Kowalczyk"]),
    ]


def test_bom_crlf_quoted_notes_preamble_and_skipped_lines() -> None:
    export = read_linkedin(FIXTURES / "connections_bom_crlf_quoted_notes.csv", TODAY)
    nagel = export.people[0]
    assert nagel.source_key == "https://www.linkedin.com/in/nagel-lisânias-cfa"
    assert (nagel.name, nagel.family_name, nagel.headline) == (
        "Nagel Lisânias",
        "Lisânias",
        "CFA, FRM",
    )
    assert nagel.positions == [PositionDraft("Stripe, Inc.", "Engineering Manager, Payments")]
    assert export.people[1].source_key == "https://www.linkedin.com/in/婷-余-4b1"
    dana = export.people[2]
    assert (dana.name, dana.source_key) == ("Dana King Jr.", "dana.king@example.org")
    assert dana.positions[0].title == 'Director, "Special" Projects'
    name = "connections_bom_crlf_quoted_notes.csv"
    assert [(s.file, s.line) for s in export.skipped] == [(name, 7), (name, 8)]
    assert export.skipped[1].reason == "unparseable Connected On date '31 Feb 2024'"


def test_excel_round_trip_dates() -> None:
    people, skipped = read_connections(
        (FIXTURES / "connections_excel_dates.csv").read_bytes(), "c.csv", TODAY
    )
    assert skipped == []
    assert [p.connected_on for p in people] == [date(2026, 2, 6), date(1999, 3, 15)]


def test_silkyrich_mit_sample() -> None:
    name = "silkyrich_linkedin-export-viewer__Connections.csv"
    people, skipped = read_connections((FIXTURES / name).read_bytes(), name, TODAY)
    assert (len(people), skipped) == (1000, [])
    florence = next(p for p in people if p.name == "Florence Nightingale")
    assert florence.connected_on == date(1852, 5, 14)
    assert florence.positions == [
        PositionDraft("London hospital system", "Senior Director, Patient Outcomes")
    ]


def test_single_csv_with_unknown_name_is_recognised_by_header(tmp_path: Path) -> None:
    path = tmp_path / "export-from-a-friend.csv"
    shutil.copy(FIXTURES / "silkyrich_linkedin-export-viewer__Invitations.csv", path)
    export = read_linkedin(path, TODAY)
    assert export.people == []
    assert export.interactions[0].summary == "LinkedIn invitation to Lord Byron"
    assert export.interactions[0].notes.startswith("Father — I understand")


def test_legacy_outlook_layout_connections() -> None:
    path = shared_file("r-re_bbdb-csv-import__linkedin-test-data.csv")
    export = read_linkedin(path, TODAY)
    first = export.people[0]
    assert (first.name, first.source_key) == (
        "testfirst testmiddle testlast",
        "testmeil@hotmail.com",
    )
    assert first.positions == [PositionDraft("testcompany", "test title")]
    assert [c.value for c in first.contacts] == ["testmeil@hotmail.com", "3rdemail@test"]


def test_not_an_export_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ImportFailed):
        read_linkedin(tmp_path, TODAY)
    with pytest.raises(ImportFailed):
        read_linkedin(tmp_path / "missing.zip", TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05 Mar 2024", date(2024, 3, 5)),
        ("6-Feb-26", date(2026, 2, 6)),
        ("1/8/18, 6:14 PM", date(2018, 1, 8)),
        ("2023-06-11 15:33:58 UTC", date(2023, 6, 11)),
        ("2018/08/18 17:16:55 UTC", date(2018, 8, 18)),
        ("Apr 3, 1996", date(1996, 4, 3)),
        ("Jun 2018", date(2018, 6, 1)),
        ("", None),
    ],
)
def test_linkedin_dates(text: str, expected: date | None) -> None:
    assert parse_date(text, TODAY) == expected


def test_credentials_rule() -> None:
    assert split_credentials("Park, CFA, FRM") == ("Park", "", "CFA, FRM")
    assert split_credentials("Papiasse, PhD") == ("Papiasse", "", "PhD")
    assert split_credentials("King, Jr.") == ("King", "Jr.", "")
    assert split_credentials("Garcia, Lopez") == ("Garcia, Lopez", "", "")


def test_decoding_and_delimiters() -> None:
    text = "First Name\tLast Name\nÉva\tKiss\n"
    for encoded in (text.encode("utf-16-le"), text.encode("utf-16-be"), text.encode("utf-16")):
        assert decode(encoded) == text
    assert decode("Café".encode("cp1252")) == "Café"
    assert decode("\ufeffCafé".encode()) == "Café"
    assert sniff_delimiter(text) == "\t"
    table = read_table(text.encode("utf-16-le"), "t.csv", lambda keys: "first name" in keys)
    assert table.rows == [(2, ["Éva", "Kiss"])]


def _generator() -> object:
    spec = importlib.util.spec_from_file_location(
        "gen_linkedin", ROOT / "bench" / "gen_linkedin.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_linkedin"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def test_30000_generated_rows_all_parse(tmp_path: Path) -> None:
    """Speed is measured in bench/, never here; this checks the generator's big file reads."""
    generator = _generator()
    path = tmp_path / "Connections.csv"
    generator.main(["--rows", "30000", "-o", str(path), "--seed", "7"])  # type: ignore[attr-defined]
    export = read_linkedin(path, TODAY)
    assert len(export.people) == 30000 and export.skipped == []


def test_generator_change_jobs_changes_only_that_fraction(tmp_path: Path) -> None:
    generator = _generator()
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    generator.main(["--rows", "1000", "-o", str(old), "--seed", "3"])  # type: ignore[attr-defined]
    generator.main(  # type: ignore[attr-defined]
        ["--rows", "1000", "-o", str(new), "--seed", "3", "--change-jobs", "0.1"]
    )
    before, after = by_key(read_linkedin(old, TODAY)), by_key(read_linkedin(new, TODAY))
    assert before.keys() == after.keys()
    assert sum(before[k].positions != after[k].positions for k in before) == 100


def test_owner_guessed_from_messages_without_profile(tmp_path: Path) -> None:
    with zipfile.ZipFile(JUNE) as archive:
        (tmp_path / "messages.csv").write_bytes(archive.read("messages.csv"))
    export = read_linkedin(tmp_path / "messages.csv", date(2026, 6, 15))
    assert export.owner_profile is None
    assert sum(i.direction is Direction.OUTBOUND for i in export.interactions) == 56
    assert all(
        "https://www.linkedin.com/in/alex-rivera-example" not in i.counterpart_keys
        for i in export.interactions
    )
