"""What the people read commands return: frozen dataclasses with typed fields (ids, dates,
enums), each with `as_dict()`, the JSON document `--json` prints (keys in that order).

`amity.service.views` builds them; the CLI renders them, the web's templates read their
attributes, and the Python API hands them to scripts as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.model import Circle
from amity.service.person_ref import PersonRef


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """One line of a list or a search: who, where they work, when you last spoke, how strong
    the tie (the stored score, as of the last change)."""

    id: int
    name: str
    circle: Circle
    tags: tuple[str, ...]
    organization: str
    title: str
    last_interaction: date | None
    strength: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "circle": self.circle.value,
            "tags": list(self.tags),
            "organization": self.organization,
            "title": self.title,
            "last_interaction": _iso(self.last_interaction),
            "strength": self.strength,
        }


@dataclass(frozen=True, slots=True)
class PeopleList:
    """One page of `amity list`: `people` holds at most the limit of `total` matches."""

    people: tuple[PersonSummary, ...]
    total: int

    def as_dict(self) -> dict[str, Any]:
        return {"results": [p.as_dict() for p in self.people], "total": self.total}


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    people: tuple[PersonSummary, ...]
    total: int  # all the matches, of which `people` holds at most the limit
    capped: bool = False  # the text matched more people than a search ranks
    ranked: bool = True  # found by words (False: by filters only, strongest first)

    def as_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "query": self.query,
            "results": [p.as_dict() for p in self.people],
            "total": self.total,
        }
        if self.ranked:  # a filter-only search never says whether it was capped
            found["capped"] = self.capped
        return found


@dataclass(frozen=True, slots=True)
class PositionView:
    """A job, current or past; `source` says where Amity learned it (`manual`, `linkedin`...)."""

    organization: str
    title: str
    start: date | None
    end: date | None
    source: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "organization": self.organization,
            "title": self.title,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One interaction on a person's timeline; `note` is its notes, or else its summary."""

    id: int | None
    kind: str  # an InteractionKind value
    direction: str  # a Direction value
    date: date
    note: str
    summary: str
    learned: str
    promises: str
    place: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "direction": self.direction,
            "date": self.date.isoformat(),
            "note": self.note,
            "summary": self.summary,
            "learned": self.learned,
            "promises": self.promises,
            "place": self.place,
        }


@dataclass(frozen=True, slots=True)
class StrengthToday:
    """The strength scored for a given day, with its tier and top reasons."""

    score: int
    tier: str  # a Tier value
    reasons: tuple[str, ...]
    summary: str


@dataclass(frozen=True, slots=True)
class PersonView:
    """A person as `amity show` prints them and the Person page shows them.

    `strength` is the stored score (as of the last change) unless `today` was scored
    (`scored`), and `birthday` is ISO text, `--04-15` when the year is unknown.
    """

    id: int
    name: str
    nickname: str
    headline: str
    location: str
    circle: Circle
    cadence_days: int | None
    tags: tuple[str, ...]
    organization: str
    title: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    urls: tuple[str, ...]
    birthday: str | None
    how_met: str
    where_met: str
    met_through: PersonRef | None
    about: str
    needs: str
    offers: str
    interests: str
    archived: bool
    positions: tuple[PositionView, ...]
    last_interaction: date | None
    next_due: date | None
    stored_strength: int
    scored: StrengthToday | None
    linkedin_missing_since: date | None  # a newer full LinkedIn export no longer holds them
    interaction_count: int
    interactions: tuple[TimelineEntry, ...]

    @property
    def strength(self) -> int:
        return self.scored.score if self.scored else self.stored_strength

    @property
    def tier(self) -> str | None:
        return self.scored.tier if self.scored else None

    @property
    def strength_summary(self) -> str | None:
        return self.scored.summary if self.scored else None

    @property
    def linkedin_missing(self) -> str | None:
        """The line that says they left your LinkedIn connections, or None."""
        from amity.model.wording import short_day

        since = self.linkedin_missing_since
        if since is None:
            return None
        imported = short_day(since)
        return f"No longer in your LinkedIn connections since the export imported on {imported}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "nickname": self.nickname,
            "headline": self.headline,
            "location": self.location,
            "circle": self.circle.value,
            "cadence_days": self.cadence_days,
            "tags": list(self.tags),
            "organization": self.organization,
            "title": self.title,
            "emails": list(self.emails),
            "phones": list(self.phones),
            "urls": list(self.urls),
            "birthday": self.birthday,
            "how_met": self.how_met,
            "where_met": self.where_met,
            "met_through": self.met_through.as_dict() if self.met_through else None,
            "about": self.about,
            "needs": self.needs,
            "offers": self.offers,
            "interests": self.interests,
            "archived": self.archived,
            "positions": [p.as_dict() for p in self.positions],
            "last_interaction": _iso(self.last_interaction),
            "next_due": _iso(self.next_due),
            "strength": self.strength,
            **self._scored(),
            "linkedin_missing_since": _iso(self.linkedin_missing_since),
            "linkedin_missing": self.linkedin_missing,
            "interaction_count": self.interaction_count,
            "interactions": [i.as_dict() for i in self.interactions],
        }

    def _scored(self) -> dict[str, Any]:
        if self.scored is None:
            return {}
        return {
            "tier": self.scored.tier,
            "strength_reasons": list(self.scored.reasons),
            "strength_summary": self.scored.summary,
        }
