"""Reading people: lists with filters, summaries, and lookups by name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from amity.engines.tiers import (
    ACTIVE_MAX_DAYS,
    ACTIVE_MIN_SCORE,
    COOLING_MAX_DAYS,
    COOLING_MIN_SCORE,
    CORE_MAX_DAYS,
    CORE_MIN_SCORE,
    NEW_DAYS,
)
from amity.store.database import Row, as_date
from amity.store.handle import Store

Sort = Literal["name", "last", "strength"]

_ORDER: dict[str, str] = {
    "name": "p.name_key, p.id",
    "last": "p.last_contact_on DESC NULLS LAST, p.name_key, p.id",
    "strength": "p.strength DESC, p.name_key, p.id",
}

SUMMARY_COLUMNS = (
    "p.id, p.name, p.circle, p.organization, p.title, p.last_contact_on, p.strength, "
    "p.next_due_on, p.archived"
)


# What the user types is matched literally: `10%` is not "10 and anything", `a_b` not "a?b".
LIKE_ESCAPE = "ESCAPE '\\'"


def like_literal(text: str) -> str:
    """`text` for a LIKE pattern, its wildcards (`%`, `_`) and the escape itself escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(slots=True)
class PeopleFilter:
    tags: list[str] = field(default_factory=list)
    circle: str | None = None
    company: str | None = None
    name: str | None = None
    include_archived: bool = False
    ids: list[int] | None = None  # restrict to these people (e.g. search hits)
    tier: str | None = None  # core, active, cooling, dormant, new (from the stored strength)
    source: str | None = None  # linkedin, vcard, csv, or manual (never imported)
    today: date | None = None  # the day tiers are judged on

    def where(self) -> tuple[str, list[Any]]:
        """The filter's conditions on `person p`, after the account's (`p.owner_id = ?`),
        which each statement names itself."""
        clauses = ["p.deleted_on IS NULL"]
        params: list[Any] = []
        if not self.include_archived:
            clauses.append("p.archived = ?")
            params.append(False)
        if self.circle:
            clauses.append("p.circle = ?")
            params.append(self.circle)
        if self.company:
            clauses.append(f"lower(p.organization) LIKE ? {LIKE_ESCAPE}")
            params.append(f"%{like_literal(self.company.lower())}%")
        if self.name:
            clauses.append(f"p.name_key LIKE ? {LIKE_ESCAPE}")
            params.append(f"%{like_literal(self.name.lower())}%")
        for tag in self.tags:
            clauses.append(
                "EXISTS (SELECT 1 FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
                "WHERE pt.person_id = p.id AND t.name = ?)"
            )
            params.append(tag.lower())
        if self.tier:
            if self.today is None:  # a programming error: tiers are judged on a given day
                raise ValueError("a tier filter needs `today`")
            sql, values = _tier_sql(self.tier, self.today)
            clauses.append(sql)
            params.extend(values)
        if self.source == "manual":
            clauses.append("NOT EXISTS (SELECT 1 FROM source_record s WHERE s.person_id = p.id)")
        elif self.source:
            clauses.append(
                "EXISTS (SELECT 1 FROM source_record s WHERE s.person_id = p.id AND s.source = ?)"
            )
            params.append(self.source)
        if self.ids is not None:
            if not self.ids:
                clauses.append("1 = 0")
            else:
                clauses.append(f"p.id IN ({', '.join('?' * len(self.ids))})")
                params.extend(self.ids)
        return " AND ".join(clauses), params


def _tier_sql(tier: str, today: date) -> tuple[str, list[Any]]:
    """The strength engine's tiers (amity.engines.strength.tier) as SQL over the stored score,
    first and last contact, so a list of 100,000 people filters in the database."""

    def since(days: int) -> str:
        return (today - timedelta(days=days)).isoformat()

    new = "(p.interaction_count > 0 AND p.first_contact_on > ?)"
    core = f"(p.strength >= {CORE_MIN_SCORE} AND p.last_contact_on >= ?)"
    active = f"(p.strength >= {ACTIVE_MIN_SCORE} AND p.last_contact_on >= ?)"
    cooling = f"(p.strength >= {COOLING_MIN_SCORE} AND p.last_contact_on >= ?)"
    n = since(NEW_DAYS)
    c, a, k = since(CORE_MAX_DAYS), since(ACTIVE_MAX_DAYS), since(COOLING_MAX_DAYS)
    old = f"NOT {new} AND p.interaction_count > 0"
    forms: dict[str, tuple[str, list[Any]]] = {
        "new": (new, [n]),
        "core": (f"({old} AND {core})", [n, c]),
        "active": (f"({old} AND NOT {core} AND {active})", [n, c, a]),
        "cooling": (f"({old} AND NOT {core} AND NOT {active} AND {cooling})", [n, c, a, k]),
        "dormant": (
            f"(NOT ({new} OR {core} OR {active} OR {cooling}) OR p.last_contact_on IS NULL)",
            [n, c, a, k],
        ),
    }
    return forms[tier]


def list_people(
    store: Store,
    where: PeopleFilter,
    sort: Sort = "name",
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[Row], int]:
    sql_where, values = where.where()
    params = (store.owner_id, *values)
    total = int(
        store.db.scalar(
            f"SELECT count(*) FROM person p WHERE p.owner_id = ? AND {sql_where}", params
        )
        or 0
    )
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    rows = store.db.query(
        f"SELECT {SUMMARY_COLUMNS} FROM person p WHERE p.owner_id = ? AND {sql_where} "
        f"ORDER BY {_ORDER[sort]}{page}",
        params,
    )
    return with_tags(store, rows), total


def matching_ids(store: Store, where: PeopleFilter) -> list[int]:
    sql_where, values = where.where()
    rows = store.db.query(
        f"SELECT p.id FROM person p WHERE p.owner_id = ? AND {sql_where}",
        (store.owner_id, *values),
    )
    return [int(r["id"]) for r in rows]


def summaries(store: Store, ids: Sequence[int]) -> list[Row]:
    """People summaries in the order of `ids` (search results keep their rank)."""
    if not ids:
        return []
    rows = store.db.query(
        f"SELECT {SUMMARY_COLUMNS} FROM person p WHERE p.owner_id = ? AND p.deleted_on IS NULL "
        f"AND p.id IN ({', '.join('?' * len(ids))})",
        (store.owner_id, *ids),
    )
    by_id = {int(r["id"]): r for r in rows}
    return with_tags(store, [by_id[i] for i in ids if i in by_id])


def with_tags(store: Store, rows: list[Row]) -> list[Row]:
    if not rows:
        return rows
    tags: dict[int, list[str]] = {int(r["id"]): [] for r in rows}
    ids = list(tags)
    for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        for row in store.db.query(
            "SELECT pt.person_id, t.name FROM person_tag pt JOIN tag t ON t.id = pt.tag_id "
            f"WHERE pt.person_id IN ({', '.join('?' * len(chunk))}) AND +pt.owner_id = ? "
            "ORDER BY t.name",
            (*chunk, store.owner_id),
        ):
            tags[int(row["person_id"])].append(row["name"])
    for row in rows:
        row["tags"] = tags[int(row["id"])]
        row["last_contact_on"] = as_date(row["last_contact_on"])
        row["next_due_on"] = as_date(row["next_due_on"])
        row["archived"] = bool(row["archived"])
    return rows


def by_id(store: Store, person_id: int, *, deleted: bool = False) -> Row | None:
    return store.db.one(
        "SELECT id, name FROM person WHERE id = ? AND owner_id = ? AND deleted_on IS "
        + ("NOT NULL" if deleted else "NULL"),
        (person_id, store.owner_id),
    )


def by_exact_name(store: Store, key: str, *, deleted: bool = False) -> list[Row]:
    return store.db.query(
        "SELECT id, name FROM person WHERE owner_id = ? AND name_key = ? AND deleted_on IS "
        + ("NOT NULL" if deleted else "NULL")
        + " ORDER BY id",
        (store.owner_id, key),
    )


def by_prefix(store: Store, key: str, *, deleted: bool = False, limit: int = 20) -> list[Row]:
    """Names starting with `key`, or with a word starting with it ("ada" finds "Ada Lovelace",
    "love" finds "Ada Lovelace")."""
    state = "NOT NULL" if deleted else "NULL"
    return store.db.query(
        f"SELECT id, name FROM person WHERE owner_id = ? AND deleted_on IS {state} AND "
        f"((name_key >= ? AND name_key < ?) OR name_key LIKE ? {LIKE_ESCAPE}) "
        "ORDER BY name_key, id LIMIT ?",
        (store.owner_id, key, key + "\uffff", f"% {like_literal(key)}%", limit),
    )


def all_names(store: Store, *, deleted: bool = False) -> list[Row]:
    return store.db.query(
        "SELECT id, name, name_key FROM person WHERE owner_id = ? AND deleted_on IS "
        + ("NOT NULL" if deleted else "NULL"),
        (store.owner_id,),
    )


def living_ids(store: Store) -> list[int]:
    """Every person of the account not in the trash."""
    rows = store.db.query(
        "SELECT id FROM person WHERE owner_id = ? AND deleted_on IS NULL ORDER BY id",
        (store.owner_id,),
    )
    return [int(row["id"]) for row in rows]
