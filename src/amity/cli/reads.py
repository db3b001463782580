"""The read commands people run most, `show`, `list`, `search` and `today`, run without Click.

Importing Click costs one of these commands about a tenth of its time at 100,000 people
(issue 10: 100 ms whole process). So `run` reads the arguments first, in the plain forms
these commands take (`amity [--today DAY] [--db URL] show 12 --limit 5 --json`), and runs
the command itself on a session (`amity.cli.session`). Anything else, such as `--help`, an
unknown or repeated option, a number or choice Click would refuse, or an option-like value,
is left to Click (`run` returns False), which parses it as always, with its own errors.
The Click commands run the same functions below, and `tests/test_cli_reads.py` checks
these options against the Click commands' and the parse against Click's on many inputs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amity.cli.session import AppContext

# Nothing more is imported until the arguments are read: `amity --help`, which Click
# answers, loads no store or model.

# The kinds of option: a flag, one text, a whole number, a repeatable text, or one of a
# tuple of choices.
FLAG, TEXT, NUMBER, MANY = "flag", "text", "number", "many"
Kind = str | tuple[str, ...]

SORTS = ("name", "last", "strength")
TIERS = ("core", "active", "new", "cooling", "dormant")
SOURCES = ("linkedin", "vcard", "csv", "manual")

GLOBAL_OPTIONS = {"--today": "today", "--db": "database_url"}

# command -> option -> (parameter, kind, default)
OPTIONS: dict[str, dict[str, tuple[str, Kind, Any]]] = {
    "show": {"--limit": ("limit", NUMBER, 20), "--json": ("as_json", FLAG, False)},
    "list": {
        "--tag": ("tags", MANY, ()),
        "--circle": ("circle", TEXT, None),
        "--company": ("company", TEXT, None),
        "--sort": ("sort", SORTS, "name"),
        "--limit": ("limit", NUMBER, None),
        "--archived": ("archived", FLAG, False),
        "--tier": ("tier", TIERS, None),
        "--source": ("source", SOURCES, None),
        "--json": ("as_json", FLAG, False),
    },
    "search": {"--limit": ("limit", NUMBER, 20), "--json": ("as_json", FLAG, False)},
    "today": {
        "--budget": ("budget", NUMBER, None),
        "--no-drafts": ("no_drafts", FLAG, False),
        "--json": ("as_json", FLAG, False),
    },
}
# command -> (parameter, how many: 1, or -1 for one or more), for those with an argument
ARGUMENTS: dict[str, tuple[str, int]] = {"show": ("person", 1), "search": ("query", -1)}


def show(ctx: AppContext, person: str, limit: int, as_json: bool) -> None:
    from amity.cli.session import console, emit_json
    from amity.service.resolve import resolve_person
    from amity.service.views import show_person

    person_id, _ = resolve_person(ctx.store, person)
    view = show_person(ctx.store, person_id, limit, ctx.settings.today)
    if as_json:
        emit_json(view.as_dict())
        return
    from amity.cli.render import person_panel

    console().print(person_panel(view))


def list_people(
    ctx: AppContext,
    tags: tuple[str, ...],
    circle: str | None,
    company: str | None,
    sort: str,
    limit: int | None,
    archived: bool,
    tier: str | None,
    source: str | None,
    as_json: bool,
) -> None:
    from amity.cli.session import console, emit_json
    from amity.service.views import ListRequest
    from amity.service.views import list_people as listed

    result = listed(
        ctx.store,
        ListRequest(
            tags,
            circle,
            company,
            sort,
            limit,
            include_archived=archived,
            tier=tier,
            source=source,
            today=ctx.settings.today,
        ),
    )
    if as_json:
        emit_json(result.as_dict())
        return
    from amity.cli.render import people_table

    console().print(people_table(result.people, result.total))


def search(ctx: AppContext, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    from amity.cli.session import console, emit_json
    from amity.service.views import search as searched

    result = searched(ctx.store, " ".join(query), limit, ctx.settings.today)
    if as_json:
        emit_json(result.as_dict())
        return
    from amity.cli.render import people_table

    console().print(people_table(result.people, result.total))


def today(ctx: AppContext, budget: int | None, no_drafts: bool, as_json: bool) -> None:
    from amity.cli.session import console, emit_json
    from amity.service.agenda_ready import today_ready

    settings = ctx.settings
    view = today_ready(
        ctx.store,
        settings.today,
        settings.home,
        settings.database_url,
        budget=budget,
        with_drafts=not no_drafts,
    )
    if as_json:
        emit_json(view.as_dict())
        return
    from amity.cli.render_agenda import agenda_renderable

    console().print(agenda_renderable(view, show_drafts=not no_drafts))


RUNS: dict[str, Callable[..., None]] = {
    "show": show,
    "list": list_people,
    "search": search,
    "today": today,
}


def run(args: list[str]) -> bool:
    """Run `args` if they are one of these commands in a plain form; False leaves them to
    Click. Like the Click group: one session, closed however the command ends, and its
    after-command step only when the command succeeded."""
    parsed = parse(args)
    if parsed is None:
        return False
    from amity.cli.session import AppContext

    group, command, params = parsed
    ctx = AppContext(today=group.get("today"), database_url=group.get("database_url"))
    try:
        RUNS[command](ctx, **params)
        ctx.after_command()
    finally:
        ctx.close()
    return True


Parsed = tuple[dict[str, str], str, dict[str, Any]]


def parse(args: list[str]) -> Parsed | None:
    """(the group's options, the command, its parameters) as Click would read them, or
    None for anything this reader does not take."""
    if "_AMITY_COMPLETE" in os.environ:  # Click's shell completion
        return None
    group: dict[str, str] = {}
    position = 0
    while position < len(args) and args[position].startswith("-"):
        taken = _option(GLOBAL_OPTIONS, args, position)
        if taken is None or taken[0] in group:
            return None
        group[taken[0]], position = taken[1], taken[2]
    if position >= len(args) or args[position] not in OPTIONS:
        return None
    command = args[position]
    found = _command(command, args[position + 1 :])
    return None if found is None else (group, command, found)


def _option(known: dict[str, str], args: list[str], position: int) -> tuple[str, str, int] | None:
    """(parameter, value, next position) of a `--name VALUE` or `--name=VALUE` option."""
    name, equals, value = args[position].partition("=")
    if name not in known:
        return None
    if not equals:
        if position + 1 >= len(args):
            return None
        value, position = args[position + 1], position + 1
    if not value or value.startswith("-"):
        return None
    return known[name], value, position + 1


def _command(command: str, args: list[str]) -> dict[str, Any] | None:
    options = OPTIONS[command]
    values: dict[str, Any] = {}
    positional: list[str] = []
    position = 0
    while position < len(args):
        arg = args[position]
        if not arg.startswith("-"):
            if not arg:
                return None
            positional.append(arg)
            position += 1
            continue
        name = arg.partition("=")[0]
        if name not in options:
            return None
        parameter, kind, _ = options[name]
        if kind == FLAG:
            if arg != name or parameter in values:
                return None
            values[parameter], position = True, position + 1
            continue
        taken = _option({name: parameter}, args, position)
        if taken is None:
            return None
        value, position = _value(kind, taken[1]), taken[2]
        if value is None or (kind != MANY and parameter in values):
            return None
        values[parameter] = (*values.get(parameter, ()), value) if kind == MANY else value
    params = {
        parameter: values.get(parameter, default) for parameter, _, default in options.values()
    }
    return _with_arguments(command, params, positional)


def _value(kind: Kind, text: str) -> str | int | None:
    if kind == NUMBER:
        from amity.model.limits import MAX_INTEGER

        if not (text.isascii() and text.isdigit()) or int(text) > MAX_INTEGER:
            return None
        return int(text)
    if isinstance(kind, tuple) and text not in kind:
        return None
    return text


def _with_arguments(
    command: str, params: dict[str, Any], positional: list[str]
) -> dict[str, Any] | None:
    if command not in ARGUMENTS:
        return None if positional else params
    name, count = ARGUMENTS[command]
    if count == 1:
        if len(positional) != 1:
            return None
        return {name: positional[0], **params}
    if not positional:
        return None
    return {name: tuple(positional), **params}
