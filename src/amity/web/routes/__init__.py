"""One router per resource; `ROUTERS` is the order the app includes them in."""

from __future__ import annotations

from fastapi import APIRouter

from amity.web.routes import (
    app_shell,
    capture,
    duplicates,
    event_rank,
    events,
    goals,
    imports,
    later,
    network,
    people,
    person,
    photos,
    report,
    settings,
    sign_in,
    today,
)

ROUTERS: tuple[APIRouter, ...] = (
    sign_in.router,
    app_shell.router,
    today.router,
    people.router,
    person.router,
    photos.router,
    capture.router,
    imports.router,
    imports.upload_router,
    duplicates.router,
    report.router,
    network.router,
    event_rank.router,  # before events: /events/rank is not an event's id
    events.router,
    goals.router,
    settings.router,
    later.router,
)
