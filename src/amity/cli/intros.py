"""Double opt-in introductions: `amity intro A B --reason TEXT` proposes one, the steps
record what happened, `amity intro status` lists where each stands."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo

if TYPE_CHECKING:
    from amity.service.drafts import Draft
    from amity.service.introduction_types import IntroductionView

_LISTING_FLAGS = ("--json", "--all")
on_option = click.option(
    "--on",
    "day",
    metavar="DATE",
    help="When it happened (YYYY-MM-DD, yesterday...); default today.",
)


class _IntroGroup(click.Group):
    """`amity intro A B ...` proposes; `amity intro` alone (or with --all/--json) lists."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] in _LISTING_FLAGS:
            args = ["status", *args]
        elif args[0] not in self.commands and not args[0].startswith("-"):
            args = ["propose", *args]
        return super().parse_args(ctx, args)


@click.group("intro", cls=_IntroGroup)
def intro_command() -> None:
    """Introduce two people, double opt-in: ask A, then B, then introduce them.

    `amity intro A B --reason TEXT` proposes it and drafts the ask to A (the one whose yes
    matters most: ask the busier person first). Then record each step: asked, agreed,
    made, outcome (or declined). `amity intro` lists where each stands.
    """


@intro_command.command("propose")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--reason", required=True, metavar="TEXT", help="Why they should meet.")
@json_option
def propose_command(a: str, b: str, reason: str, as_json: bool) -> None:
    """Propose introducing A (asked first) to B; same as `amity intro A B --reason TEXT`."""
    from amity.service.introductions import propose
    from amity.service.resolve import resolve_person

    ctx = app()
    store, today = ctx.write_store, ctx.settings.today
    a_id, _ = resolve_person(store, a)
    b_id, _ = resolve_person(store, b)
    view = propose(store, a_id, b_id, reason, today)
    _result(view, f"Proposed introduction #{view.id}: {view.a.name} → {view.b.name}.", as_json)


@intro_command.command("status")
@click.option("--all", "everything", is_flag=True, help="Include done and declined ones.")
@json_option
def status_command(everything: bool, as_json: bool) -> None:
    """Every open introduction: its state, whom it waits on, since when, and the next step."""
    from amity.service.introductions import list_introductions

    ctx = app()
    found = list_introductions(ctx.store, today=ctx.settings.today, include_closed=everything)
    if as_json:
        emit_json({"introductions": [view.as_dict() for view in found]})
        return
    if not found:
        echo("No introductions under way. Propose one: amity intro A B --reason TEXT")
        return
    for view in found:
        echo(f"#{view.id} {view.a.name} → {view.b.name}: {_state_line(view)}")
        echo(f"    {view.next_step}")


@intro_command.command("show")
@click.argument("intro_id", metavar="ID")
@json_option
def show_command(intro_id: str, as_json: bool) -> None:
    """The whole story of introduction ID, with each step's date and the current draft."""
    from amity.service.introductions import draft_for, get

    ctx = app()
    store, today = ctx.store, ctx.settings.today
    view = get(store, _number(intro_id), today=today)
    draft = draft_for(store, view.id, today) if view.is_open else None
    if as_json:
        emit_json(_document(view, draft))
        return
    echo(f"Introduction #{view.id}: {view.a.name} → {view.b.name} ({_state_line(view)})")
    echo(f"Why: {view.reason}")
    for _, day, what in view.story():
        echo(f"  {day.isoformat()}  {what}")
    echo(f"Next: {view.next_step}")
    if draft is not None:
        _draft(view, draft)


def _step(command: str, help_text: str) -> Callable[[Callable[..., None]], click.Command]:
    """A step command: ID, --on, --json (and what the step adds)."""

    def decorate(function: Callable[..., None]) -> click.Command:
        function = json_option(function)
        function = on_option(function)
        function = click.argument("intro_id", metavar="ID")(function)
        return intro_command.command(command, help=help_text)(function)

    return decorate


@_step("asked", "You asked the person the introduction waits on (A, or B once A agreed).")
def asked_command(intro_id: str, day: str | None, as_json: bool) -> None:
    from amity.service.introductions import ask

    _record(lambda store, n, today, on: ask(store, n, today, on=on), intro_id, day, as_json)


@_step("agreed", "The person you asked (A, then B) said yes.")
def agreed_command(intro_id: str, day: str | None, as_json: bool) -> None:
    from amity.service.introductions import agree

    _record(lambda store, n, today, on: agree(store, n, today, on=on), intro_id, day, as_json)


@_step("declined", "Someone said no (the person asked, unless --by says who): it stops here.")
@click.option("--by", "by", type=click.Choice(["a", "b", "you"]), help="Who said no: a, b or you.")
def declined_command(intro_id: str, by: str | None, day: str | None, as_json: bool) -> None:
    _advance(intro_id, "declined", day, as_json, declined_by=by or "")


@_step("made", "You introduced them: one message to both (noted in both ledgers).")
def made_command(intro_id: str, day: str | None, as_json: bool) -> None:
    _advance(intro_id, "introduced", day, as_json)


@_step("outcome", "How it went, once they were introduced: the introduction is done.")
@click.argument("text", metavar="TEXT")
def outcome_command(intro_id: str, text: str, day: str | None, as_json: bool) -> None:
    _advance(intro_id, "done", day, as_json, outcome=text)


def _advance(intro_id: str, to: str, day: str | None, as_json: bool, **extra: str) -> None:
    from amity.model import IntroductionState
    from amity.service.introductions import advance

    state = IntroductionState(to)
    _record(
        lambda store, n, today, on: advance(store, n, state, today, on=on, **extra),
        intro_id,
        day,
        as_json,
    )


def _record(move: Any, intro_id: str, day: str | None, as_json: bool) -> None:
    from amity.service.choices import parse_happened_on

    ctx = app()
    store, today = ctx.write_store, ctx.settings.today
    on = parse_happened_on(day, today) if day is not None else None
    view: IntroductionView = move(store, _number(intro_id), today, on)
    _, when, phrase = view.story()[-1]
    _result(view, f"Introduction #{view.id}, {when.isoformat()}: {phrase}.", as_json)


def _result(view: IntroductionView, said: str, as_json: bool) -> None:
    """What happened, the next step, and its draft when the next move is yours."""
    from amity.service.introductions import draft_for

    ctx = app()
    draft = draft_for(ctx.store, view.id, ctx.settings.today) if view.your_move else None
    if as_json:
        emit_json(_document(view, draft))
        return
    echo(said)
    echo(f"Next: {view.next_step}")
    if draft is not None:
        _draft(view, draft)


def _draft(view: IntroductionView, draft: Draft) -> None:
    both = view.state.value == "b_agreed"  # the introduction itself goes to both
    echo(f"Draft to {f'{view.a.name} and {view.b.name}' if both else draft.person.name}:")
    for line in draft.text.rstrip().splitlines():
        echo(f"  {line}" if line else "")


def _document(view: IntroductionView, draft: Draft | None) -> dict[str, Any]:
    return {"introduction": view.as_dict(), "draft": draft.as_dict() if draft else None}


def _state_line(view: IntroductionView) -> str:
    who = {"you": "you", "a": view.a.name, "b": view.b.name}.get(view.waiting_on)
    since = view.since.isoformat()
    if who:
        return f"{view.state.value}, waits on {who} since {since}"
    return f"{view.state.value} since {since}"


def _number(text: str) -> int:
    from amity.errors import UsageError
    from amity.model.limits import MAX_INTEGER

    raw = text.strip().removeprefix("#")
    if not raw.isdecimal() or int(raw) > MAX_INTEGER:
        raise UsageError(
            f"{text!r} is not an introduction's number; `amity intro status` lists them"
        )
    return int(raw)
