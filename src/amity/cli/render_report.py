"""Screens for the report and the coach. User text is never markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from amity.cli.screen import Group, Text
from amity.model.wording import plural, week_axis

if TYPE_CHECKING:
    from amity.service.coaching import CoachReport
    from amity.service.report_types import Report, WeekCount


def bar(value: int, total: int, width: int = 30) -> str:
    filled = 0 if total == 0 else round(width * value / total)
    return "█" * filled + "·" * (width - filled)


SPARKS = " ▁▂▃▄▅▆▇█"
COLUMN = 3  # characters per week in the terminal chart


def week_chart(weeks: Sequence[WeekCount]) -> list[str]:
    """Two lines: one block per week, as tall as its count, and the months under them
    ('Sep', 'Oct'), each under the first week of its month and never overlapping."""
    top = max([w.met for w in weeks] + [1])
    blocks = "".join(
        SPARKS[0 if not w.met else max(1, round(8 * w.met / top))].center(COLUMN) for w in weeks
    )
    axis = [" "] * (len(weeks) * COLUMN)
    last_end = -1
    for n, label in enumerate(week_axis([w.week for w in weeks])):
        start = n * COLUMN
        if label and start > last_end:
            axis[start : start + len(label)] = label
            last_end = start + len(label)
    return [blocks.rstrip(), "".join(axis).rstrip()]


def report_renderable(data: Report) -> Group:
    parts: list[Any] = [
        Text(f"Your network on {data.day}: {plural(data.total, 'person')}", style="bold")
    ]
    for tier, count in data.tiers.items():
        parts.append(Text(f"  {tier.value:<8} {bar(count, data.total)} {count}"))
    if data.core:
        names = ", ".join(p.name for p in data.core[:15])
        parts.append(Text.assemble(("\nMeaningful core: ", "bold"), names))
    if data.cooling:
        names = ", ".join(p.name for p in data.cooling[:10])
        parts.append(Text.assemble(("Cooling: ", "bold"), names))
    g = data.growth
    imported = f"; {g.imported} imported, not counted" if g.imported else ""
    parts.append(
        Text(
            f"\nNew people met or talked with, week by week: {g.met} in "
            f"{plural(len(g.weeks), 'week')}{imported}"
        )
    )
    if g.met:
        parts.extend(Text(f"  {line}") for line in week_chart(g.weeks))
    fu = data.follow_up
    rate = "n/a" if fu.rate is None else f"{fu.rate:.0%}"
    parts.append(
        Text(
            f"\n24-hour follow-up rate: {rate} ({fu.on_time} of {fu.due}, "
            f"last {plural(fu.window_days, 'day')})"
        )
    )
    b = data.balance
    parts.append(
        Text(
            f"Give and take: gave {b.gave}, received {b.received}, "
            f"asked {b.asked}. {b.phrase[:1].upper()}{b.phrase[1:]}."
        )
    )
    h = data.habit
    parts.append(
        Text(
            f"Weekly habit: {h.this_week}/{h.goal} this week, streak "
            f"{plural(h.streak_weeks, 'week')}, goal met {h.weeks_met} of "
            f"{plural(h.weeks_total, 'week')}"
        )
    )
    for title, yields in (
        ("Where meaningful ties came from", data.sources),
        ("Communities", data.communities),
        ("Events", data.events),
    ):
        rows = [y for y in yields if y.meaningful][:5]
        if rows:
            parts.append(Text(f"\n{title}:", style="bold"))
            for y in rows:
                parts.append(Text(f"  {y.label[:40]:<40} {y.meaningful} of {y.total}"))
    return Group(*parts)


SHOWN_FINDINGS = 5  # a handful on screen; `coach --all` shows every finding and person


def coach_renderable(data: CoachReport, *, show_all: bool = False) -> Group:
    findings = data.findings
    if not findings:
        return Group(Text("Nothing to change in your last six months of history."))
    shown = findings if show_all else findings[:SHOWN_FINDINGS]
    parts: list[Any] = []
    for n, f in enumerate(shown, start=1):
        parts.append(
            Text.assemble(
                (f"{n}. {f.kind.value.replace('_', ' ')}", "bold"),
                (f" [{f.severity.value}]", "magenta"),
            )
        )
        parts.append(Text(f"   {f.evidence}"))
        if show_all:
            lines = f.details or tuple(p.name for p in f.people)
            parts.extend(Text(f"     · {line}", style="dim") for line in lines)
        parts.append(Text(f"   → {f.advice}", style="green"))
    hidden = len(findings) - len(shown)
    more = f"{plural(hidden, 'more finding')} · " if hidden else ""
    if hidden or not show_all:
        parts.append(Text(f"\n{more}amity coach --all lists everyone", style="dim"))
    return Group(*parts)
