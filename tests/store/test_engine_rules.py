"""Rules the store applies in SQL, each a copy of an engine's rule, compared with the engine
on generated cases (boundaries included), on SQLite and PostgreSQL:

- `amity list --tier` (`store.people_query`) and `engines.strength.tier`;
- the maintained person columns (`store.interactions.aggregates_for`) and
  `engines.strength.stats_of`;
- the follow-ups a contact settles (`store.reminders.close_follow_ups`) and
  `engines.follow_ups.is_follow_up_done`.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from amity.engines import tiers as cut_offs
from amity.engines.follow_ups import follow_up_due, follow_up_key, is_follow_up_done
from amity.engines.strength import Contact, RelationshipStats, Tier, score, stats_of, tier
from amity.model import Direction, Interaction, InteractionKind, Person, ReminderKind
from amity.service.relationships import refresh_people, relationship_stats
from amity.store import Store, reminders
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from amity.store.people_query import PeopleFilter, list_people
from tests.conftest import TODAY
from tests.store.conftest import add_person

# Days and scores on either side of every cut-off, and a little in the future (a what-if
# `--today` before the last stored contact).
_EDGE_DAYS = [
    d + step
    for d in (
        0,
        cut_offs.NEW_DAYS,
        cut_offs.CORE_MAX_DAYS,
        cut_offs.ACTIVE_MAX_DAYS,
        cut_offs.COOLING_MAX_DAYS,
    )
    for step in (-1, 0, 1)
]
_EDGE_SCORES = [
    s + step
    for s in (
        0,
        cut_offs.COOLING_MIN_SCORE,
        cut_offs.ACTIVE_MIN_SCORE,
        cut_offs.CORE_MIN_SCORE,
        100,
    )
    for step in (-1, 0, 1)
    if 0 <= s + step <= 100
]


def _days(rng: random.Random) -> int:
    return rng.choice(_EDGE_DAYS) if rng.random() < 0.6 else rng.randint(-5, 1500)


def _people(rng: random.Random, n: int) -> list[tuple[int, RelationshipStats]]:
    """(score, stats) as the store keeps them: no interaction means no dates and no score."""
    out = [(0, RelationshipStats())]
    for _ in range(n):
        since_last = _days(rng)
        last = TODAY - timedelta(days=since_last)
        first = last - timedelta(days=rng.choice([0, _days(rng) % 800, rng.randint(0, 3000)]))
        score = rng.choice(_EDGE_SCORES) if rng.random() < 0.6 else rng.randint(0, 100)
        count = rng.randint(1, 60)
        out.append((score, RelationshipStats(first, last, last, count, 0, 0, float(count))))
    return out


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def test_the_tier_filter_agrees_with_the_engine_on_generated_people(store: Store) -> None:
    expected: dict[Tier, set[int]] = {level: set() for level in Tier}
    with store.db.transaction():
        for n, (score, stats) in enumerate(_people(random.Random(10), 400)):
            person_id = add_person(
                store,
                f"Person {n}",
                strength=score,
                interaction_count=stats.interaction_count,
                first_contact_on=_iso(stats.first_contact_on),
                last_contact_on=_iso(stats.last_contact_on),
            )
            expected[tier(score, stats, TODAY)].add(person_id)
    for level in Tier:
        rows, total = list_people(store, PeopleFilter(tier=level.value, today=TODAY))
        assert {int(r["id"]) for r in rows} == expected[level], level
        assert total == len(expected[level])
    assert all(expected.values())  # every tier was generated


def _history(rng: random.Random) -> list[Contact]:
    return [
        Contact(
            TODAY - timedelta(days=rng.randint(0, 2000)),
            rng.choice(list(InteractionKind)),
            rng.choice(list(Direction)),
        )
        for _ in range(rng.randint(0, 12))
    ]


def test_the_maintained_columns_are_the_engines_stats_of_the_history(store: Store) -> None:
    rng = random.Random(11)
    histories: dict[int, list[Contact]] = {}
    with store.db.transaction():
        for n in range(60):
            person_id = people_store.insert_person(store, Person(name=f"Person {n}"), TODAY)
            histories[person_id] = _history(rng)
            for c in histories[person_id]:
                interaction_store.insert_interaction(
                    store, Interaction(c.kind, c.on, c.direction, [person_id])
                )
        refresh_people(store, list(histories), TODAY)
    for person_id, history in histories.items():
        row = people_store.person_row(store, person_id)
        assert row is not None
        stored, expected = relationship_stats(row), stats_of(history)
        assert stored.depth_total == pytest.approx(expected.depth_total), history
        assert replace(stored, depth_total=0.0) == replace(expected, depth_total=0.0), history
        assert int(row["strength"]) == score(expected, TODAY), history


def test_a_contact_settles_the_follow_ups_the_engine_says_it_does(store: Store) -> None:
    rng = random.Random(12)
    with store.db.transaction():
        for n in range(40):
            person_id = people_store.insert_person(store, Person(name=f"Person {n}"), TODAY)
            meetings = {
                follow_up_key(n * 100 + m): TODAY - timedelta(days=rng.randint(0, 20))
                for m in range(rng.randint(1, 4))
            }
            for key, met_on in meetings.items():
                reminders.add_reminder(
                    store, key, ReminderKind.FOLLOW_UP, person_id, follow_up_due(met_on)
                )
            contacted_on = TODAY - timedelta(days=rng.randint(0, 20))
            closed = reminders.close_follow_ups(store, person_id, contacted_on)
            settled = {
                k for k, met_on in meetings.items() if is_follow_up_done(met_on, [contacted_on])
            }
            states = {k: (reminders.get_by_key(store, k) or {})["state"] for k in meetings}
            assert {k for k, state in states.items() if state == "done"} == settled, meetings
            assert closed == len(settled)
