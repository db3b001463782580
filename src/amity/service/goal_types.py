"""What the goal use cases return: a goal as shown, and its progress with the next step."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.model.enums import GoalStatus, TargetKind


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class TargetView:
    kind: TargetKind
    value: str  # the company or the role as typed; a person's name now
    person_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"kind": self.kind.value, "value": self.value}
        if self.kind is TargetKind.PERSON:
            found["person_id"] = self.person_id
        return found


@dataclass(frozen=True, slots=True)
class GoalView:
    id: int
    title: str
    why: str
    due_on: date | None
    status: GoalStatus
    created_on: date | None
    closed_on: date | None
    targets: tuple[TargetView, ...]
    days_left: int | None  # to the due day; negative once past; None without one

    def of_kind(self, kind: TargetKind) -> tuple[str, ...]:
        return tuple(target.value for target in self.targets if target.kind is kind)

    @property
    def is_active(self) -> bool:
        return self.status is GoalStatus.ACTIVE

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "why": self.why,
            "due_on": _day(self.due_on),
            "status": self.status.value,
            "created_on": _day(self.created_on),
            "closed_on": _day(self.closed_on),
            "targets": [target.as_dict() for target in self.targets],
            "days_left": self.days_left,
        }


@dataclass(frozen=True, slots=True)
class PersonAtTarget:
    id: int
    name: str
    note: str  # "Engineer at Plaid", "Backend Engineer"
    new: bool  # added or first in touch since progress counts

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "note": self.note, "new": self.new}


@dataclass(frozen=True, slots=True)
class NewLink:
    """A tie recorded or inferred since progress counts, between a target and someone."""

    target: str
    other: str
    source: str  # "manual" when you recorded it, else what it was inferred from
    since: date | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "other": self.other,
            "source": self.source,
            "since": _day(self.since),
        }


@dataclass(frozen=True, slots=True)
class PathFound:
    target: str  # who it reaches
    note: str  # what they are to the target: "Engineer at Plaid"
    via: tuple[str, ...]  # the people between you and them (empty: you know them)
    strength: float
    ask: str  # the first person to write to
    ask_id: int
    draft: str
    first_contact: bool = False  # you were never in touch with the person to ask

    def as_dict(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "note": self.note,
            "via": list(self.via),
            "strength": self.strength,
            "ask": {"id": self.ask_id, "name": self.ask},
            "draft": self.draft,
        }


@dataclass(frozen=True, slots=True)
class Meeting:
    day: date
    person: str
    kind: str
    summary: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.day.isoformat(),
            "person": self.person,
            "kind": self.kind,
            "summary": self.summary,
        }


@dataclass(frozen=True, slots=True)
class IntroductionTouch:
    """An introduction you are making or made with someone at a target in it."""

    id: int
    a: str
    b: str
    state: str
    asked_on: date | None
    made_on: date | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "a": self.a,
            "b": self.b,
            "state": self.state,
            "asked_on": _day(self.asked_on),
            "made_on": _day(self.made_on),
        }


@dataclass(frozen=True, slots=True)
class EventServing:
    id: int
    name: str
    starts_on: date
    status: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "starts_on": self.starts_on.isoformat(),
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class NextStep:
    """The one concrete thing to do next, with the message to send when there is one."""

    text: str
    person_id: int | None = None
    person: str = ""
    draft: str = ""

    def as_dict(self) -> dict[str, Any]:
        person = {"id": self.person_id, "name": self.person} if self.person_id else None
        return {"text": self.text, "person": person, "draft": self.draft}


@dataclass(frozen=True, slots=True)
class GoalProgress:
    goal: GoalView
    since: date  # progress counts from this day
    since_set: bool  # the goal's own day (False: set before Amity kept it)
    people: tuple[PersonAtTarget, ...]  # living people at the targets now
    new_links: tuple[NewLink, ...]
    paths: tuple[PathFound, ...]
    introductions: tuple[IntroductionTouch, ...]
    meetings: tuple[Meeting, ...]
    events: tuple[EventServing, ...]
    next_step: NextStep

    @property
    def new_people(self) -> tuple[PersonAtTarget, ...]:
        return tuple(person for person in self.people if person.new)

    @property
    def asked(self) -> int:
        return sum(1 for i in self.introductions if i.asked_on and i.asked_on >= self.since)

    @property
    def made(self) -> int:
        return sum(1 for i in self.introductions if i.made_on and i.made_on >= self.since)

    def as_dict(self) -> dict[str, Any]:
        return {
            "goal": self.goal.as_dict(),
            "since": self.since.isoformat(),
            "since_goal_set": self.since_set,
            "days_left": self.goal.days_left,
            "people_at_targets": len(self.people),
            "new_ties": [person.as_dict() for person in self.new_people],
            "new_links": [link.as_dict() for link in self.new_links],
            "warm_paths": [path.as_dict() for path in self.paths],
            "introductions": {
                "asked": self.asked,
                "made": self.made,
                "list": [intro.as_dict() for intro in self.introductions],
            },
            "meetings": [meeting.as_dict() for meeting in self.meetings],
            "events": [event.as_dict() for event in self.events],
            "next_step": self.next_step.as_dict(),
        }
