"""The agenda reads only the candidates that can matter, and gives the same items as
reading all of them: checked on generated homes, both engines."""

from __future__ import annotations

import random
from datetime import date, timedelta

from amity.model import Direction, Interaction, InteractionKind, ReminderKind, ReminderState
from amity.service import agenda_sources
from amity.service.relationships import refresh_people
from amity.store import Store, reminders
from amity.store import interactions as interaction_store
from tests.store.conftest import add_person

START = date(2026, 3, 1)
WAYS = (Direction.OUTBOUND, Direction.INBOUND, Direction.MUTUAL)


def _generated_home(store: Store, seed: int, people: int = 40) -> None:
    """New ties met over four months, their follow-ups done, then a few contacts each
    at random days: answers, second touches, silences."""
    rng = random.Random(seed)
    ids = []
    for n in range(people):
        met_on = START + timedelta(days=rng.randrange(0, 120))
        pid = add_person(store, f"Person {seed} {n}")
        met = interaction_store.insert_interaction(
            store,
            Interaction(InteractionKind.MET, met_on, Direction.MUTUAL, [pid], place="a fair"),
        )
        key = f"follow_up:interaction:{met}"
        due = met_on + timedelta(days=rng.randrange(1, 4))
        reminders.add_reminder(store, key, ReminderKind.FOLLOW_UP, pid, due, interaction_id=met)
        reminders.set_state(store, key, ReminderState.DONE, on=due)
        for _ in range(rng.randrange(0, 5)):
            day = met_on + timedelta(days=rng.randrange(0, 80))
            way = rng.choice(WAYS)
            interaction_store.insert_interaction(
                store, Interaction(InteractionKind.MESSAGE, day, way, [pid])
            )
        ids.append(pid)
    refresh_people(store, ids, START + timedelta(days=200))


def test_second_touches_read_only_recent_meetings_and_find_the_same_items(store: Store) -> None:
    _generated_home(store, seed=7)
    found = 0
    for offset in range(20, 220, 3):
        today = START + timedelta(days=offset)
        bounded = agenda_sources.second_touches(store, today)
        full = agenda_sources.second_touches(store, today, bounded=False)
        assert bounded == full, today
        found += len(full)
    assert found > 0  # the homes do lead to second touches
