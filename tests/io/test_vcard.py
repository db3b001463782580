"""The vCard adapter against real exports: each test names the quirk its fixture covers.

Fixtures under MIT/BSD/Apache/LGPL are in `tests/fixtures/vcard/`; the GPL ones are read
from `../shared/fixtures/vcard/` and skipped when that folder is absent (failed with CI=true).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import vobject

from amity.engines.contact_points import normalize
from amity.errors import ImportFailed, UsageError
from amity.io.vcard import export_vcards, parse_birthday, parse_vcards, read_vcard_path
from amity.model import (
    Birthday,
    ContactKind,
    ContactPoint,
    Person,
    PersonDraft,
    Position,
    SkippedRow,
)

LOCAL = Path(__file__).resolve().parents[1] / "fixtures" / "vcard"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "vcard"


def local(name: str) -> tuple[list[PersonDraft], list[SkippedRow]]:
    return read_vcard_path(LOCAL / name)


def shared(name: str) -> tuple[list[PersonDraft], list[SkippedRow]]:
    """A GPL fixture from the shared folder; skipped when absent, unless CI=true."""
    if not (SHARED / name).is_file():
        reason = f"GPL fixture {name} is only in {SHARED}, which is absent"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return read_vcard_path(SHARED / name)


def only(name: str, *, gpl: bool = False) -> PersonDraft:
    drafts, skipped = shared(name) if gpl else local(name)
    assert len(drafts) == 1 and not skipped, (drafts, skipped)
    return drafts[0]


def values(draft: PersonDraft, kind: ContactKind) -> list[str]:
    return [c.value for c in draft.contacts if c.kind is kind]


def labels(draft: PersonDraft, kind: ContactKind) -> dict[str, str]:
    return {c.value: c.label for c in draft.contacts if c.kind is kind}


# --- encodings ----------------------------------------------------------------------------


def test_shift_jis_name_and_quoted_printable_address_decode_to_kanji() -> None:
    card = only("CyanogenMod_android_frameworks_opt_vcard__v21_japanese_2.vcf")
    assert card.name == "安藤 ロイド 1"
    assert (card.family_name, card.given_name) == ("安藤", "ロイド1")
    assert values(card, ContactKind.ADDRESS) == [
        "東京都渋谷区桜丘町26-1セルリアンタワー6階, 150-8512"
    ]
    assert card.about == "メモ"


def test_shift_jis_trail_byte_0x5c_is_not_taken_for_a_backslash() -> None:
    card = only("CyanogenMod_android_frameworks_opt_vcard__v30_japanese.vcf")
    assert card.name == "伊能 圭一 伊予"  # 能, 圭 and 予 end in byte 0x5C
    assert (card.family_name, card.given_name) == ("伊能", "圭一")


def test_fold_inside_a_utf8_sequence_is_unfolded_before_decoding() -> None:
    card = only("KDE_kcontacts__vcard9.vcf")
    assert card.name == "βγδεαβγδ1" * 11
    assert card.about == (
        "Длинный комментарий на русском языке, чтобы в результате получилась строка "
        "более 70 символов."
    )


def test_latin1_bytes_without_charset_decode_as_umlauts() -> None:
    drafts, skipped = local("ical4j_ical4j-vcard__vcard-vCards-SAP.vcf")
    assert len(drafts) == 30 and not skipped
    names = {d.name: d for d in drafts}
    assert names["Karlsruhe Travel"].family_name == "Töcken"
    assert "Ingrid Spaßlund" in names and "Günther Blümchen" in names


def test_unknown_charset_falls_back_to_utf8() -> None:
    card = only("jeroendesloovere_vcard__invalid_encoding.vcf")
    assert (card.given_name, card.family_name) == ("Jeroen", "Desloovere")


def test_utf16_file_with_bom_is_read() -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ærø\r\nEND:VCARD\r\n"
    drafts, _ = parse_vcards(text.encode("utf-16"))
    assert [d.name for d in drafts] == ["Zoë Ærø"]


# --- quoted-printable, folding, line ends -------------------------------------------------


def test_quoted_printable_soft_line_breaks_join_the_value() -> None:
    card = only("CyanogenMod_android_frameworks_opt_vcard__v21_complicated.vcf")
    assert card.about.endswith("Now's the time for all folk to come to the aid of their country.")


def test_quoted_printable_utf8_split_across_soft_breaks() -> None:
    drafts, _ = local("KDE_kcontacts__vcard10.vcf")
    doctor = next(d for d in drafts if d.name == "Dr. med. Surname Name")
    assert doctor.headline == "Facharzt für Allgemeinmedizin"
    assert doctor.about.splitlines()[:2] == ["Sprechzeiten:", "Mo   8–12, 15–18"]
    broken = next(d for d in drafts if d.name == "Field after Address broken")
    assert values(broken, ContactKind.URL) == ["http://some-webseite.com"]


def test_comment_lines_are_ignored_but_a_soft_break_continuation_is_kept() -> None:
    card = only("CyanogenMod_android_frameworks_opt_vcard__v21_invalid_comment_line.vcf")
    assert card.about == "This is an (sharp ->#<- sharp) example. This message must NOT be ignored."
    assert card.source_key == "357"


def test_cr_cr_lf_line_ends_keep_folded_photo_whole() -> None:
    card = only("CyanogenMod_android_frameworks_opt_vcard__v30_ios_613_multiline.vcf")
    assert card.name == "Bob Smith"
    assert values(card, ContactKind.EMAIL) == ["bob@smithauto.com"]
    assert not [line for line in card.extra if line.startswith("PHOTO")]  # it is the photo
    jpeg = card.photo  # folds joined cleanly
    assert jpeg.startswith(b"\xff\xd8") and jpeg.endswith(b"\xff\xd9")


def test_cr_only_line_endings() -> None:
    card = only("l0b0_vcard__line_ending_mac.vcf", gpl=True)
    assert (card.name, card.given_name, card.family_name) == ("John Doe", "John", "Doe")


def test_mixed_line_endings() -> None:
    card = only("l0b0_vcard__line_ending_mixed.vcf", gpl=True)
    assert (card.name, card.family_name) == ("John Doe", "Doe")


def test_file_starting_with_a_continuation_line() -> None:
    assert only("l0b0_vcard__continuation_at_start.vcf", gpl=True).name == "John Doe"


def test_missing_end_vcard_still_imports() -> None:
    card = only("l0b0_vcard__missing_end.vcf", gpl=True)
    assert card.name == "John Ottoman Doe"


def test_next_begin_ends_a_card_without_end() -> None:
    text = b"BEGIN:VCARD\nFN:Ann\nBEGIN:VCARD\nFN:Bob\nEND:VCARD\n"
    drafts, _ = parse_vcards(text)
    assert [(d.name, d.line) for d in drafts] == [("Ann", 1), ("Bob", 3)]


def test_scrambled_case_property_names() -> None:
    card = only("l0b0_vcard__scrambled_case.vcf", gpl=True)
    assert (card.name, card.given_name) == ("John Doe", "John")


def test_lowercase_names_and_version_at_the_end() -> None:
    card = only("ical4j_ical4j-vcard__4b62872a-849-0.vcf")
    assert card.name == "Franz M. Branntwein"  # empty FN: composed from N
    assert values(card, ContactKind.ADDRESS) == [
        "Medizinstraße 4711, Köln, Nordrhein-Westfalen, 50441, Deutschland"
    ]
    assert values(card, ContactKind.PHONE) == ["0221 12345678"]  # empty TELs dropped


# --- mapping ------------------------------------------------------------------------------


def test_several_cards_in_one_file_report_their_begin_lines() -> None:
    drafts, _ = local("CyanogenMod_android_frameworks_opt_vcard__v21_multiple_entry.vcf")
    assert [(d.name, d.line) for d in drafts] == [
        ("安藤ロイド3", 1),
        ("安藤ロイド4", 12),
        ("安藤ロイド5", 23),
    ]
    assert drafts[0].file.endswith("v21_multiple_entry.vcf")
    assert labels(drafts[0], ContactKind.PHONE)["12"] == "home, fax"


def test_apple_item_labels_apply_to_the_grouped_property() -> None:
    card = only("jeroendesloovere_vcard__example.vcf")
    assert labels(card, ContactKind.EMAIL) == {"site@example.com": "email"}
    assert labels(card, ContactKind.URL) == {"http://www.jeroendesloovere.be": "home"}
    assert not any("X-ABLabel" in line for line in card.extra)


def test_custom_labels_and_unmapped_groups_are_kept() -> None:
    card = only("mangstadt_ez-vcard__gmail-single2.vcf")
    assert labels(card, ContactKind.EMAIL)["customcategory@example.com"] == "CustomEmailCategory"
    assert labels(card, ContactKind.PHONE)["5555551119"] == "GRAND_CENTRAL"
    assert labels(card, ContactKind.URL)["http://www.example4.com"] == "homepage"
    assert "item9.X-ABDATE:1930-03-20" in card.extra
    assert "item9.X-ABLabel:_$!<Anniversary>!$_" in card.extra


def test_year_less_birthday_in_basic_format() -> None:
    card = only("mangstadt_ez-vcard__rfc6350-example.vcf")
    assert card.birthday == Birthday(2, 3, None)
    assert values(card, ContactKind.PHONE)[0] == "+1-418-656-9254 ext. 102"


def test_year_less_birthday_in_extended_format() -> None:
    card = only("bitfireAT_vcard4android__vcard4.vcf", gpl=True)
    assert card.birthday == Birthday(4, 16, None)


def test_apple_year_1604_means_no_year() -> None:
    card = only("Kozea_Radicale__contact4-with-bday-no-year.vcf", gpl=True)
    assert card.birthday == Birthday(1, 1, None)


def test_birthday_with_a_time_and_basic_dates() -> None:
    assert only("KDE_kcontacts__testfullvcard.vcf").birthday == Birthday(10, 15, 1953)
    assert only("mangstadt_ez-vcard__outlook-2003.vcf").birthday == Birthday(3, 21, 1980)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1980-03-22", Birthday(3, 22, 1980)),
        ("19800322", Birthday(3, 22, 1980)),
        ("--0415", Birthday(4, 15, None)),
        ("--04-15", Birthday(4, 15, None)),
        ("--0229", Birthday(2, 29, None)),
        ("1604-04-15", Birthday(4, 15, None)),
        ("1996-04-15T201243+04:00", Birthday(4, 15, 1996)),
        ("circa 1800", None),
        ("1999-02-30", None),
        ("---15", None),
    ],
)
def test_birthday_formats(value: str, expected: Birthday | None) -> None:
    assert parse_birthday(value) == expected


def test_unparseable_birthday_is_kept_as_extra() -> None:
    text = b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Old\r\nBDAY;VALUE=text:circa 1800\r\nEND:VCARD\r\n"
    (draft,), _ = parse_vcards(text)
    assert draft.birthday is None and draft.extra == ["BDAY;VALUE=text:circa 1800"]


def test_full_vcard_maps_nickname_tags_uid_and_social() -> None:
    card = only("KDE_kcontacts__testfullvcard.vcf")
    assert card.source_key == "urn:uuid:b8767877-b4a1-4c70-9acc-505d3819e519"
    assert (card.nickname, card.tags, card.headline) == (
        "Shirley",
        ["FICTION", "LITERATURE"],
        "Detective",
    )
    assert labels(card, ContactKind.EMAIL)["detective@sherlockholmes.com"] == "work"
    assert values(card, ContactKind.SOCIAL) == ["xmpp:detective@sherlockholmes.com"]
    assert "GENDER:M" in card.extra and not any(x.startswith("PRODID") for x in card.extra)


def test_org_and_title_pair_up_in_order() -> None:
    card = only("mangstadt_ez-vcard__fullcontact.vcf")
    assert [(p.organization, p.title) for p in card.positions] == [
        ("Organization1", "Title1"),
        ("Organization2", "Title2"),
    ]
    assert card.birthday == Birthday(8, 1, 2016)  # the ALTID twin is dropped
    assert labels(card, ContactKind.SOCIAL)["skype:skype"] == "Skype"


def test_escaped_commas_in_structured_values() -> None:
    card = only("mangstadt_ez-vcard__John_Doe_EVOLUTION.vcf")
    assert card.name == "Mr. John Richter, James Doe Sr."
    assert [(p.organization, p.title) for p in card.positions] == [("IBM", "Money Counter")]
    assert card.tags == ["VIP"]
    assert "X-EVOLUTION-FILE-AS:Doe\\, John" in card.extra


def test_2_1_comma_in_org_is_literal() -> None:
    card = only("mangstadt_ez-vcard__outlook-2003.vcf")
    assert card.positions[0].organization == "Company, The"
    assert card.about == "This is the note field!!\nSecond line\n\nThird line is empty"


def test_phone_placeholder_without_digits_is_kept_as_extra() -> None:
    card = only("mangstadt_ez-vcard__outlook-2003.vcf")
    assert values(card, ContactKind.PHONE) == []
    assert "TEL;TYPE=WORK;TYPE=VOICE:BusinessPhone" in card.extra


def test_a_malformed_photo_is_dropped_with_a_note() -> None:
    card = only("CyanogenMod_android_frameworks_opt_vcard__v21_malformed_photo.vcf")
    assert card.name == "fullname"
    assert (card.extra, card.photo) == ([], b"")
    assert card.photo_note == "its photo is not valid base64: no photo kept"


def test_card_with_only_a_photo_is_reported_with_file_and_line() -> None:
    drafts, skipped = local("sabre-io_vobject__issue64.vcf")
    assert drafts == []
    assert [(Path(s.file).name, s.line) for s in skipped] == [("sabre-io_vobject__issue64.vcf", 1)]
    assert "no name" in skipped[0].reason


def test_card_without_name_is_named_after_its_email() -> None:
    drafts, _ = local("mangstadt_ez-vcard__John_Doe_ANDROID.vcf")
    assert [d.name for d in drafts[:2]] == ["john.doe@company.com", "jane.doe@company.com"]
    assert drafts[2].name == "Ñ Ñ Ñ Ñ Ñ"


def test_card_missing_n_and_fn_imports_under_its_email() -> None:
    card = only("Kozea_Radicale__broken-vcard.vcf", gpl=True)
    assert card.name == "test-misses-N-or-FN@example.com"


def test_altid_twin_of_n_is_dropped() -> None:
    card = only("lucc_khard__altid.vcf", gpl=True)
    assert (card.given_name, card.family_name) == ("one", "representation")


def test_source_key_is_uid_else_email_else_nothing() -> None:
    card = only("mangstadt_ez-vcard__outlook-2003.vcf")
    assert card.source_key == "jdoe@hotmail.com"
    (ana,), _ = parse_vcards("BEGIN:VCARD\r\nFN:Ana Lima\r\nTEL:123456\r\nEND:VCARD\r\n", "a")
    assert ana.source_key == ""  # the importer knows it by its whole content
    assert only("KDE_kcontacts__vcardwithitemasapplesupport.vcf").source_key == (
        "fe395f83-d5a6-49e3-ae22-ae0799a5aa99"
    )


def test_every_readable_fixture_card_imports() -> None:
    drafts, skipped = read_vcard_path(LOCAL)
    assert len(drafts) == 79  # 40 files; the only card skipped has nothing but a PHOTO
    assert [(Path(s.file).name, s.line) for s in skipped] == [("sabre-io_vobject__issue64.vcf", 1)]
    assert len({(d.file, d.line) for d in drafts}) == 79


def test_every_readable_shared_fixture_card_imports() -> None:
    if not SHARED.is_dir():
        shared("any.vcf")  # skips, or fails under CI
    drafts, skipped = read_vcard_path(SHARED)
    assert len(drafts) == 99
    assert [Path(s.file).name for s in skipped] == ["sabre-io_vobject__issue64.vcf"]


def test_a_file_that_is_not_a_vcard_is_reported() -> None:
    drafts, skipped = parse_vcards(b"name,email\nAnn,ann@example.com\n", "people.csv")
    assert drafts == [] and skipped == [SkippedRow("people.csv", 1, skipped[0].reason)]


def test_read_vcard_path_reads_every_vcf_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "b.VCF").write_bytes(b"BEGIN:VCARD\r\nFN:Bea\r\nEND:VCARD\r\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.vcf").write_bytes(b"BEGIN:VCARD\r\nFN:Al\r\nEND:VCARD\r\n")
    (tmp_path / "notes.txt").write_text("BEGIN:VCARD\nFN:Not me\nEND:VCARD\n")
    drafts, _ = read_vcard_path(tmp_path)
    assert sorted(d.name for d in drafts) == ["Al", "Bea"]


def test_read_vcard_path_missing_raises_import_failed(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed):
        read_vcard_path(tmp_path / "nope.vcf")


# --- export -------------------------------------------------------------------------------


def sample_person() -> Person:
    return Person(
        name="Zoë O'Brien; Jr.",
        id=7,
        given_name="Zoë",
        family_name="O'Brien",
        birthday=Birthday(4, 15, None),
        about="Met at PyCon, line one\nline two; with a \\ backslash",
        tags=["pycon", "a,b"],
        contact_points=[
            ContactPoint(ContactKind.EMAIL, "zoe@example.com", "zoe@example.com", "work"),
            ContactPoint(ContactKind.PHONE, "+44 20 7946 0958", "+442079460958", "Studio"),
        ],
        positions=[Position("Acme, Inc.", "CTO")],
    )


def test_export_uses_crlf_and_folds_at_75_octets_without_splitting_utf8() -> None:
    person = sample_person()
    person.about = "ü" * 200
    text = export_vcards([person], "3.0")
    assert text.endswith("END:VCARD\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert max(len(line.encode()) for line in lines) <= 75
    assert any(line.startswith(" ü") for line in lines)  # no line starts mid-character


def test_export_escapes_text_values() -> None:
    text = export_vcards([sample_person()], "4.0")
    unfolded = text.replace("\r\n ", "")
    assert "FN:Zoë O'Brien\\; Jr." in unfolded
    assert "NOTE:Met at PyCon\\, line one\\nline two\\; with a \\\\ backslash" in unfolded
    assert "CATEGORIES:pycon,a\\,b" in unfolded
    assert "ORG:Acme\\, Inc." in unfolded


def test_export_year_less_birthday_per_version() -> None:
    person = sample_person()
    assert "BDAY:--0415\r\n" in export_vcards([person], "3.0")
    assert "BDAY:--0415\r\n" in export_vcards([person], "4.0")
    person.birthday = Birthday(4, 15, 1990)
    assert "BDAY:1990-04-15\r\n" in export_vcards([person], "3.0")
    assert "BDAY:19900415\r\n" in export_vcards([person], "4.0")


def test_export_uid_is_stable_per_person_id() -> None:
    first = export_vcards([sample_person()], "4.0")
    uid = re.search(r"UID:(urn:uuid:[0-9a-f-]{36})", first)
    assert uid is not None and uid.group(1) in export_vcards([sample_person()], "3.0")
    other = sample_person()
    other.id = 8
    assert uid.group(1) not in export_vcards([other], "4.0")


def test_export_labels_use_type_or_an_apple_item_group() -> None:
    text = export_vcards([sample_person()], "3.0", {7: ["item1.X-ABDATE:2001-01-01"]})
    assert "EMAIL;TYPE=work:zoe@example.com" in text
    assert "item2.TEL:+44 20 7946 0958\r\nitem2.X-ABLabel:Studio" in text  # item1 is taken
    assert "item1.X-ABDATE:2001-01-01" in text


def test_export_4_0_turns_a_base64_photo_into_a_data_uri() -> None:
    extras = {7: ["PHOTO;ENCODING=b;TYPE=JPEG:/9j/AAAA", "X-FOO;X-BAR=1:baz"]}
    v4 = export_vcards([sample_person()], "4.0", extras).replace("\r\n ", "")
    assert "PHOTO:data:image/jpeg;base64,/9j/AAAA" in v4 and "X-FOO;X-BAR=1:baz" in v4
    v3 = export_vcards([sample_person()], "3.0", extras)
    assert "PHOTO;ENCODING=b;TYPE=JPEG:/9j/AAAA" in v3


def test_export_rejects_an_unknown_version() -> None:
    with pytest.raises(UsageError):
        export_vcards([sample_person()], "2.1")  # type: ignore[arg-type]


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_export_is_readable_by_vobject(version: str) -> None:
    text = export_vcards([sample_person()], version)  # type: ignore[arg-type]
    card = vobject.readOne(text)
    assert card.fn.value == "Zoë O'Brien; Jr."
    assert card.org.value == ["Acme, Inc."]
    assert card.note.value == "Met at PyCon, line one\nline two; with a \\ backslash"


# --- round trip over every fixture --------------------------------------------------------


def person_from(draft: PersonDraft, person_id: int) -> Person:
    """What the store would make of a draft, minimally."""
    return Person(
        name=draft.name,
        id=person_id,
        given_name=draft.given_name,
        family_name=draft.family_name,
        nickname=draft.nickname,
        headline=draft.headline,
        birthday=draft.birthday,
        about=draft.about,
        tags=list(draft.tags),
        contact_points=[
            ContactPoint(c.kind, c.value, normalize(c.kind, c.value), c.label)
            for c in draft.contacts
        ],
        positions=[Position(p.organization, p.title) for p in draft.positions],
    )


def essentials(draft: PersonDraft) -> tuple[object, ...]:
    def normalized(kind: ContactKind) -> list[str]:
        return sorted(normalize(kind, v) for v in values(draft, kind))

    return (
        draft.name,
        normalized(ContactKind.EMAIL),
        normalized(ContactKind.PHONE),
        draft.birthday,
        [p.organization for p in draft.positions],
        draft.tags,
    )


ROUND_TRIP_FILES = sorted((SHARED if SHARED.is_dir() else LOCAL).glob("*.vcf"))


@pytest.mark.parametrize("version", ["3.0", "4.0"])
@pytest.mark.parametrize("fixture", ROUND_TRIP_FILES, ids=lambda p: p.stem)
def test_round_trip_keeps_names_contacts_birthdays_orgs_and_tags(
    fixture: Path, version: str
) -> None:
    drafts, _ = read_vcard_path(fixture)
    people = [person_from(d, n) for n, d in enumerate(drafts, 1)]
    extras = {n: d.extra for n, d in enumerate(drafts, 1)}
    exported = export_vcards(people, version, extras)  # type: ignore[arg-type]
    again, skipped = parse_vcards(exported.encode("utf-8"), "export.vcf")
    assert skipped == []
    assert [essentials(d) for d in again] == [essentials(d) for d in drafts]
    assert [len(d.extra) for d in again] == [len(d.extra) for d in drafts]  # nothing lost
