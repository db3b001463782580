"""Reminders that reach you: calendar, digest; and settings."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo


@click.command("calendar")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="The .ics file to write.",
)
@click.option("--days", default=30, show_default=True, type=NUMBER, help="How far ahead to plan.")
def calendar_command(out: Path, days: int) -> None:
    """Write the coming agenda as an iCalendar file; re-exporting updates the same events."""
    from amity.service.reminders import calendar

    ctx = app()
    count = calendar(ctx.store, ctx.settings.today, out, days, datetime.now(UTC))
    click.echo(f"Wrote {count} reminders to {out}")


@click.command("digest")
@click.option("--send", is_flag=True, help="Send it by email (SMTP settings: amity settings).")
@json_option
def digest_command(send: bool, as_json: bool) -> None:
    """Today's agenda as an email; never sent twice for a day, missed days caught up."""
    from amity.service.reminders import digest

    ctx = app()
    store = ctx.write_store if send else ctx.store
    result = digest(store, ctx.settings.today, ctx.settings.home, send=send)
    if as_json:
        emit_json(result.as_dict())
    elif result.sent:
        click.echo(f'Sent "{result.subject}" to {result.to}')
    elif result.preview is not None:
        click.echo(result.preview)
    else:
        click.echo(f"Not sent: {result.reason}")


@click.command("settings")
@click.argument("key", required=False)
@click.argument("value", required=False)
@json_option
def settings_command(key: str | None, value: str | None, as_json: bool) -> None:
    """Show preferences, or set one: daily_budget, weekly_goal, follow_up_fade_days (days a
    follow-up stays one before it becomes a gentler reconnect), tone, signature,
    cadence.<circle> (days, or none), smtp.<host|port|username|password|sender|to|starttls|ssl>.
    """
    from amity.service.settings.edit import change, read_settings

    ctx = app()
    if key is not None:
        if value is None:
            raise click.UsageError("give a value: amity settings KEY VALUE")
        change(ctx.write_store, ctx.settings.home, key, value, ctx.settings.today)
        if not as_json:
            echo(f"{key} set")
            return
    data = read_settings(ctx.store, ctx.settings.home).as_dict()
    if as_json:
        emit_json(data)
        return
    for name, setting in data.items():
        if isinstance(setting, dict):
            for sub, v in setting.items():
                echo(f"{name}.{sub} = {v}")
        else:
            echo(f"{name} = {setting}")
