"""The People list as the web shows it: one page of a filtered list or of a search, and
bulk edits. Thin calls of `amity.service.views` and `amity.service.people`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from amity.errors import UsageError
from amity.model import Circle
from amity.model.wording import every
from amity.service.people import PersonChanges, all_tags, edit_person, parse_circle
from amity.service.people_views import PersonSummary
from amity.service.photos import photo_versions
from amity.service.views import TIERS, ListRequest, list_people, person_sources, search
from amity.store import Store

PAGE_SIZE = 50
BULK_ACTIONS = ("tag", "untag", "circle", "every", "archive", "unarchive")
CIRCLES = tuple(c.value for c in Circle)


@dataclass(slots=True)
class PeopleQuery:
    q: str = ""
    circle: str = ""
    tag: str = ""
    company: str = ""
    sort: str = "name"
    page: int = 1
    archived: bool = False
    tier: str = ""
    source: str = ""

    def link(self, path: str = "/people", **changes: Any) -> str:
        """This list's address, with some parameters changed (e.g. `page=2`)."""
        values = {
            "q": self.q,
            "circle": self.circle,
            "tag": self.tag,
            "company": self.company,
            "sort": self.sort,
            "page": self.page,
            "archived": "1" if self.archived else "",
            "tier": self.tier,
            "source": self.source,
        } | changes
        kept = {k: v for k, v in values.items() if v not in ("", None, 1, "name") or k == "page"}
        if kept.get("page") == 1:
            kept.pop("page")
        return path + ("?" + urlencode(kept) if kept else "")


@dataclass(slots=True)
class PeoplePage:
    query: PeopleQuery
    results: Sequence[PersonSummary]
    total: int
    tags: list[str]
    message: str = ""
    error: str = ""
    circles: tuple[str, ...] = CIRCLES
    tiers: tuple[str, ...] = TIERS
    sources: tuple[str, ...] = field(default_factory=person_sources)
    actions: tuple[str, ...] = BULK_ACTIONS
    selected: list[int] = field(default_factory=list)
    why_now: dict[int, str] = field(default_factory=dict)  # person id: today's reason
    photos: dict[int, str] = field(default_factory=dict)  # avatar versions, by person id

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def first(self) -> int:
        return (self.query.page - 1) * PAGE_SIZE + 1 if self.total else 0

    @property
    def last(self) -> int:
        return min(self.total, self.query.page * PAGE_SIZE)


def people_page(store: Store, query: PeopleQuery, today: date) -> PeoplePage:
    offset = (query.page - 1) * PAGE_SIZE
    if query.q.strip():
        found = search(store, _search_text(query), limit=offset + PAGE_SIZE, today=today)
        results, total = found.people[offset:], found.total
    else:
        request = ListRequest(
            tags=(query.tag,) if query.tag else (),
            circle=query.circle or None,
            company=query.company or None,
            sort=query.sort,
            limit=PAGE_SIZE,
            offset=offset,
            include_archived=query.archived,
            tier=query.tier or None,
            source=query.source or None,
            today=today,
        )
        listed = list_people(store, request)
        results, total = listed.people, listed.total
    photos = photo_versions(store, [person.id for person in results])
    return PeoplePage(query, results, total, all_tags(store), photos=photos)


def _search_text(query: PeopleQuery) -> str:
    parts = [query.q.strip()]
    for key, value in (
        ("tag", query.tag),
        ("circle", query.circle),
        ("company", query.company),
        ("tier", query.tier),
        ("source", query.source),
    ):
        if value:
            parts.append(f'{key}:"{value}"' if " " in value else f"{key}:{value}")
    return " ".join(parts)


def bulk_edit(store: Store, ids: list[int], action: str, value: str, today: date) -> str:
    """Apply one change to many people, all or nothing."""
    if not ids:
        raise UsageError("tick at least one person first")
    if action not in BULK_ACTIONS:
        raise UsageError(f"unknown bulk action {action!r}")
    change = _change(action, value.strip())
    with store.db.transaction():
        for person_id in ids:
            edit_person(store, person_id, change, today)
    noun = "person" if len(ids) == 1 else "people"
    return f"{_done(action, value.strip())} for {len(ids)} {noun}."


def _change(action: str, value: str) -> PersonChanges:
    if action in ("tag", "untag", "circle", "every") and not value:
        raise UsageError(f"{action} needs a value")
    if action == "every" and not value.isdigit():
        raise UsageError(f"cadence must be a number of days, not {value!r}")
    if action == "tag":
        return PersonChanges(add_tags=(value,))
    if action == "untag":
        return PersonChanges(remove_tags=(value,))
    if action == "circle":
        return PersonChanges(circle=parse_circle(value))
    if action == "every":
        return PersonChanges(every=int(value))
    return PersonChanges(archived=action == "archive")


def _done(action: str, value: str) -> str:
    if action == "every":
        return f"Set the cadence to {every(int(value)) if value.isdecimal() else value}"
    return {
        "tag": f"Tagged “{value}”",
        "untag": f"Removed the tag “{value}”",
        "circle": f"Moved to the {value} circle",
        "archive": "Archived",
        "unarchive": "Restored",
    }[action]
