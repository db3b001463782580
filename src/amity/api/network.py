"""The network half of the Python API: who knows whom, and the warm paths to a company, a
role or a person (`docs/api.md`, "The network"). The same service as `amity knows` and
`amity path` underneath."""

from __future__ import annotations

from typing import TYPE_CHECKING

from amity.api.home import Home
from amity.errors import UsageError

if TYPE_CHECKING:  # loaded by the calls that need them: paths bring numpy
    from amity.service.paths import PathsView
    from amity.service.ties import Acquaintances, Tie, TieStrength


def warm_paths(
    home: Home,
    *,
    to_company: str | None = None,
    to_role: str | None = None,
    to: int | str | None = None,
    limit: int = 5,
) -> PathsView:
    """The strongest chains from you to anyone at `to_company`, anyone whose title matches
    `to_role`, or one person `to` (an id or a name): exactly one of the three. Each path
    names every link with its reason, the first person to ask and a draft of the ask."""
    from amity.api import find_person
    from amity.service.paths import PathQuery, TargetKind, paths_to

    given = [value for value in (to_company, to_role, to) if value is not None]
    if len(given) != 1:
        raise UsageError("say where to: one of to_company, to_role or to")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise UsageError(f"limit is a number of paths from 1, not {limit!r}")
    if to is not None:
        query = PathQuery(TargetKind.PERSON, person_id=find_person(home, to).id)
    elif to_company is not None:
        query = PathQuery(TargetKind.COMPANY, text=str(to_company))
    else:
        query = PathQuery(TargetKind.ROLE, text=str(to_role))
    return paths_to(home.store, query, home.today, limit)


def record_tie(
    home: Home,
    person: int | str,
    other: int | str,
    *,
    how: str | None = None,
    strength: TieStrength | str | None = None,
) -> Tie:
    """Record (or update) that two people know each other, as `amity knows A B` does:
    `how` in words ("climbed together for years"), `strength` weak, medium or strong."""
    from amity.api import find_person
    from amity.service.choices import parse_choice
    from amity.service.ties import TieStrength
    from amity.service.ties import record_tie as record

    level = parse_choice(TieStrength, str(strength), "strength") if strength is not None else None
    a, b = find_person(home, person).id, find_person(home, other).id
    return record(home.write_store, a, b, how, level)


def ties_of(home: Home, person: int | str) -> Acquaintances:
    """Everyone `person` knows, strongest first, each tie with its reason and whose word
    it is (as of the last refresh of the inferred ties; this reads only)."""
    from amity.api import find_person
    from amity.service.ties import acquaintances

    return acquaintances(home.store, find_person(home, person).id, home.today)
