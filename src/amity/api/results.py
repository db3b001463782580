"""What the Python API returns: frozen dataclasses with plain fields (ids, names, dates).

`TodayView` and `AgendaEntry` come from `amity.service.agenda`, and `PersonRef`,
`PersonSummary`, `SearchResults` and `PersonView` from `amity.service.people_views`, as
they are; the rest are made here from the service's results.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from amity.service.person_ref import PersonRef


@dataclass(frozen=True, slots=True)
class Added:
    """A person just added, and people whose name is very close (maybe the same person)."""

    id: int
    name: str
    similar: tuple[PersonRef, ...] = ()


@dataclass(frozen=True, slots=True)
class Logged:
    """An interaction just logged; `follow_up_due` is set when a follow-up was scheduled."""

    interaction_id: int
    person: PersonRef
    created: bool = False  # `met` made a new person
    similar: tuple[PersonRef, ...] = ()
    follow_up_due: date | None = None
    closed_follow_ups: int = 0


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record an import could not use, and why."""

    file: str
    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class Merge:
    """A record an import joined to someone already in the network, and why."""

    name: str
    person_id: int
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import did (a dry run reports the same and writes nothing)."""

    source: str
    path: str
    dry_run: bool
    created: int
    updated: int
    unchanged: int
    merged: int
    missing: int
    new_jobs: int
    interactions: int
    skipped: tuple[Skipped, ...]
    merges: tuple[Merge, ...]
