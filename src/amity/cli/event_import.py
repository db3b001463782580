"""`amity event import FILE.ics`: plan from a conference or meetup calendar."""

from __future__ import annotations

from pathlib import Path

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@json_option
def import_command(file: Path, as_json: bool) -> None:
    """Import a conference or meetup calendar (.ics) as planned events.

    Each event, and each occurrence of a repeating one from a year ago to six months
    ahead, becomes a planned event; importing the file again changes nothing, and a newer
    file updates names, times and places while keeping your purpose, pitch and notes.
    Organizers and attendees whose email is a known person's are linked as attending.
    """
    from datetime import datetime

    from amity.service.event_import import import_calendar

    ctx = app()
    zone = datetime.now().astimezone().tzinfo  # a UTC time is shown as your clock reads it
    report = import_calendar(ctx.write_store, file, ctx.settings.today, zone)
    if as_json:
        emit_json(report.as_dict())
        return
    echo(
        f"{file.name}: {_count(report.created, 'new event')}, {report.updated} updated, "
        f"{report.unchanged} unchanged; {_count(report.attendees_linked, 'attendee')} linked."
    )
    if report.created or report.updated:
        echo("See them with amity event list; plan one with amity event plan NAME --on DATE.")


def _count(number: int, what: str) -> str:
    return f"{number} {what}" if number == 1 else f"{number} {what}s"
