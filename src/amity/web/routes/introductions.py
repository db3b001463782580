"""The Network page's introductions: the board (each introduction's state and whom it
waits on) and the suggested ones, with their buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter, Depends

from amity.store import Store
from amity.web.csrf import csrf_protect

router = APIRouter(dependencies=[Depends(csrf_protect)])


@dataclass(slots=True)
class IntrosSection:
    """The board and the suggestions; `available` False until the services exist."""

    available: bool = False
    message: str = ""
    error: str = ""


def intros_section(store: Store, today: date) -> IntrosSection:
    del store, today
    return IntrosSection()
