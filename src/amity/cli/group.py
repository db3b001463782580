"""The Click group behind `amity`: every command from `amity.cli.COMMANDS`, imported on
first use, so `amity --help` lists them all without importing any."""

from __future__ import annotations

import importlib
from typing import Any

import click

from amity.cli import COMMANDS


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(entry[0])
        command: click.Command = getattr(module, cmd_name.replace("-", "_") + "_command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="amity", prog_name="amity")
@click.option("--today", metavar="YYYY-MM-DD", help="Treat this day as today (or AMITY_TODAY).")
@click.option(
    "--db",
    "database_url",
    metavar="URL",
    help="Database URL (or AMITY_DATABASE_URL): sqlite:///PATH or postgresql://...",
)
@click.pass_context
def cli(ctx: click.Context, today: str | None, database_url: str | None) -> None:
    """Amity keeps the memory of your network and tells you, each day, who to reach out to.

    Data lives in AMITY_HOME (default: your user data directory).
    """
    from amity.cli.context import AppContext

    ctx.obj = AppContext(today=today, database_url=database_url)
    ctx.call_on_close(ctx.obj.close)


@cli.result_callback()
@click.pass_context
def _after_command(ctx: click.Context, *_: Any, **__: Any) -> None:
    """Only after a command that succeeded: the inferred ties follow its writes."""
    ctx.obj.after_command()
