"""The columns of a backup's tables: each column's kind, and how a value of that kind is checked.

A kind is a type (`int`, `real`, `bool`, `text`, `date`) or a limit of
`amity.model.limits` (a person's `name`, a `cadence`) or an enum of `amity.model.enums`:
what the CLI and the web refuse to store, `amity restore` refuses to load, so a restored
home holds nothing a page cannot show.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from amity.model.enums import (
    Circle,
    ContactKind,
    Direction,
    EventStatus,
    GoalStatus,
    InteractionKind,
    IntroductionState,
    LedgerDirection,
    LedgerKind,
    LifeEventKind,
    OpportunityKind,
    ReferralRole,
    ReminderKind,
    ReminderState,
    TargetKind,
    TieKind,
    TieState,
)
from amity.model.limits import (
    CADENCE_MAX_DAYS,
    CADENCE_MIN_DAYS,
    INDEXED_MAX,
    LATEST_STORED_DAY,
    NAME_MAX,
    cadence_problem,
    indexed_problem,
    name_problem,
)


def is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_iso_date(value: Any) -> bool:
    """A real YYYY-MM-DD day no later than Amity can plan from (a later one would make
    every agenda overflow the calendar). Earlier days are kept: old records can be old."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10 and day <= LATEST_STORED_DAY


def _is_cadence(value: Any) -> bool:
    return is_id(value) and cadence_problem(value) is None


PHOTO_MAX_BYTES = 1_000_000  # a resized avatar is a few kilobytes; anything near this is not one


def _is_base64(value: Any) -> bool:
    """Base64 text of at most `PHOTO_MAX_BYTES` bytes."""
    if not isinstance(value, str) or len(value) > PHOTO_MAX_BYTES * 4 // 3 + 4:
        return False
    try:
        base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return False
    return True


def _one_of(kind: type[StrEnum]) -> tuple[Callable[[Any], bool], str]:
    values = frozenset(member.value for member in kind)
    return (lambda v: v in values), "one of " + ", ".join(sorted(values))


# Each column kind: how a backup's value is checked, and what to call it when it is wrong.
# The limits are those of `amity.model.limits`, which the CLI and the web enforce too.
KINDS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "int": (is_id, "a whole number"),
    "real": (lambda v: isinstance(v, int | float) and not isinstance(v, bool), "a number"),
    "bool": (lambda v: isinstance(v, bool), "true or false"),
    "text": (lambda v: isinstance(v, str), "text"),
    "base64": (_is_base64, f"base64 text of at most {PHOTO_MAX_BYTES:,} bytes"),
    "date": (_is_iso_date, f"a YYYY-MM-DD date no later than {LATEST_STORED_DAY}"),
    "name": (
        lambda v: isinstance(v, str) and name_problem(v) is None,
        f"a name of 1 to {NAME_MAX} characters",
    ),
    "indexed": (
        lambda v: isinstance(v, str) and indexed_problem(v, "") is None,
        f"text of at most {INDEXED_MAX} characters",
    ),
    "key": (lambda v: isinstance(v, str), "text"),  # made indexable on restore
    "cadence": (_is_cadence, f"a number of days from {CADENCE_MIN_DAYS} to {CADENCE_MAX_DAYS}"),
    "circle": _one_of(Circle),
    "contact": _one_of(ContactKind),
    "interaction": _one_of(InteractionKind),
    "direction": _one_of(Direction),
    "tie": _one_of(TieKind),
    "tie_state": _one_of(TieState),
    "life_event": _one_of(LifeEventKind),
    "reminder": _one_of(ReminderKind),
    "reminder_state": _one_of(ReminderState),
    "ledger_direction": _one_of(LedgerDirection),
    "ledger": _one_of(LedgerKind),
    "event_status": _one_of(EventStatus),
    "goal_status": _one_of(GoalStatus),
    "target": _one_of(TargetKind),
    "introduction_state": _one_of(IntroductionState),
    "opportunity": _one_of(OpportunityKind),
    "referral_role": _one_of(ReferralRole),
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # a key of KINDS
    nullable: bool


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    order_by: tuple[str, ...]  # the key rows are sorted by

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def parse_table(name: str, spec: str) -> Table:
    """`"id:int name title:date?"`: text unless a kind is given; `?` means it may be null.

    Rows sort by id, or by all their columns when the table has no id."""
    columns = []
    for word in spec.split():
        column, _, kind = word.partition(":")
        nullable = kind.endswith("?")
        kind = kind.rstrip("?") or "text"
        if kind not in KINDS:
            raise ValueError(f"{name}.{column}: unknown kind {kind!r}")
        columns.append(Column(column, kind, nullable))
    names = tuple(c.name for c in columns)
    return Table(name, tuple(columns), ("id",) if "id" in names else names)
