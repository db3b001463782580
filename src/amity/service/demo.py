"""A deterministic, realistic demo network, placed relative to `today`.

The same `today` always gives the same network, so screenshots and snapshots are stable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from amity.engines.follow_ups import follow_up_due, follow_up_key, promise_key
from amity.model import (
    Birthday,
    Circle,
    ContactKind,
    ContactPoint,
    Direction,
    Interaction,
    InteractionKind,
    LedgerDirection,
    LedgerKind,
    LifeEventKind,
    Person,
    Position,
    ReminderKind,
)
from amity.model.enums import AttendanceRole, EventStatus, TargetKind
from amity.model.events import Event, Goal, Target
from amity.service.demo_data import (
    CIRCLE_MIX,
    COMPANIES,
    DEMO_NEEDS,
    DEMO_OFFERS,
    FAMILY,
    GIVEN,
    INTERESTS,
    KIND_MIX,
    PLACES,
    TAGS,
    TITLES,
    TOPICS,
)
from amity.service.natural_dates import promise_due_for
from amity.service.relationships import refresh_people
from amity.service.settings import preferences
from amity.store import Store, reminders
from amity.store import demo as demo_store
from amity.store import events as event_store
from amity.store import goals as goal_store
from amity.store import interactions as interaction_store
from amity.store import ledger as ledger_store
from amity.store import people as people_store

MARKER = "demo_loaded"


@dataclass(frozen=True, slots=True)
class DemoLoaded:
    """Whether this call loaded the demo network, and how big the home is now."""

    created: bool
    people: int
    interactions: int

    def as_dict(self) -> dict[str, Any]:
        return {"created": self.created, "people": self.people, "interactions": self.interactions}


def load_demo(store: Store, today: date) -> DemoLoaded:
    """Load the demo network once; a second call changes nothing."""
    if preferences.get(store, MARKER):
        return _loaded(store, created=False)
    rng = random.Random(20261122)
    with store.db.transaction():
        ids = _people(store, rng, today)
        _interactions(store, rng, ids, today)
        _fresh_meetings(store, ids, today)
        _life(store, rng, ids, today)
        _events_goals_ties(store, rng, ids, today)
        refresh_people(store, [pid for pid, _ in ids], today)
        preferences.put(store, MARKER, True)
    return _loaded(store, created=True)


def _loaded(store: Store, *, created: bool) -> DemoLoaded:
    return DemoLoaded(
        created, people_store.count_people(store), demo_store.count_interactions(store)
    )


def _people(store: Store, rng: random.Random, today: date) -> list[tuple[int, Circle]]:
    ids: list[tuple[int, Circle]] = []
    used: set[str] = set()
    for n, circle in enumerate(CIRCLE_MIX):
        given, family = GIVEN[n % len(GIVEN)], rng.choice(FAMILY)
        while f"{given} {family}" in used:
            family = rng.choice(FAMILY)
        used.add(f"{given} {family}")
        company = rng.choice(COMPANIES)
        slug = f"{given}.{family}".lower().replace("-", "")
        person = Person(
            name=f"{given} {family}",
            given_name=given,
            family_name=family,
            circle=circle,
            how_met=rng.choice(
                [
                    "met at " + rng.choice(PLACES),
                    "LinkedIn",
                    "introduced",
                    "former colleague",
                    "university",
                ]
            ),
            location=rng.choice(["Berlin", "London", "New York", "Lisbon", "Toronto", "Remote"]),
            interests=rng.choice(INTERESTS),
            tags=rng.sample(TAGS, rng.choice([0, 1, 1, 2])),
            birthday=Birthday(
                rng.randint(1, 12), rng.randint(1, 28), rng.choice([None, rng.randint(1970, 2002)])
            )
            if n % 3
            else None,
            contact_points=[ContactPoint(ContactKind.EMAIL, f"{slug}@example.org", "")],
            positions=[
                Position(
                    rng.choice(COMPANIES),
                    rng.choice(TITLES),
                    today - timedelta(days=rng.randint(900, 2500)),
                    today - timedelta(days=rng.randint(400, 890)),
                    "demo",
                ),
                Position(
                    company,
                    rng.choice(TITLES),
                    today - timedelta(days=rng.randint(30, 390)),
                    None,
                    "demo",
                ),
            ],
            created_on=today - timedelta(days=730),
        )
        if n % 4 == 0:
            person.contact_points.append(ContactPoint(ContactKind.PHONE, f"+1415555{n:04d}", ""))
        if n % 7 == 0:
            person.needs = DEMO_NEEDS[(n // 7) % len(DEMO_NEEDS)]
        if n % 9 == 0:
            person.offers = DEMO_OFFERS[(n // 9) % len(DEMO_OFFERS)]
        pid = people_store.insert_person(store, person, today)
        people_store.reindex_person(store, pid)
        ids.append((pid, circle))
    return ids


_GAP = {
    Circle.INNER: 12,
    Circle.CLOSE: 25,
    Circle.ACTIVE: 70,
    Circle.ACQUAINTANCE: 160,
    Circle.DORMANT: 300,
}


def _interactions(
    store: Store, rng: random.Random, ids: list[tuple[int, Circle]], today: date
) -> None:
    for pid, circle in ids:
        day = today - timedelta(days=rng.randint(600, 730))
        first = True
        while day < today - timedelta(days=3):
            kind = InteractionKind.MET if first else rng.choice(KIND_MIX)
            direction = (
                Direction.MUTUAL
                if kind not in (InteractionKind.MESSAGE, InteractionKind.EMAIL)
                else rng.choice([Direction.OUTBOUND, Direction.INBOUND])
            )
            interaction_store.insert_interaction(
                store,
                Interaction(
                    kind=kind,
                    occurred_on=day,
                    direction=direction,
                    person_ids=[pid],
                    summary=rng.choice(TOPICS),
                    notes=f"Talked about {rng.choice(TOPICS)}.",
                    place=rng.choice(PLACES) if first else "",
                ),
            )
            first = False
            gap = _GAP[circle] if circle is not Circle.DORMANT or rng.random() < 0.3 else 2000
            day += timedelta(days=max(1, int(rng.gauss(gap, gap / 3))))


_PROMISE = "send the article on hiring loops"


def _fresh_meetings(store: Store, ids: list[tuple[int, Circle]], today: date) -> None:
    """Three people met this week with no follow-up yet, one with a promise."""
    for offset, (pid, _) in enumerate(ids[-20:-17], start=1):
        day = today - timedelta(days=offset)
        new_id = interaction_store.insert_interaction(
            store,
            Interaction(
                kind=InteractionKind.MET,
                occurred_on=day,
                direction=Direction.MUTUAL,
                person_ids=[pid],
                summary=TOPICS[offset],
                place="Web Summit",
                promises=_PROMISE if offset == 1 else "",
            ),
        )
        reminders.add_reminder(
            store,
            follow_up_key(new_id),
            ReminderKind.FOLLOW_UP,
            pid,
            follow_up_due(day),
            reason="Web Summit",
            detail=TOPICS[offset],
            interaction_id=new_id,
        )
        if offset == 1:
            reminders.add_reminder(
                store,
                promise_key(new_id),
                ReminderKind.PROMISE,
                pid,
                promise_due_for(_PROMISE, day),
                reason=_PROMISE,
                interaction_id=new_id,
            )


def _new_job(store: Store, pid: int, day: date) -> None:
    """A recent job change that matches the person's current position."""
    job = demo_store.current_job(store, pid) or {}
    demo_store.start_current_position(store, pid, day)
    ledger_store.add_life_event(
        store,
        pid,
        LifeEventKind.NEW_JOB.value,
        day,
        f"{job.get('title', '')} at {job.get('organization', '')}",
        source="demo",
    )


def _life(store: Store, rng: random.Random, ids: list[tuple[int, Circle]], today: date) -> None:
    for n, (pid, _) in enumerate(ids[:60]):
        if n % 20 == 0:
            _new_job(store, pid, today - timedelta(days=rng.randint(1, 10)))
        if n % 6 == 0:
            direction = rng.choice(list(LedgerDirection))
            ledger_store.add_ledger_entry(
                store,
                pid,
                direction.value,
                rng.choice(list(LedgerKind)).value,
                rng.choice(
                    [
                        "CV review",
                        "intro to a hiring manager",
                        "a book recommendation",
                        "advice on a job offer",
                        "referral for a backend role",
                    ]
                ),
                today - timedelta(days=rng.randint(5, 300)),
            )
    # Birthdays this week for two inner-circle people.
    for offset, (pid, _) in enumerate(ids[:2]):
        soon = today + timedelta(days=offset + 1)
        demo_store.set_birthday(store, pid, soon.month, soon.day)


# name, days from today, time, place, purpose
_DEMO_EVENTS = (
    ("Web Summit", -3, "09:30", "Lisbon", "meet people building payments infrastructure"),
    ("PyCon", -200, "", "Pittsburgh", "meet engineers who run Python at scale"),
    ("Fintech Founders Night", 12, "18:30", "https://lu.ma/fintech-founders",
     "meet two engineering managers at payments companies"),
)  # fmt: skip


def _events_goals_ties(
    store: Store, rng: random.Random, ids: list[tuple[int, Circle]], today: date
) -> None:
    goal_id = goal_store.insert_goal(
        store,
        Goal(
            "Backend role at a fintech",
            "warm intros to two hiring managers",
            due_on=today + timedelta(days=90),
            created_on=today - timedelta(days=30),
            targets=(
                Target(TargetKind.COMPANY, "Plaid"),
                Target(TargetKind.COMPANY, "Stripe"),
                Target(TargetKind.ROLE, "backend engineer"),
            ),
        ),
    )
    for name, offset, at, place, purpose in _DEMO_EVENTS:
        day = today + timedelta(days=offset)
        past = offset < 0
        event = Event(
            name=name,
            starts_on=day,
            starts_at=at,
            place=place,
            purpose=purpose,
            status=EventStatus.ATTENDED if past else EventStatus.PLANNED,
            created_on=day - timedelta(days=21),
            debriefed_on=day + timedelta(days=1) if offset < -30 else None,
        )
        event_id = event_store.insert_event(store, event)
        event_store.add_goals(store, event_id, [goal_id])
        event_store.add_targets(
            store,
            event_id,
            [Target(TargetKind.COMPANY, "Plaid"), Target(TargetKind.ROLE, "engineering manager")],
        )
        for pid, _ in rng.sample(ids, 5):
            role = AttendanceRole.MET if past else AttendanceRole.TARGET
            event_store.set_attendance(store, event_id, pid, role)
    for _ in range(120):
        (a, _ca), (b, _cb) = rng.sample(ids, 2)
        demo_store.add_tie(
            store,
            min(a, b),
            max(a, b),
            rng.choice(["colleague", "friend", "knows"]),
            rng.randint(20, 90),
            "demo",
        )
