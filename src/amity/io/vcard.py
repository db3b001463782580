"""vCard 2.1, 3.0 and 4.0 in and out: the only adapter that knows vCard properties.

`parse_vcards` and `read_vcard_path` turn cards into `PersonDraft`s (a card nobody can read
becomes a `SkippedRow` with its file and line); `export_vcards` writes people back. The
tolerant byte-level layer lives in `vcard_lines`, the writer in `vcard_export`, the reading
of a PHOTO's bytes (base64 or a `data:` URI; a link is never fetched) in `vcard_photo`.

Properties Amity has no field for are kept in `PersonDraft.extra` as unfolded lines so an
export can write them back. Lines from vCard 2.1, or with a CHARSET or quoted-printable
value, are stored re-rendered as UTF-8 3.0-style lines (decoded value, `\\n` for newlines,
bare parameters as `TYPE=`), since their original bytes would be invalid in 3.0 or 4.0.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import zip_longest
from pathlib import Path

from amity.engines.contact_points import normalize
from amity.io.csv_text import paused_gc
from amity.io.limits import MAX_IMPORT_BYTES, check_path, file_size, read_file, too_large
from amity.io.vcard_export import VCardVersion, export_vcards
from amity.io.vcard_lines import ContentLine, RawCard, iter_cards, split_escaped, unescape
from amity.io.vcard_photo import photo_bytes
from amity.model import Birthday, ContactDraft, ContactKind, PersonDraft, PositionDraft, SkippedRow

__all__ = ["VCardVersion", "export_vcards", "parse_vcards", "read_vcard_path"]

SOURCE = "vcard"
SUFFIXES = frozenset({".vcf", ".vcard"})
_DROPPED = frozenset({"VERSION", "PRODID", "REV", "PROFILE"})  # regenerated on export
_ONCE = frozenset({"FN", "N", "BDAY", "UID", "NICKNAME"})  # later ALTID twins are dropped
_NOISE_TYPES = frozenset({"pref", "internet", "voice", "x400", "uri"})
_BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_APPLE_LABEL = re.compile(r"^_?\$!<(.*)>!\$_?$")
_BDAY = re.compile(r"(\d{4}|-)-?-?(\d{2})-?(\d{2})(?!\d)")
_NO_YEAR = frozenset({1604})  # Apple Contacts and CardBook write 1604 for "year unknown"
_DIGIT = re.compile(r"\d")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # not allowed in a vCard value
# Enum members as module constants: `ContactKind.PHONE` is a slow class-attribute lookup in
# Python 3.11, and these run for every property of every card.
_EMAIL, _PHONE, _ADDRESS = ContactKind.EMAIL, ContactKind.PHONE, ContactKind.ADDRESS
_NAMING_KINDS = (_EMAIL, _PHONE)
_TYPE_LABELS: dict[tuple[str, ...], str] = {}  # `("work", "voice")` -> `work`, computed once


@dataclass(slots=True)
class _Card:
    """What one card says, gathered property by property."""

    raw: RawCard
    version: str = "3.0"
    labels: dict[str, str] = field(default_factory=dict)  # group (lower) -> X-ABLabel
    used_groups: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)
    fn: str = ""
    n: list[str] = field(default_factory=list)
    nicknames: list[str] = field(default_factory=list)
    uid: str = ""
    birthday: Birthday | None = None
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    contacts: list[ContactDraft] = field(default_factory=list)
    extra: list[tuple[ContentLine, str]] = field(default_factory=list)
    photo: bytes = b""
    photo_note: str = ""


# --- public API -------------------------------------------------------------------------


def parse_vcards(
    text_or_bytes: bytes | str, file: str = ""
) -> tuple[list[PersonDraft], list[SkippedRow]]:
    """Every card in a vCard file as a draft; unreadable cards as skipped rows."""
    data = text_or_bytes.encode("utf-8") if isinstance(text_or_bytes, str) else text_or_bytes
    stray: list[int] = []
    drafts: list[PersonDraft] = []
    skipped: list[SkippedRow] = []
    with paused_gc():  # as for CSV: thousands of cycle-free drafts, no full collections
        for raw in iter_cards(data, stray):
            draft = _draft(_gather(raw), file)
            if draft is None:
                reason = "card has no name, email or phone number"
                skipped.append(SkippedRow(file, raw.line, reason))
            else:
                drafts.append(draft)
    if not drafts and not skipped and stray:
        skipped.append(SkippedRow(file, stray[0], "no BEGIN:VCARD found: not a vCard file"))
    return drafts, skipped


def read_vcard_path(path: Path) -> tuple[list[PersonDraft], list[SkippedRow]]:
    """The cards of a `.vcf` file, or of every `.vcf`/`.vcard` file under a folder, read
    within `MAX_IMPORT_BYTES` together (see `amity.io.limits`)."""
    check_path(path, folders=True)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        total = sum(file_size(file) for file in files)
        if total > MAX_IMPORT_BYTES:
            raise too_large(str(path), total, "the vCard files in this folder are")
    else:
        files = [path]
    drafts: list[PersonDraft] = []
    skipped: list[SkippedRow] = []
    budget = MAX_IMPORT_BYTES
    for file in files:
        data = read_file(file, budget)
        budget -= len(data)
        found, missed = parse_vcards(data, str(file))
        drafts.extend(found)
        skipped.extend(missed)
    return drafts, skipped


# --- gathering a card's properties ------------------------------------------------------


def _gather(raw: RawCard) -> _Card:
    card = _Card(raw)
    for content in raw.lines:
        if content.name == "VERSION":
            card.version = content.text().strip()
        elif content.name == "X-ABLABEL" and content.group:
            card.labels[content.group.lower()] = _clean_label(unescape(content.text()))
    for content in raw.lines:
        if content.name in _ONCE:
            if content.name in card.seen:
                continue
            card.seen.add(content.name)
        handler = _HANDLERS.get(content.name, _keep_extra)
        handler(card, content)
    return card


def _clean_label(label: str) -> str:
    """`_$!<HomePage>!$_` (Apple's built-in labels) -> `homepage`; custom labels as written."""
    match = _APPLE_LABEL.match(label.strip())
    return match.group(1).lower() if match else label.strip()


def _label(card: _Card, content: ContentLine) -> str:
    group = content.group
    if group and (group := group.lower()) in card.labels:
        card.used_groups.add(group)
        return card.labels[group]
    types = content.head.types
    label = _TYPE_LABELS.get(types)
    if label is None:
        label = ", ".join(
            dict.fromkeys(t.removeprefix("x-") for t in types if t not in _NOISE_TYPES)
        )
        if len(_TYPE_LABELS) < 1024:
            _TYPE_LABELS[types] = label
    return label


def _text(content: ContentLine) -> str:
    return unescape(content.text()).strip()


def _on_fn(card: _Card, content: ContentLine) -> None:
    card.fn = " ".join(_text(content).split())


def _on_n(card: _Card, content: ContentLine) -> None:
    card.n = [" ".join(part.split()) for part in split_escaped(content.text(), ";")]


def _on_nickname(card: _Card, content: ContentLine) -> None:
    card.nicknames = [n.strip() for n in split_escaped(content.text(), ",") if n.strip()]


def _on_uid(card: _Card, content: ContentLine) -> None:
    card.uid = _text(content)


def _on_bday(card: _Card, content: ContentLine) -> None:
    birthday = parse_birthday(_text(content), omit_year=bool(content.param("X-APPLE-OMIT-YEAR")))
    if birthday is None:
        _keep_extra(card, content)
    else:
        card.birthday = birthday


def _on_note(card: _Card, content: ContentLine) -> None:
    note = _text(content).replace("\r\n", "\n").replace("\r", "\n")
    if note:
        card.notes.append(note)


def _on_categories(card: _Card, content: ContentLine) -> None:
    for tag in split_escaped(content.text(), ","):
        if tag.strip() and tag.strip() not in card.tags:
            card.tags.append(tag.strip())


def _on_org(card: _Card, content: ContentLine) -> None:
    organization = split_escaped(content.text(), ";")[0].strip()
    if organization:
        card.orgs.append(organization)


def _on_title(card: _Card, content: ContentLine) -> None:
    if title := _text(content):
        card.titles.append(title)


def _contact(kind: ContactKind) -> Callable[[_Card, ContentLine], None]:
    def handle(card: _Card, content: ContentLine) -> None:
        value = _contact_value(kind, content)
        if kind is _PHONE and value and not _DIGIT.search(value):
            _keep_extra(card, content)  # a placeholder such as "BusinessPhone": no number
        elif value:
            card.contacts.append(ContactDraft(kind, value, _contact_label(card, content)))

    return handle


def _contact_value(kind: ContactKind, content: ContentLine) -> str:
    if kind is _ADDRESS:
        parts = [" ".join(p.split()) for p in split_escaped(content.text(), ";")]
        return ", ".join(p for p in parts if p)
    value = _text(content)
    if kind is _EMAIL:
        return value.removeprefix("mailto:").removeprefix("MAILTO:")
    if kind is _PHONE:
        return _phone(value)
    return value


def _phone(value: str) -> str:
    """`tel:+1-418-656-9254;ext=102` -> `+1-418-656-9254 ext. 102`."""
    if value[:4].lower() == "tel:":
        value = value[4:]
    number, _, extension = value.partition(";ext=")
    return f"{number} ext. {extension}" if extension else number


def _contact_label(card: _Card, content: ContentLine) -> str:
    if content.name == "IMPP":
        service = content.param("X-SERVICE-TYPE")
        return service or _label(card, content) or _text(content).partition(":")[0]
    return _label(card, content)


def _on_photo(card: _Card, content: ContentLine) -> None:
    """The first picture the card holds, decoded; a link or bad data leaves a note instead
    (a later PHOTO that decodes still wins: some cards carry a link and the picture)."""
    if card.photo:
        return
    data, note = photo_bytes(content)
    if data:
        card.photo, card.photo_note = data, ""
    elif note and not card.photo_note:
        card.photo_note = note


def _keep_extra(card: _Card, content: ContentLine) -> None:
    if content.name not in _DROPPED:
        card.extra.append((content, _extra_line(content, card.version)))


def _extra_line(content: ContentLine, version: str) -> str:
    """The line as it should be written back (see the module docstring)."""
    charset = content.param("CHARSET")
    if version != "2.1" and not charset and not content.quoted_printable:
        return f"{content.header}:{content.text()}"
    params = [_render_param(key, value) for key, value in content.params]
    value = content.text()
    if content.name in _BINARY and content.param("ENCODING"):
        value = "".join(value.split())
    else:
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
        value = _CONTROL.sub("", value)
    group = f"{content.group}." if content.group else ""
    return f"{group}{content.name}{''.join(p for p in params if p)}:{value}"


def _render_param(key: str, value: str) -> str:
    if key == "CHARSET" or (key == "ENCODING" and value.upper() not in {"B", "BASE64"}):
        return ""
    if key == "ENCODING":
        value = "b"
    quoted = f'"{value}"' if any(c in value for c in ':;"') else value
    return f";{key}={quoted}"


_HANDLERS: dict[str, Callable[[_Card, ContentLine], None]] = {
    "FN": _on_fn,
    "N": _on_n,
    "NICKNAME": _on_nickname,
    "UID": _on_uid,
    "BDAY": _on_bday,
    "NOTE": _on_note,
    "CATEGORIES": _on_categories,
    "ORG": _on_org,
    "TITLE": _on_title,
    "EMAIL": _contact(ContactKind.EMAIL),
    "TEL": _contact(ContactKind.PHONE),
    "URL": _contact(ContactKind.URL),
    "ADR": _contact(ContactKind.ADDRESS),
    "IMPP": _contact(ContactKind.SOCIAL),
    "X-SOCIALPROFILE": _contact(ContactKind.SOCIAL),
    "PHOTO": _on_photo,
}


# --- from gathered properties to a draft ------------------------------------------------


def parse_birthday(value: str, omit_year: bool = False) -> Birthday | None:
    """`1980-03-22`, `19800322`, `--0415`, `--04-15`, `1604-04-15` (no year), with any time."""
    match = _BDAY.match(value.strip())
    if match is None:
        return None
    year_text, month, day = match.groups()
    year = int(year_text) if year_text.isdigit() else None
    if omit_year or year in _NO_YEAR or year == 0:
        year = None
    try:
        date(year or 2000, int(month), int(day))  # 2000 is a leap year: --0229 is fine
    except ValueError:
        return None
    return Birthday(int(month), int(day), year)


def _name(card: _Card) -> str:
    if card.fn:  # nearly every card: the rest is the fallback for cards without FN
        return card.fn
    family, given, additional = ([*card.n, "", "", ""])[:3]
    composed = " ".join(p for p in (given, additional, family) if p)
    first_contact = next((c.value for c in card.contacts if c.kind in _NAMING_KINDS), "")
    candidates = (card.fn, composed, ", ".join(card.nicknames), *card.orgs[:1], first_contact)
    return next((c for c in candidates if c), "")


def _source_key(card: _Card) -> str:
    """The card's identity: its UID, else its first email, else its first profile URL (not
    a website: colleagues share those); else "", and the importer knows the card by its
    whole content, never by its name alone."""
    if card.uid:
        return card.uid
    for kind in (ContactKind.EMAIL, ContactKind.SOCIAL):
        for contact in card.contacts:
            if contact.kind is kind and (key := normalize(kind, contact.value)):
                return key
    return ""


def _positions(card: _Card) -> tuple[list[PositionDraft], str]:
    """ORG and TITLE paired in order; a TITLE without an ORG becomes the headline."""
    positions: list[PositionDraft] = []
    headline = ""
    for organization, title in zip_longest(card.orgs, card.titles, fillvalue=""):
        if organization:
            positions.append(PositionDraft(organization, title))
        elif not headline:
            headline = title
    return positions, headline


def _draft(card: _Card, file: str) -> PersonDraft | None:
    name = _name(card)
    if not name:
        return None
    family, given = ([*card.n, "", ""])[:2]
    positions, headline = _positions(card)
    return PersonDraft(
        name=name,
        source=SOURCE,
        source_key=_source_key(card),
        file=file,
        line=card.raw.line,
        given_name=given,
        family_name=family,
        nickname=", ".join(card.nicknames),
        headline=headline,
        birthday=card.birthday,
        about="\n\n".join(card.notes),
        contacts=card.contacts,
        positions=positions,
        tags=card.tags,
        extra=[line for content, line in card.extra if not _used_label(card, content)],
        photo=card.photo,
        photo_note=card.photo_note,
    )


def _used_label(card: _Card, content: ContentLine) -> bool:
    return content.name == "X-ABLABEL" and content.group.lower() in card.used_groups
