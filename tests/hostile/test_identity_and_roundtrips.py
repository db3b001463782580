"""Nothing lost: same-name strangers stay two people, and every export comes back whole.

A source record's identity is its UID, else its email or URL, else its whole content, so
"unchanged" means the same content, never merely the same name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Amity


def _card(name: str, *lines: str) -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\n{body}END:VCARD\r\n"


def _people(amity: Amity) -> list[dict[str, object]]:
    found: list[dict[str, object]] = amity.ok("list", "--json").json()["results"]
    return found


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


STRANGERS = _card("Ana Lima", "ORG:Contoso", "NOTE:met at the harbour") + _card(
    "Ana Lima", "ORG:Fabrikam", "NOTE:a cousin of Rui"
)


def test_same_name_strangers_in_one_vcard_file_are_two_people(amity: Amity, tmp_path: Path) -> None:
    report = amity.ok("import", "vcard", str(_write(tmp_path / "a.vcf", STRANGERS)), "--json")
    assert (report.json()["created"], report.json()["unchanged"]) == (2, 0)
    assert sorted(str(p["organization"]) for p in _people(amity)) == ["Contoso", "Fabrikam"]


def test_same_name_strangers_across_files_are_two_people(amity: Amity, tmp_path: Path) -> None:
    first = _write(tmp_path / "a.vcf", _card("Ana Lima", "ORG:Contoso"))
    second = _write(tmp_path / "b.vcf", _card("Ana Lima", "ORG:Fabrikam", "NOTE:other Ana"))
    amity.ok("import", "vcard", str(first))
    report = amity.ok("import", "vcard", str(second), "--json").json()
    assert (report["created"], report["updated"], report["unchanged"]) == (1, 0, 0)
    assert sorted(str(p["organization"]) for p in _people(amity)) == ["Contoso", "Fabrikam"]


def test_the_same_strangers_file_twice_changes_nothing(amity: Amity, tmp_path: Path) -> None:
    path = _write(tmp_path / "a.vcf", STRANGERS)
    amity.ok("import", "vcard", str(path))
    again = amity.ok("import", "vcard", str(path), "--json").json()
    assert (again["created"], again["updated"], again["merged"], again["unchanged"]) == (0, 0, 0, 2)
    assert len(_people(amity)) == 2


def test_same_name_strangers_in_a_google_csv_are_two_people(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    rows = (
        "First Name,Last Name,Organization Name,Notes,Labels\r\n"
        "Ana,Lima,Contoso,met at the harbour,* myContacts\r\n"
        "Ana,Lima,Fabrikam,a cousin of Rui,* myContacts\r\n"
    )
    path = _write(tmp_path / "contacts.csv", rows)
    report = amity_sqlite.ok("import", "csv", str(path), "--json").json()
    assert (report["created"], report["unchanged"]) == (2, 0)
    again = amity_sqlite.ok("import", "csv", str(path), "--json").json()
    assert (again["created"], again["unchanged"]) == (0, 2)


def test_same_name_strangers_in_linkedin_connections_are_two_people(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    rows = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Ana,Lima,,,Contoso,Engineer,05 Mar 2024\r\n"
        "Ana,Lima,,,Contoso,Designer,06 Mar 2024\r\n"
    )
    path = _write(tmp_path / "Connections.csv", rows)
    report = amity_sqlite.ok("import", "linkedin", str(path), "--json").json()
    assert report["created"] == 2


def test_a_second_card_with_the_same_email_is_not_dropped(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    cards = _card("Rui Costa", "EMAIL:rui@example.org") + _card(
        "Rui Costa", "EMAIL:rui@example.org", "TEL:+351 21 000 0000"
    )
    path = _write(tmp_path / "rui.vcf", cards)
    amity_sqlite.ok("import", "vcard", str(path))
    rui = amity_sqlite.ok("show", "Rui Costa", "--json").json()
    assert rui["phones"] == ["+351 21 000 0000"]  # one person, and what the second card said
    again = amity_sqlite.ok("import", "vcard", str(path), "--json").json()
    assert (again["created"], again["updated"], again["merged"]) == (0, 0, 0)


def test_a_changed_card_without_uid_or_email_is_found_again_by_its_phone(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    """No UID, email or URL: the card's identity is its content, so an edited card looks
    new; the sure match at import (same phone, same name) puts it back on the same person."""
    ines = _card("Ines Duarte", "TEL:+351 91 111 2222")
    amity_sqlite.ok("import", "vcard", str(_write(tmp_path / "a.vcf", ines)))
    edited = _card("Ines Duarte", "TEL:+351 91 111 2222", "ORG:Contoso")
    report = amity_sqlite.ok(
        "import", "vcard", str(_write(tmp_path / "b.vcf", edited)), "--json"
    ).json()
    assert (report["created"], report["merged"]) == (0, 1)
    assert [p["organization"] for p in _people(amity_sqlite)] == ["Contoso"]


def test_a_home_from_before_content_identity_still_reimports_unchanged(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    """Older Amity keyed a card without UID by a hash of its name and first contact, and a
    CSV row without email by its phone or name: such records are found again, and re-keyed."""
    import hashlib
    import sqlite3

    card = _write(tmp_path / "a.vcf", _card("Ines Duarte", "TEL:+351 91 111 2222"))
    rows = _write(
        tmp_path / "c.csv",
        "First Name,Last Name,Organization Name,Labels\r\nAna,Lima,Contoso,* myContacts\r\n",
    )
    amity_sqlite.ok("import", "vcard", str(card))
    amity_sqlite.ok("import", "csv", str(rows))
    old_card = hashlib.sha256(b"Ines Duarte\x1f+351 91 111 2222").hexdigest()[:20]
    with sqlite3.connect(amity_sqlite.home / "amity.db") as db:
        db.execute("UPDATE source_record SET source_key = ? WHERE source = 'vcard'",
                   (f"sha256:{old_card}",))  # fmt: skip
        db.execute("UPDATE source_record SET source_key = 'name:ana lima' WHERE source = 'google'")
    for kind, path in (("vcard", card), ("csv", rows)):
        again = amity_sqlite.ok("import", kind, str(path), "--json").json()
        assert (again["created"], again["merged"], again["unchanged"]) == (0, 0, 1)
    with sqlite3.connect(amity_sqlite.home / "amity.db") as db:
        keys = [k for (k,) in db.execute("SELECT source_key FROM source_record ORDER BY id")]
    assert all(k.startswith("content:") for k in keys)
    assert len(_people(amity_sqlite)) == 2


# --- exports are safe to open in a spreadsheet ------------------------------------------------

FORMULAS = {  # the fields a Google CSV carries
    "name": '=HYPERLINK("http://evil.example","click")',
    "nickname": "'=already quoted",
    "about": "@SUM(1+1)*cmd|' /C calc'!A0",
}


def test_csv_export_cells_never_start_a_formula_and_read_back_exactly(
    amity: Amity, tmp_path: Path
) -> None:
    import csv

    amity.ok("add", "Ana Lima", "--phone", "+44 20 7946 0958", "--company", "=Contoso",
             "--title", "-2+3")  # fmt: skip
    args = [f"--{field.replace('_', '-')}={value}" for field, value in FORMULAS.items()]
    amity.ok("edit", "Ana Lima", *args, "--add-tag", "=tag")
    exported = tmp_path / "people.csv"
    amity.ok("export", "csv", "-o", str(exported))
    with exported.open(encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'+44 20 7946 0958" in cells and "'=Contoso" in cells
    assert "''=already quoted" in cells  # an apostrophe of its own is kept too

    fresh = Amity(tmp_path / "fresh", None, amity.today)
    fresh.ok("import", "csv", str(exported))
    (person,) = fresh.ok("list", "--json").json()["results"]
    shown = fresh.ok("show", str(person["id"]), "--json").json()
    assert shown["phones"] == ["+44 20 7946 0958"]
    assert shown["organization"] == "=Contoso"
    assert "=tag" in shown["tags"]
    for field, value in FORMULAS.items():
        assert shown[field] == value, field
    assert shown["title"] == "-2+3"


@pytest.mark.parametrize(
    "about", ["\t=1", "\r+1", "-", "@", "'''-x", "'plain'", "plain", "=", "'", "a\n=b"]
)
def test_the_csv_apostrophe_round_trips_any_cell(about: str) -> None:
    from amity.io.contacts_csv import parse_contacts_csv
    from amity.io.contacts_csv_export import export_contacts_csv
    from amity.model import Person

    text = export_contacts_csv([Person(name="Ana Lima", given_name="Ana", about=f"x{about}")])
    text += export_contacts_csv([Person(name="Rui", about=about)]).split("\r\n", 1)[1]
    people, _ = parse_contacts_csv(text, "people.csv")
    assert [p.about for p in people] == [f"x{about}", about]


def test_an_edited_record_without_any_identifier_is_offered_by_dedupe(
    amity_sqlite: Amity, tmp_path: Path
) -> None:
    """Nothing but a name and a company: the edited card is a new record, and `amity dedupe`
    proposes the pair (same name, same company) for a person to decide."""
    amity_sqlite.ok(
        "import", "vcard", str(_write(tmp_path / "a.vcf", _card("Rui Lima", "ORG:Contoso")))
    )
    edited = _write(tmp_path / "b.vcf", _card("Rui Lima", "ORG:Contoso", "NOTE:new note"))
    assert amity_sqlite.ok("import", "vcard", str(edited), "--json").json()["created"] == 1
    (pair,) = amity_sqlite.ok("dedupe", "--json").json()["pairs"]
    assert pair["a_name"] == pair["b_name"] == "Rui Lima"
    assert "same company Contoso" in pair["reasons"]
