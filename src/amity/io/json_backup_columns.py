"""The tables of a backup and their columns: each column's kind, and how a value of that kind
is checked.

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


# Every table of an account except `account` itself, in an order that satisfies foreign
# keys (person.met_through_id is set after all people exist). `owner_id` is implied.
_SPECS = {
    "organization": "id:int name:indexed name_key:indexed domain",
    "tag": "id:int name:indexed",
    "person": "id:int name:name name_key given_name family_name nickname headline location "
    "birthday_month:int? birthday_day:int? birthday_year:int? how_met where_met "
    "met_through_id:int? circle:circle cadence_days:cadence? about needs offers interests "
    "archived:bool "
    "created_on:date deleted_on:date? missing_since:date? organization title "
    "first_contact_on:date? last_contact_on:date? last_outbound_on:date? interaction_count:int "
    "inbound_count:int outbound_count:int depth_total:real next_due_on:date? strength:int",
    "contact_point": "id:int person_id:int kind:contact value normalized:key label",
    "position": "id:int person_id:int organization_id:int title start_on:date? end_on:date? source",
    "person_tag": "person_id:int tag_id:int",
    "event": "id:int name starts_on:date ends_on:date? place purpose goals pitch notes "
    "status:event_status starts_at source source_key created_on:date? debriefed_on:date?",
    "event_target": "id:int event_id:int kind:target value",
    "interaction": "id:int kind:interaction direction:direction occurred_on:date summary notes "
    "learned promises place event_id:int? source source_key created_at client_id:text?",
    "interaction_participant": "interaction_id:int person_id:int",
    "tie": "id:int person_a_id:int person_b_id:int kind:tie strength:int source since:date? "
    "state:tie_state why",
    "life_event": "id:int person_id:int kind:life_event occurred_on:date detail source",
    "reminder": "id:int person_id:int? kind:reminder key reason detail due_on:date "
    "state:reminder_state "
    "snoozed_until:date? closed_on:date? interaction_id:int?",
    "reminder_delivery": "id:int channel for_day:date sent_at detail",
    "ledger_entry": "id:int person_id:int direction:ledger_direction kind:ledger what "
    "occurred_on:date",
    "event_attendance": "id:int event_id:int person_id:int role notes",
    "goal": "id:int title detail target_organization due_on:date? status:goal_status event_id:int? "
    "created_on:date? closed_on:date?",
    "goal_target": "id:int goal_id:int kind:target value person_id:int?",
    "event_goal": "event_id:int goal_id:int",
    "person_photo": "person_id:int media_type data:base64 width:int height:int digest source",
    "opportunity": "id:int title description organization person_id:int? created_on:date "
    "closed:bool kind:opportunity for_me:bool outcome",
    "referral": "id:int opportunity_id:int person_id:int role:referral_role on_date:date outcome",
    "introduction": "id:int person_a_id:int person_b_id:int reason state:introduction_state "
    "created_on:date updated_on:date asked_a_on:date? a_agreed_on:date? asked_b_on:date? "
    "b_agreed_on:date? introduced_on:date? done_on:date? declined_on:date? declined_by outcome",
    "source_record": "id:int person_id:int? source source_key:key fingerprint payload "
    "first_seen_on:date last_seen_on:date missing_since:date?",
    "dismissed_pair": "id:int person_a_id:int person_b_id:int dismissed_on:date",
    "change_set": "id:int kind summary created_at undone:bool payload",
    "setting": "key value",
}
TABLES: dict[str, Table] = {name: parse_table(name, spec) for name, spec in _SPECS.items()}
ACCOUNT = parse_table("account", "name email created_at")
