"""Logging commands: met and log."""

from __future__ import annotations

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo


def _report(logged: object, as_json: bool, *, met: bool = False) -> None:
    from amity.service.interactions import Logged

    assert isinstance(logged, Logged)
    if as_json:
        emit_json(
            {
                "interaction_id": logged.interaction_id,
                "person": {"id": logged.person_id, "name": logged.person_name},
                "created": logged.created,
                "follow_up_due": logged.follow_up_due.isoformat() if logged.follow_up_due else None,
                "closed_follow_ups": logged.closed_follow_ups,
            }
        )
        return
    if logged.created:
        echo(f"New person: {logged.person_name} (#{logged.person_id})")
        for other_id, other in logged.similar:
            echo(
                f"note: {other} (#{other_id}) has a very similar name; "
                "`amity merge` joins them if they are one person",
                err=True,
            )
    existing = "the existing " if met and not logged.created else ""  # no new person made
    echo(f"Logged #{logged.interaction_id} with {existing}{logged.person_name}")
    if logged.follow_up_due:
        echo(f"Follow up by {logged.follow_up_due.isoformat()}")
    if logged.closed_follow_ups:
        echo("Follow-up done")


@click.command("met")
@click.argument("name")
@click.option("--at", "place", default="", help="Where: a place or an event's name.")
@click.option("--on", "day", help="When (YYYY-MM-DD, yesterday, monday...); default today.")
@click.option("--note", default="", help="What you talked about.")
@click.option("--topic", default="", help="One topic to mention when you follow up.")
@click.option("--promise", default="", help="Something you promised (stays on the agenda).")
@json_option
def met_command(
    name: str, place: str, day: str | None, note: str, topic: str, promise: str, as_json: bool
) -> None:
    """Log meeting someone; a follow-up is due the next day."""
    from amity.model import InteractionKind
    from amity.service.interactions import Happening, met

    ctx = app()
    what = Happening(
        InteractionKind.MET, on=day, note=note, topic=topic, promise=promise, place=place
    )
    _report(met(ctx.write_store, name, what, ctx.settings.today), as_json, met=True)


@click.command("log")
@click.argument("person")
@click.option(
    "--kind",
    required=True,
    help="met, coffee, call, video, message, email, meeting, event, intro or other.",
)
@click.option("--on", "day", help="When (YYYY-MM-DD, yesterday, monday...); default today.")
@click.option("--inbound", is_flag=True, help="They reached out.")
@click.option("--outbound", is_flag=True, help="You reached out.")
@click.option("--note", default="", help="What was said.")
@click.option("--learned", default="", help="What you learned about them.")
@click.option("--promise", default="", help="Something you promised (stays on the agenda).")
@click.option("--at", "place", default="", help="Where it happened.")
@json_option
def log_command(
    person: str,
    kind: str,
    day: str | None,
    inbound: bool,
    outbound: bool,
    note: str,
    learned: str,
    promise: str,
    place: str,
    as_json: bool,
) -> None:
    """Log an interaction with someone you know."""
    from amity.model import Direction
    from amity.service.interactions import Happening, log, parse_kind
    from amity.service.resolve import resolve_person

    if inbound and outbound:
        raise click.UsageError("--inbound and --outbound contradict each other; give one")
    direction = Direction.INBOUND if inbound else Direction.OUTBOUND if outbound else None
    what = Happening(
        parse_kind(kind),
        on=day,
        direction=direction,
        note=note,
        learned=learned,
        promise=promise,
        place=place,
    )
    ctx = app()
    person_id, _ = resolve_person(ctx.write_store, person)
    _report(log(ctx.write_store, person_id, what, ctx.settings.today), as_json)
