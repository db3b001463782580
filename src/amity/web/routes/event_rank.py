"""Worth it? The ranking of past events and communities, for the Events page."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from amity.service.event_rank import EventRanking, rank_events
from amity.web.charts import Chart, rows
from amity.web.deps import StoreDep, TodayDep
from amity.web.pages import render_either

router = APIRouter()
CHART_EVENTS = 8


@dataclass(frozen=True, slots=True)
class EventRankPage:
    data: EventRanking
    chart: Chart  # lasting ties from the best events (too-early ones left out)


def build(data: EventRanking) -> EventRankPage:
    judged = [e for e in data.events if not e.too_early][:CHART_EVENTS]
    return EventRankPage(
        data,
        rows(
            "Lasting ties, 90 days on",
            [
                (
                    e.name,
                    e.active_after_90_days or 0,
                    f"{e.active_after_90_days} of {e.met}, {e.meaningful_after_90_days} meaningful",
                )
                for e in judged
            ],
        ),
    )


@router.get("/events/rank", response_class=HTMLResponse)
def event_rank_page(request: Request, store: StoreDep, today: TodayDep) -> Response:
    page = build(rank_events(store, today))
    return render_either(request, "event_rank.html", "_event_rank.html", page)
