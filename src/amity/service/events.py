"""Events: plan one with a purpose, change it, list them, show one with its warm paths.

Planning an event of a name already planned on that day changes that event (adding the
new targets, people and goals to the ones it has) rather than making a second one: a user
who runs `amity event plan` again with one more `--company` means the same evening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from amity.engines.dates import parse_day, parse_iso
from amity.engines.event_pitch import Profile, elevator_pitch
from amity.errors import NotFound, UsageError
from amity.model.enums import AttendanceRole, EventStatus, TargetKind
from amity.model.events import Event, Target
from amity.model.limits import EARLIEST_DAY, LATEST_DAY
from amity.service.event_types import EventLine, EventPerson, EventView, PathLine, Planned
from amity.service.settings import preferences
from amity.store import Store
from amity.store import events as event_store
from amity.store import settings as settings_store

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
NO_PITCH = (
    "No pitch yet: import your LinkedIn export (`amity import linkedin.zip` reads your "
    "profile), give the event a goal or a purpose, or write one with `--pitch`."
)
UNNAMED = "me"  # the first account's name until the user gives theirs
PATHS_PER_EVENT = 6  # warm paths shown for an event's targets, at most


@dataclass(frozen=True, slots=True)
class EventPlan:
    """What the user asked for (`amity event plan`, `amity event edit`): None or empty
    leaves a field as it is."""

    name: str
    on: date | None = None
    time: str | None = None
    place: str | None = None
    purpose: str | None = None
    pitch: str | None = None
    notes: str | None = None
    goals_text: str | None = None
    goal_ids: tuple[int, ...] = ()
    companies: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    person_ids: tuple[int, ...] = ()
    rename: str | None = None


def event_day(text: str, today: date) -> date:
    """The day an event is on: `2026-12-03`, today, tomorrow, or words ("next friday")."""
    raw = " ".join(text.strip().lower().split())
    if not raw:
        raise UsageError("a day is needed: give --on YYYY-MM-DD")
    try:
        if raw in ("today", "tomorrow", "yesterday"):
            day = parse_day(raw, today)
        elif raw[:1].isdigit():
            day = parse_iso(raw)
        else:
            raise UsageError(raw)
    except UsageError:
        from amity.service.natural_dates import read_day

        found = read_day(raw, today)
        if found is None:
            raise UsageError(f"{text!r} is not a day: expected YYYY-MM-DD") from None
        day = found
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise UsageError(f"{day.isoformat()} is outside the days Amity keeps")
    return day


def event_time(text: str) -> str:
    """ "18:30", "9:05" -> "HH:MM"; "" stays ""."""
    raw = text.strip()
    if not raw:
        return ""
    found = _TIME.match(raw)
    if found is None:
        raise UsageError(f"{text!r} is not a time: expected HH:MM, as 18:30")
    return f"{int(found.group(1)):02d}:{found.group(2)}"


def resolve_goal(store: Store, text: str) -> int:
    """The goal `text` names: its id (`3`, `#3`), its title, or one active goal whose title
    contains it."""
    raw = text.strip()
    if not raw:
        raise UsageError("a goal is needed: give its id or title")
    found = event_store.goal_titled(store, raw)
    if not found:
        raise NotFound(f"no goal matches {raw!r}; `amity goal list` shows yours")
    if len(found) > 1:
        names = [f"#{gid} {title}" for gid, title in found]
        raise UsageError(f"several goals match {raw!r}: {', '.join(names)}; give its id")
    return found[0][0]


def find_event(store: Store, text: str, today: date) -> int:
    """The event `text` names: an id (`4`, `#4`) or a name without case. Of several events
    of that name, the one on `today`, else the next one, else the latest."""
    raw = " ".join(text.split())
    if not raw:
        raise UsageError("an event is needed: give its name or id")
    if raw.removeprefix("#").isdecimal():
        event = event_store.get_event(store, int(raw.removeprefix("#")))
        if event is None or event.id is None:
            raise NotFound(f"no event has id {raw.removeprefix('#')}")
        return event.id
    found = nearest(event_store.events_named(store, raw.lower()), today)
    if found is None or found.id is None:
        like = event_store.names_like(store, raw.lower())
        hint = f"; did you mean {', '.join(like)}?" if like else "; `amity event list --all`"
        raise NotFound(f"no event is called {raw!r}{hint}", like)
    return found.id


def nearest(events: list[Event], day: date) -> Event | None:
    """Of events sorted by day: the one running on `day`, else the next, else the latest."""
    for event in events:
        if event.starts_on <= day <= (event.ends_on or event.starts_on):
            return event
    upcoming = [e for e in events if e.starts_on > day]
    return upcoming[0] if upcoming else (events[-1] if events else None)


def plan_event(store: Store, plan: EventPlan, today: date) -> Planned:
    """Plan an event, or change the one of that name on that day."""
    name = " ".join(plan.name.split())
    if not name:
        raise UsageError("an event needs a name")
    if plan.on is None:
        raise UsageError("an event needs a day: give --on YYYY-MM-DD")
    same_day = [e for e in event_store.events_named(store, name.lower()) if e.starts_on == plan.on]
    with store.db.transaction():
        if same_day and same_day[0].id is not None:
            event_id, created = same_day[0].id, False
            _apply(store, same_day[0], plan)
        else:
            event = Event(name=name, starts_on=plan.on, created_on=today)
            event_id, created = event_store.insert_event(store, event), True
            event.id = event_id
            _apply(store, event, plan)
    return Planned(show_event(store, event_id, today), created)


def edit_event(store: Store, event_id: int, plan: EventPlan, today: date) -> EventView:
    event = _get(store, event_id)
    with store.db.transaction():
        _apply(store, event, plan)
    return show_event(store, event_id, today)


def set_status(store: Store, event_id: int, status: EventStatus) -> None:
    event = _get(store, event_id)
    with store.db.transaction():
        event_store.update_event(store, replace(event, status=status))


def _apply(store: Store, event: Event, plan: EventPlan) -> None:
    assert event.id is not None
    changed = replace(
        event,
        name=" ".join(plan.rename.split()) if plan.rename else event.name,
        starts_on=plan.on or event.starts_on,
        starts_at=event.starts_at if plan.time is None else event_time(plan.time),
        place=_kept(event.place, plan.place),
        purpose=_kept(event.purpose, plan.purpose),
        pitch=_kept(event.pitch, plan.pitch),
        notes=_kept(event.notes, plan.notes),
        goals=_kept(event.goals, plan.goals_text),
    )
    if not changed.name:
        raise UsageError("an event needs a name")
    event_store.update_event(store, changed)
    targets = [Target(TargetKind.COMPANY, c.strip()) for c in plan.companies]
    targets += [Target(TargetKind.ROLE, r.strip()) for r in plan.roles]
    event_store.add_targets(store, event.id, targets)
    event_store.add_goals(store, event.id, plan.goal_ids)
    for person_id in plan.person_ids:
        event_store.set_attendance(store, event.id, person_id, AttendanceRole.TARGET)


def _kept(old: str, new: str | None) -> str:
    return old if new is None else new.strip()


def _get(store: Store, event_id: int) -> Event:
    event = event_store.get_event(store, event_id)
    if event is None:
        raise NotFound(f"no event has id {event_id}")
    return event


# -- reading --------------------------------------------------------------------------------


def list_events(store: Store, today: date, *, everything: bool = False) -> tuple[EventLine, ...]:
    """Upcoming events (today's included) soonest first; with `everything`, the past ones
    after them, latest first."""
    events = event_store.list_events(store, None if everything else today)
    upcoming = [e for e in events if (e.ends_on or e.starts_on) >= today]
    past = [e for e in reversed(events) if (e.ends_on or e.starts_on) < today]
    lines = []
    for event in [*upcoming, *past]:
        assert event.id is not None
        people = event_store.attendance_of(store, event.id)
        lines.append(
            EventLine(
                event.id,
                event.name,
                event.starts_on,
                event.starts_at,
                event.place,
                event.status.value,
                sum(1 for p in people if p["role"] == AttendanceRole.MET.value),
                sum(1 for p in people if p["role"] == AttendanceRole.TARGET.value),
            )
        )
    return tuple(lines)


def show_event(store: Store, event_id: int, today: date, *, with_paths: bool = False) -> EventView:
    """The event, its goals, targets and people; with `with_paths`, the best warm path to
    each target company, role and person (this loads the network: numpy)."""
    event = _get(store, event_id)
    targets = event_store.targets_of(store, event_id)
    goals = tuple(event_store.goals_of(store, event_id))
    people = tuple(
        EventPerson(int(r["person_id"]), str(r["name"]), str(r["role"]), str(r["notes"]))
        for r in event_store.attendance_of(store, event_id)
    )
    pitch = event.pitch or built_pitch(store, event, [title for _, title in goals])
    companies = tuple(t.value for t in targets if t.kind is TargetKind.COMPANY)
    roles = tuple(t.value for t in targets if t.kind is TargetKind.ROLE)
    view = EventView(
        event_id,
        event.name,
        event.starts_on,
        event.starts_at,
        event.place,
        event.purpose,
        event.status.value,
        pitch,
        bool(event.pitch),
        "" if pitch else NO_PITCH,
        companies,
        roles,
        goals,
        event.goals,
        event.notes,
        people,
        debriefed_on=event.debriefed_on,
        source=event.source,
    )
    if not with_paths:
        return view
    return replace(view, paths=warm_paths(store, view, today))


def built_pitch(store: Store, event: Event, goals: list[str]) -> str:
    """The pitch Amity writes from the profile and the event's goals and purpose."""
    goal_texts = goals or ([event.goals] if event.goals.strip() else [])
    return elevator_pitch(
        user_profile(store), event=event.name, purpose=event.purpose, goals=goal_texts
    )


def user_profile(store: Store) -> Profile:
    """The user as their LinkedIn profile (preference "profile") and account name say."""
    raw = preferences.get(store, "profile")
    profile = raw if isinstance(raw, dict) else {}
    account = settings_store.account_contact(store)
    named = str(account["name"] or "") if account else ""
    name = str(profile.get("name") or ("" if named == UNNAMED else named))
    title, organization = "", ""
    current = [p for p in profile.get("positions") or [] if isinstance(p, list) and len(p) > 3]
    now = [p for p in current if not p[3]] or current
    if now:
        latest = max(now, key=lambda p: str(p[2] or ""))
        organization, title = str(latest[0] or ""), str(latest[1] or "")
    return Profile(name, str(profile.get("headline") or ""), title, organization)


def warm_paths(store: Store, view: EventView, today: date) -> tuple[PathLine, ...]:
    from amity.service.paths import PathQuery, paths_to
    from amity.service.paths import TargetKind as PathKind

    asks: list[tuple[PathKind, str, int | None]] = []
    asks += [(PathKind.COMPANY, c, None) for c in view.companies]
    asks += [(PathKind.ROLE, r, None) for r in view.roles]
    asks += [(PathKind.PERSON, p.name, p.person_id) for p in view.people_as("target")]
    lines = []
    for kind, text, person_id in asks[:PATHS_PER_EVENT]:
        found = paths_to(store, PathQuery(kind, text, person_id), today, limit=1)
        best = found.paths[0] if found.paths else None
        chain = tuple(hop.end.name for hop in best.hops) if best else ()
        lines.append(
            PathLine(text, kind.value, chain, best.target_note if best else "", found.matched)
        )
    return tuple(lines)
