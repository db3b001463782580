"""`amity event`: plan an event with a purpose, read its brief, debrief after."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo

if TYPE_CHECKING:
    from collections.abc import Callable

    from amity.service.event_types import EventView
    from amity.service.events import EventPlan
    from amity.store import Store


@click.group("event")
def event_command() -> None:
    """Events: plan, edit, list, show, brief, debrief."""


def _plan_options(function: Callable[..., None]) -> Callable[..., None]:
    """The options `plan` and `edit` share."""
    options = [
        click.option("--time", metavar="HH:MM", help="When it starts (24-hour clock)."),
        click.option("--at", "place", metavar="PLACE_OR_LINK", help="Where: a place or a link."),
        click.option("--purpose", metavar="TEXT", help="Why you are going."),
        click.option(
            "--goal",
            "goals",
            metavar="GOAL",
            multiple=True,
            help="A goal it serves, by id or title (repeatable).",
        ),
        click.option(
            "--company",
            "companies",
            metavar="NAME",
            multiple=True,
            help="A company you hope to meet people from (repeatable).",
        ),
        click.option(
            "--role",
            "roles",
            metavar="ROLE",
            multiple=True,
            help="A role you hope to meet (repeatable).",
        ),
        click.option(
            "--person",
            "people",
            metavar="NAME",
            multiple=True,
            help="Someone you know and hope to meet there (repeatable).",
        ),
        click.option("--pitch", metavar="TEXT", help="Your elevator pitch, in your words."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def _event_plan(store: Store, name: str, **given: object) -> EventPlan:
    from amity.service.events import EventPlan, resolve_goal
    from amity.service.resolve import resolve_person

    def texts(key: str) -> tuple[str, ...]:
        value = given.get(key) or ()
        assert isinstance(value, tuple)
        return tuple(str(v) for v in value if str(v).strip())

    def text(key: str) -> str | None:
        value = given.get(key)
        return None if value is None else str(value)

    return EventPlan(
        name,
        on=given.get("day"),  # type: ignore[arg-type]
        time=text("time"),
        place=text("place"),
        purpose=text("purpose"),
        pitch=text("pitch"),
        notes=text("notes"),
        goal_ids=tuple(resolve_goal(store, g) for g in texts("goals")),
        companies=texts("companies"),
        roles=texts("roles"),
        person_ids=tuple(resolve_person(store, p)[0] for p in texts("people")),
        rename=text("rename"),
    )


@event_command.command("plan", short_help="Plan an event: when, where, why, who.")
@click.argument("name")
@click.option("--on", "day", metavar="DATE", required=True, help="The day (YYYY-MM-DD).")
@_plan_options
@json_option
def plan_command(name: str, day: str, as_json: bool, **given: object) -> None:
    """Plan an event with a purpose, the goals it serves and who you hope to meet. Planning
    an event of the same name on the same day changes it."""
    from amity.service.events import event_day, plan_event

    ctx = app()
    store = ctx.write_store
    today = ctx.settings.today
    plan = _event_plan(store, name, day=event_day(day, today), **given)
    planned = plan_event(store, plan, today)
    if as_json:
        emit_json(planned.as_dict())
        return
    verb = "Planned" if planned.created else "Updated"
    event = planned.event
    echo(f"{verb} #{event.id} {event.name} on {event.when}")
    _echo_event(event)


@event_command.command("edit", short_help="Change an event's day, place, purpose or pitch.")
@click.argument("event")
@click.option("--on", "day", metavar="DATE", help="Move it to this day.")
@click.option("--name", "rename", metavar="NAME", help="Rename it.")
@click.option("--notes", metavar="TEXT", help="Your notes on it.")
@_plan_options
@json_option
def edit_command(event: str, day: str | None, as_json: bool, **given: object) -> None:
    """Change an event (by name or id); targets, people and goals given are added."""
    from amity.service.events import edit_event, event_day, find_event

    ctx = app()
    store = ctx.write_store
    today = ctx.settings.today
    event_id = find_event(store, event, today)
    on = event_day(day, today) if day is not None else None
    view = edit_event(store, event_id, _event_plan(store, event, day=on, **given), today)
    if as_json:
        emit_json(view.as_dict())
        return
    echo(f"Changed #{view.id} {view.name} on {view.when}")
    _echo_event(view)


@event_command.command("list", short_help="Upcoming events (--all: past ones too).")
@click.option("--all", "everything", is_flag=True, help="Past events too, after the upcoming.")
@json_option
def list_command(everything: bool, as_json: bool) -> None:
    """Upcoming events, soonest first; with --all, past ones after them, latest first."""
    from amity.service.events import list_events

    ctx = app()
    lines = list_events(ctx.store, ctx.settings.today, everything=everything)
    if as_json:
        emit_json({"events": [line.as_dict() for line in lines]})
        return
    if not lines:
        echo("No events planned. `amity event plan NAME --on DATE` plans one.")
        return
    for line in lines:
        when = f"{line.starts_on.isoformat()} {line.starts_at}".strip()
        people = f"met {line.met}" if line.met else f"hoping to meet {line.targets}"
        place = f" at {line.place}" if line.place else ""
        echo(f"#{line.id:<4} {when:<16} {line.name}{place} ({line.status}, {people})")


@event_command.command("show", short_help="An event, its people and the warm paths in.")
@click.argument("event")
@json_option
def show_command(event: str, as_json: bool) -> None:
    """Show an event: purpose, goals, pitch, people, and the warm paths to its targets."""
    from amity.service.events import find_event, show_event

    ctx = app()
    store = ctx.store
    today = ctx.settings.today
    view = show_event(store, find_event(store, event, today), today, with_paths=True)
    if as_json:
        emit_json(view.as_dict())
        return
    echo(f"#{view.id} {view.name}: {view.when} ({view.status})")
    _echo_event(view)
    if view.paths:
        echo("Warm paths:")
        for path in view.paths:
            echo(f"  {path.target}: {path.text}")


def _echo_event(view: EventView) -> None:
    for label, value in (
        ("Where", view.place),
        ("Purpose", view.purpose),
        ("Goals", "; ".join(title for _, title in view.goals) or view.goals_text),
        ("Companies", ", ".join(view.companies)),
        ("Roles", ", ".join(view.roles)),
    ):
        if value:
            echo(f"  {label}: {value}")
    for role, label in (("target", "Hoping to meet"), ("attending", "Going"),
                        ("speaker", "Speaking"), ("met", "Met")):  # fmt: skip
        names = [p.name for p in view.people_as(role)]
        if names:
            echo(f"  {label}: {', '.join(names)}")
    echo(f"  Pitch: {view.pitch}" if view.pitch else f"  {view.pitch_hint}")


@event_command.command("brief", short_help="One page to read before going (Markdown or HTML).")
@click.argument("event")
@click.option("-o", "--output", "output", metavar="FILE",
              help="Write it to FILE: .html for a printable page, else Markdown.")  # fmt: skip
def brief_command(event: str, output: str | None) -> None:
    """The brief: purpose, goals, who you know there and what you know of them, who you
    hope to meet and the warm way in, questions to open with, your pitch."""
    from pathlib import Path

    from amity.service.event_brief import brief_text, event_brief
    from amity.service.events import find_event

    ctx = app()
    store = ctx.store
    today = ctx.settings.today
    brief = event_brief(store, find_event(store, event, today), today)
    if output is None:
        click.echo(brief_text(brief), nl=False)
        return
    path = Path(output).expanduser()
    text = brief_text(brief, html=path.suffix.lower() in (".html", ".htm"))
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror}") from None
    echo(f"Wrote the brief for {brief.name} to {path}")


@event_command.command("debrief", short_help="After: who you met, their follow-ups, goals moved.")
@click.argument("event")
@click.option("--attended/--skipped", default=True, help="You went (default), or you did not.")
@click.option("--goal-moved", "moved", metavar="GOAL", multiple=True,
              help="A goal the event moved, by id or title (repeatable).")  # fmt: skip
@json_option
def debrief_command(event: str, attended: bool, moved: tuple[str, ...], as_json: bool) -> None:
    """Debrief an event: everyone met there with their follow-up (a missing one is
    scheduled, dated from the meeting), the people hoped for and not met, the goals it
    moved; then it is marked attended (or skipped) and debriefed."""
    from amity.model.enums import EventStatus
    from amity.service.event_debrief import debrief
    from amity.service.events import find_event, resolve_goal

    ctx = app()
    store = ctx.write_store
    today = ctx.settings.today
    event_id = find_event(store, event, today)
    goal_ids = tuple(resolve_goal(store, goal) for goal in moved)
    status = EventStatus.ATTENDED if attended else EventStatus.SKIPPED
    done = debrief(store, event_id, today, status=status, goals_moved=goal_ids)
    if as_json:
        emit_json(done.as_dict())
        return
    echo(f"Debriefed {done.name}: {done.status}, {len(done.met)} met")
    for line in done.met:
        echo(f"  {line.name} (met {line.met_on.isoformat()}): {line.follow_up_words(today)}")
    if done.not_met:
        echo("Hoped to meet, not met: " + ", ".join(p.name for p in done.not_met))
    if done.goals_moved:
        echo("Goals moved: " + "; ".join(done.goals_moved))
    elif done.goals:
        titles = "; ".join(f"#{gid} {title}" for gid, title in done.goals)
        echo(f"Did it move a goal ({titles})? Say so with --goal-moved GOAL.")


def _add_import() -> None:
    """`amity event import FILE.ics` lives in its own module (the calendar reader)."""
    from amity.cli.event_import import import_command

    event_command.add_command(import_command)


_add_import()
