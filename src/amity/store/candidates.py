"""People as the duplicate matcher sees them, loaded in a few set-wise queries."""

from __future__ import annotations

from collections import defaultdict

from amity.engines.contact_points import is_linkedin_profile
from amity.engines.dedupe import Candidate
from amity.store.session import Store


def load_candidates(store: Store, person_ids: list[int] | None = None) -> list[Candidate]:
    where, params = "p.owner_id = ? AND p.deleted_on IS NULL", [store.owner_id]
    rows = store.db.query(
        "SELECT p.id, p.name, p.given_name, p.family_name, p.organization, p.location, "
        "p.birthday_month, p.birthday_day, p.birthday_year FROM person p WHERE " + where,
        params,
    )
    points: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in store.db.query(
        "SELECT c.person_id, c.kind, c.normalized FROM contact_point c "
        "WHERE c.owner_id = ? AND c.kind IN ('email', 'phone', 'url', 'social', 'address') "
        "ORDER BY c.id",
        (store.owner_id,),
    ):
        points[int(row["person_id"])][row["kind"]].append(row["normalized"])
    wanted = set(person_ids) if person_ids is not None else None
    out = []
    for row in rows:
        pid = int(row["id"])
        if wanted is not None and pid not in wanted:
            continue
        mine = points.get(pid, {})
        urls = [u for u in mine.get("url", []) + mine.get("social", []) if is_linkedin_profile(u)]
        addresses = mine.get("address", [])
        out.append(
            Candidate(
                id=pid,
                name=row["name"],
                given_name=row["given_name"],
                family_name=row["family_name"],
                emails=tuple(mine.get("email", [])),
                phones=tuple(mine.get("phone", [])),
                linkedin=urls[0] if urls else "",
                organization=row["organization"],
                birthday=_birthday(row),
                # a street address says more than a town; a vCard keeps it as an ADR
                location=addresses[0] if addresses else row["location"],
            )
        )
    return out


def _birthday(row: dict[str, object]) -> str:
    month, day, year = row["birthday_month"], row["birthday_day"], row["birthday_year"]
    if not month or not day:
        return ""
    if year:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"--{month:02d}-{day:02d}"
