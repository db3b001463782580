"""How the network is doing: report and coach."""

from __future__ import annotations

import click

from amity.cli.context import app, console, emit_json, json_option


@click.command("report")
@json_option
def report_command(as_json: bool) -> None:
    """People per tier, the core, who is cooling, follow-up rate, give and take, habits."""
    from amity.service.report import report

    ctx = app()
    data = report(ctx.store, ctx.settings.today)
    if as_json:
        emit_json(data.as_dict())
        return
    from amity.cli.render_report import report_renderable

    console().print(report_renderable(data))


@click.command("coach")
@click.option("--all", "show_all", is_flag=True, help="Every finding, and every person in each.")
@json_option
def coach_command(show_all: bool, as_json: bool) -> None:
    """Mistakes good networkers avoid, found in your own history, with what to do instead."""
    from amity.service.coaching import coach_report

    ctx = app()
    data = coach_report(ctx.store, ctx.settings.today)
    if as_json:
        emit_json(data.as_dict())
        return
    from amity.cli.render_report import coach_renderable

    console().print(coach_renderable(data, show_all=show_all))
