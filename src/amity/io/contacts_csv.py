"""Google Contacts and Outlook CSV exports as `PersonDraft`s.

The format is told by the header, never by column positions or counts:
- Google, current (about 2023-): `First Name`, `Labels`, numbered `E-mail 1 - Label` /
  `E-mail 1 - Value`, `Phone 1 - …`, `Address 1 - Formatted`, `Website 1 - …`.
- Google, old (Takeout era): `Name`, `Given Name`, `Family Name`, `Group Membership`,
  `E-mail 1 - Type` / `- Value`, `Organization 1 - Name` / `- Title`; often UTF-16.
- Outlook (desktop, and Google's "Outlook CSV"): titles in the UI language, `,` or `;`
  separated; see `OUTLOOK_COLUMNS` for English, German and French.

Google multi-values are joined with ` ::: `; labels starting with `* ` are system groups
(`* myContacts`, `* My Contacts`) and are dropped, except `* starred`, kept as tag `starred`.
`source_key` is the first email, else the first profile URL (e.g. LinkedIn); else "", and
the importer knows the row by its whole content (a phone is shared by a household, a name
by strangers). A row is skipped only when it names nobody and has no email or phone;
a company-only row is named after the company.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from amity.engines.contact_points import (
    is_linkedin_profile,
    normalize,
    normalize_email,
    normalize_url,
)
from amity.errors import ImportFailed
from amity.io.contacts_csv_export import FORMULA_START
from amity.io.csv_text import Cell, Row, Table, cell_at, header_key, read_table
from amity.io.limits import read_file
from amity.model import Birthday, ContactDraft, ContactKind, PersonDraft, PositionDraft, SkippedRow

# Outlook column titles by meaning: English, German, French (Outlook desktop exports, checked
# against Roundcube's csv2vcard.inc maps for de_DE and fr_FR and the Outlook 2003 variant).
OUTLOOK_COLUMNS: dict[str, tuple[str, ...]] = {
    "first": ("First Name", "Vorname", "Prénom"),
    "middle": ("Middle Name", "Weitere Vornamen", "Deuxième prénom"),
    "last": ("Last Name", "Nachname", "Nom"),
    "suffix": ("Suffix", "Suffixe"),
    "nickname": ("Nickname", "Spitzname", "Surnom"),
    "company": ("Company", "Firma", "Société"),
    "title": ("Job Title", "Position", "Fonction", "Profession", "Beruf"),
    "email": ("E-mail Address", "E-Mail-Adresse", "Adresse de messagerie"),
    "email 2": ("E-mail 2 Address", "E-Mail 2: Adresse", "Adresse de messagerie 2"),
    "email 3": ("E-mail 3 Address", "E-Mail 3: Adresse", "Adresse de messagerie 3"),
    "mobile": ("Mobile Phone", "Mobiltelefon", "Tél. mobile", "Téléphone mobile"),
    "work": ("Business Phone", "Telefon geschäftlich", "Téléphone (bureau)"),
    "home": ("Home Phone", "Telefon privat", "Téléphone (domicile)"),
    "main": ("Primary Phone", "Haupttelefon", "Téléphone principal"),
    "other": ("Other Phone", "Weiteres Telefon", "Téléphone (autre)"),
    "birthday": ("Birthday", "Geburtstag", "Anniversaire"),
    "categories": ("Categories", "Kategorien", "Catégories"),
    "notes": ("Notes", "Notizen"),
    "web": ("Web Page", "Webseite", "Page Web"),
    "work street": ("Business Street", "Straße geschäftlich", "Rue (bureau)"),
    "work city": ("Business City", "Ort geschäftlich", "Ville (bureau)"),
    "work postcode": ("Business Postal Code", "Postleitzahl geschäftlich", "Code postal (bureau)"),
    "work country": (
        "Business Country/Region",
        "Business Country",
        "Land/Region geschäftlich",
        "Land geschäftlich",
        "Pays/Région (bureau)",
    ),
    "home street": ("Home Street", "Straße privat", "Rue (domicile)"),
    "home city": ("Home City", "Ort privat", "Ville (domicile)"),
    "home postcode": ("Home Postal Code", "Postleitzahl privat", "Code postal (domicile)"),
    "home country": (
        "Home Country/Region",
        "Home Country",
        "Land/Region privat",
        "Land privat",
        "Pays/Région (domicile)",
    ),
}
_OUTLOOK_PHONES = ("mobile", "work", "home", "main", "other")
_DAY_FIRST = {header_key(name) for name in ("Vorname", "Prénom")}

_GOOGLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "full": ("Name",),
    "first": ("First Name", "Given Name"),
    "middle": ("Middle Name", "Additional Name"),
    "last": ("Last Name", "Family Name"),
    "suffix": ("Name Suffix",),
    "nickname": ("Nickname",),
    "file as": ("File As",),
    "company": ("Organization Name", "Organization 1 - Name"),
    "title": ("Organization Title", "Organization 1 - Title"),
    "birthday": ("Birthday",),
    "notes": ("Notes",),
    "labels": ("Labels", "Group Membership"),
    "photo": ("Photo",),
}
# Google's `Photo` column holds a link to the picture on Google's servers, never the picture.
PHOTO_LINK_NOTE = "its photo is a web link, which Amity never fetches: no photo kept"
_NUMBERED = re.compile(r"(e-mail|phone|address|website) (\d+) - (label|type|value|formatted)")
_KINDS = {
    "e-mail": ContactKind.EMAIL,
    "phone": ContactKind.PHONE,
    "address": ContactKind.ADDRESS,
    "website": ContactKind.URL,
}
_MULTI = " ::: "


def detect_format(keys: set[str]) -> str | None:
    """`google`, `google-old` or `outlook` from a header's cells (as `header_key`s)."""
    if "given name" in keys and keys & {"group membership", "e-mail 1 - value"}:
        return "google-old"
    if "first name" in keys and keys & {"labels", "e-mail 1 - value", "e-mail 1 - label"}:
        return "google"
    if _has_any(keys, "first") and (_has_any(keys, "email") or _has_any(keys, "work street")):
        return "outlook"
    return None


def _has_any(keys: set[str], meaning: str) -> bool:
    return any(header_key(title) in keys for title in OUTLOOK_COLUMNS[meaning])


def read_contacts_csv(path: Path) -> tuple[list[PersonDraft], list[SkippedRow]]:
    """The people in a Google or Outlook CSV export; raises ImportFailed for other files."""
    return parse_contacts_csv(read_file(path, shown=path.name), path.name)


def parse_contacts_csv(data: bytes | str, file: str) -> tuple[list[PersonDraft], list[SkippedRow]]:
    table = read_table(data, file, lambda keys: detect_format(keys) is not None)
    kind = detect_format(table.keys())
    if kind is None:
        raise ImportFailed(f"{file}: not a Google or Outlook contacts CSV")
    to_draft = _google_reader(table) if kind.startswith("google") else _outlook_reader(table)
    source = "google" if kind.startswith("google") else "outlook"
    people: list[PersonDraft] = []
    skipped: list[SkippedRow] = []
    for line, row in table.rows:
        draft = to_draft(row)
        if draft is None:
            skipped.append(SkippedRow(file, line, "no name, email or phone"))
            continue
        people.append(_finish(draft, source, file, line))
    return people, skipped


@dataclass(slots=True)
class _Fields:
    """What both formats yield for a row, before it becomes a `PersonDraft`."""

    name: str
    given: str
    family: str
    nickname: str
    company: str
    title: str
    birthday: Birthday | None
    notes: str
    tags: list[str]
    contacts: list[ContactDraft]
    photo_note: str = ""


def _finish(fields: _Fields, source: str, file: str, line: int) -> PersonDraft:
    return PersonDraft(
        name=fields.name,
        source=source,
        source_key=_source_key(fields),
        file=file,
        line=line,
        given_name=fields.given,
        family_name=fields.family,
        nickname=fields.nickname,
        headline="" if fields.company else fields.title,
        birthday=fields.birthday,
        about=fields.notes,
        contacts=fields.contacts,
        positions=[PositionDraft(fields.company, fields.title)] if fields.company else [],
        tags=fields.tags,
        photo_note=fields.photo_note,
    )


def _source_key(fields: _Fields) -> str:
    for kind in (ContactKind.EMAIL, ContactKind.SOCIAL):
        for contact in fields.contacts:
            if contact.kind is kind and (key := normalize(kind, contact.value)):
                return key
    return ""


def _undefused(cell: Cell) -> Cell:
    """The cell without the apostrophe an export put before a formula start (`'+44 ...`)."""

    def read(row: Row) -> str:
        value = cell(row)
        return value[1:] if value[:1] == "'" and FORMULA_START.match(value[1:]) else value

    return read


def _google_reader(table: Table) -> Callable[[Row], _Fields | None]:
    cell = {m: _undefused(table.cell(*titles)) for m, titles in _GOOGLE_COLUMNS.items()}
    numbered = _numbered_columns(table)

    def read(row: Row) -> _Fields | None:
        contacts = [
            c for kind, label, value in numbered for c in _google_contacts(kind, label, value, row)
        ]
        given, middle, family = cell["first"](row), cell["middle"](row), cell["last"](row)
        full = cell["full"](row) or " ".join(
            p for p in (given, middle, family, cell["suffix"](row)) if p
        )
        fallback = cell["nickname"](row) or cell["file as"](row) or cell["company"](row)
        name = full or fallback or _first_value(contacts, ContactKind.EMAIL)
        if not name and not contacts:
            return None
        return _Fields(
            name=name or _first_value(contacts, ContactKind.PHONE),
            given=given,
            family=family,
            nickname=cell["nickname"](row),
            company=cell["company"](row),
            title=cell["title"](row),
            birthday=parse_birthday(cell["birthday"](row)),
            notes=cell["notes"](row),
            tags=_google_tags(cell["labels"](row)),
            contacts=contacts,
            photo_note=PHOTO_LINK_NOTE if cell["photo"](row).strip() else "",
        )

    return read


def _numbered_columns(table: Table) -> list[tuple[ContactKind, Cell, Cell]]:
    """(kind, label cell, value cell) for each `E-mail N`, `Phone N`, `Address N`, `Website N`."""
    groups: dict[tuple[str, str], dict[str, int]] = {}
    for index, title in enumerate(table.header):
        if match := _NUMBERED.fullmatch(header_key(title)):
            kind, number, part = match.groups()
            groups.setdefault((kind, number), {})[part] = index
    columns = []
    for (kind, _number), parts in groups.items():
        label = parts.get("label", parts.get("type"))
        value = parts.get("formatted", parts.get("value"))
        if value is not None:
            columns.append((_KINDS[kind], _undefused(cell_at(label)), _undefused(cell_at(value))))
    return columns


def _google_contacts(kind: ContactKind, label: Cell, value: Cell, row: Row) -> list[ContactDraft]:
    tag = label(row).removeprefix("* ").casefold()
    parts = _split_multi(value(row))  # an e-mail as typed in Google, even without an @
    return [_contact(kind, part, tag) for part in parts if _usable(kind, part, exchange=False)]


def _google_tags(labels: str) -> list[str]:
    tags = []
    for label in _split_multi(labels):
        if label.casefold() == "* starred":
            tags.append("starred")
        elif not label.startswith("*"):
            tags.append(label)
    return tags


def _split_multi(text: str) -> list[str]:
    return [part.strip() for part in text.split(_MULTI) if part.strip()]


def _outlook_reader(table: Table) -> Callable[[Row], _Fields | None]:
    cell = {m: _undefused(table.cell(*titles)) for m, titles in OUTLOOK_COLUMNS.items()}
    day_first = bool(table.keys() & _DAY_FIRST)

    def read(row: Row) -> _Fields | None:
        contacts = _outlook_contacts(cell, row)
        given, family = cell["first"](row), cell["last"](row)
        parts = (given, cell["middle"](row), family, cell["suffix"](row))
        name = " ".join(p for p in parts if p) or cell["nickname"](row) or cell["company"](row)
        name = (
            name
            or _first_value(contacts, ContactKind.EMAIL)
            or _first_value(contacts, ContactKind.PHONE)
        )
        if not name:
            return None
        return _Fields(
            name=name,
            given=given,
            family=family,
            nickname=cell["nickname"](row),
            company=cell["company"](row),
            title=cell["title"](row),
            birthday=parse_birthday(cell["birthday"](row), day_first=day_first),
            notes=cell["notes"](row),
            tags=[t.strip() for t in re.split(r"[;,]", cell["categories"](row)) if t.strip()],
            contacts=contacts,
        )

    return read


def _outlook_contacts(cell: dict[str, Cell], row: Row) -> list[ContactDraft]:
    found = [(ContactKind.EMAIL, cell[m](row), "") for m in ("email", "email 2", "email 3")]
    found += [(ContactKind.PHONE, cell[m](row), m) for m in _OUTLOOK_PHONES]
    found += [(ContactKind.ADDRESS, _outlook_address(cell, row, m), m) for m in ("work", "home")]
    found.append((ContactKind.URL, cell["web"](row), ""))
    return [_contact(kind, value, label) for kind, value, label in found if _usable(kind, value)]


def _outlook_address(cell: dict[str, Cell], row: Row, where: str) -> str:
    street, city = cell[f"{where} street"](row), cell[f"{where} city"](row)
    postcode, country = cell[f"{where} postcode"](row), cell[f"{where} country"](row)
    locality = " ".join(p for p in (postcode, city) if p)
    return "\n".join(p for p in (street, locality, country) if p)


def _usable(kind: ContactKind, value: str, *, exchange: bool = True) -> bool:
    """Whether a value is worth keeping; Outlook's e-mail columns also hold Exchange paths
    (`/o=ExchangeLabs/...`), which are no address, so there an e-mail needs an @."""
    if kind is ContactKind.EMAIL:
        return "@" in value or not exchange
    if kind is ContactKind.PHONE:  # any digit: an extension or a short code is still kept
        return any(ch.isdigit() for ch in value)
    return bool(value)


def _contact(kind: ContactKind, value: str, label: str) -> ContactDraft:
    if kind is ContactKind.URL and is_linkedin_profile(profile := normalize_url(value)):
        return ContactDraft(ContactKind.SOCIAL, profile, "linkedin")
    if kind is ContactKind.EMAIL:
        value = normalize_email(value)
    return ContactDraft(kind, value, label)


def _first_value(contacts: list[ContactDraft], kind: ContactKind) -> str:
    return next((c.value for c in contacts if c.kind is kind), "")


_ISO_BIRTHDAY = re.compile(r"(\d{1,4})-(\d{1,2})-(\d{1,2})")
_YEARLESS = re.compile(r"--(\d{2})-?(\d{2})")
_NUMERIC = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{2,4})")


def parse_birthday(text: str, day_first: bool = False) -> Birthday | None:
    """`1990-07-12`, `--09-21`, Outlook `7/12/1990` or `12.07.1990`; None when unusable.

    Years before 1800 (`   1-01-01`, vCard's 1604) mean the year is unknown.
    """
    text = text.strip()
    if match := _YEARLESS.fullmatch(text):
        year, month, day = 0, int(match.group(1)), int(match.group(2))
    elif match := _ISO_BIRTHDAY.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _NUMERIC.fullmatch(text):
        first, second, year = (int(g) for g in match.groups())
        month, day = (second, first) if day_first or "." in text else (first, second)
        year += 1900 if year < 100 else 0
    else:
        return None
    return _birthday(year, month, day)


def _birthday(year: int, month: int, day: int) -> Birthday | None:
    known_year = year if year >= 1800 else None
    try:
        date(known_year or 2000, month, day)  # 2000 is a leap year: Feb 29 stays valid
    except ValueError:
        return None
    return Birthday(month, day, known_year)
