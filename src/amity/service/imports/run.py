"""Bring a network in: LinkedIn, vCard, Google or Outlook CSV, in one transaction.

Stopped halfway (even by kill -9), nothing of an import lands: every write happens in a
single transaction. `--dry-run` runs the same import and rolls it back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from amity.errors import ImportFailed
from amity.model import PersonDraft
from amity.model.wording import plural
from amity.service.imports.people import ImportJournal, PeopleImporter
from amity.service.imports.report import ImportReport
from amity.service.imports.sources import ImportSource, SourceData
from amity.service.relationships import refresh_people
from amity.store import Store
from amity.store import imports as import_store
from amity.store import people as people_store
from amity.store import settings as settings_store
from amity.store.snapshots import record_change

Progress = Callable[[int, int], None]


class _DryRun(Exception):
    """Raised to roll a dry run back after its report is complete."""


def run_import(
    store: Store,
    source: ImportSource,
    path: Path,
    today: date,
    *,
    dry_run: bool = False,
    merge: bool = True,
    progress: Progress | None = None,
) -> ImportReport:
    data = _read(source, path, today)
    report = ImportReport(source.name, str(path), dry_run=dry_run, skipped=list(data.skipped))
    if not data.people and not data.interactions and data.owner is None:
        raise ImportFailed(
            f"{path} holds no {source.name} contacts Amity can read"
            + (f" ({plural(len(data.skipped), 'row')} skipped)" if data.skipped else "")
        )
    try:
        with store.db.transaction():
            _apply(store, source, data, today, report, merge, progress)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


def _read(source: ImportSource, path: Path, today: date) -> SourceData:
    """What the file holds, read within the caps of `amity.io.limits` (a device, a FIFO or
    an oversized file is refused before it is opened; a folder only where a source has one)."""
    from amity.io.limits import check_path

    check_path(path, folders=source.folders)
    return source.read(path, today)


def _apply(
    store: Store,
    source: ImportSource,
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
    importer.keep_photos()
    if data.full_connections:
        importer.mark_missing()
    if interactions:
        from amity.service.imports.messages import MessageImporter

        messages = MessageImporter(store, source.name, today, report, journal, importer)
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
