"""The agenda's goal item: "For your goal “backend role at a fintech”, Ana Ruiz can
introduce you to Lee Park at Plaid", with the ask drafted.

At most one goal item a day, and only every few days, the active goals taking turns
(`amity.engines.goal_progress.goal_turns`); a goal is brought up only when nothing was done
for it lately (no goal item done or skipped for two weeks; a path whose people you were in
touch with since the goal was set, in those two weeks, is passed over) and
a short warm path to one of its people exists. The path is found here with a few indexed
reads from the 100 people you know best (those at a target company, and their ties to
someone there), not by the warm-path search, which loads the whole network: `amity today`
stays fast. Role targets
are left to `amity goal show` (a role means reading every title).

The item is due since the goal has waited for a step (the day it was set, or two weeks
after its last item was acted on), so it ranks with the check-ins by how long it waited.
The item is keyed `goal:GOAL:TARGET:VIA` (VIA 0 when you know the target): done or skipped,
that path is not offered again; the next one is, on a later turn. It expires the same day:
a goal item that did not fit the day's budget waits for the goal's next turn.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING

from amity.engines import goal_progress as rules
from amity.model.enums import ReminderKind, TargetKind
from amity.store import Row, Store, as_date
from amity.store import goal_reads as reads

if TYPE_CHECKING:
    from amity.engines.agenda import AgendaItem

PREFIX = "goal:"
# Paths start from the people you know best (the strongest link is almost always one of
# them), so the reads are bounded however large the target company is; a path whose people
# you were in touch with lately is passed over, up to TRIES times.
KNOWN_BEST = 100
TRIES = 5


def goal_items(store: Store, today: date) -> list[AgendaItem]:
    """Today's goal item, if today is a goal's turn and it has a path (a list of 0 or 1)."""
    targets: dict[int, list[Row]] = defaultdict(list)
    for row in reads.active_targets(store):
        targets[int(row["goal_id"])].append(row)
    turns = rules.goal_turns(list(targets), today)
    if not turns:
        return []
    states = reads.goal_item_states(store)
    for goal_id in turns:
        item = _item(store, goal_id, targets[goal_id], states, today)
        if item is not None:
            return [item]
    return []


def _item(
    store: Store,
    goal_id: int,
    rows: list[Row],
    states: list[tuple[str, str, date | None]],
    today: date,
) -> AgendaItem | None:
    acted = [closed for key, _, closed in states if key.startswith(f"{PREFIX}{goal_id}:")]
    last = max([day for day in acted if day is not None], default=None)
    if not rules.is_quiet(last, today):
        return None
    organizations, named = _targets(store, rows)
    best = reads.strongest(store, KNOWN_BEST)
    mine = dict(best) | {
        pid: strength for pid, (_, strength) in reads.strengths(store, named).items()
    }
    targets = reads.working_at(store, mine, organizations) | (set(named) & set(mine))
    links = reads.ties_of(store, [pid for pid, _ in best])
    others = {other for _, other, _, _, _ in links}
    targets |= reads.working_at(store, others - targets, organizations)
    ties = [(other, via, strength) for via, other, strength, _, _ in links if other in targets]
    used = _used(goal_id, states)
    set_on = as_date(rows[0]["created_on"])
    for _ in range(TRIES):
        path = rules.best_short_path(sorted(targets), mine, ties, used)
        if path is None:
            return None
        if _untouched(store, path, set_on, today):
            due = rules.waiting_since(set_on, last, today)
            return _made(store, (goal_id, str(rows[0]["title"])), path, mine, due, today)
        used.add((path.target_id, path.via_id))
    return None


def _untouched(store: Store, path: rules.ShortPath, set_on: date | None, today: date) -> bool:
    """Nothing done along this path lately: neither you and the target nor you and the
    person between were in touch since the goal was set, over the last QUIET_DAYS."""
    found = reads.last_contacts(store, [path.target_id, path.via_id or path.target_id])
    recent = [day for day in found.values() if set_on is None or day >= set_on]
    return rules.is_quiet(max(recent, default=None), today)


def _made(
    store: Store,
    goal: tuple[int, str],
    path: rules.ShortPath,
    mine: dict[int, int],
    due: date,
    today: date,
) -> AgendaItem:
    from amity.engines.agenda import make_item

    people = {int(r["id"]): r for r in reads.people(store, [path.target_id, path.via_id or 0])}
    target = str(people[path.target_id]["name"])
    at = str(people[path.target_id]["organization"] or "")
    at = f" at {at}" if at else ""
    goal_id, label = goal[0], rules.goal_label(goal[1])
    if path.via_id is None:
        asked_id, reason = path.target_id, f"For your goal {label}, ask {target}{at} for a chat"
    else:
        asked_id = path.via_id
        via = str(people[path.via_id]["name"])
        reason = f"For your goal {label}, {via} can introduce you to {target}{at}"
    return make_item(
        ReminderKind.CHECK_IN,
        f"{PREFIX}{goal_id}:{path.target_id}:{path.via_id or 0}",
        asked_id,
        str(people[asked_id]["name"]),
        due,
        reason,
        strength=mine.get(asked_id, 0),
        expires=today,
    )


def _targets(store: Store, rows: list[Row]) -> tuple[list[int], list[int]]:
    """The goal's company targets' organisations, and its person targets."""
    organizations: list[int] = []
    for row in rows:
        if row["kind"] == TargetKind.COMPANY.value:
            value = str(row["value"])
            known = reads.organizations_starting(store, rules.company_prefix(value))
            organizations += rules.companies_named(value, known)
    named = [int(row["person_id"]) for row in rows if row["person_id"] is not None]
    return sorted(set(organizations)), sorted(set(named))


def _used(goal_id: int, states: list[tuple[str, str, date | None]]) -> set[tuple[int, int | None]]:
    used: set[tuple[int, int | None]] = set()
    for key, state, _ in states:
        parts = key.split(":")
        mine = len(parts) == 4 and parts[1] == str(goal_id) and state in ("done", "skipped")
        if mine and parts[2].isdecimal() and parts[3].isdecimal():
            used.add((int(parts[2]), int(parts[3]) or None))
    return used


def goal_draft(store: Store, key: str, today: date) -> str | None:
    """The ask a goal item's key stands for (None for any other key): to the person between
    you and the target, an introduction; to the target you know, a conversation."""
    parts = key.split(":")
    if len(parts) != 4 or parts[0] != PREFIX[:-1] or not all(p.isdecimal() for p in parts[1:]):
        return None
    from amity.engines.draft_intro import AskReason, ask_for_intro
    from amity.service.settings import preferences

    target_id, via_id = int(parts[2]), int(parts[3])
    found = {int(row["id"]): row for row in reads.people(store, [target_id, via_id])}
    if target_id not in found or (via_id and via_id not in found):
        return None
    target = found[target_id]
    at = str(target["organization"] or "")
    reason = AskReason(f"someone at {at}", at) if at else AskReason()
    chain = (str(found[via_id]["name"]), str(target["name"])) if via_id else (str(target["name"]),)
    signature = str(preferences.get(store, "signature") or "")
    return ask_for_intro(chain, reason, signature)
