"""Which events and which communities or sources were worth it (`amity events --rank`).

An **event** is every past event (on or before today, not skipped or cancelled); the people
met there are its `met` attendance rows and the people of the interactions linked to it.

A **community or source** is where a person came from, as the report's "where meaningful
ties came from" says it: how you met them (`how_met`, e.g. "met at PyCon", "introduced"),
else the import that brought them in ("LinkedIn import", "vCard import"), else "added by
hand"; and each tag is a community of its own ("#climbing"), a person counting in each of
their tags. A source counts the people first in touch in the six months that ended 90 days
ago (from today - 270 days to today - 90), each judged on the 90th day after that first
contact: the ones met in the last 90 days are too early to count, and a long-known contact
imported from LinkedIn says nothing about where you meet people today.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from amity.engines.event_rank import (
    EVENT_ORDER,
    OUTCOME_DAYS,
    SOURCE_ORDER,
    Met,
    Outcome,
    Tally,
    person_outcome,
    ranked_events,
    ranked_sources,
    tally,
    tie_outcome,
)
from amity.engines.follow_ups import DEFAULT_FADE_DAYS
from amity.engines.strength import DEPTH_WEIGHTS, Contact, RelationshipStats
from amity.service.settings import preferences
from amity.store import Store
from amity.store import event_outcomes as outcomes_store

SOURCE_WINDOW_DAYS = 180
BY_HAND = "added by hand"
_IMPORTS = {"linkedin": "LinkedIn import", "vcard": "vCard import", "csv": "CSV import"}


@dataclass(frozen=True, slots=True)
class EventWorth:
    id: int
    name: str
    date: date
    met: int
    followed_up: int
    active_after_90_days: int | None  # None: too early (less than 90 days ago)
    meaningful_after_90_days: int | None

    @property
    def too_early(self) -> bool:
        return self.active_after_90_days is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "date": self.date.isoformat(),
            "met": self.met,
            "followed_up": self.followed_up,
            "active_after_90_days": self.active_after_90_days,
            "meaningful_after_90_days": self.meaningful_after_90_days,
            "id": self.id,
        }


@dataclass(frozen=True, slots=True)
class SourceWorth:
    name: str
    kind: str  # "source" or "community" (a tag)
    met: int
    active_after_90_days: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "met": self.met,
            "active_after_90_days": self.active_after_90_days,
            "kind": self.kind,
        }


@dataclass(frozen=True, slots=True)
class EventRanking:
    today: date
    events: tuple[EventWorth, ...]
    sources: tuple[SourceWorth, ...]
    event_order: str = EVENT_ORDER
    source_order: str = SOURCE_ORDER
    sources_from: date | None = None  # the first-contact window the sources count
    sources_to: date | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "events": [e.as_dict() for e in self.events],
            "sources": [s.as_dict() for s in self.sources],
            "event_order": self.event_order,
            "source_order": self.source_order,
        }


def rank_events(store: Store, today: date) -> EventRanking:
    """Every past event and every community or source, best first (see the engine)."""
    fade = int(preferences.get(store, "follow_up_fade_days") or DEFAULT_FADE_DAYS)
    first_to = today - timedelta(days=OUTCOME_DAYS)
    first_from = first_to - timedelta(days=SOURCE_WINDOW_DAYS)
    return EventRanking(
        today,
        tuple(_event_worths(store, today, fade)),
        tuple(_source_worths(store, first_from, first_to)),
        sources_from=first_from,
        sources_to=first_to,
    )


def _event_worths(store: Store, today: date, fade: int) -> list[EventWorth]:
    events = outcomes_store.past_events(store, today)
    met = outcomes_store.people_met(store, [e.id for e in events])
    touches = outcomes_store.touches_of(store, {p for people in met.values() for p in people})
    tallies = []
    for event in events:
        outcomes = [
            person_outcome(_met(event.id, event.starts_on, pid, touches.get(pid, [])), today, fade)
            for pid in sorted(met.get(event.id, ()))
        ]
        tallies.append(tally(event.name, event.starts_on, outcomes, ref=event.id))
    return [_event_worth(t) for t in ranked_events(tallies)]


def _met(event_id: int, day: date, person_id: int, touches: list[outcomes_store.Touch]) -> Met:
    """Met on the day of the first interaction linked to the event (day two of a
    conference), else on its first day; every interaction linked to it is the meeting."""
    there = [t.on for t in touches if t.event_id == event_id]
    return Met(
        person_id,
        min(there) if there else day,
        tuple((Contact(t.on, t.kind, t.direction), t.event_id == event_id) for t in touches),
    )


def _event_worth(t: Tally) -> EventWorth:
    return EventWorth(
        t.ref or 0, t.name, t.day or date.min, t.met, t.followed_up, t.active, t.meaningful
    )


def _source_worths(store: Store, first_from: date, first_to: date) -> list[SourceWorth]:
    early = outcomes_store.first_months(store, first_from, first_to, OUTCOME_DAYS, DEPTH_WEIGHTS)
    if not early:
        return []
    imported, tagged = outcomes_store.first_met_labels(store, first_from, first_to)
    groups: dict[tuple[str, str], list[Outcome]] = defaultdict(list)
    for person in early:
        stats = RelationshipStats(
            person.first_on,
            person.last_on,
            person.last_outbound_on,
            person.count,
            person.inbound,
            person.outbound,
            person.depth_total,
        )
        as_of = person.first_on + timedelta(days=OUTCOME_DAYS)
        active, _ = tie_outcome(stats, person.answered_after, as_of)
        outcome = Outcome(False, active, False)  # a source ranks by its active ties alone
        groups[("source", _source_label(person.how_met, imported.get(person.person_id)))].append(
            outcome
        )
        for tag in tagged.get(person.person_id, ()):
            groups[("community", f"#{tag}")].append(outcome)
    kinds = {name: kind for kind, name in groups}
    order = ranked_sources(tally(name, None, found) for (_, name), found in groups.items())
    return [SourceWorth(t.name, kinds[t.name], t.met, t.active or 0) for t in order]


def _source_label(how_met: str, imported: str | None) -> str:
    """`met at PyCon` as typed (spaces tidied, 60 characters at most), else the import."""
    how = " ".join(how_met.split())[:60]
    if how:
        return how
    if imported:
        return _IMPORTS.get(imported, f"{imported} import")
    return BY_HAND
