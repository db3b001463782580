"""`amity intros`: which of your contacts should meet, each with the reason and the command."""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

import click

from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo

if TYPE_CHECKING:
    from amity.service.intro_suggestions import IntroSuggestion

EMPTY = (
    "No introductions to suggest yet. Amity pairs people from what one needs and another "
    "offers, and from shared interests: fill them in, e.g. "
    'amity edit NAME --needs "a designer for the app" --offers "product design" '
    '--interests "climbing, chess".'
)

NOTHING_MEETS = (
    "No introductions to suggest: no one's needs meet another's offers, and no two people "
    "you are in touch with share an interest (or they already know each other). Add more "
    "with amity edit NAME --needs TEXT --offers TEXT --interests TEXT, and log when you talk "
    "(amity log NAME --kind call): Amity only suggests people you are in touch with."
)


@click.command("intros")
@click.option("--limit", default=10, show_default=True, type=NUMBER, help="Suggestions to show.")
@json_option
def intros_command(limit: int, as_json: bool) -> None:
    """Who among your contacts should meet, and why.

    Pairs score for what one needs and the other offers (the strongest reason), then shared
    interests, and for how close you are to both. Pairs who already know each other or have
    an introduction are left out, and nobody appears more than twice.
    """
    from amity.errors import UsageError
    from amity.service.intro_suggestions import people_described, suggest_introductions

    if limit < 1:
        raise UsageError("--limit must be at least 1")
    ctx = app()
    found = suggest_introductions(ctx.store, today=ctx.settings.today, limit=limit)
    if as_json:
        emit_json({"suggestions": [s.as_dict() for s in found]})
        return
    if not found:
        echo(NOTHING_MEETS if people_described(ctx.store) else EMPTY)
        return
    _render(found)


def _render(found: list[IntroSuggestion]) -> None:
    for number, s in enumerate(found, 1):
        echo(f"{number}. {s.a.name} \u2194 {s.b.name} (score {s.score})")
        echo(f"   {s.reason}")
        hint = " ".join(shlex.quote(x) for x in (s.a.name, s.b.name, "--reason", s.reason))
        echo(f"   amity intro {hint}")
        if number < len(found):
            echo()
