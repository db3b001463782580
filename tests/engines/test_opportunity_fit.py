"""engines/opportunity_fit.py: who an opportunity suits, judged on hand-built people as a
thoughtful friend would judge them."""

from __future__ import annotations

from amity.engines.opportunity_fit import (
    MIN_SCORE,
    Profile,
    Wanted,
    folded,
    needles,
    suited,
    terms,
)
from amity.model import OpportunityKind

JOB = OpportunityKind.JOB

PEOPLE = [
    Profile(1, "Ana Lima", needs="Looking for a data engineering job"),
    Profile(2, "Ben Ode", interests="data, climbing"),
    Profile(3, "Cy Park", title="Data Analyst"),
    Profile(4, "Dee Ray", title="Senior Data Engineer", headline="Senior Data Engineer at Acme"),
    Profile(5, "Eve Zhu", title="Accountant", needs="looking for a new job, senior role"),
    Profile(6, "Fay Wu", needs="a cofounder", offers="data engineering consulting"),
]


def _names(wanted: Wanted, people: list[Profile] = PEOPLE) -> list[tuple[str, int, str]]:
    return [(f.name, f.score, f.reason) for f in suited(wanted, people, total=len(people))]


def test_someone_looking_for_the_job_comes_first_then_who_does_it() -> None:
    found = _names(Wanted(JOB, "Data Engineer at Plaid", organization="Plaid"))
    assert [name for name, _, _ in found] == ["Ana Lima", "Dee Ray", "Fay Wu", "Cy Park"]
    assert found[0] == ("Ana Lima", 100, "Looking for a data engineering job")
    assert found[1][2] == "title Senior Data Engineer"  # the headline says it again: once
    assert found[2][2] == "offers data engineering consulting"
    # A mere interest in "data" is no reason to pass a job on; "job", "new", "senior" and
    # "role" say nothing, so Eve is never suggested.
    assert "Ben Ode" not in [n for n, _, _ in found] and "Eve Zhu" not in [n for n, _, _ in found]


def test_an_interest_alone_ranks_below_a_need_and_a_title() -> None:
    people = [
        Profile(1, "Ana", interests="data engineering, pipelines"),
        Profile(2, "Ben", needs="looking for a data engineering job"),
        Profile(3, "Cy", title="Data Engineer"),
    ]
    assert [n for n, _, _ in _names(Wanted(JOB, "Data engineer"), people)] == ["Ben", "Cy", "Ana"]
    assert _names(Wanted(JOB, "Data engineer"), people)[2][2] == ("interested in data engineering")


def test_someone_hiring_for_the_role_is_not_a_candidate_for_it() -> None:
    people = [
        Profile(1, "Ana", needs="Hiring a data engineer for my team; a good climbing gym"),
        Profile(2, "Ben", needs="Recruiting data engineers"),
        Profile(3, "Cy", needs="hiring a designer. Looking for a data engineering role"),
    ]
    found = _names(Wanted(JOB, "Data engineer"), people)
    assert found == [("Cy", 100, "Looking for a data engineering role")]


def test_generic_words_never_match() -> None:
    people = [Profile(1, "Ana", needs="looking for a new senior role, remote, full time")]
    assert suited(Wanted(JOB, "Senior role, remote, full time"), people, total=1) == []
    assert terms("Hiring: a senior staff job at a great company") == []


def test_a_talk_suits_whoever_offers_or_speaks_on_the_topic() -> None:
    people = [
        Profile(1, "Ana", offers="talks on kubernetes security"),
        Profile(2, "Ben", title="Kubernetes Engineer"),
        Profile(3, "Cy", interests="gardening"),
    ]
    found = _names(
        Wanted(OpportunityKind.SPEAKING, "Kubernetes security talk", organization="KubeCon"), people
    )
    assert [n for n, _, _ in found] == ["Ana", "Ben"]
    assert found[0][2] == "offers talks on kubernetes security"


def test_rare_words_weigh_more_than_common_ones() -> None:
    crowd = [Profile(i, f"Eng {i}", title="Engineer") for i in range(10, 30)]
    people = [
        *crowd,
        Profile(1, "Ana", title="Rust Developer"),
        Profile(2, "Ben", title="Engineer"),
    ]
    found = suited(Wanted(JOB, "Rust engineer"), people, total=len(people))
    assert found[0].name == "Ana"  # "rust" is rare here, "engineer" is everywhere


def test_the_description_counts_half_and_the_score_is_bounded() -> None:
    people = [Profile(1, "Ana", title="Designer"), Profile(2, "Ben", title="Python Developer")]
    found = suited(Wanted(JOB, "Designer", "python would help"), people, total=2)
    assert [f.name for f in found] == ["Ana", "Ben"]
    assert all(MIN_SCORE <= f.score <= 100 for f in found)


def test_the_prefilter_keeps_everyone_who_could_match() -> None:
    wanted = Wanted(JOB, "Hiring designers", "companies in Zürich")
    pieces = needles(wanted)
    for text in ("Designer", "design lead", "Company: ZURICH", "Zürich"):
        assert any(p in folded(text) for p in pieces), text
    assert not any(p in folded("Accountant") for p in pieces)


def test_ties_are_broken_by_name_then_id() -> None:
    people = [Profile(2, "Bea", title="Chef"), Profile(1, "Ann", title="Chef")]
    assert [f.person_id for f in suited(Wanted(JOB, "Chef"), people, total=2)] == [1, 2]
