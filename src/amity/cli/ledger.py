"""Give and take: gave, got, asked."""

from __future__ import annotations

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo

KIND_HELP = "advice, introduction, referral, resource or favour"


def _record(
    person: str, direction: str, kind: str, what: str, day: str | None, as_json: bool
) -> None:
    from amity.model import LedgerDirection
    from amity.service.choices import parse_happened_on
    from amity.service.ledger import parse_ledger_kind, record
    from amity.service.resolve import resolve_person

    ctx = app()
    store, today = ctx.write_store, ctx.settings.today
    person_id, _ = resolve_person(store, person)
    entry_kind, on = parse_ledger_kind(kind), parse_happened_on(day, today)
    entry = record(store, person_id, LedgerDirection(direction), entry_kind, what, on, today)
    if as_json:
        emit_json(entry.as_dict())
        return
    b = entry.balance
    echo(
        f"Recorded: {entry.direction.value} {entry.kind.value} ({entry.what}) — "
        f"with {entry.person.name}: gave {b.gave}, received {b.received}, asked {b.asked}"
    )


def _ledger_command(name: str, direction: str, doc: str) -> click.Command:
    @click.command(name, help=doc)
    @click.argument("person")
    @click.argument("kind", metavar="KIND")
    @click.argument("what")
    @click.option("--on", "day", help="When (YYYY-MM-DD, yesterday, monday...); default today.")
    @json_option
    def command(person: str, kind: str, what: str, day: str | None, as_json: bool) -> None:
        _record(person, direction, kind, what, day, as_json)

    return command


gave_command = _ledger_command(
    "gave", "gave", f"Record something you gave PERSON. KIND: {KIND_HELP}."
)
got_command = _ledger_command(
    "got", "received", f"Record something PERSON gave you. KIND: {KIND_HELP}."
)
asked_command = _ledger_command(
    "asked", "asked", f"Record something you asked PERSON for. KIND: {KIND_HELP}."
)
