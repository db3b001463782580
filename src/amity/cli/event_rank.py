"""`amity events --rank`: which past events and which communities were worth your time."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from amity.cli.context import app, emit_json, json_option
from amity.cli.safe_text import cell_len, crop_cells
from amity.cli.terminal import echo, plain

if TYPE_CHECKING:
    from amity.service.event_rank import EventRanking, EventWorth, SourceWorth

NAME_CELLS = 30
HINT = (
    "amity events --rank shows which past events and communities gave you lasting ties "
    "(--json for the numbers); amity event list shows your events."
)
NO_EVENTS = (
    "No past events yet. Plan one (amity event plan NAME --on DATE), or link a meeting to "
    "one: amity met NAME --at EVENT."
)
TOO_EARLY = "too early"


@click.command("events")
@click.option("--rank", is_flag=True, help="Rank past events and communities by lasting ties.")
@json_option
def events_command(rank: bool, as_json: bool) -> None:
    """Which events and communities were worth it.

    For each past event: the people met, how many you followed up within the follow-up
    window, and how many were still active, and meaningful, ties 90 days later (as they
    stood that day). For each community or source (how you met, the import, a tag): the
    people first met there in the six months that ended 90 days ago and how many were active 90
    days on. Events less than 90 days old say "too early".
    """
    if not rank and not as_json:
        echo(HINT)
        return
    from amity.service.event_rank import rank_events

    ctx = app()
    data = rank_events(ctx.store, ctx.settings.today)
    if as_json:
        emit_json(data.as_dict())
        return
    _render(data)


def _render(data: EventRanking) -> None:
    if not data.events:
        echo(NO_EVENTS)
    else:
        echo("Events, best first")
        echo(_row("", "event", "date", "met", "followed up", "active 90 d", "meaningful"))
        for number, event in enumerate(data.events, 1):
            echo(_event_row(number, event))
        echo(data.event_order)
    if data.sources:
        echo()
        start = data.sources_from.isoformat() if data.sources_from else "?"
        end = data.sources_to.isoformat() if data.sources_to else "?"
        echo(f"Communities and sources (people first met {start} to {end}), best first")
        echo(_row("", "community or source", "", "met", "", "active 90 d", ""))
        for number, source in enumerate(data.sources, 1):
            echo(_source_row(number, source))
        echo(data.source_order)
    elif data.sources_from and data.sources_to:
        echo()
        echo(
            "Communities and sources: none to rank yet. Each is judged by the people you first "
            f"met through it from {data.sources_from.isoformat()} to "
            f"{data.sources_to.isoformat()} (90 days on), and there were none."
        )


def _event_row(number: int, e: EventWorth) -> str:
    share = f" ({round(100 * e.followed_up / e.met)}%)" if e.met else ""
    active = TOO_EARLY if e.active_after_90_days is None else str(e.active_after_90_days)
    meaningful = (
        TOO_EARLY if e.meaningful_after_90_days is None else str(e.meaningful_after_90_days)
    )
    label = "" if e.too_early else f"{number}."
    return _row(
        label, e.name, e.date.isoformat(), str(e.met), f"{e.followed_up}{share}", active, meaningful
    )


def _source_row(number: int, s: SourceWorth) -> str:
    return _row(f"{number}.", s.name, "", str(s.met), "", str(s.active_after_90_days), "")


def _row(
    number: str, name: str, day: str, met: str, followed: str, active: str, meaning: str
) -> str:
    text = " ".join(plain(name).split())
    if cell_len(text) > NAME_CELLS:
        text = crop_cells(text, NAME_CELLS - 1) + "\u2026"
    pad = " " * (NAME_CELLS - cell_len(text))
    return (
        f"{number:>3} {text}{pad} {day:<10} {met:>4}  {followed:<12} {active:<11} {meaning}"
    ).rstrip()
