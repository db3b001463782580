"""The Network page's introductions: the board (each introduction's state, whom it waits on
and since when, the next steps as buttons) and the introductions Amity suggests. The steps,
the drafts and the suggestions are the services'; this module groups the cards and names
the buttons (`amity.web.routes.network` has the handlers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from amity.model import IntroductionState
from amity.service import introductions as intros
from amity.service.drafts import Draft
from amity.service.intro_suggestions import IntroSuggestion, people_described, suggest_introductions
from amity.service.introduction_types import IntroductionView
from amity.store import Store

S = IntroductionState
CLOSED_SHOWN = 10  # made, done and declined introductions on the board, latest first
SUGGESTED = 5
Step = Literal["asked", "agreed", "introduced", "declined", "done"]


@dataclass(frozen=True, slots=True)
class Action:
    """A button on an introduction's card: the step it records, its words, who declined."""

    step: Step
    label: str
    by: str = ""
    primary: bool = False


@dataclass(frozen=True, slots=True)
class IntroCard:
    view: IntroductionView
    state: str  # the state in words: "asked Ana Reyes", "Ana Reyes agreed"
    actions: tuple[Action, ...]
    draft: Draft | None = None  # the message your move needs: an ask, a nudge, a thank-you
    wants_outcome: bool = False  # introduced: a box for how it went, and Done


@dataclass(frozen=True, slots=True)
class Suggested:
    """The introductions to propose, and how many people have a need, an offer or an
    interest written down (why there are none)."""

    pairs: tuple[IntroSuggestion, ...]
    described: int = 0


@dataclass(slots=True)
class IntrosSection:
    """The board in three groups (waiting on you, on them, made or closed) and the
    suggestions; `message` and `error` say what the last button did. The suggestions are
    None until asked for: finding them reads every contact's profile (seconds on a home of
    100,000 people), so the page loads them after it is shown."""

    today: date
    yours: tuple[IntroCard, ...] = ()
    theirs: tuple[IntroCard, ...] = ()
    closed: tuple[IntroCard, ...] = ()
    more_closed: int = 0
    suggestions: Suggested | None = None
    message: str = ""
    error: str = ""

    @property
    def empty(self) -> bool:
        return not (self.yours or self.theirs or self.closed)


def intros_section(store: Store, today: date, *, suggest: bool = False) -> IntrosSection:
    """Every introduction as a card in its group (and with `suggest`, the best few to
    propose)."""
    found = intros.list_introductions(store, today=today, include_closed=True)
    cards = [_card(store, view, today) for view in found]
    closed = sorted((c for c in cards if not c.view.waiting_on), key=lambda c: c.view.since,
                    reverse=True)  # fmt: skip
    return IntrosSection(
        today,
        yours=tuple(c for c in cards if c.view.waiting_on == "you"),
        theirs=tuple(c for c in cards if c.view.waiting_on in ("a", "b")),
        closed=tuple(closed[:CLOSED_SHOWN]),
        more_closed=max(0, len(closed) - CLOSED_SHOWN),
        suggestions=suggested(store, today) if suggest else None,
    )


def suggested(store: Store, today: date) -> Suggested:
    pairs = tuple(suggest_introductions(store, today=today, limit=SUGGESTED))
    return Suggested(pairs, 0 if pairs else people_described(store))


def _card(store: Store, view: IntroductionView, today: date) -> IntroCard:
    draft = intros.draft_for(store, view.id, today) if view.your_move else None
    return IntroCard(view, state_words(view), actions(view), draft, view.state is S.INTRODUCED)


def state_words(view: IntroductionView) -> str:
    a, b = view.a.name, view.b.name
    return {
        S.PROPOSED: "proposed",
        S.ASKED_A: f"asked {a}",
        S.A_AGREED: f"{a} agreed",
        S.ASKED_B: f"asked {b}",
        S.B_AGREED: "both agreed",
        S.INTRODUCED: "introduced",
        S.DONE: "done",
        S.DECLINED: "declined",
    }[view.state]


def actions(view: IntroductionView) -> tuple[Action, ...]:
    """The buttons for the steps that may come next, the likely one first."""
    a, b = view.a.name, view.b.name
    drop = Action("declined", "Drop it", "you")
    return {
        S.PROPOSED: (Action("asked", f"I asked {a}", primary=True), drop),
        S.ASKED_A: (Action("agreed", f"{a} said yes", primary=True),
                    Action("declined", f"{a} said no", "a")),
        S.A_AGREED: (Action("asked", f"I asked {b}", primary=True), drop),
        S.ASKED_B: (Action("agreed", f"{b} said yes", primary=True),
                    Action("declined", f"{b} said no", "b")),
        S.B_AGREED: (Action("introduced", "I introduced them", primary=True), drop),
    }.get(view.state, ())  # fmt: skip


def take_step(
    store: Store, intro_id: int, step: Step, by: str, outcome: str, today: date
) -> IntroductionView:
    """Record what a card's button says happened, today."""
    if step == "asked":
        return intros.ask(store, intro_id, today)
    if step == "agreed":
        return intros.agree(store, intro_id, today)
    to = {"introduced": S.INTRODUCED, "declined": S.DECLINED, "done": S.DONE}[step]
    return intros.advance(store, intro_id, to, today, declined_by=by, outcome=outcome)
