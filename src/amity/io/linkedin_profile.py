"""The export owner's own profile: `Profile.csv`, `Positions.csv`, `Email Addresses.csv`,
`PhoneNumbers.csv` (2018: `Phone Numbers.csv`).

The owner comes back as a `PersonDraft` with `source_key` `self`: the same shape as a contact,
so the caller can show or store it without a second type.
"""

from __future__ import annotations

import re
from datetime import date

from amity.engines.contact_points import normalize_email
from amity.io.csv_text import read_table, repair_mojibake
from amity.io.linkedin_connections import SOURCE
from amity.io.linkedin_dates import parse_date
from amity.model import Birthday, ContactDraft, ContactKind, PersonDraft, PositionDraft, SkippedRow

OWNER_KEY = "self"
_WEBSITE = re.compile(r"(?:[A-Z_]+:)?(https?://[^\s,\]]+)")
_HANDLE = re.compile(r"@?([A-Za-z0-9_]{1,30})")


def is_profile_header(keys: set[str]) -> bool:
    return {"first name", "last name", "headline"} <= keys


def is_positions_header(keys: set[str]) -> bool:
    return {"company name", "title", "started on"} <= keys


def read_profile(data: bytes | str, file: str, today: date) -> PersonDraft | None:
    """The owner as `Profile.csv` describes them; None when the file has no named row."""
    table = read_table(data, file, is_profile_header)
    for line, row in table.rows:
        first = repair_mojibake(table.cell("First Name")(row))
        last = repair_mojibake(table.cell("Last Name")(row))
        if not (first or last):
            continue
        websites = table.cell("Websites")(row)
        twitter = table.cell("Twitter Handles")(row)
        return PersonDraft(
            name=f"{first} {last}".strip(),
            source=SOURCE,
            source_key=OWNER_KEY,
            file=file,
            line=line,
            given_name=first,
            family_name=last,
            headline=table.cell("Headline")(row),
            location=table.cell("Geo Location")(row),
            birthday=_birthday(table.cell("Birth Date")(row), today),
            about=table.cell("Summary")(row),
            contacts=_websites(websites) + _twitter(twitter),
        )
    return None


def _birthday(text: str, today: date) -> Birthday | None:
    try:
        born = parse_date(text, today)
    except ValueError:
        return None
    return Birthday(born.month, born.day, born.year) if born else None


def _websites(text: str) -> list[ContactDraft]:
    """`PORTFOLIO:https://a, COMPANY:https://b` or `[https://a]`."""
    return [ContactDraft(ContactKind.URL, url) for url in _WEBSITE.findall(text)]


def _twitter(text: str) -> list[ContactDraft]:
    handles = _HANDLE.findall(text.strip("[]"))
    return [
        ContactDraft(ContactKind.SOCIAL, f"https://twitter.com/{h}", "twitter") for h in handles
    ]


def read_positions(
    data: bytes | str, file: str, today: date
) -> tuple[list[PositionDraft], list[SkippedRow]]:
    """The owner's job history; an empty `Finished On` is the current position."""
    table = read_table(data, file, is_positions_header)
    company, title = table.cell("Company Name"), table.cell("Title")
    started, finished = table.cell("Started On"), table.cell("Finished On")
    positions: list[PositionDraft] = []
    skipped: list[SkippedRow] = []
    for line, row in table.rows:
        if not company(row):
            skipped.append(SkippedRow(file, line, "no company name"))
            continue
        try:
            start, end = parse_date(started(row), today), parse_date(finished(row), today)
        except ValueError as error:
            skipped.append(SkippedRow(file, line, f"unparseable date: {error}"))
            continue
        positions.append(PositionDraft(company(row), title(row), start, end))
    return positions, skipped


def read_email_addresses(data: bytes | str, file: str) -> list[ContactDraft]:
    """The owner's emails; the primary one labelled `primary`."""
    table = read_table(data, file, lambda keys: "email address" in keys)
    address, primary = table.cell("Email Address"), table.cell("Primary")
    return [
        ContactDraft(
            ContactKind.EMAIL,
            normalize_email(address(row)),
            "primary" if primary(row).casefold() == "yes" else "",
        )
        for _line, row in table.rows
        if "@" in address(row)
    ]


def read_phone_numbers(data: bytes | str, file: str) -> list[ContactDraft]:
    """The owner's phones. `Extension` holds a country code (`+44`) or a real extension."""
    table = read_table(data, file, lambda keys: {"number", "type"} <= keys)
    number, extension, kind = table.cell("Number"), table.cell("Extension"), table.cell("Type")
    phones = []
    for _line, row in table.rows:
        if not number(row):
            continue
        value = _with_extension(number(row), extension(row))
        phones.append(ContactDraft(ContactKind.PHONE, value, kind(row).casefold()))
    return phones


def _with_extension(number: str, extension: str) -> str:
    if not extension:
        return number
    if extension.startswith("+") and not number.startswith("+"):
        return f"{extension} {number}"
    return f"{number} ext. {extension}"
