"""`amity goal`: set a networking goal with the companies, roles and people it aims at, see
how it is going and the next step, change it, mark it done or drop it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo

if TYPE_CHECKING:
    from amity.service.goal_types import GoalProgress, GoalView
    from amity.store import Store

_LISTING_FLAGS = ("--json", "--all")


class _GoalGroup(click.Group):
    """`amity goal` alone (or with --all/--json) lists the goals."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] in _LISTING_FLAGS:
            args = ["list", *args]
        return super().parse_args(ctx, args)


@click.group("goal", cls=_GoalGroup)
def goal_command() -> None:
    """Networking goals: what you are after, and who or where it leads to.

    `amity goal add "backend role at a fintech" --company Plaid --by 2027-06-30` sets one;
    `amity goal show GOAL` says how it is going and the next step. GOAL is its number or
    (the beginning of) its title. Active goals feed `amity today` and `amity intros`.
    """


def _targets(func: click.decorators.FC) -> click.decorators.FC:
    for option in reversed(
        (
            click.option(
                "--company",
                "companies",
                multiple=True,
                metavar="NAME",
                help="A company it aims at (repeat for more).",
            ),
            click.option(
                "--role",
                "roles",
                multiple=True,
                metavar="TEXT",
                help="A role it aims at, as in a job title (repeat for more).",
            ),
            click.option(
                "--person",
                "people",
                multiple=True,
                metavar="NAME",
                help="Someone in your contacts it aims at (repeat for more).",
            ),
        )
    ):
        func = option(func)
    return func


@goal_command.command("add")
@click.argument("title")
@click.option("--by", "by", metavar="DATE", help="When you want it by (2027-06-30, '30 Jun').")
@click.option("--why", default="", metavar="TEXT", help="Why it matters to you.")
@_targets
@json_option
def add_command(
    title: str,
    by: str | None,
    why: str,
    companies: tuple[str, ...],
    roles: tuple[str, ...],
    people: tuple[str, ...],
    as_json: bool,
) -> None:
    """Set a goal TITLE, aimed at companies, roles or people you know."""
    from amity.service.goals import add_goal

    ctx = app()
    store, today = ctx.write_store, ctx.settings.today
    view = add_goal(
        store,
        title,
        today,
        due_on=_day(by, today),
        why=why,
        companies=companies,
        roles=roles,
        person_ids=_people(store, people),
    )
    if as_json:
        emit_json({"goal": view.as_dict()})
        return
    echo(f"Goal #{view.id}: {view.title}{_due(view)}")
    echo(_aims(view))
    echo(f"See how it goes: amity goal show {view.id}")


@goal_command.command("list")
@click.option("--all", "everything", is_flag=True, help="Include done and dropped goals.")
@json_option
def list_command(everything: bool, as_json: bool) -> None:
    """Your active goals, soonest due first (--all: done and dropped ones too)."""
    from amity.service.goals import list_goals

    ctx = app()
    found = list_goals(ctx.store, ctx.settings.today, include_closed=everything)
    if as_json:
        emit_json({"goals": [view.as_dict() for view in found]})
        return
    if not found:
        echo('No goals yet. Set one: amity goal add "backend role at a fintech" --company Plaid')
        return
    for view in found:
        state = "" if view.is_active else f" [{view.status.value}]"
        echo(f"#{view.id} {view.title}{state}{_due(view)}")
        echo(f"    {_aims(view)}")


@goal_command.command("show")
@click.argument("goal", metavar="GOAL")
@json_option
def show_command(goal: str, as_json: bool) -> None:
    """How GOAL is going since you set it, and the next step (with a draft)."""
    from amity.service.goal_report import goal_progress
    from amity.service.goals import resolve_goal

    ctx = app()
    store = ctx.store
    progress = goal_progress(store, resolve_goal(store, goal), ctx.settings.today)
    if as_json:
        emit_json(progress.as_dict())
        return
    _render(progress)


def _close(status: str, goal: str) -> None:
    from amity.model.enums import GoalStatus
    from amity.service.goals import close_goal, resolve_goal

    ctx = app()
    store = ctx.write_store
    view = close_goal(store, resolve_goal(store, goal), GoalStatus(status), ctx.settings.today)
    echo(f"Goal #{view.id} {view.status.value}: {view.title}")


@goal_command.command("done")
@click.argument("goal", metavar="GOAL")
def done_command(goal: str) -> None:
    """You reached GOAL: it leaves the agenda and the list (`--all` still shows it)."""
    _close("done", goal)


@goal_command.command("drop")
@click.argument("goal", metavar="GOAL")
def drop_command(goal: str) -> None:
    """You no longer pursue GOAL: it leaves the agenda and the list."""
    _close("dropped", goal)


@goal_command.command("edit")
@click.argument("goal", metavar="GOAL")
@click.option("--title", default=None, metavar="TEXT", help="A new title.")
@click.option("--why", default=None, metavar="TEXT", help="A new reason why.")
@click.option("--by", "by", metavar="DATE", help="A new due day.")
@click.option("--no-date", "no_date", is_flag=True, help="No due day.")
@_targets
@click.option(
    "--remove",
    multiple=True,
    metavar="VALUE",
    help="Remove the target with this company, role or name (repeat for more).",
)
@click.option("--reopen", is_flag=True, help="Make a done or dropped goal active again.")
@json_option
def edit_command(
    goal: str,
    title: str | None,
    why: str | None,
    by: str | None,
    no_date: bool,
    companies: tuple[str, ...],
    roles: tuple[str, ...],
    people: tuple[str, ...],
    remove: tuple[str, ...],
    reopen: bool,
    as_json: bool,
) -> None:
    """Retitle GOAL, change why or its due day, add or remove targets, or reopen it."""
    from amity.errors import UsageError
    from amity.service.goals import edit_goal, reopen_goal, resolve_goal

    if by is not None and no_date:
        raise UsageError("give --by DATE or --no-date, not both")
    ctx = app()
    store, today = ctx.write_store, ctx.settings.today
    goal_id = resolve_goal(store, goal)
    if reopen:
        reopen_goal(store, goal_id, today)
    view = edit_goal(
        store,
        goal_id,
        today,
        title=title,
        why=why,
        due_on=_day(by, today),
        clear_due=no_date,
        companies=companies,
        roles=roles,
        person_ids=_people(store, people),
        remove=remove,
    )
    if as_json:
        emit_json({"goal": view.as_dict()})
        return
    echo(f"Goal #{view.id}: {view.title}{_due(view)}")
    echo(_aims(view))


def _day(text: str | None, today: date) -> date | None:
    """A due day as typed (ISO or words read from today on); today or later."""
    from amity.service.remind import parse_remind_day

    return None if text is None else parse_remind_day(text, today)


def _people(store: Store, names: Sequence[str]) -> list[int]:
    from amity.service.resolve import resolve_person

    return [resolve_person(store, name)[0] for name in names]


def _due(view: GoalView) -> str:
    if view.due_on is None:
        return ""
    left = view.days_left
    if left is None:
        return f", by {view.due_on.isoformat()}"
    if left < 0:
        return f", was due {view.due_on.isoformat()} ({-left} days ago)"
    return f", by {view.due_on.isoformat()} ({_days(left)} left)"


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def _aims(view: GoalView) -> str:
    if not view.targets:
        return f"Aims at: nobody named yet (amity goal edit {view.id} --company NAME)"
    return "Aims at: " + ", ".join(f"{t.value} ({t.kind.value})" for t in view.targets)


def _render(progress: GoalProgress) -> None:
    goal = progress.goal
    state = "" if goal.is_active else f" [{goal.status.value}]"
    echo(f"Goal #{goal.id}: {goal.title}{state}{_due(goal)}")
    if goal.why:
        echo(f"Why: {goal.why}")
    echo(_aims(goal))
    since = progress.since.isoformat()
    echo(
        f"Since {since} (set that day):"
        if progress.since_set
        else f"Since {since} (the last 90 days; this goal was set before Amity kept the day):"
    )
    new = progress.new_people
    echo(f"  New ties at the targets: {len(new)}" + _names([p.name for p in new]))
    if progress.new_links:
        links = [f"{link.other} knows {link.target}" for link in progress.new_links]
        echo(f"  New links to them: {len(links)}" + _names(links))
    echo(f"  People at the targets: {len(progress.people)}")
    echo(f"  Warm paths: {len(progress.paths)}")
    for path in progress.paths:
        chain = " \u2192 ".join(("you", *path.via, path.target))
        note = f", {path.note}" if path.note else ""
        echo(f"    {chain}{note} ({path.strength:.2f})")
    echo(f"  Introductions: {progress.asked} asked, {progress.made} made")
    meetings = progress.meetings
    echo(f"  Meetings: {len(meetings)}" + _names([f"{m.person} {m.day}" for m in meetings]))
    if progress.events:
        events = [f"{e.name} {e.starts_on}" for e in progress.events]
        echo(f"  Events serving it: {len(events)}" + _names(events))
    step = progress.next_step
    echo(f"Next: {step.text}")
    if step.draft:
        echo(f"Draft to {step.person}:")
        for line in step.draft.rstrip().splitlines():
            echo(f"  {line}" if line else "")


def _names(names: Sequence[str]) -> str:
    return f" ({', '.join(names)})" if names else ""
