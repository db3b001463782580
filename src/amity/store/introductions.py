"""Introductions you make between two of your people, each step dated on its row.

One row per introduction (migration 0008): `person_a_id` is asked first, `state` says where
it stands, and each step's day is its own column (`asked_a_on` ... `declined_on`). The same
pair may have several rows over the years (a declined or done one may be proposed again),
at most one of them open: the service checks it before it writes.
"""

from __future__ import annotations

from amity.model.enums import IntroductionState
from amity.model.network import Introduction
from amity.store.database import Row, as_date
from amity.store.handle import Store

STEP_COLUMNS = (
    "asked_a_on",
    "a_agreed_on",
    "asked_b_on",
    "b_agreed_on",
    "introduced_on",
    "done_on",
    "declined_on",
)
CLOSED = (IntroductionState.DONE.value, IntroductionState.DECLINED.value)
_PERSON = "name, given_name, nickname, title, organization, headline, strength, archived"
_SELECT = (
    "SELECT i.id, i.person_a_id, i.person_b_id, i.reason, i.state, i.created_on, i.updated_on, "
    + ", ".join(f"i.{c}" for c in STEP_COLUMNS)
    + ", i.declined_by, i.outcome, "
    + ", ".join(f"pa.{c} AS a_{c}" for c in _PERSON.split(", "))
    + ", "
    + ", ".join(f"pb.{c} AS b_{c}" for c in _PERSON.split(", "))
    + " FROM introduction i "
    "JOIN person pa ON pa.id = i.person_a_id AND pa.owner_id = i.owner_id "
    "AND pa.deleted_on IS NULL "
    "JOIN person pb ON pb.id = i.person_b_id AND pb.owner_id = i.owner_id "
    "AND pb.deleted_on IS NULL "
)


def add_introduction(store: Store, a: int, b: int, reason: str, on: str) -> int:
    """A proposed introduction of `a` (asked first) and `b`; its id."""
    return store.db.insert(
        "INSERT INTO introduction (owner_id, person_a_id, person_b_id, reason, state, "
        "created_on, updated_on, declined_by, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, '', '')",
        (store.owner_id, a, b, reason, IntroductionState.PROPOSED.value, on, on),
    )


def introduction(store: Store, intro_id: int) -> Row | None:
    """One introduction with both people's names and facts (`a_name`, `b_title`, ...), or
    None when the account has none of that id or one of its people is in the trash."""
    return store.db.one(_SELECT + "WHERE i.owner_id = ? AND i.id = ?", (store.owner_id, intro_id))


def introductions(store: Store, *, closed: bool = False) -> list[Row]:
    """The account's introductions whose people are not in the trash, newest first: the
    open ones, or all of them with `closed`."""
    only = "" if closed else f"AND i.state NOT IN ({', '.join('?' * len(CLOSED))}) "
    return store.db.query(
        _SELECT + f"WHERE i.owner_id = ? {only}ORDER BY i.created_on DESC, i.id DESC",
        (store.owner_id, *(() if closed else CLOSED)),
    )


def waiting(store: Store) -> list[Row]:
    """Open introductions between two living people (neither archived nor in the trash):
    what the agenda looks at. An indexed range on (owner_id, state)."""
    return store.db.query(
        _SELECT + f"WHERE i.owner_id = ? AND i.state NOT IN ({', '.join('?' * len(CLOSED))}) "
        "AND pa.archived = ? AND pb.archived = ? ORDER BY i.id",
        (store.owner_id, *CLOSED, False, False),
    )


def open_between(store: Store, a: int, b: int) -> Row | None:
    """The open introduction of these two people (in either order), or None: `id`, `state`."""
    return store.db.one(
        "SELECT id, state FROM introduction WHERE owner_id = ? "
        "AND ((person_a_id = ? AND person_b_id = ?) OR (person_a_id = ? AND person_b_id = ?)) "
        f"AND state NOT IN ({', '.join('?' * len(CLOSED))}) ORDER BY id LIMIT 1",
        (store.owner_id, a, b, b, a, *CLOSED),
    )


def save_step(store: Store, intro: Introduction, was: IntroductionState) -> int:
    """Write the introduction's state, step days, decliner and outcome, if it still stands
    at `was` (else nothing: someone moved it meanwhile). The number of rows changed."""
    days = [getattr(intro, c) for c in STEP_COLUMNS]
    return store.db.execute(
        "UPDATE introduction SET state = ?, updated_on = ?, "
        + ", ".join(f"{c} = ?" for c in STEP_COLUMNS)
        + ", declined_by = ?, outcome = ? WHERE owner_id = ? AND id = ? AND state = ?",
        (
            intro.state.value,
            intro.updated_on.isoformat() if intro.updated_on else None,
            *(d.isoformat() if d else None for d in days),
            intro.declined_by,
            intro.outcome,
            store.owner_id,
            intro.id,
            was.value,
        ),
    )


def to_introduction(row: Row) -> Introduction:
    """The model of a row read by this module."""
    return Introduction(
        person_a_id=int(row["person_a_id"]),
        person_b_id=int(row["person_b_id"]),
        reason=str(row["reason"] or ""),
        state=IntroductionState(row["state"]),
        created_on=as_date(row["created_on"]),
        updated_on=as_date(row["updated_on"]),
        declined_by=str(row["declined_by"] or ""),
        outcome=str(row["outcome"] or ""),
        id=int(row["id"]),
        asked_a_on=as_date(row["asked_a_on"]),
        a_agreed_on=as_date(row["a_agreed_on"]),
        asked_b_on=as_date(row["asked_b_on"]),
        b_agreed_on=as_date(row["b_agreed_on"]),
        introduced_on=as_date(row["introduced_on"]),
        done_on=as_date(row["done_on"]),
        declined_on=as_date(row["declined_on"]),
    )
