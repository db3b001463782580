"""What the worth-it ranking and the calendar import read and write, on SQLite and
PostgreSQL: only the account's own rows, and the first-90-days aggregate is the strength
engine's `stats_of` over the same interactions."""

from __future__ import annotations

import random
from datetime import date, timedelta

from amity.engines.strength import DEPTH_WEIGHTS, Contact, stats_of
from amity.model import Direction, Interaction, InteractionKind
from amity.store import Store
from amity.store import calendar_events as calendar_store
from amity.store import event_outcomes as outcomes_store
from amity.store import interactions as interaction_store
from amity.store import people as people_store
from tests.conftest import TODAY
from tests.store.conftest import add_person

DAY = date(2026, 5, 14)


def _event(store: Store, name: str, day: date, status: str = "attended") -> int:
    event_id = calendar_store.insert_calendar_event(
        store, "ics", f"{name}@test", name, day, "", None, "", TODAY
    )
    if status != "planned":
        store.db.execute(
            "UPDATE event SET status = ? WHERE owner_id = ? AND id = ?",
            (status, store.owner_id, event_id),
        )
    return event_id


def _log(
    store: Store, person_id: int, day: date, kind: str, way: str, event: int | None = None
) -> None:
    interaction_store.insert_interaction(
        store,
        Interaction(InteractionKind(kind), day, Direction(way), [person_id], event_id=event),
    )


def test_past_events_and_who_was_met_there_stay_in_the_account(store: Store, other: Store) -> None:
    pycon = _event(store, "PyCon", DAY)
    _event(store, "Later", TODAY + timedelta(days=3), "planned")
    _event(store, "Cancelled", DAY, "cancelled")
    _event(other, "Theirs", DAY)
    ana, ben, gone = add_person(store, "Ana"), add_person(store, "Ben"), add_person(store, "Gone")
    calendar_store.add_attending(store, pycon, ben)  # attending is not met
    store.db.execute(
        "INSERT INTO event_attendance (owner_id, event_id, person_id, role) "
        "VALUES (?, ?, ?, 'met')",
        (store.owner_id, pycon, gone),
    )
    people_store.set_deleted(store, gone, TODAY)
    _log(store, ana, DAY, "met", "mutual", pycon)
    assert [e.name for e in outcomes_store.past_events(store, TODAY)] == ["PyCon"]
    assert outcomes_store.people_met(store, [pycon]) == {pycon: {ana}}
    assert outcomes_store.people_met(other, [pycon]) == {}
    assert outcomes_store.touches_of(other, [ana]) == {}
    (touch,) = outcomes_store.touches_of(store, [ana])[ana]
    assert (touch.on, touch.kind, touch.direction, touch.event_id) == (
        DAY,
        InteractionKind.MET,
        Direction.MUTUAL,
        pycon,
    )


def test_the_first_90_days_in_sql_are_the_engines_stats(store: Store, other: Store) -> None:
    rng = random.Random(12)
    kinds = [k.value for k in InteractionKind]
    ways = [d.value for d in Direction]
    expected = {}
    for n in range(25):
        first = DAY + timedelta(days=rng.randint(0, 60))
        history = [(first, "met", "mutual")] + [
            (first + timedelta(days=rng.randint(0, 200)), rng.choice(kinds), rng.choice(ways))
            for _ in range(rng.randint(0, 8))
        ]
        pid = add_person(store, f"P{n}", first_contact_on=first.isoformat())
        for day, kind, way in history:
            _log(store, pid, day, kind, way)
        upto = [Contact(d, InteractionKind(k), Direction(w)) for d, k, w in history
                if d <= first + timedelta(days=90)]  # fmt: skip
        answered = any(d > first and w != "outbound" for d, _, w in history
                       if d <= first + timedelta(days=90))  # fmt: skip
        expected[pid] = (stats_of(upto), answered)
    found = outcomes_store.first_months(store, DAY, DAY + timedelta(days=60), 90, DEPTH_WEIGHTS)
    assert {f.person_id for f in found} == set(expected)
    for f in found:
        stats, answered = expected[f.person_id]
        assert (f.first_on, f.last_on, f.last_outbound_on) == (
            stats.first_contact_on,
            stats.last_contact_on,
            stats.last_outbound_on,
        )
        assert (f.count, f.inbound, f.outbound) == (
            stats.interaction_count,
            stats.inbound_count,
            stats.outbound_count,
        )
        assert abs(f.depth_total - stats.depth_total) < 1e-9
        assert f.answered_after is answered
    assert outcomes_store.first_months(other, DAY, TODAY, 90, DEPTH_WEIGHTS) == []


def test_calendar_events_and_emails_stay_in_the_account(store: Store, other: Store) -> None:
    ours = _event(store, "Ours", DAY, "planned")
    _event(other, "Theirs", DAY, "planned")
    assert set(calendar_store.events_of_source(store, "ics")) == {"Ours@test"}
    calendar_store.update_calendar_fields(other, ours, "Hacked", DAY, "", None, "")
    assert calendar_store.events_of_source(store, "ics")["Ours@test"].name == "Ours"
    ana = add_person(store, "Ana")
    store.db.execute(
        "INSERT INTO contact_point (owner_id, person_id, kind, value, normalized) "
        "VALUES (?, ?, 'email', 'Ana@X.org', 'ana@x.org')",
        (store.owner_id, ana),
    )
    assert calendar_store.people_by_email(store, ["ana@x.org"]) == {"ana@x.org": {ana}}
    assert calendar_store.people_by_email(other, ["ana@x.org"]) == {}
    calendar_store.add_attending(store, ours, ana)
    assert calendar_store.attending_ids(store, ours) == {ana}
    assert calendar_store.attending_ids(other, ours) == set()
