"""engines/goal_progress.py: the rules a goal's progress and agenda item follow, checked
against what a thoughtful person would say."""

from __future__ import annotations

from datetime import date, timedelta

from amity.engines import goal_progress as rules

DAY = date(2026, 11, 24)  # a day whose ordinal is a multiple of 3: a goal's turn


def test_progress_counts_from_the_day_the_goal_was_set_or_the_last_90_days() -> None:
    assert rules.progress_start(date(2026, 11, 2), DAY) == (date(2026, 11, 2), True)
    assert rules.progress_start(None, DAY) == (DAY - timedelta(days=90), False)
    assert rules.days_left(date(2026, 11, 30), DAY) == 6
    assert rules.days_left(date(2026, 11, 20), DAY) == -4
    assert rules.days_left(None, DAY) is None


def test_a_company_is_its_name_up_to_case_and_legal_suffixes() -> None:
    known = [(1, "Plaid"), (2, "Plaid, Inc."), (3, "Plaidster"), (4, "Sequoia Capital")]
    assert rules.companies_named("plaid", known) == [1, 2]
    assert rules.companies_named("PLAID Inc", known) == [1, 2]
    assert rules.companies_named("Sequoia", known) == [4]  # the one company it begins
    assert rules.companies_named("Stripe", known) == []
    two = [(1, "Acme Labs"), (2, "Acme Foods")]
    assert rules.companies_named("Acme", two) == []  # which Acme? neither is guessed
    assert rules.company_prefix("Plaid, Inc.") == "plaid"


def test_a_role_is_its_words_in_order_as_whole_words() -> None:
    role = rules.role_pattern("data engineer")
    assert role.search("Senior Data Engineer")
    assert not role.search("Database Engineer")
    assert not role.search("Engineer, data")


def test_someone_is_new_when_added_or_first_in_touch_since() -> None:
    since = date(2026, 11, 2)
    assert rules.is_new(date(2026, 11, 5), None, since)
    assert rules.is_new(date(2025, 1, 1), date(2026, 11, 10), since)
    assert not rules.is_new(date(2025, 1, 1), date(2026, 10, 1), since)


def test_the_warmer_way_in_wins() -> None:
    # You know Lee at the company only faintly (10); Ana, whom you know well (70), knows
    # Lee strongly (80): asking Ana is the better move (0.56 against 0.10).
    path = rules.best_short_path([7], {7: 10, 3: 70}, [(7, 3, 80)])
    assert path == rules.ShortPath(7, 3, 0.56)
    # Someone there you know well yourself: write to them.
    direct = rules.best_short_path([7], {7: 75, 3: 70}, [(7, 3, 80)])
    assert direct == rules.ShortPath(7, None, 0.75)
    # A colleague at the same company is no introduction to it.
    assert rules.best_short_path([7, 8], {8: 30}, [(7, 8, 90)]) is None
    # A path already acted on is not offered again; the next one is.
    assert rules.best_short_path([7], {3: 70, 4: 50}, [(7, 3, 80), (7, 4, 80)], {(7, 3)}) == (
        rules.ShortPath(7, 4, 0.4)
    )


def test_goals_take_turns_every_third_day() -> None:
    days = [DAY + timedelta(days=n) for n in range(9)]
    turns = [rules.goal_turns([5, 9], day) for day in days]
    assert [bool(t) for t in turns] == [True, False, False] * 3
    firsts = [t[0] for t in turns if t]
    assert sorted(set(firsts)) == [5, 9] and firsts[0] != firsts[1]  # not the same each time
    assert rules.goal_turns([], DAY) == []


def test_a_goal_waits_since_it_was_set_or_two_weeks_after_its_last_step() -> None:
    assert rules.waiting_since(date(2026, 11, 1), None, DAY) == date(2026, 11, 1)
    assert rules.waiting_since(date(2026, 11, 1), date(2026, 11, 5), DAY) == date(2026, 11, 19)
    assert rules.waiting_since(None, None, DAY) == DAY
    assert rules.is_quiet(None, DAY) and rules.is_quiet(DAY - timedelta(days=14), DAY)
    assert not rules.is_quiet(DAY - timedelta(days=3), DAY)


def test_the_agenda_names_a_goal_as_the_user_wrote_it() -> None:
    assert rules.goal_label("Backend role at a fintech") == "\u201cbackend role at a fintech\u201d"
    assert rules.goal_label("AI safety job") == "\u201cAI safety job\u201d"  # an acronym stays
