"""LinkedIn `Connections.csv`, in every layout LinkedIn has used, as `PersonDraft`s.

- about 2020 to now: a `Notes:` preamble (maybe quoted), a blank line, then
  `First Name,Last Name,URL,Email Address,Company,Position,Connected On`; dates `05 Mar 2024`,
  or `6-Feb-26` after an Excel round trip (then without the preamble).
- 2018: `First Name,Last Name,Email Address,Company,Position,Connected On[,Tags]`, no URL;
  dates `1/8/18, 6:14 PM`.
- before 2018: the Outlook CSV layout (`"First Name",...,"E-mail Address",...,"Job Title"`).
The header is found by its content, never by its position.

Decisions:
- `source_key`: the canonical profile URL; else the email; else the `urn:li:member:…` id the
  2018 layout puts in the email column (stable, and never an email); else "", and the
  importer knows the row by its whole content (two connections may share a name).
- Credentials after a comma in the last name (`"Park, CFA"`, `"Osei, PhD"`) are not part of the
  name: `family_name` is `Park`, `name` is `Ingrid Park`, and the credentials become the
  `headline` (`CFA`). Generational suffixes (`Jr.`, `III`) stay in the name. A last name
  whose comma part does not look like credentials (`"Garcia, Lopez"`) is kept as written.
- `Company` + `Position` become one `PositionDraft` without dates; a position without a
  company goes to `headline` instead (an organisation without a name is no organisation).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from amity.engines.contact_points import normalize_email, normalize_url
from amity.io.csv_text import Row, Table, paused_gc, read_table, repair_mojibake
from amity.io.linkedin_dates import parse_date
from amity.model import ContactDraft, ContactKind, PersonDraft, PositionDraft, SkippedRow

SOURCE = "linkedin"
HOW_MET = "LinkedIn"

_GENERATIONAL = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_KNOWN_CREDENTIALS = {"phd", "esq", "md", "mba", "msc", "bsc", "meng", "dphil", "mphil", "ma", "ba"}
_CREDENTIAL = re.compile(r"[A-Z][A-Z0-9&./-]{1,9}|[A-Z][a-z]?[A-Z][A-Za-z]{0,4}\.?")
_CANONICAL_PROFILE = re.compile(r"https://www\.linkedin\.com/in/[a-z0-9-]+")
_LEGACY_EMAILS = ("E-mail 2 Address", "E-mail 3 Address")
_LEGACY_PHONES = {
    "mobile": "Mobile Phone",
    "work": "Business Phone",
    "home": "Home Phone",
    "other": "Other Phone",
}
_LEGACY_WEB = ("Web Page", "Personal Web Page")


class RowRejected(ValueError):
    """A row that cannot become a draft; the message is the reason shown to the user."""


def is_connections_header(keys: set[str]) -> bool:
    has_name = {"first name", "last name"} <= keys
    return has_name and bool(keys & {"connected on", "url", "email address", "e-mail address"})


@dataclass(frozen=True, slots=True)
class _Columns:
    first: Callable[[Row], str]
    middle: Callable[[Row], str]
    last: Callable[[Row], str]
    url: Callable[[Row], str]
    email: Callable[[Row], str]
    company: Callable[[Row], str]
    title: Callable[[Row], str]
    connected: Callable[[Row], str]
    tags: Callable[[Row], str]
    notes: Callable[[Row], str]

    @classmethod
    def of(cls, table: Table) -> _Columns:
        return cls(
            first=table.cell("First Name"),
            middle=table.cell("Middle Name"),
            last=table.cell("Last Name"),
            url=table.cell("URL", "Profile URL"),
            email=table.cell("Email Address", "E-mail Address"),
            company=table.cell("Company"),
            title=table.cell("Position", "Job Title"),
            connected=table.cell("Connected On"),
            tags=table.cell("Tags"),
            notes=table.cell("Notes"),
        )


def read_connections(
    data: bytes | str, file: str, today: date
) -> tuple[list[PersonDraft], list[SkippedRow]]:
    """Every connection in a `Connections.csv`; rows without a name or with a bad date skipped."""
    table = read_table(data, file, is_connections_header)
    columns = _Columns.of(table)
    legacy = _legacy_cells(table)
    people: list[PersonDraft] = []
    skipped: list[SkippedRow] = []
    with paused_gc():
        for line, row in table.rows:
            try:
                person = _person(row, columns, today)
            except RowRejected as rejected:
                skipped.append(SkippedRow(file, line, str(rejected)))
                continue
            person.file, person.line = file, line
            if legacy:
                person.contacts.extend(_legacy_contacts(row, legacy))
            people.append(person)
    return people, skipped


def _person(row: Row, columns: _Columns, today: date) -> PersonDraft:
    first = repair_mojibake(columns.first(row))
    family, suffix, credentials = split_credentials(repair_mojibake(columns.last(row)))
    name = " ".join(part for part in (first, columns.middle(row), family, suffix) if part)
    if not name:
        raise RowRejected("no name")
    connected_on = _connected_on(columns.connected(row), today)
    company, title = columns.company(row), columns.title(row)
    profile = canonical_profile(columns.url(row))
    email, urn = _email_or_urn(columns.email(row))
    return PersonDraft(
        name=name,
        source=SOURCE,
        source_key=profile or email or urn,
        given_name=first,
        family_name=family,
        headline=" · ".join(p for p in ("" if company else title, credentials) if p),
        how_met=HOW_MET,
        about=columns.notes(row),
        connected_on=connected_on,
        contacts=_contacts(profile, email),
        positions=[PositionDraft(company, title)] if company else [],
        tags=_tags(columns.tags(row)),
    )


def _tags(text: str) -> list[str]:
    return [tag.strip() for tag in re.split(r"[;,]", text) if tag.strip()] if text else []


def split_credentials(last_name: str) -> tuple[str, str, str]:
    """`"Park, CFA, FRM"` → (`Park`, ``, `CFA, FRM`); `"King, Jr."` → (`King`, `Jr.`, ``)."""
    family, *rest = (part.strip() for part in last_name.split(","))
    if not rest:
        return last_name.strip(), "", ""
    suffixes = [part for part in rest if part.casefold() in _GENERATIONAL]
    credentials = [part for part in rest if part.casefold() not in _GENERATIONAL]
    if not all(_is_credential(part) for part in credentials):
        return last_name.strip(), "", ""
    return family, " ".join(suffixes), ", ".join(credentials)


def _is_credential(part: str) -> bool:
    tokens = part.split()
    return bool(tokens) and all(
        token.casefold().strip(".") in _KNOWN_CREDENTIALS or _CREDENTIAL.fullmatch(token)
        for token in tokens
    )


def _connected_on(text: str, today: date) -> date | None:
    try:
        return parse_date(text, today)
    except ValueError:
        raise RowRejected(f"unparseable Connected On date {text!r}") from None


def canonical_profile(url: str) -> str:
    """`normalize_url`, skipping its work for URLs that are canonical already (most of them)."""
    return url if _CANONICAL_PROFILE.fullmatch(url) else normalize_url(url)


def _email_or_urn(text: str) -> tuple[str, str]:
    """The 2018 layout may hold `urn:li:member:664293716` where the email should be."""
    if text.casefold().startswith("urn:li:"):
        return "", text
    if "@" in text:
        return normalize_email(text), ""
    return "", ""


def _contacts(profile: str, email: str) -> list[ContactDraft]:
    contacts = []
    if profile:
        contacts.append(ContactDraft(ContactKind.SOCIAL, profile, "linkedin"))
    if email:
        contacts.append(ContactDraft(ContactKind.EMAIL, email))
    return contacts


@dataclass(frozen=True, slots=True)
class _LegacyCells:
    emails: list[Callable[[Row], str]]
    phones: list[tuple[str, Callable[[Row], str]]]
    web: list[Callable[[Row], str]]


def _legacy_cells(table: Table) -> _LegacyCells | None:
    """The pre-2018 Outlook-style layout carries more than one email, phones and web pages."""
    if table.index_of(*_LEGACY_EMAILS, *_LEGACY_PHONES.values(), *_LEGACY_WEB) is None:
        return None
    return _LegacyCells(
        emails=[table.cell(name) for name in _LEGACY_EMAILS],
        phones=[(label, table.cell(name)) for label, name in _LEGACY_PHONES.items()],
        web=[table.cell(name) for name in _LEGACY_WEB],
    )


def _legacy_contacts(row: Row, cells: _LegacyCells) -> list[ContactDraft]:
    contacts = [
        ContactDraft(ContactKind.EMAIL, normalize_email(value))
        for value in (cell(row) for cell in cells.emails)
        if "@" in value
    ]
    for label, cell in cells.phones:
        value = cell(row)
        if sum(ch.isdigit() for ch in value) >= 7:
            contacts.append(ContactDraft(ContactKind.PHONE, value, label))
    for cell in cells.web:
        value = cell(row)
        if "." in value:
            contacts.append(ContactDraft(ContactKind.URL, value))
    return contacts
