"""Rich renderings of the agenda. User text is never markup."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.padding import Padding

from amity.cli.safe_text import SafeText as Text
from amity.service.agenda import TodayView

_LABEL = {
    "follow_up": "follow up",
    "promise": "promise",
    "birthday": "birthday",
    "new_job": "new job",
    "anniversary": "anniversary",
    "check_in": "check in",
    "going_cold": "going cold",
    "reminder": "reminder",
}


def agenda_renderable(view: TodayView, *, show_drafts: bool = True) -> Group:
    parts: list[Any] = [Text(f"Today, {view.date:%A %d %B %Y}", style="bold")]
    if not view.items:
        parts.append(Text("Nothing due today. A good day to reach out to someone you miss."))
    for item in view.items:
        parts.append(
            Text.assemble(
                (f"\n{item.number}. ", "bold"),
                (item.person_name, "bold cyan"),
                ("  " + _LABEL.get(item.kind, item.kind), "magenta"),
                f"  ({item.key})",
            )
        )
        parts.append(Text(f"   {item.reason}"))
        if show_drafts and item.draft:
            parts.append(Padding(Text(item.draft.rstrip(), style="dim"), (0, 0, 0, 5)))
    footer = []
    if view.later:
        footer.append(f"{view.later} more planned for the coming days")
    habit = view.habit
    footer.append(
        f"this week: {habit.done_this_week}/{habit.goal} check-ins"
        + (f", streak {habit.streak_weeks} weeks" if habit.streak_weeks else "")
    )
    parts.append(Text("\n" + " · ".join(footer), style="italic"))
    parts.append(Text("amity done N · amity snooze N DAYS · amity skip N", style="dim"))
    return Group(*parts)
