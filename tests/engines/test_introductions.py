"""engines/introductions.py: the double opt-in state machine, whom it waits on, and the
agenda's items day by day, checked on hand-made introductions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from amity.engines import introductions as rules
from amity.engines.introductions import Pair
from amity.errors import UsageError
from amity.model import INTRODUCTION_TRANSITIONS, Introduction, IntroductionState, ReminderKind

S = IntroductionState
DAY = date(2026, 11, 2)
NAMES = Pair("Ana Reyes", "Ben Ode")
FORWARD = (S.PROPOSED, S.ASKED_A, S.A_AGREED, S.ASKED_B, S.B_AGREED, S.INTRODUCED, S.DONE)


def _proposed() -> Introduction:
    return Introduction(1, 2, "both work on payments fraud", created_on=DAY, updated_on=DAY, id=7)


def _at(state: IntroductionState, day: date = DAY) -> Introduction:
    """The introduction walked forward to `state`, one step a day from DAY (declined: on
    the day after it was asked)."""
    intro = _proposed()
    for n, step in enumerate(FORWARD[1:], start=1):
        if intro.state is state:
            break
        if state is S.DECLINED and intro.state is S.ASKED_A:
            return rules.moved(intro, S.DECLINED, day + timedelta(n), day + timedelta(n), NAMES)
        outcome = "they are working together" if step is S.DONE else ""
        intro = rules.moved(
            intro, step, day + timedelta(n), day + timedelta(n), NAMES, outcome=outcome
        )
    return intro


def test_the_walk_forward_dates_every_step() -> None:
    done = _at(S.DONE)
    assert done.state is S.DONE and done.outcome == "they are working together"
    assert rules.steps(done) == tuple((s, DAY + timedelta(n)) for n, s in enumerate(FORWARD))
    assert rules.latest_step(done) == DAY + timedelta(6)


@pytest.mark.parametrize("now", list(S))
@pytest.mark.parametrize("to", list(S))
def test_every_move_is_allowed_exactly_as_the_transitions_say(
    now: IntroductionState, to: IntroductionState
) -> None:
    intro = _at(now)
    today = DAY + timedelta(30)
    outcome = "met twice" if to is S.DONE else ""
    if to in INTRODUCTION_TRANSITIONS[now]:
        after = rules.moved(intro, to, today, today, NAMES, outcome=outcome)
        assert after.state is to and after.updated_on == today
        assert dict(rules.steps(after))[to] == today
    else:
        with pytest.raises(UsageError) as refused:
            rules.moved(intro, to, today, today, NAMES, outcome=outcome)
        message = str(refused.value)
        assert message and "None" not in message and "IntroductionState" not in message


def test_refusals_say_what_has_to_happen_first() -> None:
    def refused(state: IntroductionState, to: IntroductionState) -> str:
        return rules.refusal(_at(state), to, NAMES)

    assert (
        refused(S.ASKED_A, S.ASKED_B) == "Ana Reyes has not agreed yet: ask Ben after Ana says yes"
    )
    assert refused(S.PROPOSED, S.A_AGREED) == (
        "Ana Reyes has not been asked yet: ask Ana first (amity intro asked 7)"
    )
    assert refused(S.A_AGREED, S.B_AGREED) == (
        "Ben Ode has not been asked yet: ask Ben first (amity intro asked 7)"
    )
    assert refused(S.ASKED_B, S.INTRODUCED) == (
        "Ben Ode has not agreed yet: introduce them once Ben says yes"
    )
    assert refused(S.B_AGREED, S.DONE).startswith("Ana Reyes and Ben Ode have not been introduced")
    assert refused(S.INTRODUCED, S.DECLINED) == (
        "Ana Reyes and Ben Ode were already introduced on 2026-11-07: write how it went "
        "instead (amity intro outcome 7 TEXT)"
    )
    assert refused(S.ASKED_B, S.ASKED_A) == (
        "you already asked Ana Reyes on 2026-11-03 (introduction #7)"
    )
    assert refused(S.DECLINED, S.ASKED_B) == (
        "the introduction of Ana Reyes and Ben Ode was declined by Ana Reyes on 2026-11-04; "
        'propose it again with: amity intro "Ana Reyes" "Ben Ode" --reason TEXT'
    )
    assert "is done (2026-11-08): nothing follows" in refused(S.DONE, S.DECLINED)


def test_asked_and_agreed_name_the_step_of_the_person_asked() -> None:
    assert rules.asked_step(_at(S.PROPOSED), NAMES) is S.ASKED_A
    assert rules.asked_step(_at(S.A_AGREED), NAMES) is S.ASKED_B
    assert rules.agreed_step(_at(S.ASKED_A), NAMES) is S.A_AGREED
    assert rules.agreed_step(_at(S.ASKED_B), NAMES) is S.B_AGREED
    with pytest.raises(UsageError, match="Ana Reyes has not agreed yet: ask Ben after Ana"):
        rules.asked_step(_at(S.ASKED_A), NAMES)
    with pytest.raises(UsageError, match="you already asked Ben Ode on 2026-11-05"):
        rules.asked_step(_at(S.B_AGREED), NAMES)
    with pytest.raises(UsageError, match="Ana Reyes has not been asked yet"):
        rules.agreed_step(_at(S.PROPOSED), NAMES)
    with pytest.raises(UsageError, match="Ben Ode has not been asked yet"):
        rules.agreed_step(_at(S.A_AGREED), NAMES)


def test_a_step_is_dated_between_the_latest_step_and_today() -> None:
    asked = _at(S.ASKED_A)  # asked on 3 Nov
    today = DAY + timedelta(10)
    with pytest.raises(UsageError, match="after today"):
        rules.moved(asked, S.A_AGREED, today + timedelta(1), today, NAMES)
    with pytest.raises(UsageError, match=r"before the introduction's latest step \(2026-11-03\)"):
        rules.moved(asked, S.A_AGREED, DAY, today, NAMES)
    same_day = rules.moved(asked, S.A_AGREED, DAY + timedelta(1), today, NAMES)
    assert same_day.a_agreed_on == asked.asked_a_on


def test_declined_says_by_whom_the_person_asked_unless_told() -> None:
    today = DAY + timedelta(10)
    assert rules.moved(_at(S.ASKED_A), S.DECLINED, today, today, NAMES).declined_by == "a"
    assert rules.moved(_at(S.ASKED_B), S.DECLINED, today, today, NAMES).declined_by == "b"
    assert rules.moved(_at(S.B_AGREED), S.DECLINED, today, today, NAMES).declined_by == "you"
    mine = rules.moved(_at(S.ASKED_A), S.DECLINED, today, today, NAMES, declined_by="you")
    assert mine.declined_by == "you" and mine.declined_on == today
    with pytest.raises(UsageError, match="expected a, b or you"):
        rules.moved(_at(S.ASKED_A), S.DECLINED, today, today, NAMES, declined_by="c")
    with pytest.raises(UsageError, match="--by goes with declined only"):
        rules.moved(_at(S.ASKED_A), S.A_AGREED, today, today, NAMES, declined_by="a")


def test_done_needs_its_outcome() -> None:
    today = DAY + timedelta(30)
    with pytest.raises(UsageError, match="say how it went"):
        rules.moved(_at(S.INTRODUCED), S.DONE, today, today, NAMES, outcome="  ")
    with pytest.raises(UsageError, match="an outcome is written when"):
        rules.moved(_at(S.ASKED_A), S.A_AGREED, today, today, NAMES, outcome="great")


def test_whom_each_state_waits_on_and_since_when() -> None:
    today = DAY + timedelta(8)
    waits = {s: rules.status(_at(s), NAMES, today) for s in S}
    assert {s: w.waiting_on for s, w in waits.items()} == {
        S.PROPOSED: "you",
        S.ASKED_A: "a",
        S.A_AGREED: "you",
        S.ASKED_B: "b",
        S.B_AGREED: "you",
        S.INTRODUCED: "",
        S.DONE: "",
        S.DECLINED: "",
    }
    assert {s: w.since for s, w in waits.items()} == {
        s: DAY + timedelta(FORWARD.index(s) if s in FORWARD else 2) for s in S
    }
    assert waits[S.PROPOSED].next_step == (
        "Ask Ana Reyes whether an introduction to Ben Ode is welcome"
    )
    assert waits[S.A_AGREED].next_step == (
        "Ana said yes: ask Ben Ode whether an introduction to Ana Reyes is welcome"
    )
    assert (
        waits[S.B_AGREED].next_step
        == "Both said yes: introduce Ana Reyes and Ben Ode in one message"
    )
    assert waits[S.DONE].next_step == "Done: they are working together"


def test_an_answer_out_a_week_is_yours_to_nudge() -> None:
    asked = _at(S.ASKED_A)  # asked on 3 Nov
    six = rules.status(asked, NAMES, DAY + timedelta(7))
    assert (six.waiting_on, six.your_move) == ("a", False)
    assert six.next_step == "Wait for Ana's answer; nudge on 2026-11-10"
    seven = rules.status(asked, NAMES, DAY + timedelta(8))
    assert (seven.waiting_on, seven.your_move) == ("a", True)
    assert seven.next_step == "Nudge Ana Reyes gently: no answer for 7 days"


def test_two_weeks_after_the_introduction_ask_how_it_went() -> None:
    made = _at(S.INTRODUCED)  # introduced on 7 Nov
    early = rules.status(made, NAMES, DAY + timedelta(5 + 13))
    assert (early.waiting_on, early.your_move) == ("", False)
    assert early.next_step == "Give Ana and Ben time to talk; ask how it went on 2026-11-21"
    late = rules.status(made, NAMES, DAY + timedelta(5 + 14))
    assert (late.waiting_on, late.your_move, late.next_step) == (
        "you",
        True,
        "Ask Ana and Ben how the introduction went",
    )


def _items(intro: Introduction, days: range) -> dict[int, str]:
    """Day number after DAY -> the key of the agenda item that day (days with one only)."""
    found = {}
    for n in days:
        item = rules.agenda_item(intro, NAMES, DAY + timedelta(n), strength_a=60, strength_b=30)
        if item is not None:
            found[n] = item.key
    return found


def test_the_agenda_by_day_from_the_proposal_to_the_outcome() -> None:
    proposed = _proposed()
    first = rules.agenda_item(proposed, NAMES, DAY + timedelta(1))
    assert first is not None
    assert (first.key, first.kind, first.person_id, first.due) == (
        "intro:7:proposed",
        ReminderKind.REMINDER.value,
        1,
        DAY + timedelta(1),
    )
    assert first.reason == (
        "Ask Ana Reyes whether an introduction to Ben Ode is welcome (introduction #7)"
    )
    assert first.time_bound  # a step of yours is a commitment: shown whatever the budget
    # Proposed on day 0: the item is due the day after, and stays due until you ask.
    assert rules.agenda_item(proposed, NAMES, DAY).due == DAY + timedelta(1)  # type: ignore[union-attr]
    asked = _at(S.ASKED_A)  # day 1: nothing to do for a week, then one nudge to Ana
    nudges = _items(asked, range(1, 12))
    assert sorted(nudges) == list(range(8, 12)) and set(nudges.values()) == {"intro:7:asked_a"}
    nudge = rules.agenda_item(asked, NAMES, DAY + timedelta(9))
    assert nudge is not None and nudge.kind == ReminderKind.CHECK_IN.value
    assert nudge.due == DAY + timedelta(8) and not nudge.time_bound
    assert nudge.reason == ("Nudge Ana Reyes gently: no answer for 8 days (introduction #7)")
    ask_b = rules.agenda_item(_at(S.A_AGREED), NAMES, DAY + timedelta(3), strength_b=30)
    assert ask_b is not None and (ask_b.person_id, ask_b.person_name) == (2, "Ben Ode")
    assert ask_b.strength == 30 and ask_b.key == "intro:7:a_agreed"
    nudge_b = rules.agenda_item(_at(S.ASKED_B), NAMES, DAY + timedelta(11))
    assert nudge_b is not None and (nudge_b.person_id, nudge_b.key) == (2, "intro:7:asked_b")
    write = rules.agenda_item(_at(S.B_AGREED), NAMES, DAY + timedelta(5))
    assert write is not None and (write.person_id, write.due) == (1, DAY + timedelta(5))
    assert write.reason.startswith("Both said yes: introduce Ana Reyes and Ben Ode")
    made = _at(S.INTRODUCED)  # day 5: ask how it went from day 19
    assert _items(made, range(5, 22)) == dict.fromkeys(range(19, 22), "intro:7:introduced")
    how = rules.agenda_item(made, NAMES, DAY + timedelta(19))
    assert how is not None and how.reason == (
        "Ask Ana and Ben how the introduction went (introduced 14 days ago; introduction #7)"
    )
    assert _items(_at(S.DONE), range(0, 60)) == {}
    assert _items(_at(S.DECLINED), range(0, 60)) == {}


def test_an_introduction_without_an_id_has_no_item() -> None:
    assert rules.agenda_item(replace(_proposed(), id=None), NAMES, DAY + timedelta(3)) is None


def test_step_phrases_tell_the_story() -> None:
    assert rules.step_phrase(S.PROPOSED, NAMES) == "proposed: Ana Reyes first, then Ben Ode"
    assert rules.step_phrase(S.ASKED_B, NAMES) == "asked Ben Ode"
    assert rules.step_phrase(S.DECLINED, NAMES, declined_by="b") == "declined by Ben Ode"
    assert rules.step_phrase(S.DECLINED, NAMES, declined_by="you") == "declined by you"
    assert rules.step_phrase(S.DONE, NAMES, outcome="hired") == "done: hired"
