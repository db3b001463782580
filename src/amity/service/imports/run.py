"""Bring a network in: LinkedIn, vCard, Google or Outlook CSV, in one transaction.

Stopped halfway (even by kill -9), nothing of an import lands: every write happens in a
single transaction. `--dry-run` runs the same import and rolls it back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from amity.errors import ImportFailed, UsageError
from amity.model import InteractionDraft, PersonDraft, SkippedRow
from amity.model.wording import plural
from amity.service.imports.people import ImportJournal, PeopleImporter
from amity.service.imports.report import ImportReport
from amity.service.relationships import refresh_people
from amity.store import Store
from amity.store import imports as import_store
from amity.store import people as people_store
from amity.store import settings as settings_store
from amity.store.snapshots import record_change

Source = Literal["linkedin", "vcard", "csv"]
SOURCES = ("linkedin", "vcard", "csv")
Progress = Callable[[int, int], None]


class _DryRun(Exception):
    """Raised to roll a dry run back after its report is complete."""


def parse_source(text: str) -> Source:
    raw = text.strip().lower()
    if raw == "linkedin":
        return "linkedin"
    if raw in ("vcard", "vcf"):
        return "vcard"
    if raw in ("csv", "google", "outlook"):
        return "csv"
    raise UsageError(f"unknown source {text!r}; expected linkedin, vcard or csv")


@dataclass(slots=True)
class SourceData:
    """What one file (or export) holds, in Amity's draft types."""

    people: list[PersonDraft]
    interactions: list[InteractionDraft] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    full_connections: bool = False  # a complete connections list: absent ones are missing
    owner: PersonDraft | None = None  # the user's own profile (LinkedIn Profile.csv)


def read_source(source: Source, path: Path, today: date) -> SourceData:
    """What the file holds, read within the caps of `amity.io.limits` (a device, a FIFO or
    an oversized file is refused before it is opened; a folder only where a source has one)."""
    from amity.io.limits import check_path

    check_path(path, folders=source != "csv")
    if source == "linkedin":
        from amity.io.linkedin import read_linkedin

        export = read_linkedin(path, today)
        full = any("connections" in f.lower() for f in export.files)
        return SourceData(
            export.people, export.interactions, export.skipped, full, export.owner_profile
        )
    if source == "vcard":
        from amity.io.vcard import read_vcard_path

        people, skipped = read_vcard_path(path)
        return SourceData(people, skipped=skipped)
    from amity.io.contacts_csv import read_contacts_csv

    people, skipped = read_contacts_csv(path)
    return SourceData(people, skipped=skipped)


def run_import(
    store: Store,
    source: str,
    path: Path,
    today: date,
    *,
    dry_run: bool = False,
    merge: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    kind = parse_source(source)
    data = read_source(kind, path, today)
    report = ImportReport(kind, str(path), dry_run=dry_run, skipped=list(data.skipped))
    if not data.people and not data.interactions and data.owner is None:
        raise ImportFailed(
            f"{path} holds no {kind} contacts Amity can read"
            + (f" ({plural(len(data.skipped), 'row')} skipped)" if data.skipped else "")
        )
    try:
        with store.db.transaction():
            _apply(store, kind, data, today, report, merge, progress)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _apply(
    store: Store,
    source: str,
    data: SourceData,
    today: date,
    report: ImportReport,
    merge: bool,
    progress: Progress | None,
) -> None:
    people, interactions = data.people, data.interactions
    journal = ImportJournal()
    if data.owner is not None:
        journal.owner_before = _remember_owner(store, data.owner)
    journal.organizations_before = import_store.last_organization_id(store)
    importer = PeopleImporter(store, source, today, report, journal, merge=merge)
    total = len(people) + len(interactions)
    for n, draft in enumerate(people, start=1):
        importer.apply(draft)
        if progress is not None and n % 200 == 0:
            progress(n, total)
    importer.batch.flush()
    if data.full_connections and source == "linkedin":
        importer.mark_missing()
    if interactions:
        from amity.service.imports.messages import MessageImporter

        messages = MessageImporter(store, source, today, report, journal, importer)
        messages.apply_all(interactions)
    for person_id in sorted(importer.touched):
        people_store.reindex_person(store, person_id)
    refresh_people(store, importer.touched, today)
    if progress is not None:
        progress(total, total)
    summary = (
        f"import of {Path(report.path).name}: {report.created} created, "
        f"{report.updated} updated, {report.merged} merged"
    )
    record_change(store, "import", summary, journal.payload())


def _remember_owner(store: Store, owner: PersonDraft) -> dict[str, Any]:
    """The user's own profile and job history, kept with the preferences (and backed up).
    Returns what was there before, for `amity undo`."""
    from amity.service.imports.people import draft_fields
    from amity.service.settings import preferences

    account = settings_store.account_contact(store)
    before = {"profile": preferences.get(store, "profile"), **(account or {})}

    fields = draft_fields(owner)
    preferences.put(
        store,
        "profile",
        {k: fields[k] for k in ("name", "headline", "location", "contacts", "positions")},
    )
    emails = [c.value for c in owner.contacts if c.kind.value == "email"]
    settings_store.set_account_contact(store, owner.name, emails[0] if emails else "")
    return before
