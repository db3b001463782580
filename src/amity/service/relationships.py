"""Keep each person's derived columns (last contact, next due, strength) true after a write."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from amity.engines.cadence import next_due
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
from amity.store import derived as derived_store
from amity.store import people as people_store
from amity.store.interactions import aggregates_for


def cadence_defaults(store: Store) -> dict[Circle, int | None]:
    from amity.service.settings.preferences import circle_cadences

    return circle_cadences(store)


# Which strength model the stored scores come from. A home scored by an older one is
# rescored once, at its first write (`list --tier` and `--sort strength` read the stored
# scores; `show`, the report and the person page score today's).
STRENGTH_MODEL = 2
_MODEL_KEY = "strength_model"


def rescore_if_outdated(store: Store, today: date) -> int:
    """Rescore every person once after an upgrade changed the strength model; how many."""
    from amity.service.settings import preferences
    from amity.store.people_query import living_ids

    if preferences.get(store, _MODEL_KEY) == STRENGTH_MODEL:
        return 0
    with store.db.transaction():
        ids = living_ids(store)
        refresh_people(store, ids, today)
        preferences.put(store, _MODEL_KEY, STRENGTH_MODEL)
    return len(ids)


# People refreshed per round trip: one grouped query and one batch of updates each.
REFRESH_CHUNK = 500


def refresh_people(store: Store, person_ids: Iterable[int], today: date) -> None:
    """Recompute the derived columns (contacts, counts, depth, next due, strength) of these
    people from their interactions, a chunk at a time."""
    defaults = cadence_defaults(store)
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), REFRESH_CHUNK):
        _refresh_chunk(store, ids[start : start + REFRESH_CHUNK], today, defaults)


def refresh_person(
    store: Store, person_id: int, today: date, defaults: dict[Circle, int | None]
) -> None:
    _refresh_chunk(store, [person_id], today, defaults)


def _refresh_chunk(
    store: Store, person_ids: list[int], today: date, defaults: dict[Circle, int | None]
) -> None:
    people = derived_store.derived_inputs(store, person_ids)
    found = aggregates_for(store, person_ids, DEPTH_WEIGHTS)
    updates = []
    for person in people:
        person_id = int(person["id"])
        agg = found.get(person_id)
        stats = _stats(agg) if agg is not None else RelationshipStats()
        last = stats.last_contact_on
        cadence = person["cadence_days"] or defaults.get(Circle(person["circle"]))
        resting = bool(person["archived"]) or person["deleted_on"] is not None
        # Archived and forgotten people are never due: the agenda's index holds only the living.
        due = None if resting or not cadence else next_due(last, int(cadence))
        updates.append(
            (
                _iso(stats.first_contact_on),
                _iso(last),
                _iso(stats.last_outbound_on),
                stats.interaction_count,
                stats.inbound_count,
                stats.outbound_count,
                stats.depth_total,
                _iso(due),
                score(stats, today),
                person_id,
            )
        )
    if updates:
        derived_store.set_derived(store, updates)


def _stats(agg: Row) -> RelationshipStats:
    return RelationshipStats(
        first_contact_on=as_date(agg["first_on"]),
        last_contact_on=as_date(agg["last_on"]),
        last_outbound_on=as_date(agg["last_outbound_on"]),
        interaction_count=int(agg["n"] or 0),
        inbound_count=int(agg["inbound"] or 0),
        outbound_count=int(agg["outbound"] or 0),
        depth_total=float(agg["depth"] or 0.0),
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
    row = people_store.person_row(store, person_id) or {}
    stats = relationship_stats(row) if row else RelationshipStats()
    scored = strength(stats, today)
    return scored, tier(scored.score, stats, today)
