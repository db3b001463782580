"""Rich renderings of the report and the coach. User text is never markup."""

from __future__ import annotations

from typing import Any

from rich.console import Group

from amity.cli.safe_text import SafeText as Text


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
