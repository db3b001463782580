"""Screens for the agenda. User text is never markup."""

from __future__ import annotations

from typing import Any

from amity.cli.screen import Group, Padding, Text
from amity.model.wording import plural
from amity.service.agenda_types import AgendaEntry, TodayView

_LABEL = {
    "follow_up": "follow up",
    "promise": "promise",
    "birthday": "birthday",
    "new_job": "new job",
    "anniversary": "anniversary",
    "check_in": "check in",
    "going_cold": "going cold",
    "reminder": "reminder",
    "reconnect": "reconnect",
}
# How to start on an empty home.
FIRST_RUN = (
    "Nobody here yet. To start:\n"
    "  amity import linkedin|vcard|csv FILE   bring in your contacts\n"
    '  amity met "Ada Lovelace" --at PyCon     log someone you just met\n'
    "  amity demo                             try Amity on a sample network first"
)


def _label(item: AgendaEntry) -> str:
    """What the item is, in words: an introduction's step and an event's brief or debrief
    say so (their kind is a reminder)."""
    if item.key.startswith("intro:"):
        return "introduction"
    if item.key.startswith("event:"):
        return "event"
    return _LABEL.get(item.kind, item.kind)


def _command(item: AgendaEntry) -> str:
    """The command that does an event's item: `amity event brief 3`, `amity event debrief 3`
    (the key is `event:ID:brief` or `event:ID:debrief`)."""
    parts = item.key.split(":")
    if len(parts) == 3 and parts[0] == "event" and parts[2] in ("brief", "debrief"):
        return f"amity event {parts[2]} {parts[1]}"
    return ""


def agenda_renderable(view: TodayView, *, show_drafts: bool = True) -> Group:
    parts: list[Any] = [Text(f"Today, {view.date:%A %d %B %Y}", style="bold")]
    if view.first_run:
        parts.append(Text(FIRST_RUN))
        return Group(*parts)
    if not view.items:
        parts.append(Text("Nothing due today. A good day to reach out to someone you miss."))
    for item in view.items:
        acted = not item.is_open
        parts.append(
            Text.assemble(
                (f"\n{item.number}. ", "dim" if acted else "bold"),
                (item.person_name, "dim" if acted else "bold cyan"),
                ("  " + _label(item), "dim" if acted else "magenta"),
                (f"  [{item.state}]" if acted else "", "green"),
            )
        )
        parts.append(Padding(Text(item.reason, style="dim" if acted else ""), (0, 0, 0, 3)))
        command = _command(item) if not acted else ""
        if command:
            parts.append(Padding(Text(command, style="dim"), (0, 0, 0, 3)))
        if show_drafts and item.draft:
            parts.append(Padding(Text(item.draft.rstrip(), style="dim"), (0, 0, 0, 5)))
    footer = []
    if view.later:
        footer.append(f"{view.later} more planned for the coming days")
    habit = view.habit
    footer.append(
        f"this week: {habit.done_this_week}/{habit.goal} check-ins"
        + (f", streak {plural(habit.streak_weeks, 'week')}" if habit.streak_weeks else "")
    )
    parts.append(Text("\n" + " · ".join(footer), style="italic"))
    parts.append(Text("amity done N · amity snooze N DAYS · amity skip N", style="dim"))
    return Group(*parts)
