"""Amity as a Python library: open a home, add people, log what happened, read the agenda.

The functions here are what a script uses (`docs/api.md`); the CLI and the web app call the
same service underneath, so a script sees exactly what `amity today` would show. Each one
takes a `Home`, ids, enums and dates, and returns a frozen dataclass; bad input raises an
`amity.errors.AmityError` (`NotFound`, `Ambiguous`, `UsageError`, `ImportFailed`...).

A person is named by their id (an `int`) or by text, resolved as the CLI resolves it (an
exact name, an unambiguous prefix, a close match). Writes go through the same preparation
as a CLI command that writes: the account exists, and the trash is purged by the real clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from amity.api.goal_calls import add_goal, goal_progress, goals
from amity.api.home import Home, open_home
from amity.api.network import record_tie, ties_of, warm_paths
from amity.api.results import Added, Imported, Logged, Merge, Skipped
from amity.errors import NotFound, UsageError
from amity.model import Circle, Direction, InteractionKind
from amity.service import interactions
from amity.service.agenda_types import AgendaEntry, TodayView
from amity.service.people_views import PersonSummary, PersonView, SearchResults
from amity.service.person_ref import PersonRef

__all__ = [
    "Added",
    "AgendaEntry",
    "Circle",
    "Direction",
    "Home",
    "Imported",
    "InteractionKind",
    "Logged",
    "Merge",
    "PersonRef",
    "PersonSummary",
    "PersonView",
    "SearchResults",
    "Skipped",
    "TodayView",
    "add_goal",
    "add_person",
    "done",
    "find_person",
    "goal_progress",
    "goals",
    "import_file",
    "log_interaction",
    "met",
    "open_home",
    "record_tie",
    "search",
    "show_person",
    "skip",
    "snooze",
    "ties_of",
    "today",
    "warm_paths",
]


# -- people -----------------------------------------------------------------------------


def _who(person: int | str) -> str:
    """A person as the service's resolver reads them: `#42` for an id, else the text."""
    if isinstance(person, bool) or not isinstance(person, int | str):
        raise UsageError(f"a person is an id or a name, not {type(person).__name__}")
    if isinstance(person, int):
        from amity.model.limits import MAX_INTEGER

        if not 1 <= person <= MAX_INTEGER:
            raise NotFound(f"no person has id {person}")
        return f"#{person}"
    return person


def find_person(home: Home, person: int | str) -> PersonRef:
    """The one person an id or a name names; `NotFound` or `Ambiguous` otherwise."""
    from amity.service.resolve import resolve_person

    person_id, name = resolve_person(home.store, _who(person))
    return PersonRef(person_id, name)


def show_person(home: Home, person: int | str, *, interactions: int = 20) -> PersonView:
    """Everything `amity show` shows about someone: profile, jobs, strength scored today
    with its reasons, and the `interactions` most recent interactions."""
    from amity.service.views import show_person as show

    return show(home.store, find_person(home, person).id, interactions, home.today)


def add_person(
    home: Home,
    name: str,
    *,
    emails: Iterable[str] = (),
    phones: Iterable[str] = (),
    company: str = "",
    title: str = "",
    tags: Iterable[str] = (),
    circle: Circle | str | None = None,
    every: int | None = None,
    how_met: str = "",
    where_met: str = "",
    met_through: int | str | None = None,
    birthday: date | str | None = None,
) -> Added:
    """Add someone (as `amity add`); `birthday` is a date or `--MM-DD` without a year."""
    from amity.service.people import NewPerson, clean_name
    from amity.service.people import add_person as add

    new = NewPerson(
        name=name,
        emails=_texts(emails),
        phones=_texts(phones),
        company=company,
        title=title,
        tags=_texts(tags),
        circle=str(circle) if circle is not None else None,
        every=every,
        how_met=how_met,
        where_met=where_met,
        met_through=_who(met_through) if met_through is not None else None,
        birthday=birthday.isoformat() if isinstance(birthday, date) else birthday,
    )
    person_id, similar = add(home.write_store, new, home.today)
    _wrote(home)
    return Added(person_id, clean_name(name), _refs(similar))


def _wrote(home: Home) -> None:
    """After a write: the inferred ties follow it, as after a command of the CLI."""
    from amity.service.tie_freshness import keep_ties_fresh

    keep_ties_fresh(home.store, home.today)


def _texts(values: Iterable[str]) -> list[str]:
    """A list of values; one string is one value (`tags="mentor"`), not its letters."""
    return [values] if isinstance(values, str) else list(values)


def _refs(people: Iterable[tuple[int, str]]) -> tuple[PersonRef, ...]:
    return tuple(PersonRef(person_id, name) for person_id, name in people)


# -- interactions -----------------------------------------------------------------------


def log_interaction(
    home: Home,
    person: int | str,
    kind: InteractionKind | str,
    *,
    on: date | str | None = None,
    direction: Direction | None = None,
    note: str = "",
    topic: str = "",
    learned: str = "",
    promise: str = "",
    place: str = "",
) -> Logged:
    """Log an interaction with someone already in the network (as `amity log`)."""
    what = interactions.Happening(
        kind if isinstance(kind, InteractionKind) else interactions.parse_kind(kind),
        on=_day(on),
        direction=direction,
        note=note,
        topic=topic,
        learned=learned,
        promise=promise,
        place=place,
    )
    person_id = find_person(home, person).id
    logged = interactions.log(home.write_store, person_id, what, home.today)
    _wrote(home)
    return _logged(logged)


def met(
    home: Home,
    person: int | str,
    *,
    on: date | str | None = None,
    note: str = "",
    topic: str = "",
    promise: str = "",
    place: str = "",
) -> Logged:
    """Log meeting someone, adding them if the name is new (as `amity met`); a follow-up
    is due the next day."""
    what = interactions.Happening(
        InteractionKind.MET, on=_day(on), note=note, topic=topic, promise=promise, place=place
    )
    logged = interactions.met(home.write_store, _who(person), what, home.today)
    _wrote(home)
    return _logged(logged)


def _day(on: date | str | None) -> str | None:
    """The day as the service reads it: ISO for a date, else the text (`yesterday`...)."""
    if isinstance(on, datetime):
        on = on.date()
    return on.isoformat() if isinstance(on, date) else on


def _logged(logged: interactions.Logged) -> Logged:
    return Logged(
        logged.interaction_id,
        PersonRef(logged.person_id, logged.person_name),
        logged.created,
        _refs(logged.similar),
        logged.follow_up_due,
        logged.closed_follow_ups,
    )


# -- the agenda -------------------------------------------------------------------------


def today(home: Home, *, budget: int | None = None, drafts: bool = True) -> TodayView:
    """Today's agenda as `amity today` shows it: numbered items, each with its draft."""
    from amity.service.agenda import today_view

    return today_view(home.store, home.today, home.settings.home, budget=budget, with_drafts=drafts)


def done(home: Home, item: int | str) -> str:
    """Mark an agenda item done (its number today, its id, or the person's name); returns
    the sentence `amity done` prints. Done on anything but a promise logs a message."""
    return _act(home, item, "done")


def skip(home: Home, item: int | str) -> str:
    """Drop an agenda item without doing it."""
    return _act(home, item, "skip")


def snooze(home: Home, item: int | str, days: int) -> str:
    """Put an agenda item off for `days` days (1 to 365)."""
    return _act(home, item, "snooze", days)


def _act(home: Home, item: int | str, action: str, days: int | None = None) -> str:
    from amity.service.agenda import act

    if isinstance(item, bool) or not isinstance(item, int | str):
        raise UsageError(f"an agenda item is a number, an id or a name, not {type(item).__name__}")
    return act(home.write_store, str(item), action, home.today, days)


# -- search and import ------------------------------------------------------------------


def search(home: Home, text: str, limit: int = 20) -> SearchResults:
    """Ranked search over everything Amity knows, with filters (`company:acme tag:mentor`)."""
    from amity.service.views import search as search_people

    return search_people(home.store, text, limit, home.today)


def import_file(
    home: Home, kind: str, path: str | Path, *, dry_run: bool = False, merge: bool = True
) -> Imported:
    """Import a LinkedIn export, vCards or a Google/Outlook CSV (`kind`: linkedin, vcard or
    csv), in one transaction; importing the same file again changes nothing."""
    from amity.service.imports.run import run_import
    from amity.service.imports.sources import source_named

    source = source_named(kind)
    store = home.account_store if dry_run else home.write_store
    report = run_import(store, source, Path(path), home.today, dry_run=dry_run, merge=merge)
    if not dry_run:
        _wrote(home)
    return Imported(
        report.source,
        report.path,
        report.dry_run,
        report.created,
        report.updated,
        report.unchanged,
        report.merged,
        report.missing,
        report.new_jobs,
        report.interactions,
        tuple(Skipped(s.file, s.line, s.reason) for s in report.skipped),
        tuple(
            Merge(str(m["name"]), int(m["person"]["id"]), tuple(m["reasons"]))
            for m in report.merges
        ),
    )
