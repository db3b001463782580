"""Logging what happened: meetings, calls, messages, promises."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from amity.engines.dates import check_happened, happened_on, parse_iso
from amity.engines.follow_ups import (
    DEFAULT_FADE_DAYS,
    follow_up_due,
    follow_up_key,
    needs_follow_up,
    parse_promises,
    promise_key,
)
from amity.errors import UsageError
from amity.model import Direction, Interaction, InteractionKind, Person, ReminderKind
from amity.model.enums import AttendanceRole
from amity.service.choices import parse_choice
from amity.service.natural_dates import promise_due_for
from amity.service.people import clean_name
from amity.service.relationships import refresh_people
from amity.service.resolve import person_by_id, person_named, resolve_person, similar_names
from amity.service.settings import preferences
from amity.store import Store, reminders
from amity.store import events as event_store
from amity.store import interactions as interaction_store
from amity.store import people as people_store

KINDS = ", ".join(k.value for k in InteractionKind)
# Kinds that happen with both people present; the rest default to the user reaching out.
_TOGETHER = {
    InteractionKind.MET,
    InteractionKind.COFFEE,
    InteractionKind.CALL,
    InteractionKind.VIDEO,
    InteractionKind.MEETING,
    InteractionKind.EVENT,
}


CAPTURE_KEPT_DAYS = 366


def parse_kind(text: str) -> InteractionKind:
    return parse_choice(InteractionKind, text, "kind")


@dataclass(slots=True)
class Logged:
    interaction_id: int
    person_id: int
    person_name: str
    created: bool = False
    similar: tuple[tuple[int, str], ...] = ()
    follow_up_due: date | None = None
    closed_follow_ups: int = 0
    already: bool = False  # a phone sent this capture before: it is stored once


@dataclass(slots=True)
class Happening:
    """What the user says happened (`amity met` / `amity log`)."""

    kind: InteractionKind
    on: str | None = None
    direction: Direction | None = None
    note: str = ""
    topic: str = ""
    learned: str = ""
    promise: str = ""
    place: str = ""
    event_id: int | None = None  # the event it happened at; else `place` may name one


class _SentTwice(Exception):
    """A capture's `client_id` was stored while this request ran: undo what it began."""


def met(
    store: Store, who: str, what: Happening, today: date, *, client_id: str | None = None
) -> Logged:
    """Log a meeting, creating the person if they are new. A phone's capture carries the
    id the phone gave it (`client_id`): sent again, it is stored once, and the answer is
    the first one's with `already` set."""
    name = clean_name(who)
    day = happened_on(what.on, today)
    what = at_event(store, what, day)
    if client_id is not None:
        client_id = check_client_id(client_id)
        earlier = _captured_before(store, client_id)
        if earlier is not None:
            return earlier
    try:
        return _met(store, name, what, day, today, client_id)
    except _SentTwice:
        earlier = _captured_before(store, client_id or "")
        if earlier is None:  # pragma: no cover - the conflict means the row is there
            raise
        return earlier


def check_client_id(text: str) -> str:
    """A phone's id for a capture: what `crypto.randomUUID()` makes, or any short token."""
    value = text.strip()
    allowed = all(c.isascii() and (c.isalnum() or c in "-_") for c in value)
    if not allowed or not 8 <= len(value) <= 64:
        raise UsageError("a capture's client id is 8 to 64 letters, digits, '-' or '_'")
    return value


def check_typed_on(text: str, today: date) -> str:
    """The day a phone capture was typed, as `Happening.on`: not more than `CAPTURE_KEPT_DAYS`
    before `today` (a phone's clock or queue that far off is a mistake), and not after it,
    except by one day: a phone in a time zone ahead of the computer (a trip, a conference
    abroad) is already on tomorrow, and what it typed happened today here."""
    day = parse_iso(text)
    if day == today + timedelta(days=1):
        day = today
    day = check_happened(day, today)
    if (today - day).days > CAPTURE_KEPT_DAYS:
        raise UsageError(
            f"{day.isoformat()} is more than a year ago; a capture waiting on a phone that "
            "long is likely a wrong clock: log it with `amity met --on` instead"
        )
    return day.isoformat()


def _captured_before(store: Store, client_id: str) -> Logged | None:
    found = interaction_store.captured(store, client_id)
    if found is None:
        return None
    interaction_id, person_id, person_name = found
    return Logged(interaction_id, person_id, person_name, already=True)


def _met(
    store: Store, name: str, what: Happening, day: date, today: date, client_id: str | None
) -> Logged:
    existing = _existing(store, name)
    with store.db.transaction():
        if existing is None:
            person = Person(
                name=name,
                where_met=what.place,
                how_met=f"met at {what.place}" if what.place else "met in person",
            )
            parts = name.split(" ")
            person.given_name, person.family_name = parts[0], " ".join(parts[1:])
            similar = tuple(similar_names(store, name))
            person_id = people_store.insert_person(store, person, today)
            logged = _record(
                store, person_id, name, what, day, today, first=True, client_id=client_id
            )
            logged.created, logged.similar = True, similar
            people_store.reindex_person(store, person_id)
            return logged
        person_id, person_name = existing
        return _record(store, person_id, person_name, what, day, today, client_id=client_id)


def log(store: Store, person_id: int, what: Happening, today: date) -> Logged:
    """Log an interaction with someone already in the network (`amity log`)."""
    person_id, person_name = person_by_id(store, person_id)
    day = happened_on(what.on, today)
    what = at_event(store, what, day)
    with store.db.transaction():
        first = not interaction_store.count_for_person(store, person_id)
        return _record(store, person_id, person_name, what, day, today, first=first)


def _existing(store: Store, name: str) -> tuple[int, str] | None:
    """`met` creates a new person unless the name is an id or one person's name, compared
    without case, accents or punctuation ("Ben Obrien" is Ben O'Brien); several people of
    that name raise Ambiguous with the candidates."""
    if name.removeprefix("#").isdecimal():
        return resolve_person(store, name)
    return person_named(store, name)


def _record(
    store: Store,
    person_id: int,
    person_name: str,
    what: Happening,
    day: date,
    today: date,
    *,
    first: bool = False,
    client_id: str | None = None,
) -> Logged:
    direction = what.direction or (
        Direction.MUTUAL if what.kind in _TOGETHER else Direction.OUTBOUND
    )
    interaction = Interaction(
        kind=what.kind,
        occurred_on=day,
        direction=direction,
        person_ids=[person_id],
        summary=what.topic.strip(),
        notes=what.note.strip(),
        learned=what.learned.strip(),
        promises=what.promise.strip(),
        place=what.place.strip(),
        event_id=what.event_id,
    )
    if client_id is None:
        interaction_id = interaction_store.insert_interaction(store, interaction)
    else:
        stored = interaction_store.insert_captured(store, interaction, client_id)
        if stored is None:
            raise _SentTwice
        interaction_id = stored
    if interaction.event_id is not None and what.kind in _TOGETHER:
        event_store.set_attendance(store, interaction.event_id, person_id, AttendanceRole.MET)
    logged = Logged(interaction_id, person_id, person_name)
    fade = int(preferences.get(store, "follow_up_fade_days") or DEFAULT_FADE_DAYS)
    if needs_follow_up(what.kind, first, day, today, fade):
        due = follow_up_due(day)
        reminders.add_reminder(
            store,
            follow_up_key(interaction_id),
            ReminderKind.FOLLOW_UP,
            person_id,
            due,
            reason=what.place,
            detail=interaction.summary or interaction.notes,
            interaction_id=interaction_id,
        )
        logged.follow_up_due = due
    elif direction is not Direction.INBOUND:
        logged.closed_follow_ups = reminders.close_follow_ups(store, person_id, day)
    for index, promise in enumerate(parse_promises(interaction.promises)):
        reminders.add_reminder(
            store,
            promise_key(interaction_id, index),
            ReminderKind.PROMISE,
            person_id,
            promise_due_for(promise, day),
            reason=promise,
            interaction_id=interaction_id,
        )
    refresh_people(store, [person_id], today)
    return logged


def at_event(store: Store, what: Happening, day: date) -> Happening:
    """When `--at` names an event, the happening is linked to it and takes the event's own
    name as its place ("fintech fair" typed, "Fintech Fair" kept)."""
    if what.event_id is not None:
        return what
    found = event_at(store, what.place, day)
    event = event_store.get_event(store, found) if found is not None else None
    if event is None:
        return what
    return replace(what, event_id=found, place=event.name)


def event_at(store: Store, place: str, day: date) -> int | None:
    """The event `place` names (without case), if it is one: of several of that name, the
    one running on `day`, else the latest before it, else the next."""
    lowered = " ".join(place.split()).lower()
    if not lowered:
        return None
    events = event_store.events_named(store, lowered)
    running = [e for e in events if e.starts_on <= day <= (e.ends_on or e.starts_on)]
    before = [e for e in events if e.starts_on <= day]
    if running:
        return running[0].id
    if before:
        return before[-1].id
    return events[0].id if events else None
