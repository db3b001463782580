"""The bulk path of an import: new people written with few round trips.

A person row needs its id back (RETURNING); everything that hangs off new people (contact
points, positions, tags, search documents, provenance) waits in a batch and is written with
`executemany` when the batch fills or the import ends, inside the import's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from amity.engines.contact_points import name_key
from amity.model import Person
from amity.store.handle import Store
from amity.store.people import (
    PERSON_COLUMNS,
    insert_person,
    organization_id,
    person_doc,
    person_values,
    tag_id,
)
from amity.store.search import indexed_body, person_doc_id

FLUSH_EVERY = 2000


@dataclass(slots=True)
class NewPeople:
    store: Store
    today: date
    organizations: dict[str, int] = field(default_factory=dict)
    points: list[tuple[Any, ...]] = field(default_factory=list)
    positions: list[tuple[Any, ...]] = field(default_factory=list)
    docs: list[tuple[Any, ...]] = field(default_factory=list)
    records: list[tuple[Any, ...]] = field(default_factory=list)
    people: list[tuple[Any, ...]] = field(default_factory=list)
    tags: list[tuple[Any, ...]] = field(default_factory=list)
    next_id: int | None = None
    pending: int = 0

    def add(self, person: Person) -> int:
        """Insert the person now (for the id); queue what hangs off them."""
        person_id = self._new_id(person)
        owner = self.store.owner_id
        unique = {(c.kind, c.normalized): c for c in person.contact_points}
        person.contact_points = list(unique.values())
        self.points += [
            (owner, person_id, c.kind.value, c.value.strip(), c.normalized, c.label)
            for c in person.contact_points
        ]
        for p in person.positions:
            self.positions.append(
                (
                    owner,
                    person_id,
                    self._organization(p.organization),
                    p.title,
                    p.start.isoformat() if p.start else None,
                    p.end.isoformat() if p.end else None,
                    p.source,
                )
            )
        for tag in {t.strip().lower() for t in person.tags if t.strip()}:
            self.tags.append((owner, person_id, tag_id(self.store, tag)))
        body = indexed_body(self.store.db.dialect, person_doc(person))
        self.docs.append((person_doc_id(person_id), body, owner, person_id))
        self._tick()
        return person_id

    def record(self, person_id: int, source: str, key: str, digest: str, payload: str) -> None:
        day = self.today.isoformat()
        self.records.append(
            (self.store.owner_id, person_id, source, key, digest, payload, day, day)
        )
        self._tick()

    def _new_id(self, person: Person) -> int:
        """SQLite: the import holds the write lock, so once the first new person is written
        (the database picks their id, past every account's people) the ids after it can be
        handed out here and the rows written in batches. PostgreSQL: the sequence hands them
        out, one INSERT each."""
        if self.store.db.dialect != "sqlite" or self.next_id is None:
            self.next_id = insert_person(self.store, person, self.today, details=False)
            return self.next_id
        self.next_id += 1
        self.people.append((self.next_id, *person_values(self.store, person, self.today)))
        return self.next_id

    def _organization(self, name: str) -> int:
        key = name_key(name)
        if key not in self.organizations:
            self.organizations[key] = organization_id(self.store, name)
        return self.organizations[key]

    def _tick(self) -> None:
        self.pending += 1
        if self.pending >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        db = self.store.db
        db.executemany(
            f"INSERT INTO person (id, owner_id, {PERSON_COLUMNS}) VALUES ({', '.join('?' * 25)})",
            self.people,
        )
        db.executemany(
            "INSERT INTO person_tag (owner_id, person_id, tag_id) VALUES (?, ?, ?)", self.tags
        )
        db.executemany(
            "INSERT INTO contact_point (owner_id, person_id, kind, value, normalized, label) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            self.points,
        )
        db.executemany(
            "INSERT INTO position (owner_id, person_id, organization_id, title, start_on, "
            "end_on, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.positions,
        )
        db.executemany(
            "INSERT INTO source_record (owner_id, person_id, source, source_key, fingerprint, "
            "payload, first_seen_on, last_seen_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            self.records,
        )
        if db.dialect == "sqlite":
            db.executemany(
                "INSERT INTO search_doc (rowid, body, owner_id, person_id) VALUES (?, ?, ?, ?)",
                self.docs,
            )
        else:
            db.executemany(
                "INSERT INTO search_doc (id, body, owner_id, person_id) VALUES (?, ?, ?, ?)",
                self.docs,
            )
        self.points, self.positions, self.docs, self.records = [], [], [], []
        self.people, self.tags = [], []
        self.pending = 0
