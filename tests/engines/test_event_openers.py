"""Openers, judged as a good networker would: open questions about them, that show you
remember something, suited to why you came; varied, never empty for a person."""

from __future__ import annotations

from amity.engines.event_openers import (
    News,
    Occasion,
    Someone,
    audience_openers,
    person_openers,
)

FAIR = Occasion(
    "Fintech Fair", "meet engineers from payments companies", "Backend role at a fintech"
)
SUMMIT = Occasion(
    "Web Summit", "meet three investors and two design partners", "Raise a seed round"
)
CLOSED_STARTS = ("do ", "does ", "did ", "is ", "are ", "was ", "were ", "have ", "has ", "can ")


def _open_questions(questions: list[str]) -> None:
    assert questions, "never empty"
    for question in questions:
        assert question.endswith("?"), question
        assert not question.lower().startswith(CLOSED_STARTS), f"yes/no question: {question}"
        assert "  " not in question and "{" not in question, question
    starts = [" ".join(q.lower().split()[:3]) for q in questions]
    assert len(set(starts)) == len(starts), f"two read alike: {questions}"


def test_news_comes_first_and_speaks_to_them() -> None:
    lee = Someone("Lee Park", "Engineer", "Stripe", news=(News("new_job", "Stripe"),),
                  last_talk="their move to Lisbon")  # fmt: skip
    questions = person_openers(lee, FAIR)
    _open_questions(questions)
    assert questions[0] == "How are the first months at Stripe going, and what has surprised you?"
    assert "your move to Lisbon" in questions[1]  # their notes, said to them
    assert len(questions) == 3


def test_a_recruiter_at_a_job_fair_is_asked_what_they_look_for() -> None:
    priya = Someone("Priya Nilsson", "Recruiter", "Datadog")
    questions = person_openers(priya, FAIR)
    _open_questions(questions)
    assert "What kind of people is Datadog hoping to find now?" in questions
    assert "What makes someone early in their career stand out to you?" in questions


def test_a_founder_raising_asks_an_investor_about_what_they_look_for() -> None:
    vc = Someone("Ana Reyes", "Partner", "Seedcamp", interests="climbing, jazz")
    questions = person_openers(vc, SUMMIT)
    _open_questions(questions)
    assert "What are you looking for in your next bet?" in questions
    assert any("pitched you" in q for q in questions)


def test_needs_are_asked_about_openly() -> None:
    ben = Someone("Ben Ode", needs="a co-founder who knows sales")
    questions = person_openers(ben, FAIR)
    _open_questions(questions)
    assert questions[0] == (
        "You were looking for a co-founder who knows sales: how is that going, and what would help?"
    )


def test_several_people_at_one_company_do_not_all_hear_the_same_question() -> None:
    asked = {
        person_openers(Someone(name, "Engineer", "Stripe"), Occasion("Meetup"))[0]
        for name in ("Ana Reyes", "Ben Ode", "Cara Lin", "Dan Vo", "Eve Park")
    }
    assert len(asked) >= 2


def test_someone_known_by_name_only_still_gets_an_opener() -> None:
    assert person_openers(Someone("Zoe Quinn"), FAIR) == [
        "How did you find your way into the work you do now?"
    ]
    assert person_openers(Someone("Zoe Quinn"), Occasion("Meetup")) == [
        "What brings you to Meetup?"
    ]


def test_the_room_gets_questions_that_suit_the_purpose() -> None:
    for occasion in (FAIR, SUMMIT, Occasion("Meetup"), Occasion("Expo", "find design partners")):
        questions = audience_openers(occasion)
        _open_questions(questions)
        assert questions[0].startswith(f"What brought you to {occasion.event}")
        assert len(questions) == 3
    assert any("stand out" in q for q in audience_openers(SUMMIT))
    assert any("tedious" in q for q in audience_openers(Occasion("Expo", "find design partners")))


def test_an_interest_that_is_a_question_is_not_asked_as_a_hobby() -> None:
    radia = Someone("Radia Shaw", "Product Manager", "Elastic",
                    interests="how they got into product management")  # fmt: skip
    questions = person_openers(radia, Occasion("Meetup"))
    assert questions and not any("how you got into" in q for q in questions), questions
    climber = Someone("Sam Ode", interests="climbing")
    assert "What drew you to climbing, and what keeps you at it?" in person_openers(
        climber, Occasion("Meetup")
    )


def test_a_student_meeting_recruiters_is_the_one_looking_not_the_one_hiring() -> None:
    """Maya's purpose says "recruiters": they hire, she is after the job."""
    maya = audience_openers(Occasion("Career Fair", "meet fintech recruiters", "backend role"))
    assert "What would make you look at a new role, if anything?" not in maya
    assert any("first year" in q for q in maya)
    hiring = Occasion("Meetup", "meet companies that are hiring", "backend role at a fintech")
    assert any("first year" in q for q in audience_openers(hiring))
    for founder in (
        Occasion("Meetup", "hire two backend engineers"),
        Occasion("Meetup", "hiring a designer"),
        Occasion("Expo", "meet candidates for the CTO role"),
    ):
        assert "What would make you look at a new role, if anything?" in audience_openers(founder)
