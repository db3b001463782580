"""What the read commands show: a person, a list, search results, as JSON-ready dicts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.errors import NotFound, UsageError
from amity.model import ContactKind
from amity.service.imports.sources import NAMES as IMPORT_SOURCES
from amity.service.resolve import resolve_person
from amity.store import Row, Store, as_date
from amity.store import interactions as interaction_store
from amity.store import ledger as ledger_store
from amity.store import people as people_store
from amity.store import people_query as q
from amity.store import ties as ties_store
from amity.store.search import search_people

SORTS = ("name", "last", "strength")


def summary(row: Row) -> dict[str, Any]:
    last = row.get("last_contact_on")
    return {
        "id": int(row["id"]),
        "name": row["name"],
        "circle": row["circle"],
        "tags": list(row.get("tags", [])),
        "organization": row["organization"],
        "title": row["title"],
        "last_interaction": last.isoformat() if last else None,
        "strength": int(row["strength"]),
    }


def show_person(
    store: Store, who: str, interactions: int = 20, today: date | None = None
) -> dict[str, Any]:
    """A person as `amity show` prints them; with `today`, the strength is scored for that
    day with its top reasons (the stored score is as of the last change)."""
    person_id, _ = resolve_person(store, who)
    person = people_store.load_person(store, person_id)
    if person is None:  # resolved a moment ago in the same connection
        raise NotFound(f"no person has id {person_id}")
    stats = people_store.person_row(store, person_id) or {}
    current = person.current_position
    met_through = None
    if person.met_through_id:
        row = q.by_id(store, person.met_through_id)
        met_through = {"id": person.met_through_id, "name": row["name"]} if row else None
    timeline = interaction_store.for_person(store, person_id, limit=interactions)
    total = int(stats.get("interaction_count") or 0)
    return {
        "id": person_id,
        "name": person.name,
        "nickname": person.nickname,
        "headline": person.headline,
        "location": person.location,
        "circle": person.circle.value,
        "cadence_days": person.cadence_days,
        "tags": person.tags,
        "organization": current.organization if current else "",
        "title": current.title if current else "",
        "emails": person.emails(),
        "phones": person.phones(),
        "urls": [
            c.value
            for c in person.contact_points
            if c.kind in (ContactKind.URL, ContactKind.SOCIAL)
        ],
        "birthday": person.birthday.iso() if person.birthday else None,
        "how_met": person.how_met,
        "where_met": person.where_met,
        "met_through": met_through,
        "about": person.about,
        "needs": person.needs,
        "offers": person.offers,
        "interests": person.interests,
        "archived": person.archived,
        "positions": [
            {
                "organization": p.organization,
                "title": p.title,
                "start": p.start.isoformat() if p.start else None,
                "end": p.end.isoformat() if p.end else None,
                "source": p.source,
            }
            for p in person.positions
        ],
        "last_interaction": person.last_contact_on.isoformat() if person.last_contact_on else None,
        "next_due": str(stats.get("next_due_on") or "") or None,
        "strength": int(stats.get("strength") or 0),
        **_strength_today(store, person_id, today),
        **_linkedin_missing(store, person_id),
        "interaction_count": total,
        "interactions": [
            {
                "id": i.id,
                "kind": i.kind.value,
                "direction": i.direction.value,
                "date": i.occurred_on.isoformat(),
                "note": i.notes or i.summary,
                "summary": i.summary,
                "learned": i.learned,
                "promises": i.promises,
                "place": i.place,
            }
            for i in timeline
        ],
    }


def _linkedin_missing(store: Store, person_id: int) -> dict[str, Any]:
    """A LinkedIn connection a newer full export no longer holds: the day that export was
    imported, and the line that says so (None while they are still connected)."""
    from amity.model.wording import short_day
    from amity.store.sources import missing_since

    since = missing_since(store, person_id, "linkedin")
    text = (
        f"No longer in your LinkedIn connections since the export imported on {short_day(since)}"
        if since
        else None
    )
    return {
        "linkedin_missing_since": since.isoformat() if since else None,
        "linkedin_missing": text,
    }


def _strength_today(store: Store, person_id: int, today: date | None) -> dict[str, Any]:
    if today is None:
        return {}
    from amity.service.relationships import strength_now

    scored, level = strength_now(store, person_id, today)
    return {
        "strength": scored.score,
        "tier": level.value,
        "strength_reasons": scored.reasons,
        "strength_summary": scored.summary,
    }


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
SOURCES = (*IMPORT_SOURCES, "manual")  # "manual": added by hand, never imported


def list_people(store: Store, req: ListRequest) -> dict[str, Any]:
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
    if req.source and req.source not in SOURCES:
        raise UsageError(f"unknown source {req.source!r}; expected one of {', '.join(SOURCES)}")
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
    return {"results": [summary(r) for r in rows], "total": total}


_FILTER = re.compile(r"\b(company|tag|circle|name|org|tier|source):(\"[^\"]*\"|\S+)", re.IGNORECASE)


def search(store: Store, query: str, limit: int = 20, today: date | None = None) -> dict[str, Any]:
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
            if value not in SOURCES:
                raise UsageError(f"unknown source {value!r}; expected one of {', '.join(SOURCES)}")
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
        return {"query": query, "results": [summary(r) for r in rows], "total": total}
    hits = search_people(store, text)
    where.ids = hits.person_ids
    allowed = set(q.matching_ids(store, where))
    ranked = [pid for pid in hits.person_ids if pid in allowed]
    total = len(ranked)
    rows = q.summaries(store, ranked[:limit])
    return {
        "query": query,
        "results": [summary(r) for r in rows],
        "total": total,
        "capped": hits.capped,
    }


def person_life_events(store: Store, person_id: int) -> list[dict[str, Any]]:
    """The person page's last 20 life events, newest first."""
    return [
        {"kind": r["kind"], "on": as_date(r["occurred_on"]), "detail": r["detail"]}
        for r in ledger_store.life_events(store, person_id)
    ]


def person_ties(store: Store, person_id: int) -> list[dict[str, Any]]:
    """The person page's 30 strongest ties to living people."""
    return [
        {"id": int(r["id"]), "name": r["name"], "kind": r["kind"], "strength": int(r["strength"])}
        for r in ties_store.ties_of(store, person_id)
    ]
