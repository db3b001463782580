"""The rules that infer who knows whom: what a thoughtful person would call evidence."""

from __future__ import annotations

from datetime import date

from amity.engines.tie_inference import (
    EVENT_MAX,
    THREAD_MAX,
    Evidence,
    InferredTie,
    Stint,
    infer_ties,
)
from amity.model import TieKind, TieSource

TODAY = date(2026, 12, 1)


def _one(evidence: Evidence) -> InferredTie:
    found = infer_ties(evidence, TODAY)
    assert len(found) == 1, found
    return found[0]


def test_colleagues_overlap_only_in_the_years_they_shared() -> None:
    tie = _one(
        Evidence(
            stints=(
                Stint(1, "Acme", date(2019, 3, 1), date(2022, 6, 30)),
                Stint(2, "Acme", date(2021, 1, 1), date(2023, 5, 1)),
            )
        )
    )
    assert (tie.a, tie.b, tie.source, tie.kind) == (1, 2, TieSource.COLLEAGUES, TieKind.COLLEAGUE)
    assert tie.why == "colleagues at Acme 2021–2022"
    assert 40 <= tie.strength <= 50  # a year and a half together


def test_at_the_same_organisation_at_different_times_is_no_tie() -> None:
    evidence = Evidence(
        stints=(
            Stint(1, "Acme", date(2012, 1, 1), date(2015, 1, 1)),
            Stint(2, "Acme", date(2019, 1, 1), None),
            Stint(3, "Globex", date(2013, 1, 1), date(2014, 1, 1)),
        )
    )
    assert infer_ties(evidence, TODAY) == []


def test_longer_overlap_is_stronger_and_current_colleagues_say_since() -> None:
    long, short = infer_ties(
        Evidence(
            stints=(
                Stint(1, "Acme", date(2016, 1, 1), None),
                Stint(2, "Acme", date(2017, 1, 1), None),
                Stint(3, "Acme", date(2025, 6, 1), None),
            )
        ),
        TODAY,
    )[:2]
    assert long.why == "colleagues at Acme since 2017"
    assert long.strength > short.strength


def test_a_huge_organisation_is_no_evidence() -> None:
    stints = tuple(Stint(n, "Google", date(2020, 1, 1), None) for n in range(1, 60))
    assert infer_ties(Evidence(stints=stints), TODAY) == []


def test_a_small_thread_ties_everyone_in_it_and_a_crowd_does_not() -> None:
    small = {"conv-1": frozenset({1, 2, 3})}
    found = infer_ties(Evidence(threads=small), TODAY)
    assert [(t.a, t.b) for t in found] == [(1, 2), (1, 3), (2, 3)]
    assert all(t.source is TieSource.LINKEDIN_THREAD for t in found)
    assert found[0].why == "in a LinkedIn conversation of 4 (you included)"
    crowd = {"conv-2": frozenset(range(1, 31))}
    assert infer_ties(Evidence(threads=crowd), TODAY) == []
    edge = {"conv-3": frozenset(range(1, THREAD_MAX + 1))}
    assert infer_ties(Evidence(threads=edge), TODAY)  # a few people: still evidence
    two = infer_ties(Evidence(threads={"c": frozenset({1, 2})}), TODAY)[0]
    assert two.strength > found[0].strength  # the smaller the chat, the stronger


def test_shared_events_add_up_and_a_conference_is_no_evidence() -> None:
    events = {"PyCon": frozenset({1, 2}), "Dinner": frozenset({1, 2, 3})}
    found = {(t.a, t.b): t for t in infer_ties(Evidence(events=events), TODAY)}
    assert found[(1, 2)].why == "at 2 events together: Dinner, PyCon"
    assert found[(1, 2)].strength > found[(1, 3)].strength
    assert found[(1, 3)].why == "both at Dinner"
    big = {"Web Summit": frozenset(range(1, EVENT_MAX + 2))}
    assert infer_ties(Evidence(events=big), TODAY) == []


def test_met_through_introduced_and_tags_name_their_reason() -> None:
    met = _one(Evidence(met_through=((5, 2),), names={5: "Ben", 2: "Ana"}))
    assert (met.a, met.b, met.why, met.source) == (
        2,
        5,
        "you met Ben through Ana",
        TieSource.MET_THROUGH,
    )
    intro = _one(Evidence(introduced=((7, 3),)))
    assert (intro.a, intro.b, intro.kind, intro.why) == (
        3,
        7,
        TieKind.INTRODUCED,
        "you introduced them",
    )
    tag = _one(Evidence(tags={"climbing": frozenset({1, 4})}))
    assert (tag.source, tag.why) == (TieSource.TAG, "both in climbing")


def test_several_kinds_of_evidence_make_one_stronger_tie_with_every_reason() -> None:
    tie = _one(
        Evidence(
            stints=(
                Stint(1, "Acme", date(2019, 1, 1), date(2022, 1, 1)),
                Stint(2, "Acme", date(2019, 1, 1), date(2022, 1, 1)),
            ),
            tags={"climbing": frozenset({1, 2})},
        )
    )
    alone = _one(Evidence(stints=(
        Stint(1, "Acme", date(2019, 1, 1), date(2022, 1, 1)),
        Stint(2, "Acme", date(2019, 1, 1), date(2022, 1, 1)),
    )))  # fmt: skip
    assert tie.source is TieSource.COLLEAGUES
    assert tie.why == "colleagues at Acme 2019–2022; both in climbing"
    assert tie.strength > alone.strength


def test_no_one_is_tied_to_themself() -> None:
    evidence = Evidence(
        stints=(
            Stint(1, "Acme", date(2019, 1, 1), None),
            Stint(1, "Acme", date(2015, 1, 1), date(2016, 1, 1)),
        ),
        met_through=((1, 1),),
    )
    assert infer_ties(evidence, TODAY) == []
