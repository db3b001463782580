"""The database's schema: where it stands, and bringing it to the newest one."""

from __future__ import annotations

import click

from amity.cli.context import app, emit_json, json_option


@click.group("db")
def db_command() -> None:
    """The home's database schema: `amity db status`, `amity db upgrade`."""


@db_command.command("upgrade")
@json_option
def upgrade_command(as_json: bool) -> None:
    """Bring the database to the newest schema (a command that finds it behind does too)."""
    from amity.service.schema import upgrade_schema

    done = upgrade_schema(app().settings.database_url)
    if as_json:
        emit_json({"before": done.before, "after": done.after, "changed": done.changed})
    elif not done.changed:
        click.echo(f"Already at {done.after}.")
    elif done.before is None:
        click.echo(f"Database created at {done.after}.")
    else:
        click.echo(f"Database upgraded from {done.before} to {done.after}.")


@db_command.command("status")
@json_option
def status_command(as_json: bool) -> None:
    """Show the database's schema and the newest one; changes nothing."""
    from amity.service.schema import schema_status

    status = schema_status(app().settings.database_url)
    if as_json:
        emit_json({"current": status.current, "head": status.head, "behind": status.behind})
    elif status.current is None:
        click.echo(f"No Amity schema yet; `amity db upgrade` creates it at {status.head}.")
    elif status.behind:
        click.echo(
            f"Database at {status.current}; this Amity's newest schema is {status.head}: "
            "run `amity db upgrade`."
        )
    else:
        click.echo(f"Database at {status.current}, the newest schema.")
