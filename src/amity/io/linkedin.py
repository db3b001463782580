"""LinkedIn "Get a copy of your data" export: the ZIP, its unzipped folder, or one CSV.

`read_linkedin` reads what the export holds and returns Amity drafts; the per-file readers
live in `linkedin_connections`, `linkedin_messages` and `linkedin_profile` and are re-exported
here. File names vary by year (`Phone Numbers.csv` / `PhoneNumbers.csv`), so they are matched
ignoring case, spaces and underscores; a lone CSV with an unknown name is recognised by its
header. An invitation that matches a connection also sets that person's `how_met`.

Only the files of known kinds are read, within the caps of `amity.io.limits`: a ZIP is
checked from its central directory first (`amity.io.archive`), a folder from file sizes.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import TypeVar

from amity.errors import ImportFailed
from amity.io.archive import (
    LOCAL_HEADER,
    check_directory,
    check_members,
    damaged,
    read_member,
    reading,
)
from amity.io.csv_text import decode, header_key, sniff_delimiter
from amity.io.limits import MAX_IMPORT_BYTES, check_path, file_size, read_file, too_large
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
_T = TypeVar("_T")


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
    check_path(path, folders=True)
    if path.is_dir():
        return _folder_files(path)
    if zipfile.is_zipfile(path):
        return _zip_files(path)
    data = read_file(path, shown=path.name)
    if data.startswith(LOCAL_HEADER):
        raise damaged(path.name, "its end is missing")
    kind = _kind_by_name(path.name) or _kind_by_header(data)
    return {kind: _File(path.name, data)} if kind else {}


def _folder_files(path: Path) -> dict[str, _File]:
    found = _pick((str(p.relative_to(path)), p) for p in sorted(path.rglob("*")) if p.is_file())
    total = sum(file_size(file) for _name, file in found.values())
    if total > MAX_IMPORT_BYTES:
        raise too_large(str(path), total, "the export files in this folder are")
    files: dict[str, _File] = {}
    budget = MAX_IMPORT_BYTES
    for kind, (name, file) in found.items():
        data = read_file(file, budget, shown=name)
        budget -= len(data)
        files[kind] = _File(name, data)
    return files


def _zip_files(path: Path) -> dict[str, _File]:
    check_directory(path, path.name)
    with reading(path.name), zipfile.ZipFile(path) as archive:
        found = _pick((i.filename, i) for i in archive.infolist() if not i.is_dir())
        check_members(path.name, [member for _name, member in found.values()])
        files: dict[str, _File] = {}
        budget = MAX_IMPORT_BYTES
        for kind, (name, member) in found.items():
            data = read_member(archive, member, path.name, budget)
            budget -= len(data)
            files[kind] = _File(name, data)
        return files


def _pick(candidates: Iterable[tuple[str, _T]]) -> dict[str, tuple[str, _T]]:
    """The shallowest file of each kind (the export's root before any sub-folder)."""
    found: dict[str, tuple[int, str, _T]] = {}
    for name, handle in candidates:
        posix = PurePosixPath(name.replace("\\", "/"))
        kind = _kind_by_name(posix.name)
        if kind and (kind not in found or len(posix.parts) < found[kind][0]):
            found[kind] = (len(posix.parts), str(posix), handle)
    return {kind: (name, handle) for kind, (_depth, name, handle) in found.items()}


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
