"""LinkedIn "Get a copy of your data" export: the ZIP, its unzipped folder, or one CSV.

`read_linkedin` reads what the export holds and returns Amity drafts; the per-file readers
live in `linkedin_connections`, `linkedin_messages` and `linkedin_profile` and are re-exported
here. File names vary by year (`Phone Numbers.csv` / `PhoneNumbers.csv`), so they are matched
ignoring case, spaces and underscores; a lone CSV with an unknown name is recognised by its
header. An invitation that matches a connection also sets that person's `how_met`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

from amity.errors import ImportFailed
from amity.io.csv_text import decode, header_key, sniff_delimiter
from amity.io.linkedin_connections import is_connections_header, read_connections
from amity.io.linkedin_messages import (
    Owner,
    guess_owner,
    is_invitations_header,
    is_messages_header,
    owner_from_invitations,
    read_invitations,
    read_messages,
)
from amity.io.linkedin_profile import (
    is_positions_header,
    is_profile_header,
    read_email_addresses,
    read_phone_numbers,
    read_positions,
    read_profile,
)
from amity.model import Direction, InteractionDraft, PersonDraft, SkippedRow

__all__ = [
    "LinkedInExport",
    "Owner",
    "read_connections",
    "read_email_addresses",
    "read_invitations",
    "read_linkedin",
    "read_messages",
    "read_phone_numbers",
    "read_positions",
    "read_profile",
]

_FILE_KINDS = {
    "connections": "connections",
    "messages": "messages",
    "invitations": "invitations",
    "profile": "profile",
    "positions": "positions",
    "emailaddresses": "emails",
    "phonenumbers": "phones",
}
_HEADER_KINDS: tuple[tuple[str, Callable[[set[str]], bool]], ...] = (
    ("messages", is_messages_header),
    ("invitations", is_invitations_header),
    ("positions", is_positions_header),
    ("profile", is_profile_header),
    ("connections", is_connections_header),
)
_MAX_MEMBER_BYTES = 512 * 1024 * 1024


@dataclass(slots=True)
class LinkedInExport:
    """Everything Amity takes from one LinkedIn export."""

    people: list[PersonDraft] = field(default_factory=list)
    interactions: list[InteractionDraft] = field(default_factory=list)
    owner_profile: PersonDraft | None = None  # name, headline, emails, phones, job history
    skipped: list[SkippedRow] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the export files that were read


@dataclass(frozen=True, slots=True)
class _File:
    name: str  # as shown to the user: the path inside the export
    data: bytes


def read_linkedin(path: Path, today: date) -> LinkedInExport:
    """Read a LinkedIn export; raises ImportFailed when `path` holds no LinkedIn file."""
    files = _export_files(path)
    if not files:
        raise ImportFailed(f"{path.name}: no LinkedIn export files found")
    export = LinkedInExport(files=sorted(f.name for f in files.values()))
    if connections := files.get("connections"):
        export.people, export.skipped = read_connections(connections.data, connections.name, today)
    export.owner_profile = _owner_profile(files, today, export.skipped)
    owner = _owner(files, export.owner_profile)
    for kind, reader in (("messages", read_messages), ("invitations", read_invitations)):
        if found := files.get(kind):
            interactions, skipped = reader(found.data, found.name, today, owner)
            export.interactions += interactions
            export.skipped += skipped
    _set_how_met(export.people, export.interactions)
    return export


def _owner_profile(
    files: dict[str, _File], today: date, skipped: list[SkippedRow]
) -> PersonDraft | None:
    found = files.get("profile")
    profile = read_profile(found.data, found.name, today) if found else None
    if profile is None:
        return None
    if positions := files.get("positions"):
        profile.positions, position_skips = read_positions(positions.data, positions.name, today)
        skipped += position_skips
    if emails := files.get("emails"):
        profile.contacts += read_email_addresses(emails.data, emails.name)
    if phones := files.get("phones"):
        profile.contacts += read_phone_numbers(phones.data, phones.name)
    return profile


def _owner(files: dict[str, _File], profile: PersonDraft | None) -> Owner:
    """The owner from Profile.csv and invitations, else the most frequent message sender."""
    owner = Owner()
    if profile is not None:
        owner.learn(profile.name)
    if invitations := files.get("invitations"):
        owner_from_invitations(invitations.data, invitations.name, owner)
    if not owner and (messages := files.get("messages")):
        owner = guess_owner(messages.data, messages.name)
    return owner


def _set_how_met(people: list[PersonDraft], interactions: list[InteractionDraft]) -> None:
    """`LinkedIn invitation from them: <message>` on the connections an invitation names."""
    by_key = {person.source_key: person for person in people}
    for invitation in interactions:
        if not invitation.source_key.startswith("invitation|"):
            continue
        for key in invitation.counterpart_keys:
            if person := by_key.get(key):
                person.how_met = _invitation_how_met(invitation)


def _invitation_how_met(invitation: InteractionDraft) -> str:
    who = "them" if invitation.direction is Direction.INBOUND else "you"
    message = " ".join(invitation.notes.split())
    return f"LinkedIn invitation from {who}" + (f": {message}" if message else "")


def _export_files(path: Path) -> dict[str, _File]:
    if not path.exists():
        raise ImportFailed(f"{path}: no such file or folder")
    if path.is_dir():
        return _pick(
            (str(p.relative_to(path)), p.read_bytes) for p in sorted(path.rglob("*")) if p.is_file()
        )
    if zipfile.is_zipfile(path):
        return _zip_files(path)
    data = path.read_bytes()
    kind = _kind_by_name(path.name) or _kind_by_header(data)
    return {kind: _File(path.name, data)} if kind else {}


def _zip_files(path: Path) -> dict[str, _File]:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [i for i in archive.infolist() if not i.is_dir()]
            too_big = [i.filename for i in members if i.file_size > _MAX_MEMBER_BYTES]
            if too_big:
                raise ImportFailed(f"{path.name}: {too_big[0]} is too large to import")
            return _pick((i.filename, _reader(archive, i.filename)) for i in members)
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportFailed(f"{path.name}: not a readable ZIP archive ({error})") from error


def _reader(archive: zipfile.ZipFile, name: str) -> Callable[[], bytes]:
    return lambda: archive.read(name)


def _pick(candidates: Iterable[tuple[str, Callable[[], bytes]]]) -> dict[str, _File]:
    """The shallowest file of each kind (the export's root before any sub-folder)."""
    found: dict[str, tuple[int, str, Callable[[], bytes]]] = {}
    for name, read in candidates:
        posix = PurePosixPath(name.replace("\\", "/"))
        kind = _kind_by_name(posix.name)
        if kind and (kind not in found or len(posix.parts) < found[kind][0]):
            found[kind] = (len(posix.parts), str(posix), read)
    return {kind: _File(name, read()) for kind, (_depth, name, read) in found.items()}


def _kind_by_name(file_name: str) -> str | None:
    stem, _, suffix = file_name.rpartition(".")
    if suffix.casefold() != "csv":
        return None
    return _FILE_KINDS.get(re.sub(r"[\s_]+", "", stem.casefold()))


def _kind_by_header(data: bytes) -> str | None:
    """A lone CSV with another name: recognise it by a header among its first lines."""
    text = decode(data[:65536])
    delimiter = sniff_delimiter(text)
    for line in text.splitlines()[:20]:
        keys = {header_key(cell) for cell in line.split(delimiter)}
        for kind, is_header in _HEADER_KINDS:
            if is_header(keys):
                return kind
    return None
