"""Keep each person's derived columns (last contact, next due, strength) true after a write."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from amity.engines.strength import (
    DEPTH_WEIGHTS,
    RelationshipStats,
    Strength,
    Tier,
    score,
    strength,
    tier,
)
from amity.model import Circle
from amity.store import Row, Store, as_date
from amity.store.interactions import aggregate_for


def cadence_defaults(store: Store) -> dict[Circle, int | None]:
    from amity.service.preferences import circle_cadences

    return circle_cadences(store)


def refresh_people(store: Store, person_ids: Iterable[int], today: date) -> None:
    defaults = cadence_defaults(store)
    for person_id in set(person_ids):
        refresh_person(store, person_id, today, defaults)


def refresh_person(
    store: Store, person_id: int, today: date, defaults: dict[Circle, int | None]
) -> None:
    person = store.db.one(
        "SELECT circle, cadence_days, archived, deleted_on FROM person WHERE id = ?", (person_id,)
    )
    if person is None:
        return
    agg = aggregate_for(store, person_id, DEPTH_WEIGHTS)
    last = as_date(agg["last_on"])
    cadence = person["cadence_days"] or defaults.get(Circle(person["circle"]))
    resting = bool(person["archived"]) or person["deleted_on"] is not None
    # Archived and forgotten people are never due: the agenda's index holds only the living.
    next_due = last + timedelta(days=int(cadence)) if last and cadence and not resting else None
    stats = RelationshipStats(
        first_contact_on=as_date(agg["first_on"]),
        last_contact_on=last,
        last_outbound_on=as_date(agg["last_outbound_on"]),
        interaction_count=int(agg["n"] or 0),
        inbound_count=int(agg["inbound"] or 0),
        outbound_count=int(agg["outbound"] or 0),
        depth_total=float(agg["depth"] or 0.0),
    )
    points = score(stats, today) if stats.interaction_count else 0
    store.db.execute(
        "UPDATE person SET first_contact_on = ?, last_contact_on = ?, last_outbound_on = ?, "
        "interaction_count = ?, inbound_count = ?, outbound_count = ?, depth_total = ?, "
        "next_due_on = ?, strength = ? WHERE id = ?",
        (
            _iso(stats.first_contact_on),
            _iso(last),
            _iso(stats.last_outbound_on),
            stats.interaction_count,
            stats.inbound_count,
            stats.outbound_count,
            stats.depth_total,
            _iso(next_due),
            points,
            person_id,
        ),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def relationship_stats(row: Row) -> RelationshipStats:
    """The strength engine's input, from a person row's maintained columns."""
    return RelationshipStats(
        first_contact_on=as_date(row["first_contact_on"]),
        last_contact_on=as_date(row["last_contact_on"]),
        last_outbound_on=as_date(row["last_outbound_on"]),
        interaction_count=int(row["interaction_count"]),
        inbound_count=int(row["inbound_count"]),
        outbound_count=int(row["outbound_count"]),
        depth_total=float(row["depth_total"]),
    )


def strength_now(store: Store, person_id: int, today: date) -> tuple[Strength, Tier]:
    """One relationship's strength today, with its reasons, and its tier."""
    row = store.db.one("SELECT * FROM person WHERE id = ?", (person_id,)) or {}
    stats = relationship_stats(row) if row else RelationshipStats()
    scored = strength(stats, today)
    return scored, tier(scored.score, stats, today)
