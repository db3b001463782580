"""Charts drawn on the server as SVG: the geometry is computed here, the markup is a Jinja
macro (`_charts.html`), so every label is escaped like any other text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from amity.model.wording import week_axis, week_label

__all__ = ["Bar", "Chart", "columns", "rows", "stacked", "week_axis", "week_label"]

WIDTH = 420
BAR_GAP = 8
LABEL_W = 170


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    text: str  # what the bar says (a count, a share)
    x: float
    y: float
    width: float
    height: float
    tone: str = "a"  # a css class suffix: a, b, c, d, muted
    target: float | None = None  # a goal line on this bar, in the chart's coordinates


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    description: str  # for screen readers: the same facts in one sentence
    width: int
    height: int
    bars: list[Bar]
    horizontal: bool


def columns(
    title: str,
    items: Sequence[tuple[str, float]],
    *,
    tones: Sequence[str] = (),
    targets: Sequence[float] = (),
    axis: Sequence[str] = (),
    height: int = 180,
) -> Chart:
    """Vertical bars with labels under them (tiers, weeks, give and take). `axis`, when
    given, replaces the labels under the bars; the description keeps the full labels."""
    top = max([v for _, v in items] + list(targets) + [1])
    plot = height - 40
    slot = WIDTH / max(1, len(items))
    bars = []
    for n, (label, value) in enumerate(items):
        h = plot * value / top
        target = targets[n] if n < len(targets) else None
        bars.append(
            Bar(
                axis[n] if n < len(axis) else label,
                value,
                f"{value:g}",
                n * slot + BAR_GAP / 2,
                20 + plot - h,
                slot - BAR_GAP,
                h,
                tones[n] if n < len(tones) else "a",
                20 + plot - plot * target / top if target is not None else None,
            )
        )
    described = ", ".join(f"{label}: {value:g}" for label, value in items)
    return Chart(title, f"{title}. {described}.", WIDTH, height, bars, horizontal=False)


def rows(title: str, items: Sequence[tuple[str, float, str]], *, row_h: int = 28) -> Chart:
    """Horizontal bars, one per row, with the label on the left (where ties came from)."""
    top = max([v for _, v, _ in items] + [1])
    plot = WIDTH - LABEL_W - 80
    bars = [
        Bar(label, value, text, LABEL_W, n * row_h + 4, plot * value / top, row_h - 8)
        for n, (label, value, text) in enumerate(items)
    ]
    described = ", ".join(f"{label}: {text}" for label, _, text in items)
    height = max(row_h, len(items) * row_h) + 8
    return Chart(title, f"{title}. {described}.", WIDTH, height, bars, horizontal=True)


def stacked(
    title: str,
    items: Sequence[tuple[str, Sequence[tuple[str, float]]]],
    tones: dict[str, str],
    *,
    axis: Sequence[str] = (),
    height: int = 180,
) -> Chart:
    """One column per period, its parts stacked (people per tier, week by week). The period's
    label (or `axis`'s, as in `columns`) sits under the lowest part, its total above the
    highest."""
    top = max([sum(v for _, v in parts) for _, parts in items] + [1])
    plot = height - 40
    slot = WIDTH / max(1, len(items))
    bars = []
    for n, (label, parts) in enumerate(items):
        base: float = 20 + plot
        total = sum(v for _, v in parts)
        for k, (part, value) in enumerate(parts):
            h = plot * value / top
            base -= h
            last = k == len(parts) - 1
            bars.append(
                Bar(
                    (axis[n] if n < len(axis) else label) if k == 0 else "",
                    value,
                    f"{total:g}" if last else "",
                    n * slot + BAR_GAP / 2,
                    base,
                    slot - BAR_GAP,
                    h,
                    tones.get(part, "a"),
                )
            )
    described = "; ".join(
        f"{label}: " + ", ".join(f"{part} {value:g}" for part, value in parts)
        for label, parts in items
    )
    return Chart(title, f"{title}. {described}.", WIDTH, height, bars, horizontal=False)
