"""Who should meet whom, judged on hand-built networks as a thoughtful person would."""

from __future__ import annotations

from collections import Counter

import pytest

from amity.engines.intro_reasons import MAX_PER_PERSON, Goal, Suggestion, pick
from amity.engines.intro_suggestions import Profile, candidates, vectorize


def _p(pid: int, name: str, strength: int = 50, in_touch: bool = True, **texts: str) -> Profile:
    return Profile(pid, name, strength=strength, in_touch=in_touch, **texts)


def suggest(
    profiles: list[Profile],
    known: set[tuple[int, int]] | None = None,
    goals: tuple[Goal, ...] = (),
    limit: int = 10,
) -> list[Suggestion]:
    fields = vectorize(profiles)
    return pick(candidates(profiles, fields), profiles, fields, known or set(), goals, limit)


def _pairs(found: list[Suggestion]) -> list[tuple[int, int]]:
    return [(s.a, s.b) for s in found]


def test_a_need_met_by_an_offer_reads_as_a_person_would_say_it() -> None:
    (only,) = suggest(
        [_p(1, "Ana", needs="Hiring a designer"), _p(2, "Ben", offers="product design")]
    )
    assert (only.a, only.b) == (1, 2)
    assert only.reason == "Ana is hiring a designer; Ben offers product design."
    assert 40 <= only.score <= 100


def test_an_offer_that_starts_with_a_verb_keeps_it() -> None:
    (only,) = suggest(
        [
            _p(1, "Ana", needs="looking for a backend role at a fintech"),
            _p(2, "Ben", offers="knows the backend teams at two fintechs"),
        ]
    )
    assert only.reason == (
        "Ana is looking for a backend role at a fintech; Ben knows the backend teams at two "
        "fintechs."
    )


def test_someone_hiring_meets_someone_looking_for_that_job() -> None:
    found = suggest(
        [
            _p(1, "Tom", needs="hiring a senior product designer", title="CTO"),
            _p(2, "Grace", needs="looking for a product design lead role at a startup"),
            _p(3, "Hal", needs="hiring a product designer too"),
        ]
    )
    assert set(_pairs(found)) == {(1, 2), (3, 2)}  # two people hiring do not meet each other
    tom = next(s for s in found if s.a == 1)
    assert tom.reason == (
        "Tom is hiring a senior product designer; Grace is looking for a product design lead "
        "role at a startup."
    )


def test_one_word_shared_by_two_long_texts_is_no_need_met() -> None:
    found = suggest(
        [
            _p(1, "Grace", needs="looking for a product design lead role at a startup"),
            _p(2, "Omar", offers="runs payments reconciliation, happy to be a design partner"),
            _p(3, "Lena", needs="a design partner for payments reconciliation"),
        ]
    )
    assert _pairs(found) == [(3, 2)]


def test_a_need_met_beats_a_shared_hobby() -> None:
    found = suggest(
        [
            _p(1, "Ana", needs="an intro to climate investors"),
            _p(2, "Ben", offers="happy to make intros to investors in climate tech"),
            _p(3, "Cara", interests="bouldering and climbing"),
            _p(4, "Dan", interests="bouldering and climbing"),
        ]
    )
    assert _pairs(found) == [(1, 2), (3, 4)]
    assert found[0].score > found[1].score
    assert found[0].reason.startswith("Ana needs an intro to climate investors; Ben is happy to")
    assert found[1].reason == "Cara and Dan are both into bouldering and climbing."


@pytest.mark.parametrize(
    ("needs", "offers"),
    [
        ("help with stuff", "happy to help with things"),
        ("looking for someone", "anything people need"),
        ("need help", "I can help"),
        ("stuff & things!!", "things, stuff, etc."),
    ],
)
def test_generic_words_never_make_a_match(needs: str, offers: str) -> None:
    assert suggest([_p(1, "Ana", needs=needs), _p(2, "Ben", offers=offers)]) == []


def test_the_wrong_offer_is_no_match() -> None:
    assert (
        suggest([_p(1, "Ana", needs="a tax accountant"), _p(2, "Ben", offers="Rust reviews")]) == []
    )


def test_both_directions_met_say_both_and_rank_higher() -> None:
    found = suggest(
        [
            _p(1, "Ana", needs="a Rust mentor", offers="pricing advice"),
            _p(2, "Ben", needs="help with pricing", offers="Rust mentoring"),
            _p(3, "Cara", offers="Rust mentoring"),
        ]
    )
    assert _pairs(found)[0] == (1, 2)
    assert found[0].reason == (
        "Ana needs a Rust mentor; Ben offers Rust mentoring. "
        "In return, Ben needs help with pricing; Ana offers pricing advice."
    )
    assert found[0].score > found[1].score


def test_a_need_met_by_a_role_names_the_job() -> None:
    (only,) = suggest(
        [
            _p(1, "Ana", needs="hiring a product designer"),
            _p(2, "Eve", title="Product Designer", organization="Figma"),
        ]
    )
    assert (
        only.reason == "Ana is hiring a product designer; Eve works as Product Designer at Figma."
    )


def test_an_explicit_offer_beats_a_matching_title() -> None:
    found = suggest(
        [
            _p(1, "Ana", needs="a product designer"),
            _p(2, "Ben", offers="product design"),
            _p(3, "Eve", title="Product Designer"),
        ]
    )
    assert _pairs(found) == [(1, 2), (1, 3)]


def test_similar_roles_alone_are_no_reason() -> None:
    assert (
        suggest([_p(1, "Ana", title="Product Designer"), _p(2, "Ben", title="Product Designer")])
        == []
    )


def test_people_who_know_each_other_or_are_being_introduced_are_left_out() -> None:
    people = [
        _p(1, "Ana", needs="a designer"),
        _p(2, "Ben", offers="design"),
        _p(3, "Cara", offers="design work"),
    ]
    assert _pairs(suggest(people)) == [(1, 2), (1, 3)]
    assert _pairs(suggest(people, known={(1, 2)})) == [(1, 3)]


def test_you_introduce_people_you_are_in_touch_with() -> None:
    people = [
        _p(1, "Ana", needs="a designer", strength=80),
        _p(2, "Ben", offers="design", in_touch=False, strength=0),
        _p(3, "Cara", offers="design", strength=60),
        _p(4, "Dan", needs="a designer", in_touch=False, strength=0),
    ]
    found = suggest(people)
    assert _pairs(found) == [(1, 3), (1, 2), (4, 3)]  # never Ben with Dan: strangers both
    assert found[1].reason.endswith("You have not been in touch with Ben yet.")
    assert found[0].score > 2 * found[1].score / 1.5


def test_closer_people_rank_first() -> None:
    found = suggest(
        [
            _p(1, "Ana", needs="a designer", strength=90),
            _p(2, "Ben", offers="design", strength=10),
            _p(3, "Cara", offers="design", strength=90),
        ]
    )
    assert _pairs(found) == [(1, 3), (1, 2)]


def test_nobody_fills_the_list_alone() -> None:
    hub = _p(1, "Hub", offers="design, pricing, hiring, fundraising, Rust, marketing")
    askers = [
        _p(i, f"Asker {i}", needs=need)
        for i, need in enumerate(["design", "pricing", "hiring", "fundraising", "Rust"], 2)
    ]
    others = [_p(10, "Cara", interests="chess"), _p(11, "Dan", interests="chess")]
    found = suggest([hub, *askers, *others])
    counts = Counter(x for s in found for x in (s.a, s.b))
    assert counts[1] == MAX_PER_PERSON
    assert (10, 11) in _pairs(found)


def test_a_goal_lifts_the_pairs_that_serve_it() -> None:
    people = [
        _p(1, "Ana", interests="chess"),
        _p(2, "Ben", interests="chess"),
        _p(3, "Cara", interests="climate"),
        _p(4, "Dan", interests="climate"),
    ]
    plain = suggest(people)
    assert plain[0].score == plain[1].score
    lifted = suggest(people, goals=(Goal("Grow the climate community"),))
    assert _pairs(lifted)[0] == (3, 4)
    assert lifted[0].score > plain[0].score
    assert lifted[0].reason.endswith("It serves your goal \u201cGrow the climate community\u201d.")


def test_every_suggestion_has_a_reason_and_a_score_in_range() -> None:
    people = [
        _p(i, f"P{i}", strength=(i * 7) % 100, needs=n, offers=o, interests=t)
        for i, (n, o, t) in enumerate(
            [
                ("a designer", "Rust", "chess"),
                ("Rust help", "design", "chess, go"),
                ("investors", "", "go"),
                ("", "angel investing", "climbing"),
                ("climbing partner", "", "climbing"),
            ],
            1,
        )
    ]
    found = suggest(people)
    assert found
    for s in found:
        assert s.reason.strip() and s.reason.endswith(".")
        assert 0 < s.score <= 100


def test_hostile_text_is_matched_and_quoted_safely() -> None:
    huge = "zeppelin " * 120_000  # about 1 MB
    people = [
        _p(1, "Ana\x1b[31m", needs="hiring a\x00 designer 🎨\u202e\n\tnow"),
        _p(2, "Ben 🧗", offers="\x07product design\x1b]0;pwned\x07"),
        _p(3, "Cara", interests=huge),
        _p(4, "Dan", interests="🧗🧗 zeppelin"),
        _p(5, "Eve", needs=huge, offers=huge[:1000]),  # drowned in one word: no real need
    ]
    found = suggest(people)
    assert _pairs(found)[:2] == [(1, 2), (3, 4)]
    for s in found:
        assert all(ch.isprintable() or ch == " " for ch in s.reason), s.reason
        assert len(s.reason) < 400
    assert found[0].reason == "Ana [31m is hiring a designer 🎨; Ben 🧗 offers product design ]0."
    assert found[1].reason == "Cara and Dan are both into 🧗🧗 zeppelin."


def test_no_profiles_no_suggestions() -> None:
    assert suggest([]) == []
    assert suggest([_p(1, "Ana")]) == []
