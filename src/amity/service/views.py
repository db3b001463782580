"""What the read commands show: a person, a list, search results (the types are in
`amity.service.people_views`).

A list or a search loads only what it shows: the person and interaction stores that
`show_person` needs are imported by it (their models are some twenty dataclasses, a
tenth of a short command's start-up).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from amity.errors import NotFound, UsageError
from amity.model import Circle
from amity.service.people_views import (
    PeopleList,
    PersonSummary,
    PersonView,
    PositionView,
    SearchResults,
    StrengthToday,
    TimelineEntry,
)
from amity.service.person_ref import PersonRef
from amity.store import Row, Store, as_date
from amity.store import people_query as q
from amity.store.search import search_people

SORTS = ("name", "last", "strength")


def summary(row: Row) -> PersonSummary:
    """One list or search line from a `people_query` row (with its `tags`)."""
    return PersonSummary(
        int(row["id"]),
        str(row["name"]),
        Circle(row["circle"]),
        tuple(row.get("tags", [])),
        str(row["organization"]),
        str(row["title"]),
        row.get("last_contact_on"),
        int(row["strength"]),
    )


def show_person(
    store: Store, person_id: int, interactions: int = 20, today: date | None = None
) -> PersonView:
    """A person as `amity show` prints them; with `today`, the strength is scored for that
    day with its top reasons (the stored score is as of the last change)."""
    from amity.model import ContactKind
    from amity.store import interactions as interaction_store
    from amity.store import people as people_store
    from amity.store.sources import missing_since

    person = people_store.load_person(store, person_id)
    if person is None:
        raise NotFound(f"no person has id {person_id}")
    stats = people_store.person_row(store, person_id) or {}
    current = person.current_position
    met_through = None
    if person.met_through_id:
        row = q.by_id(store, person.met_through_id)
        met_through = PersonRef(person.met_through_id, str(row["name"])) if row else None
    timeline = interaction_store.for_person(store, person_id, limit=interactions)
    return PersonView(
        id=person_id,
        name=person.name,
        nickname=person.nickname,
        headline=person.headline,
        location=person.location,
        circle=person.circle,
        cadence_days=person.cadence_days,
        tags=tuple(person.tags),
        organization=current.organization if current else "",
        title=current.title if current else "",
        emails=tuple(person.emails()),
        phones=tuple(person.phones()),
        urls=tuple(
            c.value
            for c in person.contact_points
            if c.kind in (ContactKind.URL, ContactKind.SOCIAL)
        ),
        birthday=person.birthday.iso() if person.birthday else None,
        how_met=person.how_met,
        where_met=person.where_met,
        met_through=met_through,
        about=person.about,
        needs=person.needs,
        offers=person.offers,
        interests=person.interests,
        archived=person.archived,
        positions=tuple(
            PositionView(p.organization, p.title, p.start, p.end, p.source)
            for p in person.positions
        ),
        last_interaction=person.last_contact_on,
        next_due=as_date(stats.get("next_due_on")),
        stored_strength=int(stats.get("strength") or 0),
        scored=_strength_today(store, person_id, today),
        linkedin_missing_since=missing_since(store, person_id, "linkedin"),
        interaction_count=int(stats.get("interaction_count") or 0),
        interactions=tuple(
            TimelineEntry(
                i.id,
                i.kind.value,
                i.direction.value,
                i.occurred_on,
                i.notes or i.summary,
                i.summary,
                i.learned,
                i.promises,
                i.place,
            )
            for i in timeline
        ),
    )


def _strength_today(store: Store, person_id: int, today: date | None) -> StrengthToday | None:
    if today is None:
        return None
    from amity.service.relationships import strength_now

    scored, level = strength_now(store, person_id, today)
    return StrengthToday(scored.score, level.value, tuple(scored.reasons), scored.summary)


@dataclass(slots=True)
class ListRequest:
    tags: tuple[str, ...] = ()
    circle: str | None = None
    company: str | None = None
    sort: str = "name"
    limit: int | None = None
    offset: int = 0
    include_archived: bool = False
    tier: str | None = None
    source: str | None = None
    today: date | None = None


TIERS = ("core", "active", "new", "cooling", "dormant")


def person_sources() -> tuple[str, ...]:
    """Every source a person can come from: the importers' (loaded only when a filter
    names a source), and "manual", added by hand."""
    from amity.service.imports.sources import NAMES

    return (*NAMES, "manual")


def list_people(store: Store, req: ListRequest) -> PeopleList:
    if req.sort not in SORTS:
        raise UsageError(f"unknown sort {req.sort!r}; expected one of {', '.join(SORTS)}")
    if req.limit is not None and req.limit < 0:
        raise UsageError("--limit cannot be negative")
    circle = None
    if req.circle:
        from amity.service.people import parse_circle

        circle = parse_circle(req.circle).value
    if req.tier and req.tier not in TIERS:
        raise UsageError(f"unknown tier {req.tier!r}; expected one of {', '.join(TIERS)}")
    if req.source and req.source not in person_sources():
        known = ", ".join(person_sources())
        raise UsageError(f"unknown source {req.source!r}; expected one of {known}")
    where = q.PeopleFilter(
        tags=list(req.tags),
        circle=circle,
        company=req.company,
        include_archived=req.include_archived,
        tier=req.tier or None,
        source=req.source or None,
        today=req.today,
    )
    rows, total = q.list_people(store, where, req.sort, req.limit, req.offset)  # type: ignore[arg-type]
    return PeopleList(tuple(summary(r) for r in rows), total)


_FILTER = re.compile(r"\b(company|tag|circle|name|org|tier|source):(\"[^\"]*\"|\S+)", re.IGNORECASE)


def search(store: Store, query: str, limit: int = 20, today: date | None = None) -> SearchResults:
    """Ranked full-text search with field filters (`company:stripe tag:mentor rust`)."""
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    where = q.PeopleFilter(include_archived=True)
    for field_name, raw in _FILTER.findall(query):
        value = raw.strip('"')
        key = field_name.lower()
        if key in ("company", "org"):
            where.company = value
        elif key == "tag":
            where.tags.append(value)
        elif key == "circle":
            from amity.service.people import parse_circle

            where.circle = parse_circle(value).value
        elif key == "tier":
            if value not in TIERS or today is None:
                raise UsageError(f"unknown tier {value!r}; expected one of {', '.join(TIERS)}")
            where.tier, where.today = value, today
        elif key == "source":
            if value not in person_sources():
                known = ", ".join(person_sources())
                raise UsageError(f"unknown source {value!r}; expected one of {known}")
            where.source = value
        else:
            where.name = value
    text = _FILTER.sub(" ", query).strip()
    if not text and not (
        where.company or where.tags or where.circle or where.name or where.tier or where.source
    ):
        raise UsageError("search needs words or a filter such as company:acme or tag:mentor")
    if not text:
        rows, total = q.list_people(store, where, "strength", limit)
        return SearchResults(query, tuple(summary(r) for r in rows), total, ranked=False)
    hits = search_people(store, text)
    where.ids = hits.person_ids
    allowed = set(q.matching_ids(store, where))
    ranked = [pid for pid in hits.person_ids if pid in allowed]
    total = len(ranked)
    rows = q.summaries(store, ranked[:limit])
    return SearchResults(query, tuple(summary(r) for r in rows), total, hits.capped)
