"""Turn what the user typed (an id, a name, a prefix, a typo) into exactly one person."""

from __future__ import annotations

from amity.engines.contact_points import name_key
from amity.errors import Ambiguous, NotFound, UsageError
from amity.store import Store
from amity.store import people_query as q

FUZZY_ACCEPT = 88.0  # a single fuzzy match at least this good is taken as meant
FUZZY_MARGIN = 6.0  # ... when the runner-up is this much worse


def resolve_person(store: Store, text: str, *, deleted: bool = False) -> tuple[int, str]:
    """The one person `text` names: an id (`42` or `#42`), an exact name, an unambiguous
    prefix, or a close fuzzy match. Raises Ambiguous or NotFound (with suggestions)."""
    raw = text.strip()
    if not raw:
        raise UsageError("a person is needed: give a name or an id")
    digits = raw.removeprefix("#")
    if digits.isdecimal():
        row = q.by_id(store, int(digits), deleted=deleted)
        if row is None:
            raise NotFound(f"no person has id {digits}")
        return int(row["id"]), str(row["name"])
    key = name_key(raw)
    for finder in (q.by_exact_name, q.by_prefix):
        rows = finder(store, key, deleted=deleted)
        if len(rows) == 1:
            return int(rows[0]["id"]), str(rows[0]["name"])
        if len(rows) > 1:
            raise Ambiguous(
                f"{raw!r} matches {len(rows)} people; use an id",
                [(int(r["id"]), str(r["name"])) for r in rows[:10]],
            )
    return _fuzzy(store, raw, key, deleted=deleted)


def _fuzzy(store: Store, raw: str, key: str, *, deleted: bool) -> tuple[int, str]:
    from rapidfuzz import fuzz, process

    rows = q.all_names(store, deleted=deleted)
    choices = {int(r["id"]): str(r["name_key"]) for r in rows}
    best = process.extract(key, choices, scorer=fuzz.WRatio, limit=5)
    names = {int(r["id"]): str(r["name"]) for r in rows}
    if best:
        top_score = best[0][1]
        runner_up = best[1][1] if len(best) > 1 else 0.0
        if top_score >= FUZZY_ACCEPT and top_score - runner_up >= FUZZY_MARGIN:
            found = int(best[0][2])
            return found, names[found]
    suggestions = [f"{names[int(b[2])]} (#{int(b[2])})" for b in best if b[1] >= 60]
    hint = f"; did you mean {', '.join(suggestions[:3])}?" if suggestions else ""
    where = "in the trash" if deleted else "in your network"
    raise NotFound(f"no one called {raw!r} {where}{hint}", suggestions)


def similar_names(store: Store, text: str, limit: int = 3) -> list[tuple[int, str]]:
    """Close names, to mention when a new person is created (maybe they already exist)."""
    from rapidfuzz import fuzz, process

    rows = q.all_names(store)
    choices = {int(r["id"]): str(r["name_key"]) for r in rows}
    names = {int(r["id"]): str(r["name"]) for r in rows}
    found = process.extract(name_key(text), choices, scorer=fuzz.WRatio, limit=limit)
    return [(int(b[2]), names[int(b[2])]) for b in found if b[1] >= 85]
