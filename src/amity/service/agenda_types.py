"""What Today shows: its numbered entries, the habit and what is left for later. Plain
data, light to import (a Today view kept ready is shown without loading the engines)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.engines.cadence import Habit, week_start
from amity.errors import UsageError
from amity.model.enums import OPEN
from amity.model.limits import DAILY_MAX, DAILY_MIN


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    number: int
    key: str
    kind: str
    person_id: int
    person_name: str
    due: date
    reason: str
    draft: str
    state: str = OPEN  # open, done, skipped or snoozed (acted on today, kept at its number)

    @property
    def is_open(self) -> bool:
        return self.state == OPEN

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.key,
            "number": self.number,
            "kind": self.kind,
            "state": self.state,
            "person": {"id": self.person_id, "name": self.person_name},
            "due": self.due.isoformat(),
            "reason": self.reason,
            "draft": self.draft,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> AgendaEntry:
        """The entry `as_dict` wrote (KeyError, TypeError or ValueError when it is not)."""
        person = raw["person"]
        return cls(
            _int(raw["number"]),
            _text(raw["id"]),
            _text(raw["kind"]),
            _int(person["id"]),
            _text(person["name"]),
            date.fromisoformat(_text(raw["due"])),
            _text(raw["reason"]),
            _text(raw["draft"]),
            _text(raw["state"]),
        )


@dataclass(frozen=True, slots=True)
class TodayView:
    date: date
    items: list[AgendaEntry]
    later: int
    habit: Habit
    budget: int
    first_run: bool = False  # an empty home: say how to start

    @property
    def open_items(self) -> list[AgendaEntry]:
        return [item for item in self.items if item.is_open]

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "first_run": self.first_run,
            "items": [item.as_dict() for item in self.items],
            "later": self.later,
            "habit": {
                "done": self.habit.done_this_week,
                "goal": self.habit.goal,
                "streak_weeks": self.habit.streak_weeks,
            },
            "budget": self.budget,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> TodayView:
        """The view `as_dict` wrote (KeyError, TypeError or ValueError when it is not)."""
        day = date.fromisoformat(_text(raw["date"]))
        habit = raw["habit"]
        return cls(
            day,
            [AgendaEntry.from_dict(item) for item in raw["items"]],
            _int(raw["later"]),
            Habit(
                _int(habit["done"]),
                _int(habit["goal"]),
                _int(habit["streak_weeks"]),
                week_start(day),
            ),
            _int(raw["budget"]),
            bool(raw["first_run"]),
        )


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected a whole number, got {value!r}")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {value!r}")
    return value


def check_budget(budget: int | None) -> None:
    """A budget given for one look is one the daily budget setting could be: 0 or 500 would
    show nothing or everything, and mean a typo."""
    if budget is not None and not DAILY_MIN <= budget <= DAILY_MAX:
        raise UsageError(
            f"--budget must be a whole number from {DAILY_MIN} to {DAILY_MAX}, not {budget}"
        )
