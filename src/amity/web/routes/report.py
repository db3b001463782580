"""Report: how the network is doing, with charts drawn on the server."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from amity.service.report import habit_weeks, report
from amity.service.report_types import Report, Tier, Yield
from amity.store import Store
from amity.web.charts import Chart, columns, rows, stacked, week_axis, week_label
from amity.web.deps import StoreDep, TodayDep
from amity.web.pages import render

router = APIRouter()
TIER_NAMES = tuple(t.value for t in Tier)
# One tone per tier, in the order of `Tier`: core, active, cooling, dormant, new.
TIER_TONES = ("a", "b", "c", "muted", "d")


@dataclass(frozen=True, slots=True)
class ReportPage:
    data: Report
    tiers: Chart
    tier_history: Chart
    growth: Chart
    habit: Chart
    give_take: Chart
    sources: Chart
    events: Chart


def build(store: Store, data: Report, today: date) -> ReportPage:
    weeks = habit_weeks(store, today, 12)
    balance = data.balance
    history = [(w.week, w.counts) for w in data.tiers_over_time]
    growth = [(w.week, w.met) for w in data.growth.weeks]
    return ReportPage(
        data,
        columns("People per tier", [(t.value, n) for t, n in data.tiers.items()], tones=TIER_TONES),
        stacked(
            "People per tier, week by week",
            [(week_label(week), [(t, w.get(t, 0)) for t in TIER_NAMES]) for week, w in history],
            dict(zip(TIER_NAMES, TIER_TONES, strict=True)),
            axis=week_axis([week for week, _ in history]),
        ),
        columns(
            "New people met per week (imports not counted)",
            [(week_label(week), met) for week, met in growth],
            axis=week_axis([week for week, _ in growth]),
        ),
        columns(
            "Check-ins per week, last 12 weeks",
            [(week_label(w.week_start), w.done) for w in weeks],
            tones=["a" if w.done >= w.target else "muted" for w in weeks],
            targets=[w.target for w in weeks],
            axis=week_axis([w.week_start for w in weeks]),
        ),
        columns(
            "Give and take",
            [
                ("gave", balance.gave),
                ("received", balance.received),
                ("asked", balance.asked),
            ],
            tones=("a", "b", "c"),
        ),
        _yields("Where meaningful ties came from", data.sources),
        _yields("Events that produced lasting ties", data.events),
    )


def _yields(title: str, items: tuple[Yield, ...]) -> Chart:
    return rows(
        title,
        [(y.label or "unknown", y.meaningful, f"{y.meaningful} of {y.total}") for y in items],
    )


@router.get("/report", response_class=HTMLResponse)
def report_page(request: Request, store: StoreDep, today: TodayDep) -> Response:
    return render(request, "report.html", build(store, report(store, today), today))
