"""Rich renderings of the agenda, the report and the coach. User text is never markup."""

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
    "reconnect": "reconnect",
}
# How to start on an empty home.
FIRST_RUN = (
    "Nobody here yet. To start:\n"
    "  amity import linkedin|vcard|csv FILE   bring in your contacts\n"
    '  amity met "Ada Lovelace" --at PyCon     log someone you just met\n'
    "  amity demo                             try Amity on a sample network first"
)


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
                ("  " + _LABEL.get(item.kind, item.kind), "dim" if acted else "magenta"),
                (f"  [{item.state}]" if acted else "", "green"),
                f"  ({item.key})",
            )
        )
        parts.append(Text(f"   {item.reason}", style="dim" if acted else ""))
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


def bar(value: int, total: int, width: int = 30) -> str:
    filled = 0 if total == 0 else round(width * value / total)
    return "█" * filled + "·" * (width - filled)


def report_renderable(data: dict[str, Any]) -> Group:
    parts: list[Any] = [
        Text(f"Your network on {data['date']}: {data['total']} people", style="bold")
    ]
    for tier, count in data["tiers"].items():
        parts.append(Text(f"  {tier:<8} {bar(count, data['total'])} {count}"))
    if data["core"]:
        names = ", ".join(p["name"] for p in data["core"][:15])
        parts.append(Text.assemble(("\nMeaningful core: ", "bold"), names))
    if data["cooling"]:
        names = ", ".join(p["name"] for p in data["cooling"][:10])
        parts.append(Text.assemble(("Cooling: ", "bold"), names))
    fu = data["follow_up"]
    rate = "n/a" if fu["rate"] is None else f"{fu['rate']:.0%}"
    parts.append(
        Text(
            f"\n24-hour follow-up rate: {rate} ({fu['on_time']} of {fu['due']}, "
            f"last {fu['window_days']} days)"
        )
    )
    b = data["balance"]
    parts.append(
        Text(
            f"Give and take: gave {b['gave']}, received {b['received']}, "
            f"asked {b['asked']}. {b['phrase']}"
        )
    )
    h = data["habit"]
    parts.append(
        Text(
            f"Weekly habit: {h['this_week']}/{h['goal']} this week, streak "
            f"{h['streak_weeks']} weeks, goal met {h['weeks_met']} of "
            f"{h['weeks_total']} weeks"
        )
    )
    for title, key in (
        ("Where meaningful ties came from", "sources"),
        ("Communities", "communities"),
        ("Events", "events"),
    ):
        rows = [y for y in data[key] if y["meaningful"]][:5]
        if rows:
            parts.append(Text(f"\n{title}:", style="bold"))
            for y in rows:
                parts.append(Text(f"  {y['label'][:40]:<40} {y['meaningful']} of {y['total']}"))
    return Group(*parts)


def coach_renderable(data: dict[str, Any]) -> Group:
    if not data["findings"]:
        return Group(Text("No habits to change found in your recent history. Keep it up."))
    parts: list[Any] = []
    for n, f in enumerate(data["findings"], start=1):
        who = f" · {f['person']['name']}" if f["person"] else ""
        parts.append(
            Text.assemble(
                (f"{n}. {f['kind'].replace('_', ' ')}", "bold"),
                (f" [{f['severity']}]", "magenta"),
                who,
            )
        )
        parts.append(Text(f"   {f['evidence']}"))
        parts.append(Text(f"   → {f['advice']}", style="green"))
    return Group(*parts)
