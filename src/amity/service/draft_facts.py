"""What Amity knows that a message could mention, for many people in a few queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from amity.engines.cadence import cadence_for
from amity.engines.drafts import DraftFacts, LifeEventFacts, NoteFacts
from amity.engines.follow_ups import MEETING_KINDS as FOLLOW_UP_KINDS
from amity.errors import UsageError
from amity.model import Circle, LifeEventKind
from amity.service.settings import preferences
from amity.store import Row, Store, as_date
from amity.store import draft_facts as facts_store

RECENT_NOTES = 5
# Kinds of interaction that are a meeting: the draft says where and when you met.
MEETING_KINDS = tuple(sorted(kind.value for kind in FOLLOW_UP_KINDS))


def facts_for(store: Store, person_id: int, today: date) -> DraftFacts:
    found = facts_for_many(store, [person_id], today)
    if person_id not in found:
        raise UsageError(f"no person has id {person_id}")
    return found[person_id]


def facts_for_many(store: Store, ids: Sequence[int], today: date) -> dict[int, DraftFacts]:
    wanted = sorted(set(ids))
    out: dict[int, DraftFacts] = {}
    for start in range(0, len(wanted), 400):
        chunk = wanted[start : start + 400]
        out.update(_facts(store, chunk, today))
    return out


def _facts(store: Store, ids: list[int], today: date) -> dict[int, DraftFacts]:
    people = facts_store.people_for_drafts(store, ids)
    recent, meetings = _latest(store, ids)
    cadences = preferences.circle_cadences(store)
    gave = _first_per_person(facts_store.received_newest_first(store, ids))
    events = _first_per_person(facts_store.life_events_newest_first(store, ids))
    return {
        int(p["id"]): _one(
            p,
            recent.get(int(p["id"]), []),
            meetings.get(int(p["id"]), []),
            gave.get(int(p["id"])),
            events.get(int(p["id"])),
            today,
            cadences,
        )
        for p in people
    }


def _latest(store: Store, ids: list[int]) -> tuple[dict[int, list[Row]], dict[int, list[Row]]]:
    """Each person's latest RECENT_NOTES interactions and their latest two meetings (the
    latest, and one before), newest first: picked by the database, then read."""
    picked: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for person_id, interaction_id, meeting in facts_store.latest_interactions_of(
        store, ids, RECENT_NOTES, MEETING_KINDS, 2
    ):
        latest, met = picked[person_id]
        (met if meeting else latest).append(interaction_id)
    wanted = sorted({i for latest, met in picked.values() for i in (*latest, *met)})
    text = {int(r["id"]): r for r in facts_store.interaction_texts(store, wanted)}
    recent = {p: [text[i] for i in r] for p, (r, _) in picked.items()}
    meetings = {p: [text[i] for i in m] for p, (_, m) in picked.items()}
    return recent, meetings


def _first_per_person(rows: list[Row]) -> dict[int, Row]:
    first: dict[int, Row] = {}
    for row in rows:
        first.setdefault(int(row["person_id"]), row)
    return first


def _one(
    person: Row,
    recent: list[Row],
    meetings: list[Row],
    gave: Row | None,
    event: Row | None,
    today: date,
    cadences: dict[Circle, int | None],
) -> DraftFacts:
    met = meetings[0] if meetings else None
    life: Any = None
    if event is not None:
        life = LifeEventFacts(
            LifeEventKind(event["kind"]), person["organization"], person["title"], event["detail"]
        )
    return DraftFacts(
        name=person["name"],
        given_name=person["given_name"],
        nickname=person["nickname"],
        where_met=(met["place"] if met and met["place"] else person["where_met"]),
        met_on=as_date(met["occurred_on"]) if met else None,
        topic=(met["summary"] if met else "") or "",
        notes=[
            NoteFacts(
                as_date(r["occurred_on"]) or today, "", r["summary"], r["notes"], r["learned"]
            )
            for r in recent
        ],
        gave=(gave["what"] if gave else "") or "",
        life_event=life,
        person_id=int(person["id"]),
        known=_known_before(person, met),
        met_before=len(meetings) > 1,
        last_contact_on=as_date(person["last_contact_on"]),
        cadence_days=cadence_for(person["circle"], person["cadence_days"], cadences),
        interests=person["interests"] or "",
        needs=person["needs"] or "",
        organization=person["organization"] or "",
    )


def _known_before(person: Row, met: Row | None) -> bool:
    """In touch before the latest meeting: its draft says "good to see you again"."""
    first = as_date(person["first_contact_on"])
    met_on = as_date(met["occurred_on"]) if met else None
    return first is not None and met_on is not None and first < met_on
