"""A goal's rules: which people its targets stand for, where its progress counts from, the
short warm paths the agenda offers, and on which days the agenda brings a goal up.

Pure functions of plain data and an explicit `today`; `amity.service.goals` and
`amity.service.agenda_goals` read the rows and call them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from amity.engines.organizations import organization_key

# A goal set before Amity kept the day a goal was set (migration 0009) counts its progress
# over the last this many days: about a season, long enough to show what moved.
UNDATED_LOOKBACK_DAYS = 90
# The agenda brings a goal up at most every this many days (each goal on its own days, so
# two goals take turns), and only when nothing was done for it for QUIET_DAYS: no contact
# with its people, no goal item done or skipped.
GOAL_EVERY_DAYS = 3
QUIET_DAYS = 14
# Kinds of interaction that are a meeting (a conversation), not a message.
MEETING_KINDS = frozenset({"met", "coffee", "call", "video", "meeting", "event"})
# A contact you know this well is a path on their own: write to them. Below it, an
# introduction through someone you know better is the stronger ask.
DIRECT_STRENGTH = 40


def progress_start(created_on: date | None, today: date) -> tuple[date, bool]:
    """The day progress counts from, and whether it is the goal's own day (False: a goal
    set before its day was kept, counted over the last UNDATED_LOOKBACK_DAYS)."""
    if created_on is not None:
        return created_on, True
    return today - timedelta(days=UNDATED_LOOKBACK_DAYS), False


def days_left(due_on: date | None, today: date) -> int | None:
    """Days from today to the due day (0 on the day, negative once past); None undated."""
    return None if due_on is None else (due_on - today).days


def companies_named(text: str, organizations: Iterable[tuple[int, str]]) -> list[int]:
    """The organisations a company target names: the same name up to case, punctuation and
    legal suffixes ("Plaid, Inc." for Plaid); else, when exactly one company's name begins
    with its words ("Sequoia" for Sequoia Capital), that one. As `amity path --to-company`."""
    key = organization_key(text)
    if not key:
        return []
    known = list(organizations)
    same = [oid for oid, name in known if organization_key(name) == key]
    if same:
        return same
    starting = [(oid, organization_key(name)) for oid, name in known]
    starting = [(oid, found) for oid, found in starting if found.startswith(key + " ")]
    if len({found for _, found in starting}) == 1:
        return [oid for oid, _ in starting]
    return []


def company_prefix(text: str) -> str:
    """The first word of a company's name as its organisations' `name_key` begins: the
    range of names `companies_named` chooses from."""
    key = organization_key(text)
    return key.split()[0] if key else ""


def role_pattern(text: str) -> re.Pattern[str]:
    """A title holds a role when it has the role's words, in order, as whole words: "data
    engineer" is a Senior Data Engineer, not a Database Engineer (as `amity path --to-role`)."""
    words = [re.escape(word) for word in text.split()]
    return re.compile(r"\b" + r"\W+".join(words) + r"\b", re.IGNORECASE)


def is_new(created_on: date | None, first_contact_on: date | None, since: date) -> bool:
    """Someone is new to you since `since` when you added them or were first in touch then."""
    return any(day is not None and day >= since for day in (created_on, first_contact_on))


@dataclass(frozen=True, slots=True)
class ShortPath:
    """A warm path of one or two links: `via` is None when you know the target yourself."""

    target_id: int
    via_id: int | None
    strength: float  # 0-1, the product of the links' strengths


def best_short_path(
    targets: Sequence[int],
    yours: Mapping[int, int],
    ties: Iterable[tuple[int, int, int]],
    used: Collection[tuple[int, int | None]] = (),
) -> ShortPath | None:
    """The strongest path to one of `targets` of at most two links: you know the target
    (your strength, 0-100, in `yours`) at DIRECT_STRENGTH or more, or you know someone who
    is tied to them (`ties`: target, other, tie strength). A path in `used` (target, via)
    was offered and acted on already: it is not offered again. Ties between two targets do
    not count (a colleague of the target is no introduction to the company). Ties are
    broken by the lower ids."""
    wanted = set(targets)
    best: ShortPath | None = None
    for target in sorted(wanted):
        mine = yours.get(target, 0)
        if mine >= DIRECT_STRENGTH and (target, None) not in used:
            best = _stronger(best, ShortPath(target, None, mine / 100))
    for target, other, strength in ties:
        if other in wanted or target not in wanted or (target, other) in used:
            continue
        mine = yours.get(other, 0)
        if mine > 0:
            best = _stronger(best, ShortPath(target, other, mine * strength / 10_000))
    return best


def _stronger(best: ShortPath | None, found: ShortPath) -> ShortPath:
    if best is None or found.strength > best.strength:
        return found
    if found.strength == best.strength and (found.target_id, found.via_id or 0) < (
        best.target_id,
        best.via_id or 0,
    ):
        return found
    return best


def goal_turns(goal_ids: Sequence[int], today: date) -> list[int]:
    """The goals the agenda may bring up today, the one whose turn it is first: nothing
    except every GOAL_EVERY_DAYS days, and then the goals take turns (the first goal on one
    such day, the second on the next...), so the same goal does not come back each time."""
    ordinal = today.toordinal()
    if not goal_ids or ordinal % GOAL_EVERY_DAYS:
        return []
    ordered = sorted(goal_ids)
    turn = (ordinal // GOAL_EVERY_DAYS) % len(ordered)
    return ordered[turn:] + ordered[:turn]


def is_quiet(last_activity: date | None, today: date) -> bool:
    """Nothing was done for the goal over the last QUIET_DAYS days."""
    return last_activity is None or (today - last_activity).days >= QUIET_DAYS


def waiting_since(set_on: date | None, last_acted: date | None, today: date) -> date:
    """Since when a goal has waited for a step: the day it was set, or QUIET_DAYS after
    its last agenda item was acted on (the later); today for a goal of unknown age."""
    days = [set_on or today]
    if last_acted is not None:
        days.append(last_acted + timedelta(days=QUIET_DAYS))
    return min(max(days), today)


def goal_label(title: str) -> str:
    """How the agenda names a goal: its title in quotes, lower-cased after a capital."""
    text = " ".join(title.split())
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return f"\u201c{text}\u201d"
