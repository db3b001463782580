"""Who knows whom: `amity knows A B` records a tie, `amity knows A` lists A's."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo

if TYPE_CHECKING:
    from amity.service.ties import Tie


@click.command("knows")
@click.argument("person", required=False)
@click.argument("other", required=False)
@click.option("--how", metavar="TEXT", help='How they know each other ("worked together at Acme").')
@click.option(
    "--strength",
    type=click.Choice(["weak", "medium", "strong"], case_sensitive=False),
    help="How well they know each other (default medium, or as recorded before).",
)
@click.option("--confirm", is_flag=True, help="Confirm the tie Amity inferred between the two.")
@click.option(
    "--hide", is_flag=True, help="Hide the tie between the two: never used or inferred again."
)
@click.option("--refresh", is_flag=True, help="Infer ties again from everything Amity holds.")
@json_option
def knows_command(
    person: str | None,
    other: str | None,
    how: str | None,
    strength: str | None,
    confirm: bool,
    hide: bool,
    refresh: bool,
    as_json: bool,
) -> None:
    """Record that PERSON and OTHER know each other, or list who PERSON knows.

    Recording again updates the tie (one per pair). Ties are also inferred, each with its
    reason: colleagues at the same organisation at the same time, met through, your
    introductions, the same event, the same tag, a small LinkedIn group conversation.
    Confirm an inferred tie with --confirm, or hide a wrong one with --hide.
    """
    if refresh:
        _refresh(as_json)
        return
    if person is None:
        raise click.UsageError("name a person: amity knows PERSON [OTHER]")
    if other is None:
        if how is not None or strength or confirm or hide:
            raise click.UsageError("--how, --strength, --confirm and --hide need two people")
        _list(person, as_json)
        return
    if confirm and hide:
        raise click.UsageError("--confirm or --hide, not both")
    if (confirm or hide) and (how is not None or strength):
        raise click.UsageError("--confirm and --hide change only the tie's state")
    _record(person, other, how, strength, confirm, hide, as_json)


def _record(
    person: str,
    other: str,
    how: str | None,
    strength: str | None,
    confirm: bool,
    hide: bool,
    as_json: bool,
) -> None:
    from amity.model import TieState
    from amity.service.resolve import resolve_person
    from amity.service.ties import TieStrength, record_tie, set_tie_state

    ctx = app()
    store = ctx.write_store
    one, _ = resolve_person(store, person)
    two, _ = resolve_person(store, other)
    if confirm or hide:
        state = TieState.CONFIRMED if confirm else TieState.HIDDEN
        tie = set_tie_state(store, one, two, state, ctx.settings.today)
    else:
        level = TieStrength(strength.lower()) if strength else None
        tie = record_tie(store, one, two, how, level)
    if as_json:
        emit_json(tie.as_dict())
        return
    if hide:
        echo(f"Hidden: {tie.person.name} ↔ {tie.other.name} (never used nor inferred again).")
        return
    done = "Confirmed" if confirm else "Recorded"
    echo(f"{done}: {tie.person.name} ↔ {tie.other.name} {_line(tie)}")


def _list(person: str, as_json: bool) -> None:
    from amity.service.resolve import resolve_person
    from amity.service.ties import acquaintances, fresh_ties

    ctx = app()
    store = ctx.write_store
    person_id, _ = resolve_person(store, person)
    fresh_ties(store, ctx.settings.today)  # `knows` brings the inferred ties up to date
    found = acquaintances(store, person_id, ctx.settings.today)
    if as_json:
        emit_json(found.as_dict())
        return
    if not found.ties:
        echo(f"{found.person.name}: no ties recorded or inferred. Record one: amity knows "
             f'"{found.person.name}" OTHER --how TEXT')  # fmt: skip
        return
    echo(f"{found.person.name} knows:")
    for tie in found.ties:
        echo(f"  #{tie.other.id} {tie.other.name} {_line(tie)}")
    if any(str(t.state) == "inferred" for t in found.ties):
        echo(f'Confirm or hide an inferred tie: amity knows "{found.person.name}" OTHER '
             "--confirm (or --hide)")  # fmt: skip


def _line(tie: Tie) -> str:
    from amity.service.ties import strength_word

    why = f": {tie.why}" if tie.why else ""
    return f"— {strength_word(tie.strength)} ({tie.strength}), {tie.source}, {tie.state}{why}"


def _refresh(as_json: bool) -> None:
    from amity.service.ties import refresh_ties

    ctx = app()
    done = refresh_ties(ctx.write_store, ctx.settings.today)
    if as_json:
        emit_json(done.as_dict())
        return
    echo(
        f"Inferred ties: {done.inferred} ({done.added} new, {done.changed} changed, "
        f"{done.removed} no longer supported)."
    )
