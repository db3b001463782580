"""The sources Amity imports from, in one table that `amity import`, the web upload and
`amity.import_file` all read: a new source is one more row here and one adapter in `amity.io`.

Each row says what the source is called (and the other names `amity import` accepts), how
the web tells it from a file name, whether a folder can hold it, and how its file is read
into Amity's draft types. Readers import their adapter when called, so naming the sources
(`amity import --help`) loads none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from amity.errors import UsageError

if TYPE_CHECKING:
    from amity.model import InteractionDraft, PersonDraft, SkippedRow


@dataclass(slots=True)
class SourceData:
    """What one file (or export) holds, in Amity's draft types."""

    people: list[PersonDraft]
    interactions: list[InteractionDraft] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    full_connections: bool = False  # a complete connections list: absent ones are missing
    owner: PersonDraft | None = None  # the user's own profile (LinkedIn Profile.csv)


Reader = Callable[[Path, date], SourceData]


@dataclass(frozen=True, slots=True)
class ImportSource:
    name: str  # what `amity import` takes and what the store records
    label: str  # the web's choice of "Kind of file"
    read: Reader
    suffixes: tuple[str, ...]  # file names the web tells it by; the first names a kept upload
    aliases: tuple[str, ...] = ()  # other names `amity import` accepts
    folders: bool = True  # a folder of its files can be imported
    job_news: bool = False  # its positions are a live view of a job: a change there is news

    @property
    def upload_suffix(self) -> str:
        return self.suffixes[0]


def _read_linkedin(path: Path, today: date) -> SourceData:
    from amity.io.linkedin import read_linkedin

    export = read_linkedin(path, today)
    full = any("connections" in f.lower() for f in export.files)
    return SourceData(
        export.people, export.interactions, export.skipped, full, export.owner_profile
    )


def _read_vcard(path: Path, today: date) -> SourceData:
    from amity.io.vcard import read_vcard_path

    people, skipped = read_vcard_path(path)
    return SourceData(people, skipped=skipped)


def _read_contacts_csv(path: Path, today: date) -> SourceData:
    from amity.io.contacts_csv import read_contacts_csv

    people, skipped = read_contacts_csv(path)
    return SourceData(people, skipped=skipped)


SOURCES = (
    ImportSource("linkedin", "LinkedIn export (.zip)", _read_linkedin, (".zip",), job_news=True),
    ImportSource("vcard", "vCard (.vcf)", _read_vcard, (".vcf", ".vcard"), aliases=("vcf",)),
    ImportSource(
        "csv",
        "Google or Outlook CSV",
        _read_contacts_csv,
        (".csv",),
        aliases=("google", "outlook"),
        folders=False,
    ),
)
NAMES = tuple(s.name for s in SOURCES)
UPLOAD_SUFFIXES = frozenset(s.upload_suffix for s in SOURCES)


def find_source(text: str) -> ImportSource | None:
    """The source called `text` (or one of its other names), any case."""
    raw = text.strip().lower()
    return next((s for s in SOURCES if raw == s.name or raw in s.aliases), None)


def source_named(text: str) -> ImportSource:
    found = find_source(text)
    if found is None:
        expected = ", ".join(NAMES[:-1]) + f" or {NAMES[-1]}"
        raise UsageError(f"unknown source {text!r}; expected {expected}")
    return found


def source_of_file(filename: str) -> ImportSource | None:
    """The source a file's name says it is (`.zip`: LinkedIn, `.vcf`: vCard ...)."""
    suffix = Path(filename).suffix.lower()
    return next((s for s in SOURCES if suffix in s.suffixes), None)
