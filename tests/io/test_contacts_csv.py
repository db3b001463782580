"""Google (current and old) and Outlook (English, German, French) contact CSVs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from amity.errors import ImportFailed
from amity.io.contacts_csv import parse_birthday, read_contacts_csv
from amity.model import Birthday, ContactDraft, ContactKind, PositionDraft

HERE = Path(__file__).parent
FIXTURES = HERE.parent / "fixtures" / "csv"
SHARED = HERE.parents[2] / "shared" / "fixtures" / "google"


def shared_file(name: str) -> Path:
    """A GPL sample kept outside the repo; skipped when absent, unless running in CI."""
    path = SHARED / name
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is required in CI")
        pytest.skip(f"GPL sample {name} not available (looked in {SHARED})")
    return path


def test_google_current() -> None:
    people, skipped = read_contacts_csv(FIXTURES / "synthetic_google_contacts_current.csv")
    assert (len(people), skipped) == (60, [])
    kenji = people[0]
    assert (kenji.name, kenji.source, kenji.source_key) == (
        "Kenji Nguyen",
        "google",
        "kenji.0@example.com",
    )
    assert kenji.tags == ["Friends"]  # "* myContacts" dropped
    assert kenji.positions == [PositionDraft("Woodgrove Bank", "VP Engineering")]
    assert kenji.about == "Met at the React meetup.\nLikes climbing."
    assert kenji.contacts == [
        ContactDraft(ContactKind.EMAIL, "kenji.0@example.com", "work"),
        ContactDraft(ContactKind.EMAIL, "kenji0@example.net", "work"),
        ContactDraft(ContactKind.PHONE, "+1 415-555-0134", "mobile"),
        ContactDraft(ContactKind.ADDRESS, "1 Example Street\nSpringfield", "home"),
        ContactDraft(ContactKind.SOCIAL, "https://www.linkedin.com/in/kenji-nguyen-0", "linkedin"),
    ]
    assert people[1].tags == ["starred"]
    siobhan = people[3]
    assert siobhan.birthday == Birthday(9, 21, None)
    assert siobhan.contacts[-1].value == "https://www.linkedin.com/in/siobhán-chen-3"
    assert len({p.source_key for p in people}) == 60


def test_google_old_utf16() -> None:
    people, skipped = read_contacts_csv(FIXTURES / "synthetic_google_contacts_old_utf16.csv")
    assert (len(people), skipped) == (30, [])
    assert people[0].name == "Kenji Nguyen"
    assert people[0].positions == [PositionDraft("Woodgrove Bank", "VP Engineering")]
    assert people[0].tags == ["Friends"]  # "* My Contacts" dropped
    assert people[1].tags == ["starred"]


def test_google_edge_rows() -> None:
    people, skipped = read_contacts_csv(FIXTURES / "google_current_edge.csv")
    assert [(s.line, s.reason) for s in skipped] == [(4, "no name, email or phone")]
    company, phone_only, zoe = people
    assert (company.name, company.source_key) == ("Contoso Ltd", "info@contoso.example")
    assert (phone_only.name, phone_only.source_key) == ("+44 20 7946 0958", "")
    assert zoe.source_key == "zoe@example.com"
    assert zoe.tags == ["starred", "Book club"]
    assert zoe.birthday == Birthday(2, 29, None)
    assert zoe.headline == "Freelancer"
    assert ContactDraft(ContactKind.URL, "https://zoe.example/blog/", "blog") in zoe.contacts


def test_outlook_english() -> None:
    people, skipped = read_contacts_csv(FIXTURES / "outlook_en.csv")
    assert skipped == []
    maria, northwind = people
    assert (maria.name, maria.source, maria.source_key) == (
        "Maria J. Lopez",
        "outlook",
        "maria.lopez@fabrikam.example",
    )
    assert maria.positions == [PositionDraft("Fabrikam, Inc.", "Chief Scientist")]
    assert maria.birthday == Birthday(4, 15, 1980)
    assert maria.tags == ["Conference", "Mentors"]
    assert ContactDraft(ContactKind.PHONE, "(425) 555-0199", "mobile") in maria.contacts
    assert (
        ContactDraft(ContactKind.ADDRESS, "1 Main St\n98052 Redmond\nUnited States", "work")
        in maria.contacts
    )
    assert (
        ContactDraft(ContactKind.SOCIAL, "https://www.linkedin.com/in/maria-lopez", "linkedin")
        in maria.contacts
    )
    assert (northwind.name, northwind.source_key, northwind.birthday) == (
        "Northwind Traders",
        "",
        None,
    )


def test_outlook_german_semicolons_cp1252() -> None:
    people, skipped = read_contacts_csv(FIXTURES / "outlook_de_semicolon.csv")
    assert skipped == []
    jurgen, anna = people
    assert (jurgen.name, jurgen.source_key) == ("Jürgen Weiß", "juergen.weiss@mueller.example")
    assert jurgen.positions == [PositionDraft("Müller & Söhne GmbH", "Geschäftsführer")]
    assert jurgen.birthday == Birthday(11, 3, 1975)
    assert jurgen.about == "Kennt sich mit Bier aus."
    assert ContactDraft(ContactKind.PHONE, "+49 89 1234567", "work") in jurgen.contacts
    assert (anna.name, anna.birthday) == ("Anna Groß", None)


def test_outlook_french() -> None:
    people, _skipped = read_contacts_csv(FIXTURES / "outlook_fr.csv")
    [elodie] = people
    assert (elodie.name, elodie.source_key) == ("Élodie Lefèvre", "elodie.lefevre@example.fr")
    assert elodie.positions == [PositionDraft("Société Générale des Eaux", "Directrice des achats")]
    assert elodie.birthday == Birthday(9, 21, 1984)
    assert elodie.tags == ["Clients", "Salon 2025"]
    assert ContactDraft(ContactKind.PHONE, "06 12 34 56 78", "mobile") in elodie.contacts


def test_roundcube_gmail_old_layout() -> None:
    people, skipped = read_contacts_csv(shared_file("roundcube_roundcubemail__gmail.csv"))
    assert skipped == []
    [person] = people
    assert person.source_key == "home@aaa.pl"
    assert person.birthday == Birthday(12, 12, 1975)
    assert person.tags == ["Test"]
    assert person.about == 'note"note'


def test_bbdb_gmail_crlf_and_yearless_birthday() -> None:
    people, _skipped = read_contacts_csv(shared_file("r-re_bbdb-csv-import__gmail-test-data.csv"))
    [person] = people
    assert person.name == "test contact"
    assert person.birthday == Birthday(1, 1, None)
    addresses = [c.value for c in person.contacts if c.kind is ContactKind.ADDRESS]
    assert "\r" not in "".join(addresses)


def test_unknown_csv_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(ImportFailed):
        read_contacts_csv(path)


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("1990-07-12", False, Birthday(7, 12, 1990)),
        ("--09-21", False, Birthday(9, 21, None)),
        ("4/15/1980", False, Birthday(4, 15, 1980)),
        ("03.11.1975", False, Birthday(11, 3, 1975)),
        ("21/09/1984", True, Birthday(9, 21, 1984)),
        ("0.0.00", False, None),
        ("birthday test", False, None),
    ],
)
def test_birthdays(text: str, day_first: bool, expected: Birthday | None) -> None:
    assert parse_birthday(text, day_first=day_first) == expected
