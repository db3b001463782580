"""Screens for people (`cli.screen`). User text is data, never markup."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from amity.cli.screen import Group, Padding, Panel, Table, Text
from amity.model.wording import plural

if TYPE_CHECKING:
    from amity.service.people_views import PersonSummary, PersonView

def people_table(rows: Sequence[PersonSummary], total: int) -> Table:
    table = Table(caption=f"{len(rows)} of {total}")
    for column in ("id", "name", "organization", "circle", "last contact", "strength"):
        table.add_column(column)
    for row in rows:
        org = " · ".join(x for x in (row.title, row.organization) if x)
        table.add_row(
            str(row.id),
            Text(row.name),
            Text(org),
            row.circle,
            str(row.last_interaction or "never"),
            str(row.strength),
        )
    return table


def person_panel(view: PersonView) -> Panel:
    lines: list[Any] = []
    job = " at ".join(x for x in (view.title, view.organization) if x)
    facts = [
        ("job", job),
        (
            "circle",
            view.circle
            + (f" (every {plural(view.cadence_days, 'day')})" if view.cadence_days else ""),
        ),
        ("tags", ", ".join(view.tags)),
        ("email", ", ".join(view.emails)),
        ("phone", ", ".join(view.phones)),
        ("web", ", ".join(view.urls)),
        ("birthday", view.birthday or ""),
        ("how met", view.how_met),
        ("needs", view.needs),
        ("offers", view.offers),
        ("about", view.about),
        ("last contact", str(view.last_interaction or "never")),
        ("next check-in", str(view.next_due or "")),
        (
            "strength",
            f"{view.strength}/100" + (f" · {view.tier}" if view.tier else ""),
        ),
    ]
    for label, value in facts:
        if value:
            lines.append(Text.assemble((f"{label:>13}  ", "bold"), value))
    if view.strength_summary:
        lines.append(Padding(Text(view.strength_summary, style="dim"), (0, 0, 0, 15)))
    if view.linkedin_missing:
        lines.append(Text(f"{'':>15}{view.linkedin_missing}.", style="yellow"))
    if view.interactions:
        lines.append(Text(""))
        lines.append(
            Text(f"Timeline ({plural(view.interaction_count, 'interaction')})", style="bold")
        )
        for item in view.interactions:
            note = item.note or item.summary or item.place
            lines.append(
                Text.assemble(
                    f"  {item.date}  ",
                    (f"{item.kind:<8}", "cyan"),
                    f" {item.direction:<8} ",
                    note,
                )
            )
    return Panel(Group(*lines), title=Text.assemble((view.name, "bold"), f" #{view.id}"))
