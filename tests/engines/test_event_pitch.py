"""The elevator pitch, read as the person saying it would: who I am, what I'm after, why
I'm here; nothing invented, nothing doubled, no template seams."""

from __future__ import annotations

from amity.engines.event_pitch import Profile, elevator_pitch

MAYA = Profile("Maya Chen", "Final-year CS student | Python, Go")
AISHA = Profile("Aisha Rahman", "Founder at Loomwork")


def test_a_student_looking_for_a_job_says_who_she_is_what_she_wants_and_why_she_came() -> None:
    pitch = elevator_pitch(
        MAYA,
        event="Fintech Fair",
        purpose="meet engineers from payments companies",
        goals=["Backend role at a fintech"],
    )
    assert pitch == (
        "I'm Maya Chen, a final-year CS student. Right now I'm looking for a backend role at "
        "a fintech. At Fintech Fair I'm hoping to meet engineers from payments companies."
    )


def test_a_founder_raising_says_she_is_trying_to_raise() -> None:
    pitch = elevator_pitch(
        AISHA,
        event="Web Summit",
        purpose="Meet three investors and two design partners",
        goals=["Raise a seed round"],
    )
    assert pitch == (
        "I'm Aisha Rahman, the founder of Loomwork. Right now I'm trying to raise a seed round. "
        "At Web Summit I'm hoping to meet three investors and two design partners."
    )
    assert pitch.count("I'm") == 3 and "  " not in pitch


def test_the_current_job_stands_in_for_a_missing_headline() -> None:
    pitch = elevator_pitch(
        Profile("Dan Wu", title="Senior Engineer", organization="Acme"), event="X"
    )
    assert pitch == "I'm Dan Wu, a senior engineer at Acme."


def test_a_goal_alone_still_makes_a_pitch_without_a_name() -> None:
    pitch = elevator_pitch(Profile(), event="Meetup", goals=["Move into fintech by June"])
    assert pitch == "Right now I'm trying to move into fintech by June."


def test_a_purpose_that_repeats_the_goal_is_said_once() -> None:
    pitch = elevator_pitch(MAYA, event="Fair", purpose="Backend role at a fintech.",
                           goals=["backend role at a fintech"])  # fmt: skip
    assert pitch.lower().count("backend role") == 1


def test_names_and_acronyms_keep_their_capitals() -> None:
    pitch = elevator_pitch(MAYA, event="Fair", goals=["Plaid internship"])
    assert "looking for a Plaid internship" in pitch
    pitch = elevator_pitch(Profile("Li", "ML engineer"), event="Fair")
    assert pitch == "I'm Li, an ML engineer."


def test_nothing_known_is_no_pitch_rather_than_a_placeholder() -> None:
    assert elevator_pitch(Profile(), event="Fair") == ""
