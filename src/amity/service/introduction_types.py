"""What the introductions service returns: one introduction as it stands, with its story."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.engines.introductions import Pair, step_phrase
from amity.model.enums import IntroductionState
from amity.service.person_ref import PersonRef


@dataclass(frozen=True, slots=True)
class IntroductionView:
    """An introduction of `a` (asked first) and `b`: where it stands, who it waits on
    ("you", "a", "b" or "" for nobody) since `since` (the day of its latest step), the next
    step as a sentence, and every step taken with its day."""

    id: int
    a: PersonRef
    b: PersonRef
    reason: str
    state: IntroductionState
    waiting_on: str
    since: date
    next_step: str
    steps: tuple[tuple[IntroductionState, date], ...]
    outcome: str
    declined_by: str = ""  # "a", "b" or "you" once declined
    your_move: bool = False  # something is yours to do now: a step, a nudge, asking how it went

    def story(self) -> tuple[tuple[IntroductionState, date, str], ...]:
        """Each step with its day and what it was in words ("asked Ana Reyes")."""
        names = Pair(self.a.name, self.b.name)
        return tuple(
            (s, d, step_phrase(s, names, declined_by=self.declined_by, outcome=self.outcome))
            for s, d in self.steps
        )

    @property
    def is_open(self) -> bool:
        return self.state not in (IntroductionState.DONE, IntroductionState.DECLINED)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "a": self.a.as_dict(),
            "b": self.b.as_dict(),
            "reason": self.reason,
            "state": self.state.value,
            "waiting_on": self.waiting_on,
            "since": self.since.isoformat(),
            "next_step": self.next_step,
            "your_move": self.your_move,
            "steps": [
                {"state": s.value, "date": d.isoformat(), "what": what}
                for s, d, what in self.story()
            ],
            "outcome": self.outcome,
            "declined_by": self.declined_by,
        }
