"""Duplicates: find them, merge them (one person per human), keep apart the pairs the user
said are two people, and undo."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from amity.engines.dedupe import SURE_SCORE, find_duplicates
from amity.errors import UsageError
from amity.model import Circle
from amity.service.person_ref import PersonRef
from amity.service.relationships import refresh_people
from amity.service.resolve import person_by_id
from amity.store import Store, dismissals
from amity.store import duplicates as merge_store
from amity.store import people as people_store
from amity.store.candidates import load_candidates
from amity.store.restore import owned
from amity.store.search import delete_person_doc
from amity.store.snapshots import capture_people, record_change

_CLOSENESS = [c.value for c in Circle]  # inner first
_FILLABLE = (
    "given_name",
    "family_name",
    "nickname",
    "headline",
    "location",
    "how_met",
    "where_met",
    "about",
    "needs",
    "offers",
    "interests",
)
# Merges per transaction in `dedupe --apply`: each chunk commits on its own, so another
# writer waits for one chunk (well under a second), never for the whole apply.
CHUNK = 250


REVIEW_SCORE = 0.5
"""Pairs at or above this are listed for review; `--apply` merges only sure ones."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Two people who are probably one, how likely (0 to 1), and why."""

    a: PersonRef
    b: PersonRef
    score: float
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.id,
            "b": self.b.id,
            "a_name": self.a.name,
            "b_name": self.b.name,
            "score": self.score,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class Dismissal:
    """Two people marked as not the same person; `new` is False when they already were."""

    a: PersonRef
    b: PersonRef
    new: bool

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a.as_dict(), "b": self.b.as_dict(), "new": self.new}


@dataclass(frozen=True, slots=True)
class Undismissal:
    """A dismissal taken back; `removed` is False when the two were never marked."""

    a: PersonRef
    b: PersonRef
    removed: bool

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a.as_dict(), "b": self.b.as_dict(), "removed": self.removed}


@dataclass(frozen=True, slots=True)
class Merged:
    """One person now: `kept` has `merged`'s history, `merged` is gone."""

    kept: PersonRef
    merged: PersonRef

    def as_dict(self) -> dict[str, Any]:
        return {"kept": self.kept.as_dict(), "merged": self.merged.as_dict()}


@dataclass(frozen=True, slots=True)
class MergedPair:
    """One merge of `dedupe --apply`: the ids kept and merged away, and why."""

    kept: int
    merged: int
    score: float
    reasons: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kept": self.kept,
            "merged": self.merged,
            "score": self.score,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class Applied:
    """What `dedupe --apply` merged, best first, and how many less sure pairs are left."""

    merged: tuple[MergedPair, ...]
    left_for_review: int

    @property
    def count(self) -> int:
        return len(self.merged)

    def as_dict(self) -> dict[str, Any]:
        return {
            "merged": [m.as_dict() for m in self.merged],
            "count": self.count,
            "left_for_review": self.left_for_review,
        }


def find_pairs(store: Store, min_score: float = REVIEW_SCORE) -> list[Pair]:
    """Likely pairs, best first, leaving out those the user said are two people."""
    if not 0.0 <= min_score <= 1.0:
        raise UsageError("--min-score must be between 0 and 1")
    candidates = load_candidates(store)
    names = {c.id: c.name for c in candidates}
    apart = dismissals.dismissed_pairs(store)
    return [
        Pair(
            PersonRef(m.a, names[m.a]),
            PersonRef(m.b, names[m.b]),
            round(m.score, 3),
            tuple(m.reasons),
        )
        for m in find_duplicates(candidates, min_score)
        if (m.a, m.b) not in apart
    ]


def _person(store: Store, person_id: int) -> PersonRef:
    return PersonRef(*person_by_id(store, person_id))


def dismiss_pair(store: Store, first: int, second: int, today: date) -> Dismissal:
    """Remember that two people are not one: `dedupe` never offers the pair again, and
    `amity undo` (or `undismiss_pair`) takes it back."""
    a, b = _person(store, first), _person(store, second)
    if a.id == b.id:
        raise UsageError(f"{a.name} (#{a.id}) is one person: name two different people")
    with store.db.transaction():
        new = dismissals.dismiss(store, a.id, b.id, today)
        if new:
            summary = f"marked {a.name} (#{a.id}) and {b.name} (#{b.id}) as not the same person"
            record_change(store, "dismiss", summary, {"dismissed": sorted((a.id, b.id))})
    return Dismissal(a, b, new)


def undismiss_pair(store: Store, first: int, second: int) -> Undismissal:
    """Forget that two people were marked as not the same person."""
    a, b = _person(store, first), _person(store, second)
    with store.db.transaction():
        removed = dismissals.undismiss(store, a.id, b.id)
    return Undismissal(a, b, removed)


def merge_people(store: Store, keep: int, gone: int, today: date) -> Merged:
    """Merge `gone` into `keep`: one person with both histories; `amity undo` reverses it."""
    kept, merged = _person(store, keep), _person(store, gone)
    if kept.id == merged.id:
        raise UsageError(f"{kept.name} (#{kept.id}) is one person already")
    with store.db.transaction():
        summary = f"merged {merged.name} (#{merged.id}) into {kept.name} (#{kept.id})"
        _merge_chunk(store, [(kept.id, merged.id)], today, summary, {})
    return Merged(kept, merged)


def undo_last(store: Store, today: date, *, force: bool = False) -> str:
    """Reverse the last merge or import; later work is kept (see `amity.service.undo`)."""
    from amity.service.undo import undo_change

    return undo_change(store, today, force=force).message()


def apply_pairs(store: Store, min_score: float | None, today: date) -> Applied:
    """Merge every pair at or above `min_score` (sure pairs by default), best first, in
    chunks of `CHUNK` merges, each its own transaction and journal entry; one undo reverses
    them all (the entries share a group). Stopped halfway, the chunks done stay done, and
    undo reverses them. Says how many less sure pairs are left for review."""
    threshold = SURE_SCORE if min_score is None else min_score
    found = find_pairs(store, min(threshold, REVIEW_SCORE))
    planned = _Plan(dismissals.dismissed_pairs(store))
    merged = []
    for pair in (p for p in found if p.score >= threshold):
        roots = planned.roots(pair.a.id, pair.b.id)
        if roots is not None:
            planned.merge(*roots)
            merged.append(MergedPair(*roots, pair.score, pair.reasons))
    plan = planned.merges
    left = sum(1 for p in found if planned.roots(p.a.id, p.b.id) is not None)
    group = {"group": uuid.uuid4().hex, "group_summary": f"merged {len(plan)} duplicate pairs"}
    done: set[tuple[int, int]] = set()
    for start in range(0, len(plan), CHUNK):
        chunk = plan[start : start + CHUNK]
        with store.db.transaction():
            summary = f"merged duplicate pairs {start + 1}-{start + len(chunk)} of {len(plan)}"
            done.update(_merge_chunk(store, chunk, today, summary, group))
    return Applied(tuple(m for m in merged if (m.kept, m.merged) in done), left)


class _Plan:
    """Which person each merge keeps and which goes, following earlier merges. A merge that
    would make one person of two the user said are different (A = B and B = C, but A is
    not C) is left out."""

    def __init__(self, apart: set[tuple[int, int]]) -> None:
        self.into: dict[int, int] = {}
        self.merges: list[tuple[int, int]] = []
        self._members: dict[int, set[int]] = {}
        self._others: dict[int, set[int]] = {}
        for a, b in apart:
            self._others.setdefault(a, set()).add(b)
            self._others.setdefault(b, set()).add(a)

    def roots(self, a: int, b: int) -> tuple[int, int] | None:
        """The (keep, gone) a merge of `a` and `b` would be, or None when it cannot be."""
        keep, gone = _root(self.into, a), _root(self.into, b)
        if keep == gone:
            return None
        if self._others:  # who is in each group matters only when some pairs are apart
            kept, going = self._group(keep), self._group(gone)
            if any(not self._others.get(pid, set()).isdisjoint(going) for pid in kept):
                return None
        return min(keep, gone), max(keep, gone)

    def merge(self, keep: int, gone: int) -> None:
        self.into[gone] = keep
        if self._others:
            self._members[keep] = self._group(keep) | self._group(gone)
            self._members.pop(gone, None)
        self.merges.append((keep, gone))

    def _group(self, root: int) -> set[int]:
        return self._members.get(root, {root})


def _root(into: dict[int, int], pid: int) -> int:
    while pid in into:
        pid = into[pid]
    return pid


def _merge_chunk(
    store: Store,
    merges: Sequence[tuple[int, int]],
    today: date,
    summary: str,
    extra: dict[str, Any],
) -> list[tuple[int, int]]:
    """Merge each (keep, gone) in order, inside the caller's transaction, and journal it.
    Pairs whose people are gone (another writer, between two chunks) are left out; the
    merges done are returned."""
    alive = set(owned(store, "person", sorted({pid for pair in merges for pid in pair})))
    merges = [(keep, gone) for keep, gone in merges if keep in alive and gone in alive]
    if not merges:
        return []
    snapshots = capture_people(store, alive)
    _relink_met_through(store, merges)  # first: deleting the gone sets it to null
    kept = set()
    for keep, gone in merges:
        _merge_into(store, keep, gone)
        kept.add(keep)
        kept.discard(gone)
    for keep in sorted(kept):
        people_store.refresh_current_position(store, keep)
        people_store.reindex_person(store, keep)
    refresh_people(store, kept, today)
    record_change(store, "merge", summary, {"snapshots": list(snapshots.values()), **extra})
    return merges


def _merge_into(store: Store, keep: int, gone: int) -> None:
    a = people_store.person_row(store, keep) or {}
    b = people_store.person_row(store, gone) or {}
    people_store.update_person(store, keep, _fill(a, b))
    dismissals.move_dismissals(store, keep, gone)  # before the generic move: pairs are ordered
    merge_store.move_rows(store, keep, gone)
    delete_person_doc(store, gone)
    merge_store.delete_merged(store, gone)


def _fill(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """What the kept person `a` takes from `b`: fields `a` lacks, the closer circle."""
    fill: dict[str, Any] = {f: b[f] for f in _FILLABLE if b.get(f) and not a.get(f)}
    if b.get("birthday_month") and not a.get("birthday_month"):
        fill.update(
            birthday_month=b["birthday_month"],
            birthday_day=b["birthday_day"],
            birthday_year=b["birthday_year"],
        )
    if _CLOSENESS.index(b["circle"]) < _CLOSENESS.index(a["circle"]):
        fill["circle"] = b["circle"]
    if b.get("cadence_days") and not a.get("cadence_days"):
        fill["cadence_days"] = b["cadence_days"]
    return fill


def _relink_met_through(store: Store, merges: Sequence[tuple[int, int]]) -> None:
    """People met through someone merged away were met through the one kept."""
    into = {gone: keep for keep, gone in merges}
    for row in merge_store.met_through_any(store, sorted(into)):
        root = _root(into, int(row["met_through_id"]))
        merge_store.set_met_through(store, row["id"], None if root == row["id"] else root)
