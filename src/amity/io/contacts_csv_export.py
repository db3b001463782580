"""People as a Google Contacts CSV (the current export format), one row per person.

The header is Google's own (`First Name`, ..., `Labels`, `E-mail 1 - Label`,
`E-mail 1 - Value`, ...), so Google Contacts imports the file as it is, and so does
`amity import csv` (`amity.io.contacts_csv`). There are as many numbered e-mail, phone,
address and website columns as the person with the most of each needs. Tags become
labels, after `* myContacts` as in Google's exports; the current position fills
`Organization Name` and `Organization Title` (or the headline fills the title when there is
no current position); a person whose given, middle and family names do not make up the
whole name gets the whole name as `First Name`, so every name reads back as it was. Social
profiles (e.g. LinkedIn) are websites.

A cell that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`, a
tab or a carriage return, after any apostrophes) gets a leading apostrophe, as OWASP
advises against CSV injection; `amity.io.contacts_csv` removes it again on import, so a
phone number `+44 ...` comes back as `+44 ...`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from amity.model import ContactKind, ContactPoint, Person

NAME_COLUMNS = (
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
)
ADDRESS_PARTS = ("Street", "City", "PO Box", "Region", "Postal Code", "Country", "Extended Address")
# Google's numbered groups in its own order: (title, kinds, value column).
GROUPS: tuple[tuple[str, tuple[ContactKind, ...], str], ...] = (
    ("E-mail", (ContactKind.EMAIL,), "Value"),
    ("Phone", (ContactKind.PHONE,), "Value"),
    ("Address", (ContactKind.ADDRESS,), "Formatted"),
    ("Website", (ContactKind.URL, ContactKind.SOCIAL), "Value"),
)
MY_CONTACTS = "* myContacts"
_MULTI = " ::: "
FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def defused(cell: str) -> str:
    """The cell with an apostrophe before a formula start (see the module's docstring)."""
    return f"'{cell}" if FORMULA_START.match(cell) else cell


def export_contacts_csv(people: Iterable[Person]) -> str:
    """A Google Contacts CSV of `people` (CRLF line ends, as RFC 4180 and Google write)."""
    people = list(people)
    counts = [_most(people, kinds) for _title, kinds, _value in GROUPS]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header(counts))
    for person in people:
        writer.writerow([defused(cell) for cell in row(person, counts)])
    return out.getvalue()


def header(counts: Sequence[int]) -> list[str]:
    """Google's header with `counts[i]` numbered columns for each group of `GROUPS`."""
    titles = list(NAME_COLUMNS)
    for (title, _kinds, value), count in zip(GROUPS, counts, strict=True):
        for n in range(1, count + 1):
            titles += [f"{title} {n} - Label", f"{title} {n} - {value}"]
            if title == "Address":
                titles += [f"Address {n} - {part}" for part in ADDRESS_PARTS]
    return titles


def row(person: Person, counts: Sequence[int]) -> list[str]:
    cells = _name_cells(person)
    for (title, kinds, _value), count in zip(GROUPS, counts, strict=True):
        points = _points(person, kinds)
        for n in range(count):
            point = points[n] if n < len(points) else None
            cells += _point_cells(point, title == "Address")
    return cells


def name_parts(person: Person) -> tuple[str, str, str]:
    """First, middle and last name that read back as the person's whole name (an importer
    joins them with spaces); the whole name as the first name when its parts do not."""
    given, family, name = person.given_name, person.family_name, person.name
    if name == " ".join(p for p in (given, family) if p):
        return given, "", family
    head, tail = f"{given} ", f" {family}"
    if given and family and name.startswith(head) and name.endswith(tail):
        middle = name[len(head) : len(name) - len(tail)]
        if middle and middle == middle.strip():
            return given, middle, family
    return name, "", ""


def _name_cells(person: Person) -> list[str]:
    given, middle, family = name_parts(person)
    current = person.current_position
    organization = current.organization if current else ""
    title = current.title if current else person.headline
    birthday = person.birthday.iso() if person.birthday else ""
    labels = _MULTI.join([MY_CONTACTS, *(tag.replace(_MULTI, " ") for tag in person.tags)])
    return [
        given, middle, family, "", "", "", "", "", person.nickname, "",
        organization, title, "", birthday, person.about, "", labels,
    ]  # fmt: skip


def _points(person: Person, kinds: tuple[ContactKind, ...]) -> list[ContactPoint]:
    return [p for p in person.contact_points if p.kind in kinds]


def _most(people: Sequence[Person], kinds: tuple[ContactKind, ...]) -> int:
    return max((len(_points(p, kinds)) for p in people), default=0)


def _point_cells(point: ContactPoint | None, address: bool) -> list[str]:
    width = 2 + (len(ADDRESS_PARTS) if address else 0)
    if point is None:
        return [""] * width
    label = point.label or ("Profile" if point.kind is ContactKind.SOCIAL else "")
    cells = [label, point.value]
    if address:  # the whole address as the street too: Google shows it either way
        cells += [point.value] + [""] * (len(ADDRESS_PARTS) - 1)
    return cells
