"""A goal's next step: the single most useful concrete thing to do now, in this order.

1. A closed goal has none to take.
2. A goal that names nobody and no company or role: say who it is about.
3. An introduction with someone at a target in it that waits on you: its step (and draft).
4. The strongest warm path: write to the person you know at a target, or ask the first
   person of the path for the introduction (the warm-path search's draft).
5. Nobody at the targets in your network yet: the next event that serves the goal, or
   how to add the first person you meet from there.
6. Past its due day with nothing to do: set a new day or close it.
"""

from __future__ import annotations

from datetime import date

from amity.errors import NotFound
from amity.model.enums import TargetKind
from amity.service.goal_types import GoalProgress, NextStep
from amity.store import Store


def next_step(store: Store, progress: GoalProgress, today: date) -> NextStep:
    goal = progress.goal
    if not goal.is_active:
        return NextStep(f"Nothing: this goal is {goal.status.value}.")
    if not goal.targets:
        return NextStep(
            "Say who this goal is about: "
            f"amity goal edit {goal.id} --company NAME (or --role TEXT, --person NAME)"
        )
    waiting = _your_introduction(store, progress, today)
    if waiting is not None:
        return waiting
    if progress.paths:
        path = progress.paths[0]
        note = f" ({path.note})" if path.note else ""
        if not path.via:
            known = "you have not been in touch yet" if path.first_contact else "you know them"
            text = f"Write to {path.target}{note}: {known}"
        elif len(path.via) == 1:
            text = f"Ask {path.ask} to introduce you to {path.target}{note}"
        else:
            text = (
                f"Ask {path.ask} whether {path.via[1]} would introduce you to {path.target}{note}"
            )
        return NextStep(text, path.ask_id, path.ask, path.draft)
    upcoming = [event for event in progress.events if event.starts_on >= today]
    if upcoming:
        event = upcoming[0]
        return NextStep(f"Go to {event.name} on {event.starts_on.isoformat()}: it serves this goal")
    if not progress.people:
        where = _targets_named(progress)
        return NextStep(
            f"Nobody {where} is in your network yet: note the first one you meet "
            "(amity add NAME --company ...), or plan an event where they will be"
        )
    if goal.days_left is not None and goal.days_left < 0:
        return NextStep(
            f"This goal was due on {goal.due_on}: set a new day "
            f"(amity goal edit {goal.id} --by DATE), or mark it done or dropped"
        )
    return NextStep("Keep in touch with the people at your targets: amity today lists them")


def _your_introduction(store: Store, progress: GoalProgress, today: date) -> NextStep | None:
    from amity.service.introductions import draft_for, get

    for touch in progress.introductions:
        try:
            view = get(store, touch.id, today=today)
        except NotFound:  # pragma: no cover - read in the same breath
            continue
        if view.is_open and view.your_move:
            draft = draft_for(store, view.id, today)
            return NextStep(
                f"Introduction #{view.id}: {view.next_step}",
                draft.person.id,
                draft.person.name,
                draft.text,
            )
    return None


def _targets_named(progress: GoalProgress) -> str:
    goal = progress.goal
    companies = goal.of_kind(TargetKind.COMPANY)
    roles = goal.of_kind(TargetKind.ROLE)
    if companies:
        return "at " + _either(companies)
    if roles:
        return "working as " + _either(roles)
    return "you named"


def _either(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
