"""Double opt-in introductions: which step comes next, who it waits on, and what the agenda
says about it.

You ask A first (the person whose consent matters most: the busier or more senior one), and
only once A agrees do you ask B; once B agrees you write one message to both and step back.
Each step is dated on the introduction itself (`amity.model.Introduction`), so everything
here is a pure function of the introduction, the two names and `today`.

An introduction waits on you when the next message is yours to send (proposed: ask A;
A agreed: ask B; B agreed: write the introduction), on A or B while their answer is out,
and on nobody once it is made, done or declined. Two gentle rules bring it back to you:
an answer out for NUDGE_AFTER_DAYS gets one nudge, and an introduction made
OUTCOME_AFTER_DAYS ago without an outcome gets a thank-you that asks how it went.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from amity.engines.agenda import AgendaItem, make_item, relative_day
from amity.errors import UsageError
from amity.model.enums import INTRODUCTION_TRANSITIONS, IntroductionState, ReminderKind
from amity.model.network import Introduction

S = IntroductionState

NUDGE_AFTER_DAYS = 7  # an answer out this long gets one gentle nudge
OUTCOME_AFTER_DAYS = 14  # an introduction made this long ago: ask how it went

# The order of the steps, and the field of `Introduction` that dates each.
STEP_FIELDS: tuple[tuple[IntroductionState, str], ...] = (
    (S.PROPOSED, "created_on"),
    (S.ASKED_A, "asked_a_on"),
    (S.A_AGREED, "a_agreed_on"),
    (S.ASKED_B, "asked_b_on"),
    (S.B_AGREED, "b_agreed_on"),
    (S.INTRODUCED, "introduced_on"),
    (S.DONE, "done_on"),
    (S.DECLINED, "declined_on"),
)
_FIELD = dict(STEP_FIELDS)
_ORDER = {state: n for n, (state, _) in enumerate(STEP_FIELDS)}
CLOSED = frozenset({S.DONE, S.DECLINED})
DECLINERS = ("a", "b", "you")


@dataclass(frozen=True, slots=True)
class Pair:
    """The two people's names as the user sees them, A (asked first) and B."""

    a: str
    b: str

    @property
    def a_short(self) -> str:
        return short(self.a)

    @property
    def b_short(self) -> str:
        return short(self.b)


def short(name: str) -> str:
    """The first word of a name ("Ana" for "Ana Reyes"), for a second mention."""
    words = name.split()
    return words[0] if words else name


@dataclass(frozen=True, slots=True)
class Status:
    """Where an introduction stands on `today`."""

    waiting_on: str  # "you", "a", "b" or "" (nobody)
    since: date  # the day of its latest step
    next_step: str  # a sentence: "Ask Ana Reyes whether an introduction to Ben Ode is welcome"
    your_move: bool  # something is yours to do today: a step, a nudge or asking how it went


def steps(intro: Introduction) -> tuple[tuple[IntroductionState, date], ...]:
    """Each step taken, with its day, in the order of the story."""
    found = []
    for state, field in STEP_FIELDS:
        day = getattr(intro, field)
        if day is not None:
            found.append((state, day))
    return tuple(found)


def latest_step(intro: Introduction) -> date:
    """The day of the latest step (the proposal's day when nothing else happened)."""
    days = [day for _, day in steps(intro)]
    if not days:
        raise UsageError(f"introduction #{intro.id} has no date")
    return max(days)


def is_open(state: IntroductionState) -> bool:
    return state not in CLOSED


# --- moving on ------------------------------------------------------------------------------


def asked_step(intro: Introduction, names: Pair) -> IntroductionState:
    """The step `asked` records: asking A at first, asking B once A agreed."""
    if intro.state is S.PROPOSED:
        return S.ASKED_A
    if intro.state is S.A_AGREED:
        return S.ASKED_B
    raise UsageError(refusal(intro, S.ASKED_B, names))


def agreed_step(intro: Introduction, names: Pair) -> IntroductionState:
    """The step `agreed` records: whoever was asked said yes."""
    if intro.state is S.ASKED_A:
        return S.A_AGREED
    if intro.state is S.ASKED_B:
        return S.B_AGREED
    early = _ORDER[intro.state] < _ORDER[S.ASKED_A]
    raise UsageError(refusal(intro, S.A_AGREED if early else S.B_AGREED, names))


def default_decliner(state: IntroductionState) -> str:
    """Who said no when the user does not say: the person asked, else you."""
    return {S.ASKED_A: "a", S.ASKED_B: "b"}.get(state, "you")


def check_move(intro: Introduction, to: IntroductionState, names: Pair) -> None:
    """Nothing when `to` may follow the introduction's state; else a UsageError saying what
    has to happen first (or what already did)."""
    if to not in INTRODUCTION_TRANSITIONS[intro.state]:
        raise UsageError(refusal(intro, to, names))


def refusal(intro: Introduction, to: IntroductionState, names: Pair) -> str:
    """Why `to` cannot follow where the introduction stands, and what to do instead."""
    a, b, a1, b1 = names.a, names.b, names.a_short, names.b_short
    now, n = intro.state, intro.id
    if now is S.DECLINED:
        who = {"a": a, "b": b, "you": "you"}.get(intro.declined_by, "")
        by = f" by {who}" if who else ""
        return (
            f"the introduction of {a} and {b} was declined{by} on {_day(intro, S.DECLINED)}; "
            f'propose it again with: amity intro "{a}" "{b}" --reason TEXT'
        )
    if now is S.DONE:
        return f"the introduction of {a} and {b} is done ({_day(intro, S.DONE)}): nothing follows"
    if to is S.PROPOSED:
        return "an introduction is proposed once, when it starts"
    if to is S.DECLINED:
        return (
            f"{a} and {b} were already introduced on {_day(intro, S.INTRODUCED)}: write how it "
            f"went instead (amity intro outcome {n} TEXT)"
        )
    if _ORDER[to] <= _ORDER[now]:
        return f"{_already(to, names)} on {_day(intro, to)} (introduction #{n})"
    if to is S.DONE:
        return f"{a} and {b} have not been introduced yet: write the outcome after the introduction"
    if now is S.PROPOSED:
        if to is S.ASKED_B:
            return f"{a} has not been asked yet: ask {a1} first, then {b1} once {a1} says yes"
        return f"{a} has not been asked yet: ask {a1} first (amity intro asked {n})"
    if now is S.ASKED_A:
        if to is S.INTRODUCED:
            return f"{a} has not agreed yet: introduce them once both said yes"
        return f"{a} has not agreed yet: ask {b1} after {a1} says yes"
    if now is S.A_AGREED:
        return f"{b} has not been asked yet: ask {b1} first (amity intro asked {n})"
    return f"{b} has not agreed yet: introduce them once {b1} says yes"


def _already(state: IntroductionState, names: Pair) -> str:
    return {
        S.ASKED_A: f"you already asked {names.a}",
        S.A_AGREED: f"{names.a} already agreed",
        S.ASKED_B: f"you already asked {names.b}",
        S.B_AGREED: f"{names.b} already agreed",
        S.INTRODUCED: f"you already introduced {names.a_short} and {names.b_short}",
    }.get(state, f"it was already {state.value}")


def _day(intro: Introduction, state: IntroductionState) -> str:
    day = getattr(intro, _FIELD[state])
    return day.isoformat() if day is not None else "an unknown day"


def moved(
    intro: Introduction,
    to: IntroductionState,
    on: date,
    today: date,
    names: Pair,
    *,
    declined_by: str = "",
    outcome: str = "",
) -> Introduction:
    """The introduction after the step `to`, taken on `on` (never after `today`, never
    before its latest step). Declined says by whom (the person asked, unless told)."""
    check_move(intro, to, names)
    if on > today:
        raise UsageError(f"{on.isoformat()} is after today: a step is dated when it happened")
    before = latest_step(intro)
    if on < before:
        raise UsageError(
            f"{on.isoformat()} is before the introduction's latest step ({before.isoformat()})"
        )
    changes: dict[str, object] = {"state": to, "updated_on": on, _FIELD[to]: on}
    if to is S.DECLINED:
        who = declined_by or default_decliner(intro.state)
        if who not in DECLINERS:
            raise UsageError(f"declined by {who!r}? expected a, b or you")
        changes["declined_by"] = who
    elif declined_by:
        raise UsageError("--by goes with declined only")
    if to is S.DONE:
        if not outcome.strip():
            raise UsageError('say how it went, e.g. "they are working together"')
        changes["outcome"] = outcome.strip()
    elif outcome.strip():
        raise UsageError("an outcome is written when the introduction is done")
    return replace(intro, **changes)  # type: ignore[arg-type]


# --- where it stands ------------------------------------------------------------------------


def status(intro: Introduction, names: Pair, today: date) -> Status:
    """Who the introduction waits on, since when, and the next step in words."""
    since = latest_step(intro)
    a, b, a1, b1 = names.a, names.b, names.a_short, names.b_short
    waited = (today - since).days
    state = intro.state
    if state is S.PROPOSED:
        return Status("you", since, f"Ask {a} whether an introduction to {b} is welcome", True)
    if state is S.A_AGREED:
        step = f"{a1} said yes: ask {b} whether an introduction to {a} is welcome"
        return Status("you", since, step, True)
    if state is S.B_AGREED:
        return Status("you", since, f"Both said yes: introduce {a} and {b} in one message", True)
    if state in (S.ASKED_A, S.ASKED_B):
        who, whom = ("a", a) if state is S.ASKED_A else ("b", b)
        if waited >= NUDGE_AFTER_DAYS:
            return Status(who, since, f"Nudge {whom} gently: no answer for {waited} days", True)
        nudge = (since + timedelta(days=NUDGE_AFTER_DAYS)).isoformat()
        return Status(who, since, f"Wait for {short(whom)}'s answer; nudge on {nudge}", False)
    if state is S.INTRODUCED:
        if waited >= OUTCOME_AFTER_DAYS:
            return Status("you", since, f"Ask {a1} and {b1} how the introduction went", True)
        ask = (since + timedelta(days=OUTCOME_AFTER_DAYS)).isoformat()
        return Status(
            "", since, f"Give {a1} and {b1} time to talk; ask how it went on {ask}", False
        )
    if state is S.DONE:
        return Status("", since, "Done" + (f": {intro.outcome}" if intro.outcome else ""), False)
    return Status("", since, "Declined: nothing more to do", False)


def item_key(intro_id: int, state: IntroductionState) -> str:
    """The agenda key of one step of one introduction: `intro:3:proposed`."""
    return f"intro:{intro_id}:{state.value}"


def agenda_item(
    intro: Introduction, names: Pair, today: date, *, strength_a: int = 0, strength_b: int = 0
) -> AgendaItem | None:
    """The agenda item of an introduction when it is your move (None otherwise), keyed
    `intro:ID:STATE` so that done and snooze act on this step only: the next step is a new
    item. A step of yours is a reminder, due the day after it came to you and shown every day
    from then on whatever fills the budget (a commitment, as a promise is); a nudge and
    asking how it went take their turn like a check-in.
    The item is for the person the message goes to (A for the introduction itself)."""
    here = status(intro, names, today)
    if intro.id is None or not here.your_move:
        return None
    to_b = intro.state in (S.A_AGREED, S.ASKED_B)
    person_id, person = (intro.person_b_id, names.b) if to_b else (intro.person_a_id, names.a)
    strength = strength_b if to_b else strength_a
    key = item_key(intro.id, intro.state)
    if intro.state in (S.ASKED_A, S.ASKED_B):
        reason = f"{here.next_step} (introduction #{intro.id})"
        due = here.since + timedelta(days=NUDGE_AFTER_DAYS)
        return make_item(
            ReminderKind.CHECK_IN, key, person_id, person, due, reason, strength=strength
        )
    if intro.state is S.INTRODUCED:
        ago = relative_day((here.since - today).days)
        reason = f"{here.next_step} (introduced {ago}; introduction #{intro.id})"
        due = here.since + timedelta(days=OUTCOME_AFTER_DAYS)
        return make_item(
            ReminderKind.CHECK_IN, key, person_id, person, due, reason, strength=strength
        )
    due = here.since + timedelta(days=1)
    reason = f"{here.next_step} (introduction #{intro.id})"
    return make_item(ReminderKind.REMINDER, key, person_id, person, due, reason, strength=strength)


def step_phrase(
    state: IntroductionState, names: Pair, *, declined_by: str = "", outcome: str = ""
) -> str:
    """What a step was, in words: "asked Ana Reyes", "Ben Ode agreed", "declined by you"."""
    a, b = names.a, names.b
    if state is S.DECLINED:
        return "declined by " + {"a": a, "b": b}.get(declined_by, "you")
    if state is S.DONE:
        return f"done: {outcome}" if outcome else "done"
    return {
        S.PROPOSED: f"proposed: {a} first, then {b}",
        S.ASKED_A: f"asked {a}",
        S.A_AGREED: f"{a} agreed",
        S.ASKED_B: f"asked {b}",
        S.B_AGREED: f"{b} agreed",
        S.INTRODUCED: f"introduced {a} and {b}",
    }[state]
