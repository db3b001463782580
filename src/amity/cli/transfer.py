"""Moving a network out and back in: export (vCard, CSV, JSON backup) and restore."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo, plain
from amity.model.wording import plural
from amity.service.files import write_atomically

EXPORT_KINDS = ("vcard", "csv", "json")


@click.command("export")
@click.argument("kind", type=click.Choice(EXPORT_KINDS, case_sensitive=False))
@click.option(
    "--version",
    "vcard_version",
    type=click.Choice(["3.0", "4.0"]),
    default="3.0",
    show_default=True,
    help="vCard version (vcard only).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout (all or nothing).",
)
def export_command(kind: str, vcard_version: str, output: Path | None) -> None:
    """Export every person as vCards or a Google Contacts CSV, or the whole account as JSON.

    `amity export json` is the full backup that `amity restore` reads back."""
    from amity.service import backup

    store = app().store
    kind = kind.lower()
    if kind == "json":
        text = backup.export_json_text(store)
    elif kind == "vcard":
        text = backup.export_vcard(store, vcard_version)
    else:
        text = backup.export_csv(store)
    if output is None or str(output) == "-":
        # Exact bytes into a pipe or file; on a terminal, stored text is shown, not obeyed.
        sys.stdout.write(plain(text) if sys.stdout.isatty() else text)
        return
    write_atomically(output, text)
    echo(f"Wrote {output}", err=True)


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@json_option
def restore_command(file: Path, as_json: bool) -> None:
    """Restore a JSON backup (from `amity export json`) into an empty home, ids and all.

    All or nothing: a bad file or a home that already has people changes nothing."""
    from amity.service.backup import read_backup, restore

    checked = read_backup(file)  # before opening the home: a bad file leaves no trace
    ctx = app()
    counts = restore(ctx.write_store, checked, ctx.settings.today)
    if as_json:
        emit_json(counts)
        return
    echo(
        f"Restored {plural(counts['people'], 'person')} and "
        f"{plural(counts['interactions'], 'interaction')} from {file}"
    )


# --- import ---------------------------------------------------------------------------------
