"""What handlers ask for: the store for this request, today's date, the app state."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Request

from amity.store import Store
from amity.web.state import WebState


def get_state(request: Request) -> WebState:
    state: WebState = request.app.state.amity
    return state


def get_store(request: Request) -> Iterator[Store]:
    writes = request.method not in ("GET", "HEAD", "OPTIONS")
    state = get_state(request)
    with state.pool.borrow(write=writes) as store:
        yield store
        if writes:  # the handler succeeded: the inferred ties follow what it wrote
            from amity.service.tie_freshness import keep_ties_fresh

            keep_ties_fresh(store, state.today())


def get_today(request: Request) -> date:
    return get_state(request).today()


StateDep = Annotated[WebState, Depends(get_state)]
StoreDep = Annotated[Store, Depends(get_store)]
TodayDep = Annotated[date, Depends(get_today)]
