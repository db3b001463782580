"""What a draft message could mention, read for many people in a few queries."""

from __future__ import annotations

from collections.abc import Sequence

from amity.store.database import Row
from amity.store.handle import Store

# Life events a draft mentions ("congrats on the new job", "how is the new city").
DRAFT_LIFE_EVENTS = ("new_job", "promotion", "moved", "other")


# `+owner_id` (a unary plus) keeps SQLite on the person index: the owner is a filter there,
# not the way in (the owner's index would read all of the account's life events).


def _in(values: Sequence[object]) -> str:
    return f"({', '.join('?' * len(values))})"


def people_for_drafts(store: Store, ids: Sequence[int]) -> list[Row]:
    """The fields of each person a draft speaks of."""
    return store.db.query(
        "SELECT id, name, given_name, nickname, where_met, organization, title, interests, "
        "needs, circle, cadence_days, first_contact_on, last_contact_on FROM person "
        f"WHERE owner_id = ? AND id IN {_in(ids)}",
        (store.owner_id, *ids),
    )


# People per statement: two subqueries each, under SQLite's 500 of a compound SELECT.
_PEOPLE_PER_READ = 100


def latest_interactions_of(
    store: Store, ids: Sequence[int], recent: int, meeting_kinds: Sequence[str], meetings: int
) -> list[tuple[int, int, bool]]:
    """Each person's latest `recent` interactions and, apart, their latest `meetings`
    meetings (kinds in `meeting_kinds`), newest first (the later id first on a day), as
    (person_id, interaction id, from the meetings): each a short backward range of the
    (person, day) index, however long a person's history."""
    found: list[tuple[int, int, bool]] = []
    for start in range(0, len(ids), _PEOPLE_PER_READ):
        found += _latest(
            store, ids[start : start + _PEOPLE_PER_READ], recent, meeting_kinds, meetings
        )
    return found


def _latest(
    store: Store, ids: Sequence[int], recent: int, meeting_kinds: Sequence[str], meetings: int
) -> list[tuple[int, int, bool]]:
    if not ids:
        return []
    newest = "ORDER BY ip.occurred_on DESC, ip.interaction_id DESC LIMIT ?"
    kinds = _in(meeting_kinds)
    parts: list[str] = []
    params: list[object] = []
    for n, person_id in enumerate(ids):
        parts.append(
            "SELECT * FROM (SELECT ip.person_id, ip.interaction_id, ip.occurred_on, 0 AS met "
            "FROM interaction_participant ip WHERE ip.person_id = ? AND ip.owner_id = ? "
            f"{newest}) r{n}"
        )
        parts.append(
            "SELECT * FROM (SELECT ip.person_id, ip.interaction_id, ip.occurred_on, 1 AS met "
            "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE ip.person_id = ? AND ip.owner_id = ? AND i.kind IN {kinds} {newest}) m{n}"
        )
        params += [person_id, store.owner_id, recent]
        params += [person_id, store.owner_id, *meeting_kinds, meetings]
    rows = store.db.rows(" UNION ALL ".join(parts) + " ORDER BY 1, 4, 3 DESC, 2 DESC", params)
    return [
        (int(person_id), int(interaction_id), bool(met))
        for person_id, interaction_id, _, met in rows
    ]


def interaction_texts(store: Store, ids: Sequence[int]) -> list[Row]:
    """What these interactions say: id, occurred_on, summary, notes, learned, place."""
    if not ids:
        return []
    return store.db.query(
        "SELECT id, occurred_on, summary, notes, learned, place FROM interaction "
        f"WHERE owner_id = ? AND id IN {_in(ids)}",
        (store.owner_id, *ids),
    )


def received_newest_first(store: Store, ids: Sequence[int]) -> list[Row]:
    """What these people gave you (person_id, what), newest first."""
    return store.db.query(
        "SELECT person_id, what FROM ledger_entry WHERE owner_id = ? AND direction = 'received' "
        f"AND person_id IN {_in(ids)} ORDER BY occurred_on DESC, id DESC",
        (store.owner_id, *ids),
    )


def life_events_newest_first(store: Store, ids: Sequence[int]) -> list[Row]:
    """Their life events a draft mentions (person_id, kind, detail), newest first."""
    return store.db.query(
        "SELECT person_id, kind, detail FROM life_event WHERE +owner_id = ? "
        f"AND kind IN {_in(DRAFT_LIFE_EVENTS)} AND person_id IN {_in(ids)} "
        "ORDER BY occurred_on DESC, id DESC",
        (store.owner_id, *DRAFT_LIFE_EVENTS, *ids),
    )
