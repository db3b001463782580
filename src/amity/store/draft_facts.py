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


def latest_interactions_of(
    store: Store, ids: Sequence[int], recent: int, meeting_kinds: Sequence[str], meetings: int
) -> list[tuple[int, int, bool]]:
    """Each person's latest `recent` interactions and latest `meetings` meetings (kinds in
    `meeting_kinds`), newest first (the later id first on a day), as (person_id,
    interaction id, is a meeting): ranked in the database, so only those rows come back,
    however long a person's history."""
    if not ids:
        return []
    meeting = f"CASE WHEN i.kind IN {_in(meeting_kinds)} THEN 1 ELSE 0 END"
    newest = "ORDER BY i.occurred_on DESC, i.id DESC"
    return [
        (int(person_id), int(interaction_id), bool(is_meeting))
        for person_id, interaction_id, is_meeting in store.db.rows(
            "SELECT person_id, id, meeting FROM ("
            f"SELECT ip.person_id, i.id, i.occurred_on, {meeting} AS meeting, "
            f"ROW_NUMBER() OVER (PARTITION BY ip.person_id {newest}) AS nth, "
            f"ROW_NUMBER() OVER (PARTITION BY ip.person_id, {meeting} {newest}) AS nth_of_kind "
            "FROM interaction_participant ip JOIN interaction i ON i.id = ip.interaction_id "
            f"WHERE ip.owner_id = ? AND ip.person_id IN {_in(ids)}"
            ") ranked WHERE nth <= ? OR (meeting = 1 AND nth_of_kind <= ?) "
            "ORDER BY person_id, occurred_on DESC, id DESC",
            (*meeting_kinds, *meeting_kinds, store.owner_id, *ids, recent, meetings),
        )
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
