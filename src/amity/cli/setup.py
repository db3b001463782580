"""Setting up: init and demo."""

from __future__ import annotations

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.terminal import echo
from amity.model.wording import plural


@click.command("init")
@json_option
def init_command(as_json: bool) -> None:
    """Create the Amity home and its database; safe to run again."""
    from amity.service.people import people_count
    from amity.service.schema import upgrade_schema
    from amity.store.database import redact

    ctx = app()
    upgraded = upgrade_schema(ctx.settings.database_url)
    people = people_count(ctx.account_store)  # the home's first account, created once
    if as_json:
        emit_json(
            {
                "home": str(ctx.settings.home),
                "database": redact(ctx.settings.database_url),
                "people": int(people or 0),
            }
        )
        return
    if upgraded.changed and upgraded.before is not None:
        echo(f"Database upgraded from {upgraded.before} to {upgraded.after}.")
    echo(f"Amity is ready in {ctx.settings.home} ({plural(int(people or 0), 'person')})")


@click.command("demo")
@json_option
def demo_command(as_json: bool) -> None:
    """Load a realistic demo network (idempotent: does nothing if it is already there)."""
    from amity.service.demo import load_demo

    ctx = app()
    loaded = load_demo(ctx.write_store, ctx.settings.today)
    if as_json:
        emit_json(loaded.as_dict())
        return
    if loaded.created:
        echo(f"Loaded the demo network: {loaded.people} people, {loaded.interactions} interactions")
    else:
        echo(f"The demo network is already loaded ({loaded.people} people)")
