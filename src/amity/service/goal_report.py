"""How a goal is going: the people at its targets (and who is new since it was set), the
ties found to them, the warm paths, the introductions and meetings with them, the events
that serve it, the days left, and the one next step.

Progress counts from the day the goal was set; a goal set before Amity kept that day counts
the last 90 days (`amity.engines.goal_progress.progress_start`) and says so. A company
target stands for the people working there now, a role for the people whose current title
has its words, a person for that person. The warm paths come from the warm-path search
(`amity.service.paths`), which loads the network graph: this is a read for `goal show`,
not for the agenda (`amity.service.agenda_goals` has its own short paths).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from amity.engines import goal_progress as rules
from amity.model.enums import TargetKind
from amity.service.goal_next import next_step
from amity.service.goal_types import (
    EventServing,
    GoalProgress,
    GoalView,
    IntroductionTouch,
    Meeting,
    NewLink,
    NextStep,
    PathFound,
    PersonAtTarget,
)
from amity.service.goals import get_goal
from amity.store import Row, Store, as_date
from amity.store import goal_reads as reads
from amity.store import goals as goal_store

PATHS_SHOWN = 3


@dataclass(frozen=True, slots=True)
class _Found:
    row: Row
    note: str


def target_people(store: Store, goal: GoalView) -> dict[int, _Found]:
    """The living people a goal's targets stand for, each with what they are to it."""
    found: dict[int, _Found] = {}
    for company in goal.of_kind(TargetKind.COMPANY):
        organizations = reads.organizations_starting(store, rules.company_prefix(company))
        for row in reads.people_at(store, rules.companies_named(company, organizations)):
            title = str(row["position_title"] or "")
            found.setdefault(int(row["id"]), _Found(row, f"{title} at {row['at']}".strip()))
    for role in goal.of_kind(TargetKind.ROLE):
        pattern = rules.role_pattern(role)
        ids = [pid for pid, title in reads.titles(store) if pattern.search(title)]
        for row in reads.people(store, ids):
            found.setdefault(int(row["id"]), _Found(row, _note(row)))
    people = [t.person_id for t in goal.targets if t.kind is TargetKind.PERSON and t.person_id]
    for row in reads.people(store, people):
        found.setdefault(int(row["id"]), _Found(row, _note(row)))
    return found


def _note(row: Row) -> str:
    title, at = str(row["title"] or ""), str(row["organization"] or "")
    return f"{title} at {at}" if title and at else title or (f"at {at}" if at else "")


def goal_progress(store: Store, goal_id: int, today: date) -> GoalProgress:
    """Everything `amity goal show` says about a goal, as of `today`."""
    goal = get_goal(store, goal_id, today)
    since, since_set = rules.progress_start(goal.created_on, today)
    found = target_people(store, goal)
    people = tuple(
        PersonAtTarget(
            pid,
            str(f.row["name"]),
            f.note,
            rules.is_new(as_date(f.row["created_on"]), as_date(f.row["first_contact_on"]), since),
        )
        for pid, f in sorted(found.items(), key=lambda item: str(item[1].row["name"]).lower())
    )
    paths = _paths(store, goal, today) if goal.is_active else ()
    introductions = _introductions(store, list(found), since)
    progress = GoalProgress(
        goal,
        since,
        since_set,
        people,
        _new_links(store, found, since),
        paths,
        introductions,
        _meetings(store, found, since),
        tuple(
            EventServing(
                int(r["id"]), str(r["name"]), as_date(r["starts_on"]) or today, str(r["status"])
            )
            for r in goal_store.events_serving(store, goal_id)
        ),
        NextStep(""),
    )
    return replace(progress, next_step=next_step(store, progress, today))


def _new_links(store: Store, found: dict[int, _Found], since: date) -> tuple[NewLink, ...]:
    ties = [t for t in reads.ties_of(store, found) if t[4] and t[4][:10] >= since.isoformat()]
    names = reads.strengths(store, {other for _, other, _, _, _ in ties})
    links = [
        NewLink(str(found[pid].row["name"]), names[other][0], source, as_date(day[:10]))
        for pid, other, _, source, day in ties
        if other in names
    ]
    return tuple(sorted(links, key=lambda link: (link.since or since, link.target, link.other)))


def _paths(store: Store, goal: GoalView, today: date) -> tuple[PathFound, ...]:
    from amity.service.path_links import NEVER_IN_TOUCH
    from amity.service.paths import PathQuery, paths_to
    from amity.service.paths import TargetKind as PathKind

    queries = [
        PathQuery(PathKind(t.kind.value), text=t.value)
        for t in goal.targets
        if t.kind is not TargetKind.PERSON
    ]
    queries += [
        PathQuery(PathKind.PERSON, person_id=t.person_id)
        for t in goal.targets
        if t.kind is TargetKind.PERSON and t.person_id is not None
    ]
    found: dict[tuple[int | None, str], tuple[bool, PathFound]] = {}
    for query in queries:
        for path in paths_to(store, query, today, PATHS_SHOWN).paths:
            if path.ask.id is None:
                continue
            target = path.hops[-1].end.name
            shown = PathFound(
                target,
                path.target_note,
                tuple(hop.end.name for hop in path.hops[:-1]),
                path.strength,
                path.ask.name,
                path.ask.id,
                path.draft,
                path.hops[0].why == NEVER_IN_TOUCH,
            )
            key = (path.ask.id, target)
            if key not in found or found[key][1].strength < shown.strength:
                found[key] = (path.former, shown)
    # Someone who works there now before someone who used to, then the strongest.
    ranked = [
        p for _, p in sorted(found.values(), key=lambda f: (f[0], -f[1].strength, f[1].target))
    ]
    return tuple(ranked[:PATHS_SHOWN])


def _introductions(store: Store, people: list[int], since: date) -> tuple[IntroductionTouch, ...]:
    """Introductions with someone at a target in them, asked or made since `since`, or
    still under way."""
    touches = []
    for row in reads.introductions_involving(store, people):
        asked, made = as_date(row["asked_a_on"]), as_date(row["introduced_on"])
        closed = row["state"] in ("done", "declined")
        recent = any(day is not None and day >= since for day in (asked, made))
        if recent or not closed:
            touches.append(
                IntroductionTouch(
                    int(row["id"]),
                    str(row["a_name"]),
                    str(row["b_name"]),
                    str(row["state"]),
                    asked,
                    made,
                )
            )
    return tuple(touches)


def _meetings(store: Store, found: dict[int, _Found], since: date) -> tuple[Meeting, ...]:
    return tuple(
        Meeting(
            as_date(row["occurred_on"]) or since,
            str(found[int(row["person_id"])].row["name"]),
            str(row["kind"]),
            str(row["summary"] or ""),
        )
        for row in reads.interactions_with(store, found, since)
        if row["kind"] in rules.MEETING_KINDS
    )
