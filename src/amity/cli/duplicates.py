"""Duplicates: dedupe, merge, undo."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo

if TYPE_CHECKING:
    from amity.service.duplicates import Dismissal, Undismissal


@click.command("dedupe")
@click.option(
    "--min-score",
    type=click.FloatRange(0.0, 1.0),
    help="Only pairs at least this likely, 0 to 1 [default: 0.5; with --apply, sure pairs "
    "only, 0.95].",
)
@click.option(
    "--apply", "apply_", is_flag=True, help="Merge every sure pair (or every pair at --min-score)."
)
@click.option(
    "--dismiss",
    nargs=2,
    metavar="A B",
    help="A and B are not the same person: never offer the pair again (`amity undo` takes it "
    "back).",
)
@click.option("--undismiss", nargs=2, metavar="A B", help="Take back a --dismiss of A and B.")
@click.option("--limit", type=NUMBER, help="Show at most this many pairs.")
@json_option
def dedupe_command(
    min_score: float | None,
    apply_: bool,
    dismiss: tuple[str, str] | None,
    undismiss: tuple[str, str] | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List people who are probably one person, best first, with the reasons."""
    from amity.service.duplicates import REVIEW_SCORE, apply_pairs, find_pairs

    ctx = app()
    if sum(bool(x) for x in (apply_, dismiss, undismiss)) > 1:
        raise click.UsageError("use one of --apply, --dismiss and --undismiss at a time")
    if dismiss or undismiss:
        _dismissal(dismiss, undismiss, as_json)
        return
    if apply_:
        result = apply_pairs(ctx.write_store, min_score, ctx.settings.today)
        if as_json:
            emit_json(result.as_dict())
        else:
            echo(_applied(result.count, result.left_for_review))
        return
    pairs = find_pairs(ctx.store, REVIEW_SCORE if min_score is None else min_score)
    shown = pairs if limit is None else pairs[:limit]
    if as_json:
        emit_json({"pairs": [pair.as_dict() for pair in shown], "total": len(pairs)})
        return
    if not pairs:
        echo("No likely duplicates.")
    for pair in shown:
        echo(
            f"{pair.score:.2f}  #{pair.a.id} {pair.a.name}  =  "
            f"#{pair.b.id} {pair.b.name}  ({'; '.join(pair.reasons)})"
        )


def _dismissal(
    dismiss: tuple[str, str] | None, undismiss: tuple[str, str] | None, as_json: bool
) -> None:
    from amity.service.duplicates import dismiss_pair, undismiss_pair
    from amity.service.resolve import resolve_person

    ctx = app()
    store = ctx.write_store
    a, b = (resolve_person(store, who)[0] for who in dismiss or undismiss or ("", ""))
    result: Dismissal | Undismissal
    if dismiss:
        result = dismiss_pair(store, a, b, ctx.settings.today)
        done = "Noted" if result.new else "Already noted"
        text = f"{done}: {_pair(result)} are not the same person; `amity undo` takes it back"
    else:
        result = undismiss_pair(store, a, b)
        text = (
            f"{_pair(result)} may be offered as duplicates again"
            if result.removed
            else f"{_pair(result)} were not marked as different people"
        )
    if as_json:
        emit_json(result.as_dict())
    else:
        echo(text)


def _pair(result: Dismissal | Undismissal) -> str:
    a, b = result.a, result.b
    return f"{a.name} (#{a.id}) and {b.name} (#{b.id})"


def _applied(count: int, left: int) -> str:
    text = f"Merged {count} {'pair' if count == 1 else 'pairs'}"
    if count:
        text += "; `amity undo` reverses " + ("it" if count == 1 else "them all")
    if left:
        text += (
            f". {left} less sure {'pair' if left == 1 else 'pairs'} left for review: `amity dedupe`"
        )
    return text + "."


@click.command("merge")
@click.argument("keep")
@click.argument("other")
@click.option("--yes", is_flag=True, help="Merge without asking.")
@json_option
def merge_command(keep: str, other: str, yes: bool, as_json: bool) -> None:
    """Merge OTHER into KEEP: one person with both histories. `amity undo` reverses it."""
    from amity.service.duplicates import merge_people
    from amity.service.resolve import resolve_person
    from amity.service.views import show_person

    ctx = app()
    if not yes and sys.stdin.isatty() and not as_json:
        a, b = (show_person(ctx.store, resolve_person(ctx.store, w)[0], 3) for w in (keep, other))
        for side in (a, b):
            echo(
                f"#{side.id} {side.name} · {side.organization} · "
                f"{', '.join(side.emails)} · {side.interaction_count} interactions"
            )
        click.confirm(f"Merge #{b.id} into #{a.id}?", abort=True)
    store = ctx.write_store
    keep_id, other_id = resolve_person(store, keep)[0], resolve_person(store, other)[0]
    result = merge_people(store, keep_id, other_id, ctx.settings.today)
    if as_json:
        emit_json(result.as_dict())
        return
    echo(
        f"Merged {result.merged.name} (#{result.merged.id}) into "
        f"{result.kept.name} (#{result.kept.id})"
    )


@click.command("undo")
@click.option(
    "--force",
    is_flag=True,
    help="Undo an import even though it deletes what you did since with people it created.",
)
def undo_command(force: bool) -> None:
    """Undo the last merge, import or dismissal; what you did since is kept (or undo says
    why not)."""
    from amity.service.undo import undo_change

    ctx = app()
    echo(undo_change(ctx.write_store, ctx.settings.today, force=force).message())
