"""Who knows whom: ties you record, ties Amity infers (each with its reason), and your word
on an inferred one (confirm it, or hide it for good).

Inferred ties are written into the `tie` table by `refresh_ties`, which runs the rules of
`amity.engines.tie_inference` over the account's rows and writes only what changed. It runs
when `amity knows --refresh` asks, and before `amity knows` lists or writes ties when their
evidence changed since the last run (`fresh_ties`: checked at most once per revision of the
database), so a listing between writes costs one lookup, and after a write that touched no
evidence one fingerprint. Reads elsewhere (the person page, `amity path`) never write: they
use the ties as of the last refresh.
Confirmed and hidden ties are the user's and a refresh never touches them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from amity.engines.tie_inference import Evidence, InferredTie, Stint, infer_ties
from amity.errors import NotFound, UsageError
from amity.model import IntroductionState, TieKind, TieSource, TieState
from amity.service.person_ref import PersonRef
from amity.service.resolve import person_by_id
from amity.store import Store, as_date
from amity.store import settings as settings_store
from amity.store import ties as ties_store
from amity.store.revision import revision

FRESH_KEY = ties_store.FRESH_KEY


class TieStrength(StrEnum):
    """How well two people know each other, as you would say it."""

    WEAK = "weak"
    MEDIUM = "medium"
    STRONG = "strong"


STRENGTHS = {TieStrength.WEAK: 30, TieStrength.MEDIUM: 50, TieStrength.STRONG: 80}
INTRODUCED_STATES = (IntroductionState.INTRODUCED, IntroductionState.DONE)
LINKEDIN = "linkedin"


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


@dataclass(frozen=True, slots=True)
class Refresh:
    """What a refresh of the inferred ties changed."""

    inferred: int  # ties the evidence supports now
    added: int
    changed: int
    removed: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "inferred": self.inferred,
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
        }


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


# --- inference ----------------------------------------------------------------------------


def fresh_ties(store: Store, today: date) -> Refresh | None:
    """Refresh the inferred ties if their evidence changed since the last refresh; None when
    it had not. Once per revision of the database: when nothing was written since, one
    lookup; else a fingerprint of the evidence (`evidence_signature`, aggregates only) says
    whether the write touched it (a meeting logged did not: nothing to infer again)."""
    marker = _marker(store)
    now = revision(store)
    if marker is not None and marker[0] == now:
        return None
    signature = ties_store.evidence_signature(store, LINKEDIN)
    if marker is not None and marker[1] == signature:
        with store.db.transaction():  # the commit bumps the revision: the marker names it
            _put_marker(store, now + 1, signature)
        return None
    return refresh_ties(store, today)


def _marker(store: Store) -> tuple[int, str] | None:
    raw = settings_store.setting_value(store, FRESH_KEY)
    at, _, signature = (raw or "").partition(" ")
    return (int(at), signature) if at.isdecimal() else None


def _put_marker(store: Store, at: int, signature: str) -> None:
    settings_store.put_setting(store, FRESH_KEY, f"{at} {signature}")


def refresh_ties(store: Store, today: date) -> Refresh:
    """Infer every tie the evidence supports and write what changed: new ties in, changed
    ones rewritten, those whose evidence is gone out (confirmed and hidden ones stay)."""
    with store.db.transaction():
        found = infer_ties(evidence(store), today)
        stored = {
            (int(r["person_a_id"]), int(r["person_b_id"])): r for r in ties_store.all_ties(store)
        }
        put: list[ties_store.TieRow] = []
        added = changed = 0
        for tie in found:
            old = stored.get((tie.a, tie.b))
            if old is None:
                added += 1
            elif old["state"] != TieState.INFERRED.value or _same(old, tie):
                continue
            else:
                changed += 1
            put.append(ties_store.TieRow(
                tie.a, tie.b, tie.kind.value, tie.strength, tie.source.value, "", tie.why
            ))  # fmt: skip
        supported = {(t.a, t.b) for t in found}
        gone = [
            pair
            for pair, row in stored.items()
            if row["state"] == TieState.INFERRED.value
            and row["source"] != TieSource.MANUAL.value
            and pair not in supported
        ]
        ties_store.write_inferred(store, put, gone)
        # The commit bumps the revision once: the marker names the revision it will be.
        _put_marker(store, revision(store) + 1, ties_store.evidence_signature(store, LINKEDIN))
    return Refresh(len(found), added, changed, len(gone))


def _same(row: Any, tie: InferredTie) -> bool:
    return (row["kind"], int(row["strength"]), row["source"], row["why"]) == (
        tie.kind.value,
        tie.strength,
        tie.source.value,
        tie.why,
    )


def evidence(store: Store) -> Evidence:
    """Everything ties are inferred from, living people only."""
    living = ties_store.living_ids(store)
    stints = tuple(
        Stint(int(r["person_id"]), str(r["organization"]), _day(r["start_on"]), _day(r["end_on"]))
        for r in ties_store.positions(store)
    )
    met_rows = ties_store.met_through(store)
    met = tuple((int(r["id"]), int(r["met_through_id"])) for r in met_rows)
    names = {int(r["id"]): str(r["name"]) for r in met_rows} | {
        int(r["met_through_id"]): str(r["through_name"]) for r in met_rows
    }
    states = [s.value for s in INTRODUCED_STATES]
    introduced = tuple(
        (int(r["person_a_id"]), int(r["person_b_id"]))
        for r in ties_store.introductions(store, states)
        if r["person_a_id"] in living and r["person_b_id"] in living
    )
    events = _grouped(
        ((str(r["name"]), int(r["event_id"]), int(r["person_id"]))
         for r in ties_store.event_people(store)),
        living,
    )  # fmt: skip
    tags = _grouped(
        ((str(r["name"]), 0, int(r["person_id"])) for r in ties_store.tag_people(store)), living
    )
    threads = _grouped(
        ((str(r["source_key"]).split("|", 1)[0], 0, int(r["person_id"]))
         for r in ties_store.message_people(store, LINKEDIN)
         if not str(r["source_key"]).startswith(("invitation|", "~"))),
        living,
    )  # fmt: skip
    return Evidence(stints, met, introduced, events, tags, threads, names)


def _grouped(rows: Any, living: set[int]) -> dict[str, frozenset[int]]:
    """(name, id, person) rows as groups of living people, keyed by name (and the id when
    two groups share a name: two events called "Meetup")."""
    by_key: dict[tuple[str, int], set[int]] = {}
    for name, key, person in rows:
        if person in living:
            by_key.setdefault((name, key), set()).add(person)
    names: dict[str, int] = {}
    for name, _ in by_key:
        names[name] = names.get(name, 0) + 1
    return {
        (name if names[name] == 1 else f"{name} (#{key})"): frozenset(people)
        for (name, key), people in by_key.items()
    }


def _day(value: Any) -> date | None:
    return None if value is None else as_date(value)
