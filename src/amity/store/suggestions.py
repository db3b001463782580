"""What `amity intros` reads: the profiles worth matching, who already knows whom, your goals.

The profiles stream as plain tuples (`Database.rows`), with the columns of your relationship
with each person as numbers (dates as days before `today`), so 100,000 people cost one pass
and no dict per row. Who already knows whom is read only for the people of the pairs worth
suggesting, through the indexed `tie` and `introduction` pair columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from amity.store.handle import Store

_IN_CHUNK = 500  # ids per IN (...) list


ProfileRow = tuple[int, str, str, str, str, str, str, str, int, int, int, float, int, int]
"""A living person's `id`, `name`, `needs`, `offers`, `interests`, `title`,
`organization`, `headline`, then your relationship's columns: `count` (0: never in touch),
`inbound`, `outbound`, `depth_total`, `known` and `since` (days from the first and the
last contact to today)."""


def _days_before(column: str, store: Store) -> str:
    if store.db.dialect == "sqlite":
        return f"CAST(round(julianday(?) - julianday({column})) AS INTEGER)"
    return f"(CAST(? AS date) - {column})"


def profiles(store: Store, today: date) -> Iterator[ProfileRow]:
    """Every living person (not archived, not in the trash) with something to match: a need,
    an offer, an interest, a title or a headline, as `ProfileRow` tuples (texts are never
    NULL: the columns default to '')."""
    first = _days_before("coalesce(first_contact_on, last_contact_on)", store)
    last = _days_before("last_contact_on", store)
    day = today.isoformat()
    return store.db.rows(  # the columns are as documented
        "SELECT id, name, needs, offers, interests, title, organization, headline, "
        "CASE WHEN last_contact_on IS NULL THEN 0 ELSE interaction_count END, inbound_count, "
        f"outbound_count, depth_total, coalesce({first}, 0), coalesce({last}, 0) FROM person "
        "WHERE owner_id = ? AND archived = ? AND deleted_on IS NULL AND (needs <> '' "
        "OR offers <> '' OR interests <> '' OR title <> '' OR headline <> '')",
        (day, day, store.owner_id, False),
    )


def described(store: Store) -> int:
    """How many living people have a need, an offer or an interest written down."""
    found = store.db.scalar(
        "SELECT count(*) FROM person WHERE owner_id = ? AND archived = ? AND deleted_on IS NULL "
        "AND (needs <> '' OR offers <> '' OR interests <> '')",
        (store.owner_id, False),
    )
    return int(found or 0)


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for lo in range(0, len(ordered), _IN_CHUNK):
        yield ordered[lo : lo + _IN_CHUNK]


def known_pairs(store: Store, ids: Iterable[int]) -> set[tuple[int, int]]:
    """The pairs among these people (lower id first) who know each other or are being
    introduced: a tie that is not hidden, or an introduction in any state."""
    wanted = set(ids)
    found: set[tuple[int, int]] = set()
    for chunk in _chunks(wanted):
        marks = ", ".join("?" * len(chunk))
        rows = store.db.rows(
            "SELECT person_a_id, person_b_id FROM tie WHERE owner_id = ? AND state <> ? "
            f"AND person_a_id IN ({marks}) UNION ALL SELECT person_a_id, person_b_id "
            f"FROM introduction WHERE owner_id = ? AND person_a_id IN ({marks}) "
            f"UNION ALL SELECT person_a_id, person_b_id FROM introduction "
            f"WHERE owner_id = ? AND person_b_id IN ({marks})",
            (store.owner_id, "hidden", *chunk, store.owner_id, *chunk, store.owner_id, *chunk),
        )
        for a, b in rows:
            a, b = int(a), int(b)
            if a in wanted and b in wanted:
                found.add((a, b) if a < b else (b, a))
    return found


def active_goals(store: Store) -> list[tuple[str, str]]:
    """Your goals still being pursued: `(title, detail)`, the detail followed by the
    companies and roles the goal aims at (their words are the goal's words too)."""
    rows = store.db.rows(
        "SELECT id, title, detail FROM goal WHERE owner_id = ? AND status = ? ORDER BY id",
        (store.owner_id, "active"),
    )
    goals = [(int(gid), str(title or ""), str(detail or "")) for gid, title, detail in rows]
    aims: dict[int, list[str]] = {}
    if goals:
        for gid, value in store.db.rows(
            "SELECT t.goal_id, t.value FROM goal_target t JOIN goal g ON g.id = t.goal_id "
            "AND g.owner_id = t.owner_id WHERE t.owner_id = ? AND g.status = ? "
            "AND t.kind IN (?, ?) ORDER BY t.id",
            (store.owner_id, "active", "company", "role"),
        ):
            aims.setdefault(int(gid), []).append(str(value))
    return [(title, " ".join([detail, *aims.get(gid, [])]).strip()) for gid, title, detail in goals]
