"""Writing people as vCard 3.0 (RFC 2426) or 4.0 (RFC 6350).

Lines end in CRLF and are folded at 75 octets, never inside a UTF-8 sequence; text values
escape `\\`, `,`, `;` and newlines. Every card gets a stable `UID:urn:uuid:...`: a UUID 5
of the person's id (or, for an unsaved person, of their name and first contact point), so
exporting twice gives the same UIDs and an address book updates cards instead of
duplicating them. A UID imported from a vCard is not known here and is not reused.

A year-less birthday is `--MMDD` in both versions (RFC 6350 section 4.3.1 allows only the
basic format; readers, including ours, also accept `--MM-DD`); a full one is `YYYY-MM-DD`
in 3.0 and `YYYYMMDD` in 4.0. Labels made only of standard TYPE words become `TYPE=`;
other labels use Apple's `itemN.X-ABLabel`, which most address books understand.
"""

from __future__ import annotations

import base64
import itertools
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Literal

from amity.errors import UsageError
from amity.io.vcard_lines import ContentLine, parse_line
from amity.model import Birthday, ContactKind, ContactPoint, Person

VCardVersion = Literal["3.0", "4.0"]

PRODID = "-//Amity//Amity vCard export//EN"
_NAMESPACE = uuid.UUID("5c0d6a4e-7a39-4f7e-9d0b-8f3b1d2a6e11")  # Amity's UID namespace
_FOLD_AT = 75
_TYPE_WORDS = frozenset(
    {
        "home", "work", "cell", "mobile", "voice", "fax", "pager", "video", "text",
        "textphone", "msg", "car", "isdn", "modem", "bbs", "pcs", "main", "iphone",
        "internet", "x400", "postal", "parcel", "dom", "intl", "other", "pref",
    }
)  # fmt: skip
_APPLE_LABELS = {
    name.lower(): f"_$!<{name}>!$_"
    for name in ("HomePage", "Other", "Main", "Mobile", "HomeFAX", "WorkFAX", "Pager", "School")
}
_PROPERTY = {
    ContactKind.EMAIL: "EMAIL",
    ContactKind.PHONE: "TEL",
    ContactKind.URL: "URL",
    ContactKind.ADDRESS: "ADR",
    ContactKind.SOCIAL: "X-SOCIALPROFILE",
}
_IM_URI = re.compile(r"^(?!https?:)[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_GROUP = re.compile(r"^([A-Za-z0-9_-]+)\.")
_PHOTO_LINE = re.compile(r"^(?:[A-Za-z0-9_-]+\.)?PHOTO[;:]", re.IGNORECASE)
_MEDIA = {"PHOTO": "image", "LOGO": "image", "SOUND": "audio", "KEY": "application"}


def export_vcards(
    people: Iterable[Person],
    version: VCardVersion = "3.0",
    extras: Mapping[int, Sequence[str]] | None = None,
    photos: Mapping[int, tuple[str, bytes]] | None = None,
) -> str:
    """People as one vCard file; `extras` (by person id) are the lines kept at import,
    `photos` each person's avatar (media type, bytes), written as their one PHOTO."""
    if version not in ("3.0", "4.0"):
        raise UsageError(f"vCard version must be 3.0 or 4.0, not {version!r}")
    extras = extras or {}
    photos = photos or {}
    lines: list[str] = []
    for person in people:
        kept = extras.get(person.id, ()) if person.id is not None else ()
        photo = photos.get(person.id) if person.id is not None else None
        if photo is not None:  # an older import kept the original PHOTO line: one is enough
            kept = [line for line in kept if not _PHOTO_LINE.match(line)]
        card = _card(person, version, kept)
        if photo is not None:
            card = _with_photo(card, photo_line(*photo, version))
        lines.extend(_fold(line) for line in card)
    return "".join(line + "\r\n" for line in lines)


def photo_line(media_type: str, data: bytes, version: VCardVersion) -> str:
    """`PHOTO;ENCODING=b;TYPE=JPEG:...` in 3.0, `PHOTO:data:image/jpeg;base64,...` in 4.0."""
    encoded = base64.b64encode(data).decode("ascii")
    if version == "4.0":
        return f"PHOTO:data:{media_type};base64,{encoded}"
    kind = media_type.partition("/")[2].upper() or "JPEG"
    return f"PHOTO;ENCODING=b;TYPE={kind}:{encoded}"


def _with_photo(card: Iterator[str], photo: str) -> Iterator[str]:
    for line in card:
        if line == "END:VCARD":
            yield photo
        yield line


def escape_text(value: str) -> str:
    """A text value with `\\`, `,`, `;` and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def person_uid(person: Person) -> str:
    """`urn:uuid:<uuid5>` of the person id, or of name and first contact when unsaved."""
    if person.id is not None:
        seed = f"amity:person:{person.id}"
    else:
        first = person.contact_points[0].normalized if person.contact_points else ""
        seed = f"amity:person:{person.name}\x1f{first}"
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, seed)}"


def birthday_value(birthday: Birthday, version: VCardVersion) -> str:
    if birthday.year is None:
        return f"--{birthday.month:02d}{birthday.day:02d}"
    separator = "-" if version == "3.0" else ""
    return separator.join((f"{birthday.year:04d}", f"{birthday.month:02d}", f"{birthday.day:02d}"))


def _card(person: Person, version: VCardVersion, kept: Sequence[str]) -> Iterator[str]:
    yield "BEGIN:VCARD"
    yield f"VERSION:{version}"
    yield f"PRODID:{PRODID}"
    yield f"UID:{person_uid(person)}"
    yield f"FN:{escape_text(person.name)}"
    yield f"N:{escape_text(person.family_name)};{escape_text(person.given_name)};;;"
    if person.nickname:
        nicknames = (escape_text(n.strip()) for n in person.nickname.split(", "))
        yield "NICKNAME:" + ",".join(n for n in nicknames if n)
    if person.birthday is not None:
        yield f"BDAY:{birthday_value(person.birthday, version)}"
    yield from _work(person)
    yield from _contact_lines(person.contact_points, _groups_in(kept))
    if person.about:
        yield f"NOTE:{escape_text(person.about)}"
    if person.tags:
        yield "CATEGORIES:" + ",".join(escape_text(tag) for tag in person.tags)
    yield from (_extra(line, version) for line in kept if line.strip())
    yield "END:VCARD"


def _work(person: Person) -> Iterator[str]:
    current = [p for p in person.positions if p.current]
    for position in current:
        yield f"ORG:{escape_text(position.organization)}"
        if position.title:
            yield f"TITLE:{escape_text(position.title)}"
    if not current and person.headline:
        yield f"TITLE:{escape_text(person.headline)}"


def _groups_in(lines: Sequence[str]) -> set[str]:
    return {m.group(1).lower() for line in lines if (m := _GROUP.match(line))}


def _contact_lines(points: Sequence[ContactPoint], taken: set[str]) -> Iterator[str]:
    free_groups = (f"item{n}" for n in itertools.count(1) if f"item{n}" not in taken)
    for point in points:
        name, value = _contact_property(point)
        label = point.label.strip()
        words = [w.strip().lower() for w in label.split(",") if w.strip()]
        if name == "IMPP" and label:
            yield f"IMPP;X-SERVICE-TYPE={_param_value(label)}:{value}"
        elif not words or all(w in _TYPE_WORDS for w in words):
            params = f";TYPE={','.join(words)}" if words else ""
            yield f"{name}{params}:{value}"
        else:
            group = next(free_groups)
            yield f"{group}.{name}:{value}"
            yield f"{group}.X-ABLabel:{_APPLE_LABELS.get(label.lower(), escape_text(label))}"


def _contact_property(point: ContactPoint) -> tuple[str, str]:
    value = " ".join(point.value.split())
    if point.kind is ContactKind.ADDRESS:
        return "ADR", f";;{escape_text(value)};;;;"
    if point.kind is ContactKind.SOCIAL and _IM_URI.match(value):
        return "IMPP", value
    return _PROPERTY[point.kind], value.replace("\\", "\\\\")


def _param_value(value: str) -> str:
    value = value.replace('"', "'")
    return f'"{value}"' if any(c in value for c in ",;:") else value


def _extra(line: str, version: VCardVersion) -> str:
    """A kept line, on one line, with an embedded PHOTO/LOGO/SOUND/KEY in the version's form:
    `ENCODING=b` base64 in 3.0, a `data:` URI in 4.0."""
    line = line.replace("\r", "").replace("\n", "")
    content = parse_line(0, line.encode("utf-8")) if line[:1] in "PLSKplsk" else None
    if content is None or content.name not in _MEDIA:
        return line
    base64 = content.param("ENCODING").lower() in ("b", "base64")
    data = "".join(content.raw.decode("ascii", "replace").split())
    if data.startswith("data:"):
        head = _media_head(content, "VALUE=uri" if version == "3.0" else "")
        return f"{head}:{data}"
    if base64 and version == "4.0":
        media = content.param("TYPE").lower() or "octet-stream"
        mime = media if "/" in media else f"{_MEDIA[content.name]}/{media}"
        return f"{_media_head(content, '')}:data:{mime};base64,{data}"
    return line


def _media_head(content: ContentLine, value_param: str) -> str:
    params = [
        f"{key}={_param_value(value)}"
        for key, value in content.params
        if key not in ("ENCODING", "TYPE", "VALUE")
    ]
    group = f"{content.group}." if content.group else ""
    return ";".join([f"{group}{content.name}", *params, *([value_param] if value_param else [])])


def _fold(line: str) -> str:
    """Fold at 75 octets (74 after the leading space), never splitting a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= _FOLD_AT:
        return line
    chunks: list[str] = []
    start, limit = 0, _FOLD_AT
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and data[end] & 0xC0 == 0x80:
            end -= 1
        chunks.append(data[start:end].decode("utf-8"))
        start, limit = end, _FOLD_AT - 1
    return "\r\n ".join(chunks)
