"""Pairs of people the user said are not one person (`amity dedupe --dismiss`)."""

from __future__ import annotations

from datetime import date

from amity.store.handle import Store


def _ordered(first: int, second: int) -> tuple[int, int]:
    return (first, second) if first < second else (second, first)


def dismiss(store: Store, first: int, second: int, today: date) -> bool:
    """Remember that these two are different people; False when it was known already."""
    a, b = _ordered(first, second)
    if is_dismissed(store, a, b):
        return False
    store.db.execute(
        "INSERT INTO dismissed_pair (owner_id, person_a_id, person_b_id, dismissed_on) "
        "VALUES (?, ?, ?, ?)",
        (store.owner_id, a, b, today.isoformat()),
    )
    return True


def undismiss(store: Store, first: int, second: int) -> bool:
    """Forget the dismissal; False when there was none."""
    a, b = _ordered(first, second)
    if not is_dismissed(store, a, b):
        return False
    store.db.execute(
        "DELETE FROM dismissed_pair WHERE owner_id = ? AND person_a_id = ? AND person_b_id = ?",
        (store.owner_id, a, b),
    )
    return True


def is_dismissed(store: Store, first: int, second: int) -> bool:
    a, b = _ordered(first, second)
    return bool(
        store.db.scalar(
            "SELECT 1 FROM dismissed_pair WHERE owner_id = ? AND person_a_id = ? "
            "AND person_b_id = ?",
            (store.owner_id, a, b),
        )
    )


def dismissed_pairs(store: Store) -> set[tuple[int, int]]:
    """Every dismissed pair of this account, each as (lower id, higher id)."""
    rows = store.db.query(
        "SELECT person_a_id, person_b_id FROM dismissed_pair WHERE owner_id = ?",
        (store.owner_id,),
    )
    return {(int(r["person_a_id"]), int(r["person_b_id"])) for r in rows}


def move_dismissals(store: Store, keep: int, gone: int) -> None:
    """`gone` is being merged into `keep`: who was not `gone` is not `keep` either. The pair
    of the two themselves goes (the user merged them after all)."""
    rows = store.db.query(
        "SELECT id, person_a_id, person_b_id, dismissed_on FROM dismissed_pair "
        "WHERE (person_a_id = ? OR person_b_id = ?) AND +owner_id = ?",
        (gone, gone, store.owner_id),
    )
    for row in rows:
        other = int(row["person_b_id"] if row["person_a_id"] == gone else row["person_a_id"])
        store.db.execute(
            "DELETE FROM dismissed_pair WHERE id = ? AND owner_id = ?", (row["id"], store.owner_id)
        )
        if other == keep:
            continue
        a, b = _ordered(keep, other)
        if not is_dismissed(store, a, b):
            store.db.execute(
                "INSERT INTO dismissed_pair (owner_id, person_a_id, person_b_id, dismissed_on) "
                "VALUES (?, ?, ?, ?)",
                (store.owner_id, a, b, row["dismissed_on"]),
            )
