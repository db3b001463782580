"""Duplicates: dedupe, merge, undo."""

from __future__ import annotations

import sys

import click

from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo


@click.command("dedupe")
@click.option(
    "--min-score",
    default=0.5,
    show_default=True,
    type=float,
    help="Only pairs at least this likely (0 to 1).",
)
@click.option("--apply", "apply_", is_flag=True, help="Merge every pair at or above --min-score.")
@click.option("--limit", type=NUMBER, help="Show at most this many pairs.")
@json_option
def dedupe_command(min_score: float, apply_: bool, limit: int | None, as_json: bool) -> None:
    """List people who are probably one person, best first, with the reasons."""
    from amity.service.duplicates import apply_pairs, find_pairs

    ctx = app()
    if apply_:
        result = apply_pairs(ctx.write_store, min_score, ctx.settings.today)
        if as_json:
            emit_json(result)
        else:
            echo(f"Merged {result['count']} pairs; `amity undo` reverses them all")
        return
    pairs = find_pairs(ctx.store, min_score)
    shown = pairs if limit is None else pairs[:limit]
    if as_json:
        emit_json({"pairs": shown, "total": len(pairs)})
        return
    if not pairs:
        echo("No likely duplicates.")
    for pair in shown:
        echo(
            f"{pair['score']:.2f}  #{pair['a']} {pair['a_name']}  =  "
            f"#{pair['b']} {pair['b_name']}  ({'; '.join(pair['reasons'])})"
        )


@click.command("merge")
@click.argument("keep")
@click.argument("other")
@click.option("--yes", is_flag=True, help="Merge without asking.")
@json_option
def merge_command(keep: str, other: str, yes: bool, as_json: bool) -> None:
    """Merge OTHER into KEEP: one person with both histories. `amity undo` reverses it."""
    from amity.service.duplicates import merge_people
    from amity.service.views import show_person

    ctx = app()
    if not yes and sys.stdin.isatty() and not as_json:
        a, b = show_person(ctx.store, keep, 3), show_person(ctx.store, other, 3)
        for side in (a, b):
            echo(
                f"#{side['id']} {side['name']} · {side['organization']} · "
                f"{', '.join(side['emails'])} · {side['interaction_count']} interactions"
            )
        click.confirm(f"Merge #{b['id']} into #{a['id']}?", abort=True)
    result = merge_people(ctx.write_store, keep, other, ctx.settings.today)
    if as_json:
        emit_json(result)
        return
    echo(
        f"Merged {result['merged']['name']} (#{result['merged']['id']}) into "
        f"{result['kept']['name']} (#{result['kept']['id']})"
    )


@click.command("undo")
@click.option(
    "--force",
    is_flag=True,
    help="Undo an import even though it deletes what you did since with people it created.",
)
def undo_command(force: bool) -> None:
    """Undo the last merge or import; what you did since is kept (or undo says why not)."""
    from amity.service.undo import undo_change

    ctx = app()
    echo(undo_change(ctx.write_store, ctx.settings.today, force=force).message())
