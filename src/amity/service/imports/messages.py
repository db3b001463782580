"""Imported conversations (LinkedIn messages and invitations) become interactions."""

from __future__ import annotations

from datetime import date

from amity.engines.contact_points import name_key, normalize_url
from amity.model import Interaction, InteractionDraft, Person
from amity.model.limits import fit_name
from amity.service.imports.people import ImportJournal, PeopleImporter
from amity.service.imports.report import ImportReport
from amity.store import Store
from amity.store import imports as import_store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store import sources as sources_store

# People who only appear in messages (recruiters, InMail) are kept under their own source,
# so a newer connections list never marks them missing.
MESSAGE_SOURCE = "linkedin-messages"


class MessageImporter:
    def __init__(
        self,
        store: Store,
        source: str,
        today: date,
        report: ImportReport,
        journal: ImportJournal,
        people: PeopleImporter,
    ) -> None:
        self.store, self.source, self.today = store, source, today
        self.report, self.journal, self.people = report, journal, people
        self.known = interaction_store.source_keys(store, source)
        self.by_url = sources_store.people_by_key(store, (source, MESSAGE_SOURCE))
        for r in import_store.profile_urls(store):
            self.by_url.setdefault(r["normalized"], int(r["person_id"]))
        self.by_name: dict[str, int] = {}
        for r in import_store.living_name_keys(store):
            self.by_name.setdefault(r["name_key"], int(r["id"]))

    def apply_all(self, drafts: list[InteractionDraft]) -> None:
        for draft in drafts:
            if draft.source_key in self.known:
                continue
            self.known.add(draft.source_key)
            people = self._people(draft)
            if not people:
                continue
            for person_id in people:
                self.journal.touch(self.store, person_id)
            new_id = interaction_store.insert_interaction(
                self.store,
                Interaction(
                    draft.kind,
                    draft.occurred_on,
                    draft.direction,
                    people,
                    summary=draft.summary,
                    notes=draft.notes,
                ),
                source=self.source,
                source_key=draft.source_key,
            )
            self.journal.created_interactions.append(new_id)
            self.people.touched.update(people)
            self.report.interactions += 1

    def _people(self, draft: InteractionDraft) -> list[int]:
        found: list[int] = []
        for n, key in enumerate(draft.counterpart_keys or [""]):
            url = normalize_url(key) if key else ""
            name = draft.counterpart_names[n] if n < len(draft.counterpart_names) else ""
            pid = self.by_url.get(url) if url else None
            if pid is None and name:
                pid = self.by_name.get(name_key(name))
            if pid is None and (name or url):
                pid = self._new_person(name or url, url)
            if pid is not None and pid not in found:
                found.append(pid)
        return found

    def _new_person(self, name: str, url: str) -> int:
        from amity.model import ContactKind, ContactPoint

        points = [ContactPoint(ContactKind.URL, url, url, "LinkedIn")] if url else []
        name = fit_name(name, url)
        # Someone who only wrote (a recruiter, an InMail) was never met: nothing in how or
        # where you met says so; the timeline and the source record tell where they came from.
        person = Person(name=name, contact_points=points)
        parts = name.split(" ")
        person.given_name, person.family_name = parts[0], " ".join(parts[1:])
        pid = people_store.insert_person(self.store, person, self.today)
        key = url or f"name:{name_key(name)}"
        sources_store.add_bare_record(self.store, pid, MESSAGE_SOURCE, key, self.today)
        self.journal.created_people.append(pid)
        if url:
            self.by_url[url] = pid
        self.by_name.setdefault(name_key(name), pid)
        self.people.touched.add(pid)
        self.report.created += 1
        return pid
