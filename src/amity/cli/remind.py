"""One-off reminders: `amity remind PERSON --on DATE TEXT`, `--list` and `--cancel ID`;
and a promise made on its own: `amity promise PERSON TEXT`."""

from __future__ import annotations

from typing import Any

import click

from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo


@click.command("remind")
@click.argument("person", required=False)
@click.argument("text", nargs=-1)
@click.option(
    "--on",
    "day",
    metavar="DATE",
    help="The day: YYYY-MM-DD, '15 Jan', 'next friday', 'in 3 days' (today or later).",
)
@click.option(
    "--list", "listing", is_flag=True, help="List open promises and reminders (PERSON's or all)."
)
@click.option("--cancel", type=NUMBER, metavar="ID", help="Cancel the promise or reminder ID.")
@json_option
def remind_command(
    person: str | None,
    text: tuple[str, ...],
    day: str | None,
    listing: bool,
    cancel: int | None,
    as_json: bool,
) -> None:
    """Remind yourself of something about PERSON on a day; it shows on the agenda that day.

    amity remind Ana --on "15 Jan" ask about the offer

    Without --on, the text says the day: amity remind Ana ask about the offer on 15 Jan
    """
    if cancel is not None:
        if person or text or day or listing:
            raise click.UsageError("--cancel takes only the id: amity remind --cancel ID")
        _cancel(cancel, as_json)
    elif listing:
        if text or day:
            raise click.UsageError("--list takes at most a person: amity remind [PERSON] --list")
        _list(person, as_json)
    else:
        if not person:
            raise click.UsageError('give a person: amity remind PERSON --on DATE "TEXT"')
        _set(person, day, " ".join(text), as_json)


def _set(person: str, day: str | None, text: str, as_json: bool) -> None:
    from amity.service.remind import remind
    from amity.service.resolve import resolve_person

    ctx = app()
    person_id, _ = resolve_person(ctx.write_store, person)
    made = remind(ctx.write_store, person_id, day, text, ctx.settings.today)
    if as_json:
        emit_json(made.as_dict())
        return
    echo(f"Reminder #{made.id} about {made.person_name}, {made.when}: {made.text}")


def _list(person: str | None, as_json: bool) -> None:
    from amity.service.remind import commitments
    from amity.service.resolve import resolve_person

    ctx = app()
    person_id = resolve_person(ctx.store, person)[0] if person is not None else None
    found = commitments(ctx.store, ctx.settings.today, person_id)
    if as_json:
        emit_json({"items": [c.as_dict() for c in found]})
        return
    if not found:
        echo("No open promises or reminders.")
        return
    for c in found:
        echo(f"#{c.id}  {c.kind:<8}  {c.person_name}: {c.text}  ({c.when})")


def _cancel(reminder_id: int, as_json: bool) -> None:
    from amity.service.remind import cancel

    ctx = app()
    gone = cancel(ctx.write_store, reminder_id, ctx.settings.today)
    if as_json:
        document: dict[str, Any] = {**gone.as_dict(), "state": "skipped"}
        emit_json(document)
        return
    echo(f"Cancelled {gone.kind} #{gone.id} about {gone.person_name}: {gone.text}")


@click.command("promise")
@click.argument("person")
@click.argument("text", nargs=-1)
@click.option(
    "--on", "day", metavar="DATE", help="The day you promised it (YYYY-MM-DD, yesterday...)."
)
@json_option
def promise_command(person: str, text: tuple[str, ...], day: str | None, as_json: bool) -> None:
    """Keep a promise to PERSON on the agenda without logging an interaction; it is due the
    day its words name, else at once.

    amity promise Ana send the deck by Friday
    """
    from amity.service.remind import promise
    from amity.service.resolve import resolve_person

    ctx = app()
    person_id, _ = resolve_person(ctx.write_store, person)
    made = promise(ctx.write_store, person_id, " ".join(text), day, ctx.settings.today).commitment
    if as_json:
        emit_json(made.as_dict())
        return
    echo(f"Promise #{made.id} to {made.person_name}, {made.when}: {made.text}")
