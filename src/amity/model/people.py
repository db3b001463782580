"""People and what Amity knows about them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from amity.model.enums import Circle, ContactKind


@dataclass(frozen=True, slots=True)
class Birthday:
    """A birthday; the year is often unknown."""

    month: int
    day: int
    year: int | None = None

    def iso(self) -> str:
        """`1990-04-15`, or `--04-15` when the year is unknown (ISO 8601 / vCard 4)."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(slots=True)
class ContactPoint:
    kind: ContactKind
    value: str
    normalized: str
    label: str = ""
    id: int | None = None


@dataclass(slots=True)
class Organization:
    name: str
    id: int | None = None
    domain: str = ""


@dataclass(slots=True)
class Position:
    organization: str
    title: str = ""
    start: date | None = None
    end: date | None = None
    source: str = "manual"
    id: int | None = None

    @property
    def current(self) -> bool:
        return self.end is None


@dataclass(slots=True)
class Person:
    name: str
    id: int | None = None
    given_name: str = ""
    family_name: str = ""
    nickname: str = ""
    headline: str = ""
    location: str = ""
    birthday: Birthday | None = None
    how_met: str = ""
    where_met: str = ""
    met_through_id: int | None = None
    circle: Circle = Circle.ACQUAINTANCE
    cadence_days: int | None = None
    about: str = ""
    needs: str = ""
    offers: str = ""
    interests: str = ""
    archived: bool = False
    tags: list[str] = field(default_factory=list)
    contact_points: list[ContactPoint] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    # Derived, maintained on write by the store.
    first_contact_on: date | None = None
    last_contact_on: date | None = None
    created_on: date | None = None

    @property
    def current_position(self) -> Position | None:
        current = [p for p in self.positions if p.end is None]
        if not current:
            return None
        return max(current, key=lambda p: p.start or date.min)

    def emails(self) -> list[str]:
        return [c.value for c in self.contact_points if c.kind is ContactKind.EMAIL]

    def phones(self) -> list[str]:
        return [c.value for c in self.contact_points if c.kind is ContactKind.PHONE]
