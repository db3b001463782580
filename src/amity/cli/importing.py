"""Import: LinkedIn, vCard, Google or Outlook contacts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from amity.cli.context import app, emit_json, json_option, rich_console
from amity.cli.terminal import echo
from amity.model.wording import plural
from amity.service.imports.sources import NAMES, source_named


@click.command("import")
@click.argument("source", metavar="|".join(NAMES))
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would happen; write nothing.")
@click.option("--no-merge", is_flag=True, help="Keep every record as its own person.")
@json_option
def import_command(source: str, path: Path, dry_run: bool, no_merge: bool, as_json: bool) -> None:
    """Import contacts: a LinkedIn export (ZIP, folder or CSV), vCards, or a Google/Outlook CSV.

    Importing the same file again changes nothing; `amity undo` reverses an import."""
    from amity.service.imports.run import run_import

    kind = source_named(source)
    ctx = app()
    store = ctx.account_store if dry_run else ctx.write_store
    show_bar = not as_json and sys.stderr.isatty()
    if show_bar:
        report = _with_progress(
            lambda p: run_import(
                store,
                kind,
                path,
                ctx.settings.today,
                dry_run=dry_run,
                merge=not no_merge,
                progress=p,
            )
        )
    else:
        report = run_import(
            store, kind, path, ctx.settings.today, dry_run=dry_run, merge=not no_merge
        )
    data = report.as_dict()
    if as_json:
        emit_json(data)
        return
    _print_report(data)


def _with_progress(run: Any) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        transient=True,
        console=rich_console(),
    ) as bar:
        task = bar.add_task("import", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return run(update)


def _print_report(data: dict[str, Any]) -> None:
    head = "Dry run (nothing written): " if data["dry_run"] else "Imported: "
    echo(
        f"{head}{data['created']} created, {data['updated']} updated, "
        f"{data['unchanged']} unchanged, {data['merged']} merged, "
        f"{len(data['skipped'])} skipped"
    )
    if data["interactions"]:
        echo(f"{plural(data['interactions'], 'conversation')} added to timelines")
    if data["new_jobs"]:
        echo(f"{plural(data['new_jobs'], 'job change')} spotted: see `amity today`")
    if data["missing"]:
        missing = data["missing"]
        echo(
            f"{plural(missing, 'connection')} {'is' if missing == 1 else 'are'} no longer "
            "in this export (kept, marked)"
        )
    _print_photos(data["photos"])
    for merge in data["merges"][:20]:
        echo(
            f"  merged {merge['name']} into #{merge['person']['id']}: {', '.join(merge['reasons'])}"
        )
    for row in data["skipped"][:50]:
        echo(f"  skipped {row['file']}:{row['line']}: {row['reason']}")
    if len(data["skipped"]) > 50:
        echo(f"  ... and {len(data['skipped']) - 50} more (see --json)")


def _print_photos(photos: dict[str, Any]) -> None:
    """How many photos were kept, and which people came without theirs, and why."""
    refused = photos["not_kept"]
    if photos["kept"]:
        echo(f"{plural(photos['kept'], 'photo')} kept as avatars")
    for row in refused[:20]:
        echo(f"  no photo {row['file']}:{row['line']}: {row['reason']}")
    if len(refused) > 20:
        echo(f"  ... and {len(refused) - 20} more without a photo (see --json)")
