"""Opportunities (a job, a project, a talk, a podcast, a collaboration) and their referrals.

An opportunity is either for you (`for_me`: a role you are after) or for others (one you
could pass on); `person_id` is who it came from, if anyone. A referral ties one to a person
with a role: `passed_to` (you passed an opportunity for others to them) or `referred_me`
(they referred you for one of yours), unique per opportunity, person and role.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.store.database import Row
from amity.store.handle import Store

_COLUMNS = (
    "o.id, o.title, o.description, o.organization, o.person_id, p.name AS person_name, "
    "o.created_on, o.closed, o.kind, o.for_me, o.outcome"
)
# Who it came from, unless they are in the trash (then it came from no one you can see).
_FROM = (
    "LEFT JOIN person p ON p.id = o.person_id AND p.owner_id = o.owner_id AND p.deleted_on IS NULL"
)


@dataclass(frozen=True, slots=True)
class NewOpportunity:
    """An opportunity as written."""

    title: str
    description: str
    organization: str
    person_id: int | None
    created_on: date
    kind: str
    for_me: bool


def add_opportunity(store: Store, new: NewOpportunity) -> int:
    """Write an open opportunity; its id."""
    return store.db.insert(
        "INSERT INTO opportunity (owner_id, title, description, organization, person_id, "
        "created_on, closed, kind, for_me, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            store.owner_id,
            new.title,
            new.description,
            new.organization,
            new.person_id,
            new.created_on.isoformat(),
            False,
            new.kind,
            new.for_me,
            "",
        ),
    )


def opportunity(store: Store, opportunity_id: int) -> Row | None:
    """The account's opportunity with this id: `id`, `title`, `description`,
    `organization`, `person_id`, `person_name` (None when no one or someone in the trash),
    `created_on`, `closed`, `kind`, `for_me`, `outcome`, `referrals` (how many)."""
    return store.db.one(
        f"SELECT {_COLUMNS}, {_REFERRAL_COUNT} FROM opportunity o {_FROM} "
        "WHERE o.owner_id = ? AND o.id = ?",
        (store.owner_id, opportunity_id),
    )


_REFERRAL_COUNT = (
    "(SELECT count(*) FROM referral r JOIN person rp ON rp.id = r.person_id "
    "AND rp.owner_id = r.owner_id AND rp.deleted_on IS NULL "
    "WHERE r.owner_id = o.owner_id AND r.opportunity_id = o.id) AS referrals"
)


def opportunities(store: Store, *, closed: bool) -> list[Row]:
    """The account's opportunities, open ones first, newest first within each (with the
    closed ones only when `closed`); the columns of `opportunity`."""
    where = "" if closed else "AND o.closed = ? "
    params: tuple[Any, ...] = (store.owner_id,) if closed else (store.owner_id, False)
    return store.db.query(
        f"SELECT {_COLUMNS}, {_REFERRAL_COUNT} FROM opportunity o {_FROM} "
        f"WHERE o.owner_id = ? {where}"
        "ORDER BY CASE WHEN o.closed THEN 1 ELSE 0 END, o.created_on DESC, o.id DESC",
        params,
    )


EDITABLE = ("title", "description", "organization", "person_id", "kind", "for_me")


def update_opportunity(store: Store, opportunity_id: int, changes: dict[str, object]) -> int:
    """Set these columns (of `EDITABLE`) of one opportunity; rows changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if not changes:
        return 0
    columns = list(changes)
    sets = ", ".join(f"{column} = ?" for column in columns)
    return store.db.execute(
        f"UPDATE opportunity SET {sets} WHERE owner_id = ? AND id = ?",
        (*[changes[c] for c in columns], store.owner_id, opportunity_id),
    )


def close_opportunity(store: Store, opportunity_id: int, outcome: str) -> int:
    """Close it with this outcome; rows changed."""
    return store.db.execute(
        "UPDATE opportunity SET closed = ?, outcome = ? WHERE owner_id = ? AND id = ?",
        (True, outcome, store.owner_id, opportunity_id),
    )


# --- referrals ----------------------------------------------------------------------------


def add_referral(
    store: Store, opportunity_id: int, person_id: int, role: str, on_date: date
) -> int:
    """Write a referral; its id (the caller checks there is none for the same three)."""
    return store.db.insert(
        "INSERT INTO referral (owner_id, opportunity_id, person_id, role, on_date, outcome) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (store.owner_id, opportunity_id, person_id, role, on_date.isoformat(), ""),
    )


def referral(store: Store, opportunity_id: int, person_id: int, role: str) -> Row | None:
    """The referral of this opportunity, person and role: `id`, `on_date`, `outcome`."""
    return store.db.one(
        "SELECT id, on_date, outcome FROM referral "
        "WHERE owner_id = ? AND opportunity_id = ? AND person_id = ? AND role = ?",
        (store.owner_id, opportunity_id, person_id, role),
    )


def referrals(store: Store, opportunity_id: int) -> list[Row]:
    """The opportunity's referrals to people not in the trash, oldest first: `id`,
    `person_id`, `name`, `role`, `on_date`, `outcome`."""
    return store.db.query(
        "SELECT r.id, r.person_id, p.name, r.role, r.on_date, r.outcome FROM referral r "
        "JOIN person p ON p.id = r.person_id AND p.owner_id = r.owner_id "
        "AND p.deleted_on IS NULL "
        "WHERE r.owner_id = ? AND r.opportunity_id = ? ORDER BY r.on_date, r.id",
        (store.owner_id, opportunity_id),
    )


def referred_ids(store: Store, opportunity_id: int) -> set[int]:
    """Everyone the opportunity already went to or came through (any role)."""
    rows = store.db.query(
        "SELECT person_id FROM referral WHERE owner_id = ? AND opportunity_id = ?",
        (store.owner_id, opportunity_id),
    )
    return {int(r["person_id"]) for r in rows}


def set_referral_outcome(store: Store, referral_id: int, outcome: str) -> int:
    """Write what came of a referral; rows changed."""
    return store.db.execute(
        "UPDATE referral SET outcome = ? WHERE owner_id = ? AND id = ?",
        (outcome, store.owner_id, referral_id),
    )


# --- who an opportunity could suit --------------------------------------------------------


def profiles(store: Store) -> Iterator[tuple[int, str, str, str, str, str, str]]:
    """Every living person (neither archived nor in the trash) with something to match:
    `(id, name, needs, offers, interests, title, headline)`, streamed as plain tuples."""
    return store.db.rows(
        "SELECT id, name, needs, offers, interests, title, headline FROM person "
        "WHERE owner_id = ? AND archived = ? AND deleted_on IS NULL "
        "AND (needs <> '' OR offers <> '' OR interests <> '' OR title <> '' "
        "OR headline <> '')",
        (store.owner_id, False),
    )
