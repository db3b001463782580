"""What an importer yields: people as a source describes them, before Amity stores them.

Every importer (`amity.io.*`) turns its foreign format into these types, so only the
adapter knows the format's column names or properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from amity.model.enums import ContactKind, Direction, InteractionKind
from amity.model.people import Birthday


@dataclass(slots=True)
class ContactDraft:
    kind: ContactKind
    value: str
    label: str = ""


@dataclass(slots=True)
class PositionDraft:
    organization: str
    title: str = ""
    start: date | None = None
    end: date | None = None


@dataclass(slots=True)
class PersonDraft:
    """One person as one source row describes them."""

    name: str
    source: str  # e.g. "linkedin", "vcard", "google", "outlook"
    source_key: str  # stable key within the source (profile URL, vCard UID, email...)
    file: str = ""
    line: int = 0
    given_name: str = ""
    family_name: str = ""
    nickname: str = ""
    headline: str = ""
    location: str = ""
    birthday: Birthday | None = None
    how_met: str = ""
    about: str = ""
    connected_on: date | None = None
    contacts: list[ContactDraft] = field(default_factory=list)
    positions: list[PositionDraft] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    # Properties Amity has no field for, kept verbatim to be written back on export.
    extra: list[str] = field(default_factory=list)
    # The picture the source holds, as its bytes (not yet checked to be an image), and why
    # a photo the source mentions was not taken (a web link is never fetched).
    photo: bytes = b""
    photo_note: str = ""


@dataclass(slots=True)
class InteractionDraft:
    """An interaction found in a source (a LinkedIn message, an invitation)."""

    kind: InteractionKind
    occurred_on: date
    direction: Direction
    source: str
    source_key: str
    counterpart_keys: list[str]  # source_keys (e.g. profile URLs) of the other people
    counterpart_names: list[str] = field(default_factory=list)
    summary: str = ""
    notes: str = ""
    file: str = ""
    line: int = 0


@dataclass(slots=True)
class SkippedRow:
    file: str
    line: int
    reason: str
