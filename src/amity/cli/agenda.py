"""The daily practice: today, done, snooze, skip, draft, life."""

from __future__ import annotations

import click

from amity.cli import reads
from amity.cli.context import NUMBER, app, emit_json, json_option
from amity.cli.terminal import echo


@click.command("today")
@click.option("--budget", type=NUMBER, help="Show at most this many items (default: settings).")
@click.option("--no-drafts", is_flag=True, help="Leave the drafted messages out.")
@json_option
def today_command(budget: int | None, no_drafts: bool, as_json: bool) -> None:
    """Who to reach out to today, why, and a drafted message for each."""
    reads.today(app(), budget, no_drafts, as_json)


def _act(which: str, action: str, days: int | None = None) -> None:
    from amity.service.agenda import act

    ctx = app()
    echo(act(ctx.write_store, which, action, ctx.settings.today, days))


@click.command("done")
@click.argument("item")
def done_command(item: str) -> None:
    """Mark an agenda item done: its number in `amity today`, its id, or the person's name.

    Done on a follow-up, check-in or congratulation also logs that you reached out."""
    _act(item, "done")


@click.command("skip")
@click.argument("item")
def skip_command(item: str) -> None:
    """Drop an agenda item without doing it."""
    _act(item, "skip")


@click.command("snooze")
@click.argument("item")
@click.argument("days", type=NUMBER)
def snooze_command(item: str, days: int) -> None:
    """Put an agenda item off for DAYS days."""
    _act(item, "snooze", days)


@click.command("draft")
@click.argument("kind", metavar="followup|reconnect|checkin|congrats|thanks|ask|promise")
@click.argument("person")
@click.option("--tone", type=click.Choice(["casual", "formal"]), help="Default: settings.")
@json_option
def draft_command(kind: str, person: str, tone: str | None, as_json: bool) -> None:
    """Draft a ready-to-send message from what Amity knows about PERSON."""
    from amity.service.drafts import draft, parse_kind, parse_tone
    from amity.service.resolve import resolve_person

    ctx = app()
    draft_kind, chosen = parse_kind(kind), parse_tone(tone, ctx.store)
    person_id, _ = resolve_person(ctx.store, person)
    result = draft(ctx.store, ctx.settings.home, person_id, draft_kind, ctx.settings.today, chosen)
    if as_json:
        emit_json(result.as_dict())
        return
    echo(result.text, nl=False)


@click.command("life")
@click.argument("person")
@click.argument("kind", metavar="new_job|promotion|birthday|work_anniversary|moved|other")
@click.option("--company", default="", help="The new company (new_job, promotion).")
@click.option("--title", default="", help="The new title (new_job, promotion).")
@click.option("--detail", default="", help="What happened, in a few words.")
@click.option("--on", "day", help="When (YYYY-MM-DD, yesterday, monday...); default today.")
@json_option
def life_command(
    person: str, kind: str, company: str, title: str, detail: str, day: str | None, as_json: bool
) -> None:
    """Record a life event; it becomes a timely prompt to reach out."""
    from amity.service.choices import parse_happened_on
    from amity.service.ledger import parse_life_kind, record_life_event
    from amity.service.resolve import resolve_person

    ctx = app()
    store, today = ctx.write_store, ctx.settings.today
    person_id, _ = resolve_person(store, person)
    event_kind, on = parse_life_kind(kind), parse_happened_on(day, today)
    event = record_life_event(
        store, person_id, event_kind, on, today, company=company, title=title, detail=detail
    )
    if as_json:
        emit_json(event.as_dict())
        return
    echo(f"Recorded {event.kind.value} for {event.person.name}: {event.detail}")
