"""Apply one imported person to the store: create, update, merge, or leave unchanged.

Every source record remembers what it last imported (a fingerprint and the fields), so the
same file imported twice changes nothing, and a newer LinkedIn export that shows a new
company or title closes the old position and records a `new_job` life event.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from amity.engines.contact_points import is_linkedin_profile, name_key, normalize
from amity.engines.dedupe import Candidate
from amity.model import (
    ContactDraft,
    ContactKind,
    ContactPoint,
    LifeEventKind,
    Person,
    PersonDraft,
    Position,
    SkippedRow,
)
from amity.service.imports.fit import fit_draft
from amity.service.imports.identity import RecordKeys, legacy_key
from amity.service.imports.matching import SureMatcher
from amity.service.imports.report import ImportReport
from amity.service.imports.sources import ImportSource
from amity.store import Row, Store
from amity.store import imports as import_store
from amity.store import ledger as ledger_store
from amity.store import people as people_store
from amity.store import sources as sources_store
from amity.store.bulk import NewPeople
from amity.store.snapshots import capture_person


def draft_fields(draft: PersonDraft) -> dict[str, Any]:
    """What a source said about a person, as plain JSON-ready data (file and line left out:
    the same record moved to another line is the same record)."""
    return {
        "name": draft.name,
        "given_name": draft.given_name,
        "family_name": draft.family_name,
        "nickname": draft.nickname,
        "headline": draft.headline,
        "location": draft.location,
        "birthday": draft.birthday.iso() if draft.birthday else None,
        "how_met": draft.how_met,
        "about": draft.about,
        "connected_on": draft.connected_on.isoformat() if draft.connected_on else None,
        "contacts": [[c.kind.value, c.value, c.label] for c in draft.contacts],
        "positions": [
            [
                p.organization,
                p.title,
                p.start.isoformat() if p.start else None,
                p.end.isoformat() if p.end else None,
            ]
            for p in draft.positions
        ],
        "tags": list(draft.tags),
        "extra": list(draft.extra),
        **({"photo": hashlib.sha256(draft.photo).hexdigest()} if draft.photo else {}),
    }


_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False)  # one for every record


def fingerprint(draft: PersonDraft) -> tuple[str, str]:
    payload = _ENCODER.encode(draft_fields(draft))  # = json.dumps(..., sort_keys=True, ...)
    return hashlib.sha256(payload.encode()).hexdigest()[:32], payload


@dataclass(slots=True)
class ImportJournal:
    """What an import created and what it changed, so `amity undo` can reverse it exactly."""

    created_people: list[int] = field(default_factory=list)
    created_interactions: list[int] = field(default_factory=list)
    snapshots: dict[int, dict[str, Any]] = field(default_factory=dict)
    missing_marked: list[int] = field(default_factory=list)
    organizations_before: int = 0
    owner_before: dict[str, Any] | None = None  # the user's own profile, if one was imported

    def touch(self, store: Store, person_id: int) -> None:
        """Capture a person once, before the import first changes them."""
        if person_id not in self.snapshots and person_id not in self.created_people:
            self.snapshots[person_id] = capture_person(store, person_id)

    def payload(self) -> dict[str, Any]:
        return {
            "created_people": self.created_people,
            "created_interactions": self.created_interactions,
            "snapshots": {str(k): v for k, v in self.snapshots.items()},
            "missing_marked": self.missing_marked,
            "organizations_before": self.organizations_before,
            "owner_before": self.owner_before,
        }


class PeopleImporter:
    def __init__(
        self,
        store: Store,
        source: ImportSource,
        today: date,
        report: ImportReport,
        journal: ImportJournal,
        *,
        merge: bool,
    ) -> None:
        self.store, self.source, self.today = store, source.name, today
        self.job_news = source.job_news  # positions a live view of a job: a change is news
        self.report, self.journal = report, journal
        self.merge = merge
        self.matcher = SureMatcher(store) if merge else None
        self.batch = NewPeople(store, today)
        self.records: dict[str, Row] = {
            r["source_key"]: r for r in sources_store.records_of(store, source.name)
        }
        self.keys = RecordKeys()
        # People changed after their creation or already there: reindexed and refreshed at
        # the end. New people are indexed as they are created and have no history yet.
        self.touched: set[int] = set()
        self.photos: list[tuple[int, PersonDraft, bool]] = []  # kept once the people exist

    def apply(self, draft: PersonDraft) -> int | None:
        """Bring one draft in; return the person it landed on."""
        draft = fit_draft(draft)
        digest, payload = fingerprint(draft)
        key = self.keys.claim(draft, digest)
        if key is None:  # the very same record twice in one file
            self.report.unchanged += 1
            return self.keys.person_of(draft, digest)
        person_id = self._land(draft, key, digest, payload)
        self.keys.landed(key, person_id)
        if draft.photo_note:
            self.report.photo_notes.append(_photo_note(draft, draft.photo_note))
        return person_id

    def keep_photos(self) -> None:
        """The photos of the drafts that changed someone, checked and resized (after the
        new people are written); a picture that is no photo is reported, never kept."""
        if not self.photos:
            return
        from amity.service.photos import Kept, keep_photo

        for person_id, draft, replace in self.photos:
            outcome = keep_photo(self.store, person_id, draft.photo, self.source, replace=replace)
            if outcome.kept is Kept.KEPT:
                self.touched.add(person_id)
                self.report.photos += 1
            elif outcome.kept is Kept.REFUSED:
                reason = f"{outcome.reason}: no photo kept"
                self.report.photo_notes.append(_photo_note(draft, reason))
        self.photos.clear()

    def _land(self, draft: PersonDraft, key: str, digest: str, payload: str) -> int:
        record = self.records.get(key) or self._legacy_record(draft, key, digest)
        if record is not None and record["person_id"] is not None:
            return self._known(draft, record, digest, payload)
        points = _normalized(draft)
        candidate = _candidate(-1, draft, points) if self.matcher is not None else None
        match = self.matcher.best(candidate) if self.matcher and candidate else None
        if match is not None:
            person_id, reasons = match
            self.journal.touch(self.store, person_id)
            self._enrich(person_id, draft, job_news=False)
            self._photo(person_id, draft, replace=False)
            self._record(key, person_id, digest, payload, record)
            self.report.merged += 1
            self.report.merges.append(
                {
                    "person": {"id": person_id},
                    "name": draft.name,
                    "file": draft.file,
                    "line": draft.line,
                    "reasons": list(reasons),
                }
            )
            return person_id
        person_id = self._create(draft, points)
        self._photo(person_id, draft, replace=True)
        if self.matcher is not None and candidate is not None:
            self.matcher.add(candidate, person_id)
        self._record(key, person_id, digest, payload, record)
        self.report.created += 1
        return person_id

    # -- the three outcomes ----------------------------------------------------------
    def _known(self, draft: PersonDraft, record: Row, digest: str, payload: str) -> int:
        person_id = int(record["person_id"])
        if record["missing_since"] is not None:
            self.journal.touch(self.store, person_id)
            sources_store.mark_record_missing(self.store, int(record["id"]), None)
            import_store.mark_missing(self.store, person_id, None)
        if record["fingerprint"] == digest:
            self.report.unchanged += 1
            return person_id
        self.journal.touch(self.store, person_id)
        self._enrich(person_id, draft, job_news=self.job_news)
        self._photo(person_id, draft, replace=True)
        sources_store.record_seen(self.store, int(record["id"]), digest, payload, self.today)
        self.report.updated += 1
        return person_id

    def _create(self, draft: PersonDraft, points: list[tuple[ContactDraft, str]]) -> int:
        person = Person(
            name=draft.name,
            given_name=draft.given_name,
            family_name=draft.family_name,
            nickname=draft.nickname,
            headline=draft.headline,
            location=draft.location,
            birthday=draft.birthday,
            how_met=draft.how_met or f"imported from {self.source}",
            about=draft.about,
            tags=list(draft.tags),
            contact_points=[
                ContactPoint(c.kind, c.value, normalized, c.label)
                for c, normalized in points
                if c.value.strip()
            ],
            positions=[
                Position(p.organization, p.title, p.start, p.end, self.source)
                for p in draft.positions
                if p.organization.strip()
            ],
        )
        person_id = self.batch.add(person)
        self.journal.created_people.append(person_id)
        return person_id

    def _legacy_record(self, draft: PersonDraft, key: str, digest: str) -> Row | None:
        """A record an older Amity stored under its old key, taken over when its content is
        exactly this draft's (so an upgrade does not turn a re-import into new people)."""
        old = legacy_key(draft)
        record = self.records.get(old) if old and old not in self.keys else None
        if record is None or record["fingerprint"] != digest:
            return None
        sources_store.rekey_record(self.store, int(record["id"]), key)
        del self.records[str(old)]
        self.records[key] = record
        return record

    def _record(
        self, key: str, person_id: int, digest: str, payload: str, record: Row | None
    ) -> None:
        if record is not None:  # a record whose person was forgotten for good
            sources_store.relink_record(
                self.store, int(record["id"]), person_id, digest, payload, self.today
            )
            return
        self.batch.record(person_id, self.source, key, digest, payload)

    def _photo(self, person_id: int, draft: PersonDraft, *, replace: bool) -> None:
        if draft.photo:
            self.photos.append((person_id, draft, replace))

    # -- matching and enriching --------------------------------------------------------
    def _enrich(self, person_id: int, draft: PersonDraft, *, job_news: bool) -> None:
        """Add what the draft knows and the person lacks; never overwrite the user's words."""
        self.batch.flush()  # the person may be one this import just created
        self.touched.add(person_id)
        current = people_store.load_person(self.store, person_id, include_deleted=True)
        if current is None:
            return
        for c in draft.contacts:
            people_store.add_contact_point(self.store, person_id, c.kind, c.value, c.label)
        fill = {
            f: getattr(draft, f)
            for f in ("headline", "location", "nickname", "about")
            if getattr(draft, f) and not getattr(current, f)
        }
        if draft.birthday and current.birthday is None:
            fill.update(
                birthday_month=draft.birthday.month,
                birthday_day=draft.birthday.day,
                birthday_year=draft.birthday.year,
            )
        people_store.update_person(self.store, person_id, fill)
        people_store.add_tags(self.store, person_id, draft.tags)
        self._positions(person_id, current, draft, job_news)

    def _positions(
        self, person_id: int, current: Person, draft: PersonDraft, job_news: bool
    ) -> None:
        wanted = [p for p in draft.positions if p.organization.strip() and p.end is None]
        if not wanted:
            return
        new = wanted[0]
        now = current.current_position
        same_org = now is not None and name_key(now.organization) == name_key(new.organization)
        if now is not None and same_org and (now.title or "") == (new.title or ""):
            return
        if now is None:
            people_store.add_position(
                self.store,
                person_id,
                Position(new.organization, new.title, new.start, None, self.source),
            )
            return
        if not job_news:
            return
        if now.id is not None:
            people_store.end_position(self.store, now.id, self.today)
        people_store.add_position(
            self.store,
            person_id,
            Position(new.organization, new.title, new.start or self.today, None, self.source),
        )
        kind = LifeEventKind.PROMOTION if same_org else LifeEventKind.NEW_JOB
        detail = " at ".join(x for x in (new.title, new.organization) if x)
        ledger_store.add_life_event(
            self.store, person_id, kind.value, self.today, detail, source=self.source
        )
        self.report.new_jobs += 1

    def mark_missing(self) -> None:
        """Connections that a newer full export no longer has are marked, never deleted."""
        for key, record in self.records.items():
            if key in self.keys or record["missing_since"] is not None:
                continue
            if record["person_id"] is None:
                continue
            self.journal.touch(self.store, int(record["person_id"]))
            sources_store.mark_record_missing(self.store, int(record["id"]), self.today)
            import_store.mark_missing(self.store, int(record["person_id"]), self.today)
            self.journal.missing_marked.append(int(record["id"]))
            self.report.missing += 1


_EMAIL, _PHONE, _ADDRESS = ContactKind.EMAIL, ContactKind.PHONE, ContactKind.ADDRESS
_URLS = frozenset({ContactKind.URL, ContactKind.SOCIAL})  # members looked up once: in
# Python 3.11 each `ContactKind.X` is a descriptor call, and this runs per imported record


def _photo_note(draft: PersonDraft, reason: str) -> SkippedRow:
    return SkippedRow(draft.file, draft.line, f"{draft.name}: {reason}")


def _normalized(draft: PersonDraft) -> list[tuple[ContactDraft, str]]:
    """Each contact point with the form it is matched by, worked out once per record."""
    return [(c, normalize(c.kind, c.value)) for c in draft.contacts]


def _candidate(
    person_id: int, draft: PersonDraft, points: list[tuple[ContactDraft, str]]
) -> Candidate:
    emails: list[str] = []
    phones: list[str] = []
    linkedin = address = ""
    for contact, normalized in points:
        kind = contact.kind
        if kind is _EMAIL:
            emails.append(normalized)
        elif kind is _PHONE:
            phones.append(normalized)
        elif kind in _URLS:
            if not linkedin and is_linkedin_profile(normalized):
                linkedin = normalized
        elif kind is _ADDRESS and not address:
            address = normalized
    org = next((p.organization for p in draft.positions if p.end is None), "")
    return Candidate(
        id=person_id,
        name=draft.name,
        given_name=draft.given_name,
        family_name=draft.family_name,
        emails=tuple(emails),
        phones=tuple(phones),
        linkedin=linkedin,
        organization=org,
        birthday=draft.birthday.iso() if draft.birthday else "",
        location=address or draft.location,
    )
