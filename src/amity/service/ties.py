"""Who knows whom: ties you record, ties Amity infers (each with its reason), and your word
on an inferred one (confirm it, or hide it for good).

Inferred ties are written into the `tie` table by `refresh_ties`, which runs the rules of
`amity.engines.tie_inference` over the account's rows and writes only what changed. The
command line and the web app call `keep_ties_fresh` after every write, so the ties follow
their evidence (`amity.service.tie_freshness`); `amity knows --refresh` refreshes at once.
Reads (the person page, `amity path`) never write: they use the stored ties.
Confirmed and hidden ties are the user's and a refresh never touches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from amity.errors import NotFound, UsageError
from amity.model import TieKind, TieSource, TieState
from amity.service.person_ref import PersonRef
from amity.service.resolve import person_by_id
from amity.service.tie_freshness import LINKEDIN, Refresh, fresh_ties, keep_ties_fresh
from amity.store import Store
from amity.store import ties as ties_store

__all__ = [
    "LINKEDIN",
    "Acquaintances",
    "Refresh",
    "Tie",
    "TieStrength",
    "acquaintances",
    "fresh_ties",
    "keep_ties_fresh",
    "record_tie",
    "refresh_ties",
    "set_tie_state",
    "strength_word",
]


class TieStrength(StrEnum):
    """How well two people know each other, as you would say it."""

    WEAK = "weak"
    MEDIUM = "medium"
    STRONG = "strong"


STRENGTHS = {TieStrength.WEAK: 30, TieStrength.MEDIUM: 50, TieStrength.STRONG: 80}


def strength_word(strength: int) -> str:
    """The word for a strength (0-100): weak below 40, strong from 70."""
    return "strong" if strength >= 70 else "medium" if strength >= 40 else "weak"


@dataclass(frozen=True, slots=True)
class Tie:
    """Two people who know each other: how, how well (0-100), from where, and whose word."""

    person: PersonRef
    other: PersonRef
    kind: TieKind | str
    strength: int
    source: str
    state: TieState | str
    why: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.as_dict(),
            "other": self.other.as_dict(),
            "kind": str(self.kind),
            "strength": self.strength,
            "source": self.source,
            "state": str(self.state),
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class Acquaintances:
    """Everyone one person knows: shown ties strongest first, then the hidden ones."""

    person: PersonRef
    ties: tuple[Tie, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person.as_dict(),
            "ties": [{k: v for k, v in t.as_dict().items() if k != "person"} for t in self.ties],
        }


def refresh_ties(store: Store, today: date) -> Refresh:
    """Infer every tie the evidence supports now and write what changed
    (`amity.service.tie_refresh`, loaded only when a refresh runs)."""
    from amity.service.tie_refresh import refresh_ties as refresh

    return refresh(store, today)


def record_tie(
    store: Store,
    person_id: int,
    other_id: int,
    how: str | None,
    strength: TieStrength | None,
) -> Tie:
    """Record (or update) that two people know each other: a confirmed tie, one per pair.
    What is not given is kept from the tie already there (medium when there is none)."""
    person, other = _two(store, person_id, other_id)
    old = ties_store.tie_between(store, person.id, other.id)
    why = how.strip() if how is not None else (str(old["why"]) if old else "")
    if strength is not None:
        score = STRENGTHS[strength]
    else:
        score = int(old["strength"]) if old else STRENGTHS[TieStrength.MEDIUM]
    kind = _kind_of(why) if how is not None or old is None else str(old["kind"])
    source = str(old["source"]) if old and how is None else TieSource.MANUAL.value
    row = ties_store.TieRow(person.id, other.id, kind, score, source, TieState.CONFIRMED.value, why)
    with store.db.transaction():
        ties_store.put_tie(store, row)
    return Tie(person, other, kind, score, source, TieState.CONFIRMED, why)


def _kind_of(how: str) -> str:
    """`colleague`, `friend`, `family` or `classmate` when the words say so, else `knows`."""
    words = how.casefold()
    for kind, hints in (
        (TieKind.COLLEAGUE, ("colleague", "coworker", "co-worker", "worked together")),
        (TieKind.FAMILY, ("family", "brother", "sister", "cousin", "married")),
        (TieKind.CLASSMATE, ("classmate", "school", "university", "studied")),
        (TieKind.FRIEND, ("friend",)),
    ):
        if any(h in words for h in hints):
            return kind.value
    return TieKind.KNOWS.value


def set_tie_state(store: Store, person_id: int, other_id: int, state: TieState, today: date) -> Tie:
    """Confirm a tie, or hide it (it stays hidden: the inference never brings it back)."""
    person, other = _two(store, person_id, other_id)
    fresh_ties(store, today)
    with store.db.transaction():
        changed = ties_store.set_state(store, person.id, other.id, state.value)
    if not changed:
        raise NotFound(f"no tie between {person.name} and {other.name}: record one with knows")
    return _tie(person, other, ties_store.tie_between(store, person.id, other.id))


def acquaintances(store: Store, person_id: int, today: date, limit: int = 100) -> Acquaintances:
    """Who this person knows, as stored: a read writes nothing (a read-only home, a web page,
    a what-if day), so the inferred ties are as of the last refresh (`fresh_ties`)."""
    person = PersonRef(*person_by_id(store, person_id))
    rows = ties_store.ties_of(store, person.id, limit)
    return Acquaintances(
        person,
        tuple(_tie(person, PersonRef(int(r["id"]), str(r["name"])), r) for r in rows),
    )


def _tie(person: PersonRef, other: PersonRef, row: Any) -> Tie:
    return Tie(
        person,
        other,
        str(row["kind"]),
        int(row["strength"]),
        str(row["source"]),
        str(row["state"]),
        str(row["why"] or ""),
    )


def _two(store: Store, person_id: int, other_id: int) -> tuple[PersonRef, PersonRef]:
    person = PersonRef(*person_by_id(store, person_id))
    other = PersonRef(*person_by_id(store, other_id))
    if person.id == other.id:
        raise UsageError(f"{person.name} is one person: a tie needs two")
    return person, other
