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


def interactions_of(store: Store, ids: Sequence[int]) -> list[Row]:
    """Every interaction of these people, narrow (person_id, id, occurred_on, kind): a
    draft picks the few it speaks of (`interaction_texts`), without sorting wide rows."""
    return store.db.query(
        "SELECT ip.person_id, i.id, i.occurred_on, i.kind FROM interaction_participant ip "
        "JOIN interaction i ON i.id = ip.interaction_id "
        f"WHERE ip.owner_id = ? AND ip.person_id IN {_in(ids)}",
        (store.owner_id, *ids),
    )


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
