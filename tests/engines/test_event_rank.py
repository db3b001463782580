"""The worth-it engine: follow-ups in the window, the tie judged on its 90th day from what
happened up to it, and orders a thoughtful person would agree with."""

from __future__ import annotations

from datetime import date, timedelta

from amity.engines.event_rank import (
    Met,
    Outcome,
    Tally,
    person_outcome,
    ranked_events,
    ranked_sources,
    tally,
)
from amity.engines.strength import Contact
from amity.model.enums import Direction, InteractionKind

DAY = date(2026, 5, 14)
LATER = DAY + timedelta(days=200)


def _c(days: int, kind: str = "email", way: str = "outbound") -> tuple[Contact, bool]:
    return Contact(DAY + timedelta(days=days), InteractionKind(kind), Direction(way)), False


MEETING = (Contact(DAY, InteractionKind.MET, Direction.MUTUAL), True)


def test_a_follow_up_counts_within_the_window_and_only_yours() -> None:
    def followed(*contacts: tuple[Contact, bool]) -> bool:
        return person_outcome(Met(1, DAY, (MEETING, *contacts)), LATER).followed_up

    assert followed(_c(0))  # the same evening
    assert followed(_c(7))
    assert not followed(_c(8))  # a week and a day: the follow-up had faded
    assert not followed(_c(1, way="inbound"))  # they wrote: not your follow-up
    assert not followed()  # the meeting itself is no follow-up
    assert person_outcome(Met(1, DAY, (MEETING, _c(10))), LATER, follow_up_days=14).followed_up


def test_the_tie_is_judged_on_its_90th_day_not_today() -> None:
    answered = (MEETING, _c(1), _c(2, way="inbound"))
    assert person_outcome(Met(1, DAY, answered), LATER).active is True
    unanswered = (MEETING, _c(1))
    assert person_outcome(Met(1, DAY, unanswered), LATER).active is False
    close_later = (MEETING, *(_c(100 + 7 * n, "coffee", "mutual") for n in range(10)))
    outcome = person_outcome(Met(1, DAY, close_later), LATER)
    assert (outcome.active, outcome.meaningful) == (False, False)  # after day 90: not counted
    early = person_outcome(Met(1, DAY, answered), DAY + timedelta(days=89))
    assert (early.followed_up, early.active, early.meaningful) == (True, None, None)


def _t(name: str, met: int, active: int, meaningful: int = 0, day: int = 0) -> Tally:
    outcomes = [Outcome(False, n < active, n < meaningful) for n in range(met)]
    return tally(name, DAY + timedelta(days=day), outcomes)


def test_an_event_that_gave_more_lasting_ties_ranks_first_and_too_early_last() -> None:
    conference = _t("Conference", 40, 6, 2)
    lucky = _t("Dinner", 1, 1, 1)
    meetup = _t("Meetup", 5, 3, 1)
    early = tally("Last week", DAY + timedelta(days=150), [Outcome(True, None, None)] * 3)
    order = [t.name for t in ranked_events([lucky, early, meetup, conference])]
    assert order == ["Conference", "Meetup", "Dinner", "Last week"]
    assert early.active is None and early.followed_up == 3


def test_a_source_ranks_by_its_share_and_one_lucky_person_does_not_win() -> None:
    wedding = _t("met at a wedding", 1, 1)
    pycon = _t("met at PyCon", 40, 20)
    linkedin = _t("LinkedIn import", 5000, 50)
    climbing = _t("#climbing", 12, 5)
    order = [t.name for t in ranked_sources([wedding, linkedin, pycon, climbing])]
    assert order == ["met at PyCon", "#climbing", "met at a wedding", "LinkedIn import"]


def test_meeting_again_on_day_two_of_the_same_event_is_no_answer() -> None:
    day_two = (Contact(DAY + timedelta(days=1), InteractionKind.MET, Direction.MUTUAL), True)
    outcome = person_outcome(Met(1, DAY, (MEETING, day_two)), LATER)
    assert (outcome.followed_up, outcome.active) == (False, False)
