"""Why each link of a warm path is as strong as it is, in the words a person would use.

You and a contact: how often and how lately you have been in touch, from the strength
engine's own reasons ("14 interactions, last 3 weeks ago"). Two contacts: the tie's own
reason when it has one, else what kind of tie it is and where it came from ("colleagues
since 2019", "you said they know each other").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.engines.warm_paths import Path
from amity.model.enums import TieKind
from amity.service.relationships import strength_now
from amity.store import Row, Store, as_date
from amity.store import graph as graph_store

YOU_NAME = "you"

TIE_WORDS: dict[str, str] = {
    TieKind.COLLEAGUE: "colleagues",
    TieKind.FRIEND: "friends",
    TieKind.FAMILY: "family",
    TieKind.CLASSMATE: "classmates",
    TieKind.INTRODUCED: "introduced",
    TieKind.KNOWS: "know each other",
}


@dataclass(frozen=True, slots=True)
class PathEnd:
    """One end of a link: a person, or you (`id` None)."""

    id: int | None
    name: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True, slots=True)
class PathHop:
    start: PathEnd
    end: PathEnd
    strength: float  # 0 to 1
    why: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "from": self.start.as_dict(),
            "to": self.end.as_dict(),
            "strength": self.strength,
            "why": self.why,
        }


NEVER_IN_TOUCH = "in your contacts, never in touch"


def link_reasons(store: Store, path: Path, today: date) -> tuple[PathHop, ...]:
    """Every hop of `path` with both ends named and the reason for its strength."""
    people = [hop.to_id for hop in path.hops]
    names = {pid: row[0] for pid, row in graph_store.names_of(store, people).items()}
    hops = []
    start = PathEnd(None, YOU_NAME)
    for index, hop in enumerate(path.hops):
        end = PathEnd(hop.to_id, names.get(hop.to_id, f"#{hop.to_id}"))
        if index == 0:
            why = your_reason(store, hop.to_id, today)
        else:
            assert start.id is not None  # only the first hop starts at you
            why = tie_reason(graph_store.tie_between(store, start.id, hop.to_id))
        hops.append(PathHop(start, end, round(hop.strength, 4), why))
        start = end
    return tuple(hops)


def your_reason(store: Store, person_id: int, today: date) -> str:
    """How often and how lately you have been in touch: 'known 3 years; 14 interactions,
    last 3 weeks ago'."""
    scored, _ = strength_now(store, person_id, today)
    if len(scored.reasons) < 2:  # never in touch: the engine's one reason
        return NEVER_IN_TOUCH
    return f"{scored.reasons[1]}; {scored.reasons[0]}"


def tie_reason(tie: Row | None) -> str:
    """'colleagues since 2019', 'you said they know each other', or the tie's own why."""
    if tie is None:
        return "they know each other"
    own = str(tie.get("why") or "").strip()
    if own:
        return own
    kind = str(tie.get("kind") or TieKind.KNOWS)
    words = TIE_WORDS.get(kind, kind)
    since = as_date(tie.get("since"))
    text = f"{words} since {since.year}" if since else words
    source = str(tie.get("source") or "manual")
    if source == "manual":
        return f"you said they're {text}" if kind != TieKind.KNOWS else f"you said they {text}"
    return f"{text} (from {source})"
