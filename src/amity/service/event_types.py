"""What the event use cases return: frozen dataclasses, each with the `--json` document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class EventPerson:
    person_id: int
    name: str
    role: str  # target, attending, speaker, met
    notes: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.person_id, "name": self.name, "role": self.role, "notes": self.notes}


@dataclass(frozen=True, slots=True)
class PathLine:
    """The best warm path to one target: "Ana Reyes -> Ben Ode (Engineer at Stripe)"."""

    target: str  # the company, the role or the person, as planned
    kind: str  # company, role, person
    chain: tuple[str, ...]  # the people on the path, first to ask first; () when none
    note: str = ""  # what the last one is to the target
    matched: int = 0  # people the target stands for

    @property
    def text(self) -> str:
        if not self.chain:
            if self.kind != "person" and not self.matched:
                return f"nobody you know is at {self.target} yet"
            return "no warm path yet: an introduction at the event is your way in"
        note = f" ({self.note})" if self.note else ""
        return "you -> " + " -> ".join(self.chain) + note

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "kind": self.kind,
            "path": list(self.chain),
            "note": self.note,
            "matched": self.matched,
        }


@dataclass(frozen=True, slots=True)
class EventView:
    id: int
    name: str
    starts_on: date
    starts_at: str
    place: str
    purpose: str
    status: str
    pitch: str  # the stored pitch, or the one built from the profile and goals
    pitch_written: bool  # the user wrote it (--pitch), else it is built
    pitch_hint: str  # how to get a pitch, when there is none
    companies: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    goals: tuple[tuple[int, str], ...] = ()
    goals_text: str = ""
    notes: str = ""
    people: tuple[EventPerson, ...] = ()
    paths: tuple[PathLine, ...] = ()
    debriefed_on: date | None = None
    source: str = ""

    @property
    def when(self) -> str:
        return f"{self.starts_on.isoformat()} {self.starts_at}".strip()

    def people_as(self, *roles: str) -> tuple[EventPerson, ...]:
        return tuple(p for p in self.people if p.role in roles)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "date": self.starts_on.isoformat(),
            "time": self.starts_at or None,
            "place": self.place,
            "purpose": self.purpose,
            "status": self.status,
            "goals": [{"id": gid, "title": title} for gid, title in self.goals],
            "goals_text": self.goals_text,
            "companies": list(self.companies),
            "roles": list(self.roles),
            "people": [p.as_dict() for p in self.people],
            "pitch": self.pitch,
            "notes": self.notes,
            "paths": [p.as_dict() for p in self.paths],
            "debriefed_on": self.debriefed_on.isoformat() if self.debriefed_on else None,
        }


@dataclass(frozen=True, slots=True)
class EventLine:
    id: int
    name: str
    starts_on: date
    starts_at: str
    place: str
    status: str
    met: int  # people met there
    targets: int  # people hoped to be met

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "date": self.starts_on.isoformat(),
            "time": self.starts_at or None,
            "place": self.place,
            "status": self.status,
            "met": self.met,
            "targets": self.targets,
        }


@dataclass(frozen=True, slots=True)
class Planned:
    event: EventView
    created: bool  # False: an event of that name on that day was updated

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "event": self.event.as_dict()}


@dataclass(frozen=True, slots=True)
class DebriefLine:
    person_id: int
    name: str
    met_on: date
    follow_up_due: date | None  # None: no follow-up (a faded one, or done already)
    follow_up_created: bool  # the debrief scheduled it
    follow_up_done: bool = False

    def follow_up_words(self, today: date) -> str:
        """`followed up`, `follow-up due tomorrow`, or, for one the debrief has just added
        days after the event, `follow-up due Sunday 29 Nov, 2 days overdue (just added)`:
        never a past day said as if it were still to come."""
        from amity.engines.promise_dates import due_words

        if self.follow_up_done:
            return "followed up"
        if self.follow_up_due is None:
            return "no follow-up needed"
        added = " (just added)" if self.follow_up_created else ""
        return f"follow-up {due_words(self.follow_up_due, today)}{added}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.person_id,
            "name": self.name,
            "met_on": self.met_on.isoformat(),
            "follow_up_due": self.follow_up_due.isoformat() if self.follow_up_due else None,
            "follow_up_created": self.follow_up_created,
            "follow_up_done": self.follow_up_done,
        }


@dataclass(frozen=True, slots=True)
class Debrief:
    event_id: int
    name: str
    status: str
    met: tuple[DebriefLine, ...]
    not_met: tuple[EventPerson, ...]  # targets you did not meet
    goals: tuple[tuple[int, str], ...]  # the goals the event serves
    goals_moved: tuple[str, ...] = ()
    debriefed_on: date | None = None
    created: int = field(default=0)  # follow-ups the debrief scheduled

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.event_id,
            "name": self.name,
            "status": self.status,
            "met": [line.as_dict() for line in self.met],
            "targets_not_met": [p.as_dict() for p in self.not_met],
            "goals": [{"id": gid, "title": title} for gid, title in self.goals],
            "goals_moved": list(self.goals_moved),
            "follow_ups_created": self.created,
            "debriefed_on": self.debriefed_on.isoformat() if self.debriefed_on else None,
        }
