"""Turn what the user typed (an id, a name, a prefix, a typo) into exactly one person.

Names are compared as a person reads them: without case, accents or punctuation ("Ben
Obrien" is Ben O'Brien, "jose" is José; see `fold_key`). Suggestions need real likeness of
the letters left after folding: "Nobody Here" suggests no one, not "Ñ Ñ Ñ Ñ".
"""

from __future__ import annotations

from collections.abc import Sequence

from amity.engines.contact_points import fold_key, name_key
from amity.errors import Ambiguous, NotFound, UsageError
from amity.store import Row, Store
from amity.store import people_query as q

FUZZY_ACCEPT = 88.0  # a single fuzzy match at least this good is taken as meant
FUZZY_MARGIN = 6.0  # ... when the runner-up is this much worse
SUGGEST = 75.0  # likeness (0-100) below which a name is not worth suggesting
SIMILAR = 85.0  # likeness at which a new person's name is said to be close to someone's


def resolve_person(store: Store, text: str, *, deleted: bool = False) -> tuple[int, str]:
    """The one person `text` names: an id (`42` or `#42`), an exact name, an unambiguous
    prefix, the same name up to punctuation, or a close fuzzy match. Raises Ambiguous or
    NotFound (with suggestions)."""
    raw = text.strip()
    if not raw:
        raise UsageError("a person is needed: give a name or an id")
    digits = raw.removeprefix("#")
    if digits.isdecimal():
        return person_by_id(store, int(digits), deleted=deleted)
    key = name_key(raw)
    for finder in (q.by_exact_name, q.by_prefix):
        found = _one(raw, finder(store, key, deleted=deleted))
        if found is not None:
            return found
    rows = q.all_names(store, deleted=deleted)
    found = _one(raw, _folded(rows, fold_key(raw)))
    if found is not None:
        return found
    return _fuzzy(raw, rows, deleted=deleted)


def person_by_id(store: Store, person_id: int, *, deleted: bool = False) -> tuple[int, str]:
    """The person with this id and their name; NotFound when the account has none."""
    row = q.by_id(store, person_id, deleted=deleted)
    if row is None:
        raise NotFound(f"no person has id {person_id}")
    return int(row["id"]), str(row["name"])


def person_named(store: Store, text: str) -> tuple[int, str] | None:
    """The one person whose name is `text` up to case, accents and punctuation; None when
    no one's is; Ambiguous when several people's are."""
    raw = text.strip()
    rows = q.by_exact_name(store, name_key(raw)) or _folded(q.all_names(store), fold_key(raw))
    return _one(raw, rows)


def _one(raw: str, rows: Sequence[Row]) -> tuple[int, str] | None:
    if len(rows) > 1:
        raise Ambiguous(
            f"{raw!r} matches {len(rows)} people; use an id",
            [(int(r["id"]), str(r["name"])) for r in rows[:10]],
        )
    return (int(rows[0]["id"]), str(rows[0]["name"])) if rows else None


def _folded(rows: Sequence[Row], folded: str) -> list[Row]:
    if not folded:
        return []
    found = [r for r in rows if fold_key(str(r["name_key"])) == folded]
    return sorted(found, key=lambda r: int(r["id"]))


def _fuzzy(raw: str, rows: Sequence[Row], *, deleted: bool) -> tuple[int, str]:
    best = _likeness(fold_key(raw), rows, SUGGEST, 5)
    names = {int(r["id"]): str(r["name"]) for r in rows}
    if best:
        top_score = best[0][1]
        runner_up = best[1][1] if len(best) > 1 else 0.0
        if top_score >= FUZZY_ACCEPT and top_score - runner_up >= FUZZY_MARGIN:
            return best[0][0], names[best[0][0]]
    suggestions = [f"{names[pid]} (#{pid})" for pid, _ in best]
    hint = f"; did you mean {', '.join(suggestions[:3])}?" if suggestions else ""
    where = "in the trash" if deleted else "in your network"
    raise NotFound(f"no one called {raw!r} {where}{hint}", suggestions)


def _likeness(
    folded: str, rows: Sequence[Row], cutoff: float, limit: int
) -> list[tuple[int, float]]:
    """People whose folded name is like `folded`, best first: the whole name in any word
    order ("smith jon" ~ "John Smith"), or, for one word of four letters or more, one word
    of the name ("lovlace" ~ "Ada Lovelace")."""
    from rapidfuzz import fuzz, process

    if not folded:
        return []
    choices = {int(r["id"]): fold_key(str(r["name_key"])) for r in rows}
    scores: dict[int, float] = {}
    for _, score, pid in process.extract(
        folded, choices, scorer=fuzz.token_sort_ratio, limit=limit, score_cutoff=cutoff
    ):
        scores[int(pid)] = float(score)
    if " " not in folded and len(folded) >= 4:
        words = {
            (pid, n): word
            for pid, name in choices.items()
            for n, word in enumerate(name.split())
            if len(word) >= 3
        }
        for _, score, (pid, _) in process.extract(
            folded, words, scorer=fuzz.ratio, limit=limit * 2, score_cutoff=cutoff
        ):
            scores[pid] = max(scores.get(pid, 0.0), float(score))
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:limit]


def similar_names(store: Store, text: str, limit: int = 3) -> list[tuple[int, str]]:
    """Close names, to mention when a new person is created (maybe they already exist)."""
    rows = q.all_names(store)
    names = {int(r["id"]): str(r["name"]) for r in rows}
    return [(pid, names[pid]) for pid, _ in _likeness(fold_key(text), rows, SIMILAR, limit)]
