"""Amity: a local-first personal networking assistant.

`from amity import open_home, add_person, met, today` is the Python API (`docs/api.md`).
The names are loaded from `amity.api` on first use (PEP 562), so `import amity`, and with
it `amity --help`, stays as light as it was: no database driver, no service, no model.
"""

from __future__ import annotations

__version__ = "0.1.0"

# Not `typing.TYPE_CHECKING`: importing `typing` would cost `import amity` several ms.
TYPE_CHECKING = False
if TYPE_CHECKING:  # the type checker sees the real names; the runtime loads them on use
    from typing import Any

    from amity.api import (
        Added,
        AgendaEntry,
        Circle,
        Direction,
        Home,
        Imported,
        InteractionKind,
        Logged,
        Merge,
        PersonRef,
        PersonSummary,
        PersonView,
        SearchResults,
        Skipped,
        TodayView,
        add_goal,
        add_person,
        done,
        find_person,
        goal_progress,
        goals,
        import_file,
        log_interaction,
        met,
        open_home,
        record_tie,
        search,
        show_person,
        skip,
        snooze,
        ties_of,
        today,
        warm_paths,
    )

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
    "__version__",
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


def __getattr__(name: str) -> Any:
    if name in __all__:
        from amity import api

        return getattr(api, name)
    raise AttributeError(f"module 'amity' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
