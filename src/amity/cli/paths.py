"""`amity path`: the warm-intro paths to a company, a role or one person."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo

if TYPE_CHECKING:
    from amity.service.paths import PathsView


@click.command("path")
@click.option("--to-company", "company", metavar="NAME", help="Anyone who works or worked there.")
@click.option("--to-role", "role", metavar="TEXT", help="Anyone whose title has these words.")
@click.option("--to", "person", metavar="PERSON", help="One person (a name or an id).")
@click.option("--limit", default=5, show_default=True, type=NUMBER, help="Paths to show.")
@json_option
def path_command(
    company: str | None, role: str | None, person: str | None, limit: int, as_json: bool
) -> None:
    """The strongest chains of people from you to a company, a role or a person.

    Each path names every link and why it is strong or weak, the first person to ask,
    and a draft of the ask. At most three links; the five strongest by default.
    """
    from amity.errors import UsageError
    from amity.service.paths import PathQuery, TargetKind, paths_to
    from amity.service.resolve import resolve_person

    given = [value for value in (company, role, person) if value is not None]
    if len(given) != 1:
        raise UsageError("say where to: one of --to-company NAME, --to-role TEXT or --to PERSON")
    ctx = app()
    if person is not None:
        person_id, _ = resolve_person(ctx.store, person)
        query = PathQuery(TargetKind.PERSON, person_id=person_id)
    elif company is not None:
        query = PathQuery(TargetKind.COMPANY, text=company)
    else:
        query = PathQuery(TargetKind.ROLE, text=role or "")
    view = paths_to(ctx.store, query, ctx.settings.today, limit)
    if as_json:
        emit_json(view.as_dict())
        return
    _render(view)


def _render(view: PathsView) -> None:
    if not view.paths:
        echo(_nobody(view))
        return
    for number, path in enumerate(view.paths, 1):
        target = path.hops[-1].end.name
        note = f" ({path.target_note})" if path.target_note else ""
        echo(f"{number}. {target}{note}: strength {path.strength:.2f}, {_links(len(path.hops))}")
        for hop in path.hops:
            echo(f"   {hop.start.name} \u2194 {hop.end.name} ({hop.strength:.2f}): {hop.why}")
        echo(f"   Ask {path.ask.name} first:")
        quoted = f"\u201c{path.draft}\u201d".splitlines() or [""]
        for line in quoted:
            echo(f"   {line}" if line else "")
        if number < len(view.paths):
            echo()


def _either(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _links(count: int) -> str:
    return "direct" if count == 1 else f"{count} links"


def _nobody(view: PathsView) -> str:
    """Everyone living in your contacts is at least a faint link: an empty answer means
    nobody fits, or the one person asked for is archived."""
    if view.kind == "person":
        return f"No path to {view.target}: archived people are never on a path."
    where = f"at {view.target}" if view.kind == "company" else f"with the title {view.target}"
    maybe = f" Did you mean {_either(view.suggestions)}?" if view.suggestions else ""
    return f"Nobody {where} is in your network.{maybe}"
